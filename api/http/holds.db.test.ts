// Companies that confirm their meetings: the slot is held while they decide; accept,
// decline, propose another time (the buyer answers through their link), expiry, and the
// outcome afterwards. Real database, real API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { expireHold } from '../jobs/hold-jobs.ts';
import { recordOutcome } from '../repositories/inbox.ts';
import { createApi } from './app.ts';

let now = Date.parse('2026-12-01T00:00:00Z'); // a Tuesday
const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 'h'.repeat(40), HOLD_HOURS: '24' });
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;
let owner = '';
let n = 0;

const buyer = { name: 'Jane Doe', company: 'Acme Imports', country: 'US', email: 'jane@acme.test', language: 'en', timeZone: 'America/New_York' };
const slotsOn = async (day: string) => {
  const res = await app.request(`/products/vitamin-c-serum/slots?tz=America/New_York&from=${day}T00:00:00Z&to=${day}T23:59:00Z`);
  return ((await res.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
};
const book = async (start: string, who = buyer) => {
  const res = await app.request('/meeting-requests', jsonPost({ productSlug: 'vitamin-c-serum', buyer: who, preferredSlots: [start] }));
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; status: string; awaiting: string | null; holdExpiresAt: string | null; manageUrl: string; startsAt: string };
};
const portal = (path: string, body?: unknown) =>
  app.request(`/portal/companies/hanbit-cosmetics${path}`, body === undefined
    ? { headers: { origin: ORIGIN, cookie: owner } }
    : jsonPost(body, owner));
const inbox = async () => (await (await portal('/consultations')).json()) as { waitingForYou: { id: string; startsAt: string }[]; consultations: { id: string; status: string; outcome: string | null }[] };
const manage = (url: string, action = '') => app.request(`${new URL(url).pathname.replace(/^\/api/, '')}${action}`, {
  method: action ? 'POST' : 'GET', headers: { accept: 'application/json', origin: ORIGIN },
});
const mailJobs = async (event: string) =>
  (await sql<{ role: string }>`select data->>'role' as role from pgboss.job where name = 'email' and data->>'event' = ${event} order by 1`.execute(handle.db)).rows.map((r) => r.role);

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  jobs = await startJobQueue(handle, silentLogger); // enqueue only
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
});
beforeEach(async () => {
  now = Date.parse('2026-12-01T00:00:00Z');
  await sql`truncate users, pavilions, companies, rooms, interpreters, buyers, idempotency_keys, auth_rate_limits restart identity cascade`.execute(handle.db);
  await sql`delete from pgboss.job where name in ('email', 'hold-expiry')`.execute(handle.db);
  const { companyId } = await insertFixtureCatalogue(handle.db);
  await handle.db.updateTable('companies').set({ requires_confirmation: true }).where('id', '=', companyId).execute();
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: mail.send, now: () => now, clientIp: () => `10.4.0.${++n % 250}` });
  owner = await signedInUser(app, mail, `owner${n}@hanbit.example`);
  const user = await handle.db.selectFrom('users').select('id').where('email', 'like', 'owner%').executeTakeFirstOrThrow();
  await handle.db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner' }).execute();
});

