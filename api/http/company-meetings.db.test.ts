// A company that does not confirm its meetings (they are booked outright) acting on them
// from its inbox before they begin: cancelling one with a reason, proposing another time
// (the meeting keeps its time unless the buyer accepts); and the requests waiting for the
// programme team to place, read-only. Real database, real API.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { cancelConsultation } from '../repositories/bookings.ts';
import { lockBookedMeeting } from '../repositories/proposals.ts';
import { expireHold } from '../jobs/hold-jobs.ts';
import { appSecret, manageTokenFor } from '../lib/manage-token.ts';
import { createApi } from './app.ts';

let now = Date.parse('2026-12-01T00:00:00Z'); // a Tuesday
const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 'k'.repeat(40), HOLD_HOURS: '24' });
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;
let owner = '';
let n = 0;

const buyer = { name: 'Jane Doe', company: 'Acme Imports', country: 'US', email: 'jane@acme.test', language: 'en', timeZone: 'America/New_York' };
type Booked = { id: string; status: string; manageUrl: string; startsAt: string };
type Item = { id: string; status: string; awaiting: string | null; startsAt: string; declineReason: string | null; proposalPending: boolean; holdExpiresAt: string | null };
type Box = { waitingForYou: Item[]; consultations: Item[]; waitingForProgramme: Record<string, unknown>[] };
const slotsOn = async (day: string) => {
  const res = await app.request(`/products/vitamin-c-serum/slots?tz=America/New_York&from=${day}T00:00:00Z&to=${day}T23:59:00Z`);
  return ((await res.json()) as { slots: { start: string }[] }).slots.map((s) => s.start);
};
const request = (body: Record<string, unknown>) => app.request('/meeting-requests', jsonPost({ productSlug: 'vitamin-c-serum', buyer, ...body }));
const book = async (start: string) => {
  const res = await request({ preferredSlots: [start] });
  expect(res.status).toBe(201);
  return (await res.json()) as Booked;
};
const portal = (path: string, body?: unknown) =>
  app.request(`/portal/companies/hanbit-cosmetics${path}`, body === undefined ? { headers: { origin: ORIGIN, cookie: owner } } : jsonPost(body, owner));
const inbox = async () => (await (await portal('/consultations')).json()) as Box;
const manage = (url: string, action = '') => app.request(`${new URL(url).pathname.replace(/^\/api/, '')}${action}`, {
  method: action ? 'POST' : 'GET', headers: { accept: 'application/json', origin: ORIGIN },
});
const mailJobs = async (event: string) =>
  (await sql<{ role: string }>`select data->>'role' as role from pgboss.job where name = 'email' and data->>'event' = ${event} order by 1`.execute(handle.db)).rows.map((r) => r.role);
const events = async () =>
  (await sql<{ event: string; actor: string }>`select event, actor_type as actor from consultation_events where event not in ('requested', 'scheduled') order by id`.execute(handle.db)).rows;

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
  await sql`delete from pgboss.job where name in ('email', 'hold-expiry', 'site-refresh')`.execute(handle.db);
  const { companyId } = await insertFixtureCatalogue(handle.db);
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: mail.send, now: () => now, clientIp: () => `10.5.0.${++n % 250}` });
  owner = await signedInUser(app, mail, `owner${n}@hanbit.example`);
  const user = await handle.db.selectFrom('users').select('id').where('email', 'like', 'owner%').executeTakeFirstOrThrow();
  await handle.db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner' }).execute();
});

describe('requests the programme team has yet to place', () => {
  it('are in the inbox, read-only: who asked, for what and when, never how to reach them', async () => {
    await handle.db.updateTable('rooms').set({ active: false }).execute();
    const res = await request({ message: 'Call me on +1 555 0100' });
    expect(res.status).toBe(202);
    await handle.db.updateTable('rooms').set({ active: true }).execute();
    const box = await inbox();
    expect(box.waitingForYou).toEqual([]);
    expect(box.consultations).toEqual([]);
    expect(box.waitingForProgramme).toEqual([{
      id: expect.any(String), requestedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), product: 'vitamin-c-serum',
      buyer: { name: 'Jane Doe', company: 'Acme Imports', country: 'US' },
    }]);
    const text = JSON.stringify(box);
    expect(text).not.toContain('jane@acme.test');
    expect(text).not.toContain('555');
    // Once staff place it, it is a consultation like any other.
    await handle.db.updateTable('meeting_requests').set({ status: 'scheduled' }).execute();
    expect((await inbox()).waitingForProgramme).toEqual([]);
  });
});

