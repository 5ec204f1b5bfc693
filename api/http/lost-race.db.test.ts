// A booking that loses its race for every room it tried, while the hall still has room: one
// attempt tries at most 40 rooms and interpreters, so it looks again with fresh availability
// before it queues the buyer or refuses them. The race is made real: another transaction
// books the company at the first free time and commits while this request's insert waits
// on it. PostgreSQL only: PGlite is a single session, where nothing runs concurrently.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlledTransaction } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { tryInsertConsultation } from '../repositories/bookings.ts';
import type { Database } from '../db/schema.ts';
import { createApi } from './app.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z'); // a Tuesday
const config = loadConfig({ PUBLIC_URL: 'http://hall.test' });
const onServer = Boolean(loadConfig().testDatabaseUrl);
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let companyId = '';
let rooms: string[] = [];
let n = 0;

const buyer = () => ({ name: 'Jane Doe', company: 'Acme Imports', country: 'US', email: `jane${++n}@acme.test`, language: 'en', timeZone: 'America/New_York' });
const post = (body: unknown) => app.request('/meeting-requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const firstSlots = async () =>
  ((await (await app.request('/products/vitamin-c-serum/slots?tz=America/New_York')).json()) as { slots: { start: string }[] }).slots.map((s) => s.start);

/** Another booking of the company at `start`, made in a transaction left open. */
async function otherBookingAt(start: string): Promise<ControlledTransaction<Database>> {
  const trx = await handle.db.startTransaction().execute();
  const other = await trx.insertInto('buyers').values({ email: `other${++n}@buyer.test`, name: 'O', company_name: 'O', country: 'JP', language: 'en', time_zone: 'Asia/Tokyo' })
    .returning('id').executeTakeFirstOrThrow();
  const request = await trx.insertInto('meeting_requests').values({ buyer_id: other.id, company_id: companyId, language: 'en', time_zone: 'Asia/Tokyo' })
    .returning('id').executeTakeFirstOrThrow();
  const at = new Date(start);
  expect(await tryInsertConsultation(trx, {
    meetingRequestId: request.id, companyId, buyerId: other.id, roomId: rooms[0]!, interpreterId: null, interpreterLanguage: null,
    startsAt: at, endsAt: new Date(at.getTime() + 30 * 60_000), roomFreeAt: new Date(at.getTime() + 40 * 60_000), videoRoom: `v-${n}`, manageTokenHash: `h-${n}`,
  })).toBeDefined();
  return trx;
}

/** The request, sent while `trx` holds the time; `trx` commits once the request waits on it. */
async function racing(trx: ControlledTransaction<Database>, body: unknown): Promise<Response> {
  let settled = false;
  const answer = Promise.resolve(post(body)).finally(() => { settled = true; });
  await new Promise((r) => setTimeout(r, 300));
  if (settled) await trx.rollback().execute(); // never left open, whatever the outcome
  expect(settled, 'the booking waits for the other transaction').toBe(false);
  await trx.commit().execute();
  return answer;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  // More rooms than one attempt tries: losing the first time takes every option of the attempt.
  ({ companyId } = await insertFixtureCatalogue(handle.db, { rooms: 45 }));
  rooms = (await handle.db.selectFrom('rooms').select('id').orderBy('id').execute()).map((r) => r.id);
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, now: () => NOW });
}, 60_000);
afterAll(async () => handle?.close());

describe.runIf(onServer)('a booking that loses its race', () => {
  it('for the first available time books the next free one, instead of queueing the buyer for staff', async () => {
    const [first, second] = await firstSlots();
    const res = await racing(await otherBookingAt(first!), { productSlug: 'vitamin-c-serum', buyer: buyer() });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'scheduled', startsAt: second });
  });

  it('for times the buyer chose books the next of them that is still free, without a 409', async () => {
    const [, , third, fourth] = await firstSlots(); // the first two are booked by now
    const res = await racing(await otherBookingAt(third!), { productSlug: 'vitamin-c-serum', buyer: buyer(), preferredSlots: [third, fourth] });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(await res.json()).toMatchObject({ status: 'scheduled', startsAt: fourth });
  });

  it('with every chosen time gone answers 409 with fresh alternatives, none of them taken', async () => {
    const [fifth] = await firstSlots();
    const res = await racing(await otherBookingAt(fifth!), { productSlug: 'vitamin-c-serum', buyer: buyer(), preferredSlots: [fifth] });
    expect(res.status).toBe(409);
    const { alternatives } = (await res.json()) as { alternatives: { start: string }[] };
    expect(alternatives.length).toBeGreaterThan(0);
    expect(alternatives.map((a) => a.start)).not.toContain(fifth);
  });
});