describe('a company that confirms its meetings', () => {
  it('holds the slot: the buyer hears it is requested, the company is asked, nobody else can take it', async () => {
    const [first] = await slotsOn('2026-12-07');
    const held = await book(first!);
    expect(held).toMatchObject({ status: 'held', awaiting: 'company' });
    expect(Date.parse(held.holdExpiresAt!)).toBe(now + 24 * 3_600_000);
    expect(await slotsOn('2026-12-07')).not.toContain(first);
    expect(await mailJobs('held')).toEqual(['buyer', 'company']); // no invitation to anyone yet
    const box = await inbox();
    expect(box.waitingForYou.map((w) => w.startsAt)).toEqual([first]);
    const page = await (await manage(held.manageUrl)).json();
    expect(page).toMatchObject({ status: 'held', awaiting: 'company' });
  });

  it('accepted, it is scheduled and everyone gets the invitation', async () => {
    const [first] = await slotsOn('2026-12-07');
    await book(first!);
    const { waitingForYou: [request] } = await inbox();
    const res = await portal(`/consultations/${request!.id}/accept`, {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'scheduled', awaiting: null });
    expect(await mailJobs('scheduled')).toEqual(['buyer', 'company']); // no interpreter is booked
    // Answering twice is a conflict, not a second meeting.
    expect((await portal(`/consultations/${request!.id}/accept`, {})).status).toBe(409);
  });

  it('declined with a reason, the slot is free again and the buyer is told why', async () => {
    const [first] = await slotsOn('2026-12-07');
    const held = await book(first!);
    const { waitingForYou: [request] } = await inbox();
    expect((await portal(`/consultations/${request!.id}/decline`, { reason: '' })).status).toBe(400);
    const res = await portal(`/consultations/${request!.id}/decline`, { reason: 'Our export manager travels that week.' });
    expect(await res.json()).toMatchObject({ status: 'declined', declineReason: 'Our export manager travels that week.' });
    expect(await slotsOn('2026-12-07')).toContain(first);
    expect(await mailJobs('declined')).toEqual(['buyer']);
    expect(await (await manage(held.manageUrl)).json()).toMatchObject({ status: 'declined' });
  });

  it('proposes another time, held for the buyer, who accepts it through the manage link', async () => {
    const [first, , third] = await slotsOn('2026-12-07');
    const held = await book(first!);
    const { waitingForYou: [request] } = await inbox();
    const options = (await (await portal(`/consultations/${request!.id}/proposal-options`)).json()) as { slots: { start: string }[] };
    expect(options.slots.map((s) => s.start)).toContain(third);
    expect(options.slots.map((s) => s.start)).not.toContain(first);
    const proposed = await portal(`/consultations/${request!.id}/propose`, { start: third });
    expect(proposed.status).toBe(200);
    expect(await proposed.json()).toMatchObject({ status: 'held', awaiting: 'buyer', startsAt: third });
    expect(await slotsOn('2026-12-07')).toContain(first); // the first time is released
    expect(await mailJobs('proposed')).toEqual(['buyer']);
    // The company cannot answer its own proposal.
    expect((await portal(`/consultations/${request!.id}/accept`, {})).status).toBe(409);

    const accepted = await manage(held.manageUrl, '/accept');
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: 'scheduled', startsAt: third });
    expect(await mailJobs('scheduled')).toEqual(['buyer', 'company']); // no interpreter is booked
  });

  it('a proposal the buyer declines ends the request', async () => {
    const [first, second] = await slotsOn('2026-12-07');
    const held = await book(first!);
    const { waitingForYou: [request] } = await inbox();
    await portal(`/consultations/${request!.id}/propose`, { start: second });
    expect(await (await manage(held.manageUrl, '/decline')).json()).toMatchObject({ status: 'declined' });
    expect((await manage(held.manageUrl, '/accept')).status).toBe(409);
  });

  it('refuses to propose a time that is not free', async () => {
    const [first, second] = await slotsOn('2026-12-07');
    await book(first!);
    await book(second!, { ...buyer, email: 'other@buyer.test' });
    const { waitingForYou } = await inbox();
    const res = await portal(`/consultations/${waitingForYou[0]!.id}/propose`, { start: second });
    expect(res.status).toBe(409);
  });

  it('an unanswered hold expires: declined, the buyer told, the slot free', async () => {
    const [first] = await slotsOn('2026-12-07');
    const held = await book(first!);
    const { waitingForYou: [request] } = await inbox();
    expect(await expireHold({ db: handle.db, jobs }, request!.id, new Date(now + 23 * 3_600_000))).toBe(false); // not yet
    expect(await expireHold({ db: handle.db, jobs }, request!.id, new Date(now + 24 * 3_600_000))).toBe(true);
    expect(await (await manage(held.manageUrl)).json()).toMatchObject({ status: 'declined', declineReason: 'The company did not answer in time.' });
    expect(await slotsOn('2026-12-07')).toContain(first);
    const [expiry] = (await sql<{ start_after: Date }>`select start_after from pgboss.job where name = 'hold-expiry'`.execute(handle.db)).rows;
    expect(expiry!.start_after.getTime()).toBe(Date.parse(held.holdExpiresAt!));
  });

  it('records the outcome and deal value after the meeting, not before, and a deal value only where there is a deal', async () => {
    const [first] = await slotsOn('2026-12-07');
    await book(first!);
    const { waitingForYou: [request] } = await inbox();
    await portal(`/consultations/${request!.id}/accept`, {});
    expect((await portal(`/consultations/${request!.id}/outcome`, { outcome: 'contract_signed', dealValueUsd: 125000 })).status).toBe(409);
    now = Date.parse('2026-12-08T00:00:00Z');
    expect((await portal(`/consultations/${request!.id}/outcome`, { outcome: 'bought_everything' })).status).toBe(400);
    // A deal value with "no interest" contradicts itself: refused on the field, nothing recorded.
    const contradiction = await portal(`/consultations/${request!.id}/outcome`, { outcome: 'no_interest', dealValueUsd: 5000 });
    expect(contradiction.status).toBe(400);
    expect(JSON.stringify(await contradiction.json())).toContain('dealValueUsd');
    expect((await inbox()).consultations.find((m) => m.id === request!.id)).toMatchObject({ outcome: null });
    const res = await portal(`/consultations/${request!.id}/outcome`, { outcome: 'contract_signed', dealValueUsd: 125000 });
    expect(await res.json()).toMatchObject({ status: 'completed', outcome: 'contract_signed', dealValueUsd: 125000 });
  });

  it('an outcome cannot land on a meeting that was cancelled or moved meanwhile', async () => {
    const [first] = await slotsOn('2026-12-07');
    await book(first!);
    const { waitingForYou: [request] } = await inbox();
    await portal(`/consultations/${request!.id}/accept`, {});
    const id = request!.id;
    // The guarded update itself (what runs after the service's checks, under the row lock):
    // staff cancelled it between the company's read and its write.
    await handle.db.updateTable('consultations').set({ status: 'cancelled' }).where('id', '=', id).execute();
    expect(await recordOutcome(handle.db, id, { outcome: 'sample_sent', dealValueUsd: null }, new Date('2026-12-08T00:00:00Z'))).toBe(false);
    // ...or moved it to a later day.
    await handle.db.updateTable('consultations').set({ status: 'scheduled' }).where('id', '=', id).execute();
    expect(await recordOutcome(handle.db, id, { outcome: 'sample_sent', dealValueUsd: null }, new Date(Date.parse(first!) - 60_000))).toBe(false);
    const row = await handle.db.selectFrom('consultations').select(['status', 'outcome']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'scheduled', outcome: null });
    expect(await recordOutcome(handle.db, id, { outcome: 'sample_sent', dealValueUsd: null }, new Date('2026-12-08T00:00:00Z'))).toBe(true);
  });
});