describe('a booked meeting the company cancels', () => {
  it('is cancelled with the reason, its time freed, everyone told and the buyer shown why', async () => {
    const [first] = await slotsOn('2026-12-07');
    const booked = await book(first!);
    expect(booked.status).toBe('scheduled');
    expect((await portal(`/consultations/${booked.id}/cancel`, { reason: '' })).status).toBe(400);
    const noBody = await portal(`/consultations/${booked.id}/cancel`, {});
    expect(noBody.status).toBe(400);
    expect(noBody.headers.get('content-type')).toContain('application/problem+json');
    const res = await portal(`/consultations/${booked.id}/cancel`, { reason: 'Our export manager is ill that day.' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: booked.id, status: 'cancelled', declineReason: 'Our export manager is ill that day.' });
    expect(await slotsOn('2026-12-07')).toContain(first);
    expect(await mailJobs('cancelled')).toEqual(['buyer', 'company']); // no interpreter is booked: none to tell
    expect(await events()).toEqual([{ event: 'cancelled', actor: 'company' }]);
    expect(await (await manage(booked.manageUrl)).json()).toMatchObject({ status: 'cancelled', declineReason: 'Our export manager is ill that day.' });
    const page = await (await app.request(new URL(booked.manageUrl).pathname.replace(/^\/api/, ''))).text();
    expect(page).toContain('Reason: Our export manager is ill that day.');
    const request = await handle.db.selectFrom('meeting_requests').select('status').executeTakeFirstOrThrow();
    expect(request.status).toBe('cancelled');
    // Once is enough: a second cancellation is a conflict and tells nobody again.
    const again = await portal(`/consultations/${booked.id}/cancel`, { reason: 'Again' });
    expect(again.status).toBe(409);
    expect(await again.clone().json()).toMatchObject({ code: 'meeting-not-changeable', state: 'cancelled' });
    expect(again.headers.get('content-type')).toContain('application/problem+json');
    expect(await mailJobs('cancelled')).toHaveLength(2);
  });

  it('not once it has begun', async () => {
    const [first] = await slotsOn('2026-12-07');
    const booked = await book(first!);
    now = Date.parse(first!) + 60_000;
    const res = await portal(`/consultations/${booked.id}/cancel`, { reason: 'Too late' });
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ code: 'meeting-started' });
    const row = await handle.db.selectFrom('consultations').select(['status', 'decline_reason']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'scheduled', decline_reason: null });
    expect(await mailJobs('cancelled')).toEqual([]);
  });

  it('a held request is declined, not cancelled; another company\'s meeting is not found', async () => {
    await handle.db.updateTable('companies').set({ requires_confirmation: true }).execute();
    const [first] = await slotsOn('2026-12-07');
    const held = await book(first!);
    const held409 = await portal(`/consultations/${held.id}/cancel`, { reason: 'No' });
    expect(held409.status).toBe(409);
    expect(await held409.json()).toMatchObject({ code: 'not-booked-yet' });
    const unknown = await portal('/consultations/999999/cancel', { reason: 'No' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ code: 'meeting-unknown' });
  });

  it('loses cleanly to a change that lands between its read and its write', async () => {
    const [first, second] = await slotsOn('2026-12-07');
    const booked = await book(first!);
    const { icsSequence } = await handle.db.selectFrom('consultations').select('ics_sequence as icsSequence').executeTakeFirstOrThrow();
    // The buyer moved it after the company read it: the guarded update refuses the stale row...
    const moved = await app.request(`${new URL(booked.manageUrl).pathname.replace(/^\/api/, '')}/reschedule`, jsonPost({ start: second }));
    expect(moved.status).toBe(200);
    expect(await cancelConsultation(handle.db, booked.id, 'Stale', { sequence: icsSequence, notBegunBy: new Date(now) })).toBe(false);
    // ...as it refuses one that has begun by the time it runs.
    const fresh = await handle.db.selectFrom('consultations').select('ics_sequence as s').executeTakeFirstOrThrow();
    expect(await cancelConsultation(handle.db, booked.id, 'Late', { sequence: fresh.s, notBegunBy: new Date(Date.parse(second!)) })).toBe(false);
    expect(await handle.db.selectFrom('consultations').select(['status', 'starts_at']).executeTakeFirstOrThrow())
      .toEqual({ status: 'scheduled', starts_at: new Date(second!) });
  });

  it('racing the buyer\'s own cancellation, the meeting is cancelled once', async () => {
    const [first] = await slotsOn('2026-12-07');
    const booked = await book(first!);
    const [company, buyerSide] = await Promise.all([
      portal(`/consultations/${booked.id}/cancel`, { reason: 'We cannot make it.' }),
      manage(booked.manageUrl, '/cancel'),
    ]);
    expect([200, 409]).toContain(company.status);
    expect(buyerSide.status).toBe(200);
    expect((await events()).filter((e) => e.event === 'cancelled')).toHaveLength(1);
    expect(await mailJobs('cancelled')).toHaveLength(2);
  });
});

