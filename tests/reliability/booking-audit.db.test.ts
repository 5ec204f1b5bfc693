// The load test's audit must see what it is there to see: sound bookings pass, and each kind
// of damage (a double booking, a booking answered but not stored or stored otherwise, a
// consultation without its history, a booking without its e-mails) is reported.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../../api/test-support/test-database.ts';
import { insertFixtureCatalogue } from '../../api/test-support/fixtures.ts';
import { jsonPost, ORIGIN } from '../../api/test-support/accounts.ts';
import { migrateToLatest } from '../../api/db/migrate.ts';
import { loadConfig } from '../../api/config.ts';
import { silentLogger } from '../../api/lib/logger.ts';
import { startJobQueue, type JobQueue } from '../../api/jobs/queue.ts';
import { createApi } from '../../api/http/app.ts';
import { auditBookings, type Answered } from './booking-audit.ts';

const now = Date.parse('2026-12-01T00:00:00Z');
const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 'a'.repeat(40), RATE_LIMIT_WRITES: '0' });
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
const answered: Answered[] = [];

const problemsOf = async (list: Answered[]) => (await auditBookings(handle.db, list)).flatMap((a) => a.problems);

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  jobs = await startJobQueue(handle, silentLogger); // enqueue only
  await insertFixtureCatalogue(handle.db, { rooms: 2 });
  const app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, now: () => now });
  const slots = ((await (await app.request('/products/vitamin-c-serum/slots?tz=Asia/Tokyo&from=2026-12-07T00:00:00Z&to=2026-12-07T23:59:00Z')).json()) as { slots: { start: string }[] }).slots;
  for (const [i, start] of [slots[0]!.start, slots[4]!.start].entries()) {
    const res = await app.request('/meeting-requests', jsonPost({
      productSlug: 'vitamin-c-serum', preferredSlots: [start],
      buyer: { name: `Buyer ${i}`, company: 'Audit Imports', country: 'JP', email: `b${i}@audit.test`, language: 'ja', timeZone: 'Asia/Tokyo' },
    }));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { id: string; status: string; startsAt: string };
    answered.push({ status: 201, id: body.id, bookingStatus: body.status, startsAt: body.startsAt });
  }
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
});

describe('the booking audit', () => {
  it('finds nothing wrong with sound bookings', async () => {
    expect(await problemsOf(answered)).toEqual([]);
  });

  it('reports answers the database does not bear out', async () => {
    const [a, b] = answered as [Answered, Answered];
    const problems = await problemsOf([
      { status: 201, id: '999999', bookingStatus: 'scheduled', startsAt: a.startsAt! },
      { ...a, startsAt: b.startsAt! },
      { status: 202, id: b.id, bookingStatus: 'queued' },
    ]);
    expect(problems).toEqual([
      'request 999999 was answered 201 but is not stored',
      `request ${a.id} was answered for ${b.startsAt} but is stored for ${a.startsAt}`,
      `request ${b.id} was answered 202 (queued) but is scheduled`,
    ]);
  });

  it('reports a booking without its e-mails, without its history, and a double booking', async () => {
    const [a, b] = answered as [Answered, Answered];
    const consultation = async (request: string) => String((await handle.db.selectFrom('consultations').select('id').where('meeting_request_id', '=', request).executeTakeFirstOrThrow()).id);
    const [ca, cb] = [await consultation(a.id), await consultation(b.id)];
    await sql`delete from pgboss.job where name = 'email' and data->>'consultationId' = ${cb} and data->>'role' = 'company'`.execute(handle.db);
    expect(await problemsOf(answered)).toEqual([`consultation ${cb} (scheduled) has no e-mail queued for company`]);

    await sql`delete from consultation_events where consultation_id = ${ca}::bigint`.execute(handle.db);
    expect(await problemsOf(answered)).toContain(`consultation ${ca} lacks its request or its history`);

    // The database's exclusion constraints forbid a double booking: lift them to make one.
    const { rows } = await sql<{ name: string }>`select conname as name from pg_constraint where conrelid = 'consultations'::regclass and contype = 'x'`.execute(handle.db);
    for (const r of rows) await sql`alter table consultations drop constraint ${sql.id(r.name)}`.execute(handle.db);
    await sql`update consultations set (starts_at, ends_at, room_free_at, room_id, interpreter_id) =
      (select starts_at, ends_at, room_free_at, room_id, interpreter_id from consultations where id = ${ca}::bigint) where id = ${cb}::bigint`.execute(handle.db);
    const problems = await problemsOf(answered);
    for (const what of ['company', 'room (with its turnover buffer)', 'interpreter']) {
      expect(problems).toContain(`consultations ${ca} and ${cb} book the same ${what} at overlapping times`);
    }
  });
});
