// Staff steering booked consultations from the board, through the real API, real
// PostgreSQL and the real job queue: another room, another interpreter, another time, or
// cancelled, each guarded by the database and told to the people it affects.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { startWorkers } from '../jobs/workers.ts';
import { createApi } from './app.ts';

// A Tuesday 09:00 in Seoul a week or more ahead of the real clock, so the meetings' reminders
// (queued for real time) stay in the future and only the e-mails under test are sent.
const NOW = (() => {
  const d = new Date(Date.now() + 7 * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime();
})();
const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-staff-outbox-'));
const config = { ...loadConfig({ PUBLIC_URL: ORIGIN }), mail: { smtpUrl: undefined, from: 'Pavilion <meetings@hall.test>', outboxDir } };
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;
let staff = '';
let member = '';
let n = 0;
const ids = { rooms: [] as string[], interpreters: [] as string[] };

type BoardItem = { id: string; roomId: string; status: string; startsAt: string; interpreter: { id: string; language: string } | null };
type Booked = { id: string; startsAt: string };

const get = (p: string, cookie = staff) => app.request(p, { headers: { origin: ORIGIN, cookie } });
const post = (p: string, body: unknown, cookie = staff) => app.request(p, jsonPost(body, cookie));
const consultationOf = (requestId: string) =>
  handle.db.selectFrom('consultations').selectAll().where('meeting_request_id', '=', requestId).executeTakeFirstOrThrow();
const snapshot = async () => (await sql`select id, status, room_id, interpreter_id, starts_at, ics_sequence from consultations order by id`.execute(handle.db)).rows;
const plain = (raw: string) => raw.replace(/=\r\n/g, '');
/** The .ics attached to an e-mail, decoded. */
const icsOf = (mail: string) => Buffer.from(mail.split('filename=invite.ics')[1]!.split(/\r\n\r\n/)[1]!.split('\r\n--')[0]!, 'base64').toString();
const mails = () => fs.readdirSync(outboxDir).filter((f) => f.endsWith('.eml')).map((f) => plain(fs.readFileSync(path.join(outboxDir, f), 'utf8')));
async function mailMatching(test: (m: string) => boolean): Promise<string> {
  for (let i = 0; i < 300; i++) {
    const found = mails().find(test);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no such e-mail arrived among ${mails().length}: ${mails().map((m) => m.split('\n').filter((l) => /^(To|Subject):/.test(l)).join(' ')).join(' | ')}`);
}

async function book(slug: { productSlug?: string; companySlug?: string }, buyer: Record<string, string>, preferredSlots: string[] = []): Promise<Booked> {
  const res = await post('/meeting-requests', {
    ...slug, preferredSlots, interpreter: buyer.language === 'ja' ? 'required' : 'none',
    buyer: { company: 'Trading Co', country: 'JP', language: 'en', timeZone: 'Asia/Tokyo', ...buyer },
  }, '');
  expect(res.status, await res.clone().text()).toBe(201);
  return await res.json() as Booked;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  const fixture = await insertFixtureCatalogue(handle.db, { rooms: 4, interpreters: ['ja', 'ja', 'ru'] });
  // A second exhibitor, so two consultations can run at the same time in different rooms; its
  // published product lists it, so requests addressed to the company itself are taken.
  const other = await handle.db.insertInto('companies').values({ slug: 'daehan-power', region: 'Ulsan', languages: ['ko', 'en'] }).returning('id').executeTakeFirstOrThrow();
  await handle.db.insertInto('company_texts').values({ company_id: other.id, locale: 'en', name: 'Daehan Power' }).execute();
  await handle.db.insertInto('products').values({ slug: 'power-transformer', company_id: other.id, pavilion_id: fixture.pavilionId, status: 'approved', published_at: new Date() }).execute();
  ids.rooms = (await handle.db.selectFrom('rooms').select('id').orderBy('id').execute()).map((r) => r.id);
  ids.interpreters = (await handle.db.selectFrom('interpreters').select('id').orderBy('id').execute()).map((r) => r.id);
  jobs = await startJobQueue(handle, silentLogger, { pollingIntervalSeconds: 0.5 });
  await startWorkers(jobs, { db: handle.db, config, log: silentLogger });
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: mail.send, now: () => NOW, clientIp: () => `10.6.0.${++n % 250}` });
  staff = await signedInUser(app, mail, 'staff@steer.example');
  await setRole(handle.db, 'staff@steer.example', 'staff');
  member = await signedInUser(app, mail, 'member@steer.example');
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

describe('staff steering a consultation', () => {
  let yuki: Booked;
  let lars: Booked;

  beforeAll(async () => {
    yuki = await book({ productSlug: 'vitamin-c-serum' }, { name: 'Yuki Tanaka', email: 'yuki@tokyo.test', language: 'ja' });
    // Same hour, other company: it takes another room.
    lars = await book({ companySlug: 'daehan-power' }, { name: 'Lars Berg', email: 'lars@oslo.test', country: 'SG', timeZone: 'Asia/Singapore' }, [yuki.startsAt]);
    expect(lars.startsAt).toBe(yuki.startsAt);
  });

  it('offers the rooms and interpreters free at that hour, and other times', async () => {
    const c = await consultationOf(yuki.id);
    const res = await get(`/control/consultations/${c.id}/options`);
    expect(res.status).toBe(200);
    const o = await res.json() as { rooms: { id: string }[]; interpreters: { id: string }[]; slots: { start: string }[] };
    const busy = (await consultationOf(lars.id)).room_id;
    expect(o.rooms.map((r) => r.id).sort()).toEqual(ids.rooms.filter((r) => r !== c.room_id && r !== busy).sort());
    // The other Japanese interpreter, never the Russian one.
    expect(o.interpreters.map((i) => i.id)).toEqual(ids.interpreters.filter((i) => i !== c.interpreter_id && i !== ids.interpreters[2]));
    expect(o.slots.length).toBeGreaterThan(3);
    expect(o.slots.map((s) => s.start)).not.toContain(yuki.startsAt);
  });

  it('moves a consultation to a free room; a room closed or taken at that hour is refused and nothing changes', async () => {
    const c = await consultationOf(yuki.id);
    const taken = (await consultationOf(lars.id)).room_id;
    const free = ids.rooms.filter((r) => r !== c.room_id && r !== taken);
    await handle.db.insertInto('blackouts').values({ room_id: free[1]!, starts_at: new Date(NOW), ends_at: new Date(NOW + 30 * 86_400_000), reason: 'Camera repair' }).execute();
    const before = await snapshot();
    for (const roomId of [taken, free[1]!]) {
      const res = await post(`/control/consultations/${c.id}/room`, { roomId });
      expect(res.status, roomId).toBe(409);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await snapshot()).toEqual(before);

    const res = await post(`/control/consultations/${c.id}/room`, { roomId: free[0]! });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: c.id, roomId: free[0], status: 'scheduled', startsAt: yuki.startsAt });
    const after = await consultationOf(yuki.id);
    expect(after.room_id).toBe(free[0]);
    expect(after.ics_sequence).toBe(c.ics_sequence + 1);
    const events = await handle.db.selectFrom('consultation_events').select(['event', 'actor_type']).where('consultation_id', '=', c.id).execute();
    expect(events).toContainEqual({ event: 'room_reassigned', actor_type: 'staff' });
    // The buyer is told, with the new room and an updated invitation.
    const told = await mailMatching((m) => m.includes('To: yuki@tokyo.test') && m.includes('has new details'));
    expect(told).toContain('Seoul HQ Room');
    expect(icsOf(told)).toContain(`SEQUENCE:${c.ics_sequence + 1}`);
    // The reminders queued at booking carry the old sequence and are dropped by the worker:
    // the new details come with their own, or nobody is reminded of the meeting.
    const reminders = await sql<{ event: string; role: string; start_after: Date }>`
      select data->>'event' as event, data->>'role' as role, start_after from pgboss.job
      where name = 'email' and data->>'consultationId' = ${c.id} and data->>'event' like 'reminder%'
        and (data->>'sequence')::int = ${c.ics_sequence + 1}`.execute(handle.db);
    // (Those still ahead of the board's clock: the 24-hour one is past for a meeting that day.)
    const due = [['reminder-24h', 86_400_000], ['reminder-1h', 3_600_000]] as const;
    const ahead = due.filter(([, before]) => Date.parse(yuki.startsAt) - before > NOW).map(([e]) => e);
    expect(ahead).toContain('reminder-1h');
    expect(reminders.rows.map((r) => `${r.event} ${r.role}`).sort()).toEqual(
      ahead.flatMap((e) => ['buyer', 'company', 'interpreter'].map((r) => `${e} ${r}`)).sort(),
    );
    expect(reminders.rows.find((r) => r.event === 'reminder-1h')!.start_after.getTime()).toBe(Date.parse(yuki.startsAt) - 3_600_000);
  });

  it('gives the consultation the other interpreter of its language; the replaced one gets a cancellation', async () => {
    const c = await consultationOf(yuki.id);
    // Booking picks among the free Japanese interpreters at random; the other one takes over.
    const [ja1, ja2, russian] = ids.interpreters as [string, string, string];
    const booked = c.interpreter_id!;
    expect([ja1, ja2]).toContain(booked);
    const other = booked === ja1 ? ja2 : ja1;
    const mailOf = (id: string) => `interpreter${ids.interpreters.indexOf(id) + 1}@example.org`;
    expect((await post(`/control/consultations/${c.id}/interpreter`, { interpreterId: russian })).status).toBe(409);
    expect((await post(`/control/consultations/${c.id}/interpreter`, { interpreterId: '999999' })).status).toBe(404);
    expect((await consultationOf(yuki.id)).interpreter_id).toBe(booked);
    const res = await post(`/control/consultations/${c.id}/interpreter`, { interpreterId: other });
    expect(res.status).toBe(200);
    expect(((await res.json()) as BoardItem).interpreter).toMatchObject({ id: other, language: 'ja' });
    const released = await mailMatching((m) => m.includes(`To: ${mailOf(booked)}`) && m.includes('no longer booked'));
    expect(icsOf(released)).toContain('METHOD:CANCEL');
    await mailMatching((m) => m.includes(`To: ${mailOf(other)}`) && m.includes('has new details'));
    // A consultation without an interpreter has none to change.
    const l = await consultationOf(lars.id);
    expect((await post(`/control/consultations/${l.id}/interpreter`, { interpreterId: ja1 })).status).toBe(409);
  });

  it('races two consultations into one free room: the database lets exactly one in', async () => {
    const [a, b] = await Promise.all([consultationOf(yuki.id), consultationOf(lars.id)]);
    const free = (await (await get(`/control/consultations/${b.id}/options`)).json() as { rooms: { id: string }[] }).rooms.map((r) => r.id);
    const target = free.find((r) => r !== a.room_id)!;
    const answers = await Promise.all([a, b].map((c) => post(`/control/consultations/${c.id}/room`, { roomId: target })));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409]);
    const rows = await handle.db.selectFrom('consultations').select('room_id').where('room_id', '=', target).where('status', '=', 'scheduled').execute();
    expect(rows).toHaveLength(1);
  });

  it('moves a consultation to another time everyone can make, and refuses a time someone cannot', async () => {
    const c = await consultationOf(lars.id);
    const before = await snapshot();
    // 03:00 in Seoul: the company is closed.
    const night = new Date(Date.parse(yuki.startsAt) + 86_400_000);
    night.setUTCHours(18, 0, 0, 0);
    expect((await post(`/control/consultations/${c.id}/move`, { start: night.toISOString() })).status).toBe(409);
    expect((await post(`/control/consultations/${c.id}/move`, { start: 'next tuesday' })).status).toBe(400);
    expect(await snapshot()).toEqual(before);
    const { slots } = await (await get(`/control/consultations/${c.id}/options`)).json() as { slots: { start: string }[] };
    const to = slots[2]!.start;
    const res = await post(`/control/consultations/${c.id}/move`, { start: to });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ startsAt: to, status: 'scheduled' });
    await mailMatching((m) => m.includes('To: lars@oslo.test') && m.includes('has moved'));
  });

  it('cancels with a reason everyone reads; a cancelled consultation cannot be changed again', async () => {
    const c = await consultationOf(lars.id);
    expect((await post(`/control/consultations/${c.id}/cancel`, {})).status).toBe(400);
    const res = await post(`/control/consultations/${c.id}/cancel`, { reason: 'The company withdrew from the fair.' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'cancelled' });
    const told = await mailMatching((m) => m.includes('To: lars@oslo.test') && m.includes('is cancelled'));
    expect(told).toContain('Reason: The company withdrew from the fair.');
    expect((await post(`/control/consultations/${c.id}/cancel`, { reason: 'again' })).status).toBe(409);
    expect((await post(`/control/consultations/${c.id}/room`, { roomId: ids.rooms[3]! })).status).toBe(409);
  });

  it('refuses company users and garbage, changing nothing', async () => {
    const c = await consultationOf(yuki.id);
    const before = await snapshot();
    expect((await post(`/control/consultations/${c.id}/room`, { roomId: ids.rooms[3]! }, member)).status).toBe(403);
    expect((await post(`/control/consultations/${c.id}/cancel`, { reason: 'no reason at all' }, '')).status).toBe(401);
    for (const [p, body] of [
      [`/control/consultations/abc/room`, { roomId: ids.rooms[3] }],
      [`/control/consultations/${c.id}/room`, { roomId: 'room-1' }],
      [`/control/consultations/${c.id}/room`, { roomId: 12, extra: [] }],
      [`/control/consultations/${c.id}/move`, { start: '2026-12-07T10:00:00' }],
      [`/control/consultations/${c.id}/cancel`, { reason: 'x'.repeat(501) }],
    ] as const) {
      const res = await post(p, body);
      expect(res.status, `${p} ${JSON.stringify(body).slice(0, 40)}`).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await post('/control/consultations/424242/room', { roomId: ids.rooms[3]! })).status).toBe(404);
    expect(await snapshot()).toEqual(before);
  });
});