describe('another time the company proposes for a booked meeting', () => {
  /** The proposal's private link, as the e-mail to the buyer carries it. */
  const linkOf = async (id: string) => {
    const { video_room } = await handle.db.selectFrom('consultations').select('video_room').where('id', '=', id).executeTakeFirstOrThrow();
    return `${ORIGIN}/api/manage/${manageTokenFor(appSecret(config), video_room)}`;
  };
  const row = (id: string) => handle.db.selectFrom('consultations').select(['status', 'starts_at as startsAt', 'decline_reason as reason']).where('id', '=', id).executeTakeFirstOrThrow();
  const requestStatus = async () => (await handle.db.selectFrom('meeting_requests').select('status').executeTakeFirstOrThrow()).status;
  const proposeThird = async () => {
    const [first, , third] = await slotsOn('2026-12-07');
    const booked = await book(first!);
    const options = (await (await portal(`/consultations/${booked.id}/proposal-options`)).json()) as { slots: { start: string }[] };
    expect(options.slots.map((s) => s.start)).toContain(third);
    expect(options.slots.map((s) => s.start)).not.toContain(first);
    const res = await portal(`/consultations/${booked.id}/propose`, { start: third });
    expect(res.status).toBe(200);
    const proposal = (await res.json()) as Item;
    return { first: first!, third: third!, booked, proposal };
  };

  it('holds the new time for the buyer beside the meeting, which keeps its time', async () => {
    const { first, third, booked, proposal } = await proposeThird();
    expect(proposal).toMatchObject({ status: 'held', awaiting: 'buyer', startsAt: third });
    expect(proposal.id).not.toBe(booked.id);
    expect(await row(booked.id)).toMatchObject({ status: 'scheduled', startsAt: new Date(first) });
    const free = await slotsOn('2026-12-07');
    expect(free).not.toContain(first);
    expect(free).not.toContain(third);
    expect(await mailJobs('proposed')).toEqual(['buyer']);
    // The buyer's e-mail says the meeting stays at its time unless they accept (api/mail).
    const [job] = (await sql<{ movesFrom: string }>`select data->>'movesFrom' as "movesFrom" from pgboss.job where name = 'email' and data->>'event' = 'proposed'`.execute(handle.db)).rows;
    expect(Date.parse(job!.movesFrom)).toBe(Date.parse(first));
    expect(await events()).toEqual([{ event: 'proposed', actor: 'company' }]);
    const box = await inbox();
    expect(box.consultations.find((c) => c.id === booked.id)).toMatchObject({ status: 'scheduled', proposalPending: true });
    expect(box.consultations.find((c) => c.id === proposal.id)).toMatchObject({ status: 'held', awaiting: 'buyer', proposalPending: false });
    // The buyer answers before the meeting would begin (an hour before, as holds do).
    expect(Date.parse(proposal.holdExpiresAt!)).toBeLessThanOrEqual(Date.parse(first) - 3_600_000);
    // One proposal at a time; the company cannot answer its own.
    expect((await portal(`/consultations/${booked.id}/propose`, { start: third })).status).toBe(409);
    const options = await portal(`/consultations/${booked.id}/proposal-options`);
    expect(options.status).toBe(409);
    expect(await options.json()).toMatchObject({ code: 'proposal-pending' });
    const own = await portal(`/consultations/${proposal.id}/accept`, {});
    expect(own.status).toBe(409);
    expect(await own.json()).toMatchObject({ code: 'not-awaiting-answer' });
    // The buyer's own link still shows the meeting as booked.
    expect(await (await manage(booked.manageUrl)).json()).toMatchObject({ status: 'scheduled', startsAt: first });
  });

  it('accepted through the proposal\'s link, it replaces the meeting: the old time freed, its invitation withdrawn', async () => {
    const { first, third, booked, proposal } = await proposeThird();
    const link = await linkOf(proposal.id);
    expect(await (await manage(link)).json()).toMatchObject({ status: 'held', awaiting: 'buyer', startsAt: third });
    const res = await manage(link, '/accept');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'scheduled', startsAt: third });
    expect(await row(booked.id)).toMatchObject({ status: 'cancelled', reason: expect.stringContaining('accepted the new time') });
    expect(await requestStatus()).toBe('scheduled');
    expect(await slotsOn('2026-12-07')).toContain(first);
    expect(await mailJobs('cancelled')).toEqual(['buyer', 'company']); // no interpreter is booked: none to tell
    expect(await mailJobs('scheduled')).toEqual(['buyer', 'buyer', 'company', 'company']); // booking, then the new time
    expect(await events()).toEqual([
      { event: 'proposed', actor: 'company' }, { event: 'proposal_accepted', actor: 'buyer' }, { event: 'cancelled', actor: 'buyer' },
    ]);
    expect((await manage(link, '/accept')).status).toBe(409);
  });

  it('declined, the meeting stays as booked and the proposed time is freed', async () => {
    const { first, third, booked, proposal } = await proposeThird();
    const res = await manage(await linkOf(proposal.id), '/decline');
    expect(await res.json()).toMatchObject({ status: 'declined', declineReason: expect.stringContaining('stays at the time booked before') });
    expect(await row(booked.id)).toMatchObject({ status: 'scheduled', startsAt: new Date(first) });
    expect(await requestStatus()).toBe('scheduled');
    expect(await slotsOn('2026-12-07')).toContain(third);
    expect(await mailJobs('cancelled')).toEqual([]);
    expect((await inbox()).consultations.find((c) => c.id === booked.id)).toMatchObject({ proposalPending: false });
    // Now another time can be proposed.
    expect((await portal(`/consultations/${booked.id}/propose`, { start: third })).status).toBe(200);
  });

  it('unanswered, it lapses quietly and the meeting stays', async () => {
    const { first, booked, proposal } = await proposeThird();
    expect(await expireHold({ db: handle.db, jobs }, proposal.id, new Date(proposal.holdExpiresAt!))).toBe(true);
    expect(await row(proposal.id)).toMatchObject({ status: 'declined' });
    expect(await row(booked.id)).toMatchObject({ status: 'scheduled', startsAt: new Date(first) });
    expect(await requestStatus()).toBe('scheduled');
    expect(await mailJobs('declined')).toEqual([]); // nothing to tell the buyer: their meeting is unchanged
  });

  it('is withdrawn when the meeting is cancelled', async () => {
    const { third, booked, proposal } = await proposeThird();
    expect((await portal(`/consultations/${booked.id}/cancel`, { reason: 'We must cancel after all.' })).status).toBe(200);
    expect(await row(proposal.id)).toMatchObject({ status: 'declined' });
    expect(await requestStatus()).toBe('cancelled');
    expect(await slotsOn('2026-12-07')).toContain(third);
    expect((await manage(await linkOf(proposal.id), '/accept')).status).toBe(409);
  });

  it('not for a meeting that has begun, and an acceptance arriving after it began changes nothing', async () => {
    const [first, second] = await slotsOn('2026-12-07');
    const booked = await book(first!);
    const later = await slotsOn('2026-12-08');
    const res = await portal(`/consultations/${booked.id}/propose`, { start: later[0] });
    expect(res.status).toBe(200);
    const proposal = (await res.json()) as Item;
    now = Date.parse(first!) + 60_000;
    expect((await portal(`/consultations/${booked.id}/propose`, { start: second })).status).toBe(409);
    expect((await portal(`/consultations/${booked.id}/proposal-options`)).status).toBe(409);
    // The expiry job has not run yet: the buyer's late acceptance must not cancel a meeting under way.
    const late = await manage(await linkOf(proposal.id), '/accept');
    expect(late.status).toBe(409);
    expect(await row(booked.id)).toMatchObject({ status: 'scheduled' });
    expect(await row(proposal.id)).toMatchObject({ status: 'held' });
  });

  it('loses cleanly to a change between its read and its write', async () => {
    const [first, second, third] = await slotsOn('2026-12-07');
    const booked = await book(first!);
    const { s } = await handle.db.selectFrom('consultations').select('ics_sequence as s').executeTakeFirstOrThrow();
    // The buyer moved the meeting after the company read it: the lock finds no such meeting.
    const moved = await app.request(`${new URL(booked.manageUrl).pathname.replace(/^\/api/, '')}/reschedule`, jsonPost({ start: second }));
    expect(moved.status).toBe(200);
    expect(await handle.db.transaction().execute((trx) => lockBookedMeeting(trx, booked.id, { sequence: s, notBegunBy: new Date(now) }))).toBeUndefined();
    // Racing the buyer's cancellation through the API: whichever lands first, no proposal outlives the meeting.
    const [proposed, cancelled] = await Promise.all([
      portal(`/consultations/${booked.id}/propose`, { start: third }),
      manage(booked.manageUrl, '/cancel'),
    ]);
    expect([200, 409]).toContain(proposed.status);
    expect(cancelled.status).toBe(200);
    const live = await handle.db.selectFrom('consultations').select('id').where('status', 'in', ['held', 'scheduled', 'confirmed']).execute();
    expect(live).toEqual([]);
    expect(await requestStatus()).toBe('cancelled');
  });
});
