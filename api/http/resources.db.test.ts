// The control tower's Resources API on a real database and the real job queue: pavilions
// created, edited, ordered and retired with their search and site jobs in the same
// transaction; rooms' hours and closures and interpreters' leave changing the slots buyers
// are offered; new hours naming the meetings they leave outside;
// refusals (garbage, taken names, live consultations in the way) that change nothing; and
// the database trigger that keeps a booking out of a room or interpreter taken out of service.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import fc from 'fast-check';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { productDocumentsByIds } from '../../search/documents.ts';
import { pavilionDocuments } from '../../search/directory.ts';
import { tryInsertConsultation } from '../repositories/bookings.ts';
import { lockInterpreter } from '../repositories/resources.ts';
import { startWorkers } from '../jobs/workers.ts';
import { startTestEngine, type TestEngine } from '../../search/test-engine.ts';
import { reindexAll } from '../../search/reindex.ts';
import { reindexDirectory } from '../../search/directory.ts';
import { INDEXES } from '../../search/settings.ts';
import { createApi } from './app.ts';
import { RESOURCE_ROUTES } from './routes/resources.ts';

// A Monday 09:00 in Seoul at least a week ahead of the real clock; the slots looked at are
// those of the Wednesday after (well past the minimum notice).
const NOW = (() => {
  const d = new Date(Date.now() + 7 * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  while (d.getUTCDay() !== 1) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime();
})();
const WEDNESDAY = new Date(NOW + 2 * 86_400_000).toISOString().slice(0, 10);
const seoulDay = (date: string) => ({ from: `${date}T00:00:00+09:00`, to: `${date}T23:59:59+09:00` });
const onServer = Boolean(loadConfig().testDatabaseUrl);

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;
let staff = '';
let company = '';
let n = 0;
const ids = { pavilion: '', product: '', rooms: [] as string[], interpreters: [] as string[] };

const send = (method: string, path: string, body?: unknown, cookie = staff) =>
  app.request(path, { method, headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const json = async <T = any>(res: Response | Promise<Response>): Promise<T> => (await res).json() as Promise<T>;
const queued = async (queue: string) =>
  (await sql<{ data: Record<string, string> }>`select data from pgboss.job where name = ${queue} order by created_on, id`.execute(handle.db)).rows.map((r) => r.data);
/** The search-sync jobs' data, in a stable order (one insert gives them one timestamp). */
const syncJobs = async () => (await queued('search-sync')).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
const clearJobs = () => sql`delete from pgboss.job where name in ('search-sync', 'site-build')`.execute(handle.db);
/** Everything the Resources API could change, as one string. */
const snapshot = async () =>
  (await sql<{ s: string }>`select concat_ws('|',
    (select string_agg(concat_ws(',', id, slug, names::text, stories::text, sort_order, retired_at), ';' order by id) from pavilions),
    (select string_agg(concat_ws(',', id, name, kind, location, region, time_zone, buffer_minutes, equipment::text, active), ';' order by id) from rooms),
    (select string_agg(concat_ws(',', id, name, email, time_zone, active), ';' order by id) from interpreters),
    (select string_agg(concat_ws(',', interpreter_id, language), ';' order by interpreter_id, language) from interpreter_languages),
    (select string_agg(concat_ws(',', room_id, interpreter_id, weekday, start_time, end_time, time_zone), ';' order by id) from availability_rules),
    (select string_agg(concat_ws(',', interpreter_id, room_id, starts_at, ends_at), ';' order by id) from blackouts),
    (select string_agg(concat_ws(',', id, status, room_id, interpreter_id), ';' order by id) from consultations),
    (select count(*) from pgboss.job where name in ('search-sync', 'site-build'))) as s`.execute(handle.db)).rows[0]!.s;

/** Korea-time start ('HH:MM') of the product's slots on a Seoul day. */
async function slotTimes(date: string, opts: { language?: string; interpreter?: string } = {}): Promise<string[]> {
  const day = seoulDay(date);
  const q = new URLSearchParams({ tz: 'Asia/Seoul', from: day.from, to: day.to, language: opts.language ?? 'en', interpreter: opts.interpreter ?? 'auto' });
  const res = await send('GET', `/products/vitamin-c-serum/slots?${q}`, undefined, '');
  expect(res.status, await res.clone().text()).toBe(200);
  return (await json<{ slots: { koreaTime: { start: string } }[] }>(res)).slots.map((s) => s.koreaTime.start.slice(11, 16));
}

async function book(name: string, opts: { language?: string; start?: string } = {}) {
  const res = await app.request('/meeting-requests', jsonPost({
    productSlug: 'vitamin-c-serum', preferredSlots: opts.start ? [opts.start] : [], interpreter: opts.language ? 'required' : 'none',
    buyer: { name, company: 'Osaka Trading', country: 'JP', email: `${name.toLowerCase().replace(/\W/g, '')}@buyer.test`, language: opts.language ?? 'en', timeZone: 'Asia/Tokyo' },
  }));
  expect(res.status, await res.clone().text()).toBe(201);
  const body = await json<{ startsAt: string }>(res);
  return handle.db.selectFrom('consultations').select(['id', 'room_id', 'interpreter_id', 'starts_at'])
    .where('starts_at', '=', new Date(body.startsAt)).where('status', 'in', ['scheduled', 'held']).orderBy('id', 'desc').executeTakeFirstOrThrow();
}

async function refused(method: string, path: string, body: unknown, status: number) {
  const before = await snapshot();
  const res = await send(method, path, body);
  expect(res.status, `${method} ${path}: ${await res.clone().text()}`).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(await snapshot(), `${method} ${path} changed something`).toBe(before);
  return json(res);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  jobs = await startJobQueue(handle, silentLogger); // enqueue only: no workers here
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config: loadConfig({ PUBLIC_URL: ORIGIN }), log: silentLogger, jobs, sendAccountMail: mail.send, now: () => NOW, clientIp: () => `10.9.0.${++n % 250}` });
  staff = await signedInUser(app, mail, 'staff@resources.example');
  await setRole(handle.db, 'staff@resources.example', 'staff');
  company = await signedInUser(app, mail, 'member@company.example');
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
});
beforeEach(async () => {
  await sql`truncate pavilions, companies, rooms, interpreters, buyers, meeting_requests restart identity cascade`.execute(handle.db);
  const f = await insertFixtureCatalogue(handle.db, { rooms: 2, interpreters: ['ja', 'ja'] });
  ids.pavilion = f.pavilionId;
  ids.product = f.productId;
  ids.rooms = (await handle.db.selectFrom('rooms').select('id').orderBy('id').execute()).map((r) => r.id);
  ids.interpreters = (await handle.db.selectFrom('interpreters').select('id').orderBy('id').execute()).map((r) => r.id);
  await clearJobs();
});

describe('pavilions', () => {
  const medical = { slug: 'medical-bio', names: { en: 'Medical & Bio', ko: '의료·바이오', ja: '' }, stories: { en: 'Diagnostics, devices and quarantine goods.' } };

  it('creates a pavilion last in the order, with its search sync and site build enqueued', async () => {
    const res = await send('POST', '/control/pavilions', medical);
    expect(res.status, await res.clone().text()).toBe(201);
    const created = await json(res);
    // The empty Japanese name is "not given", not an empty name.
    expect(created).toMatchObject({ slug: 'medical-bio', names: { en: 'Medical & Bio', ko: '의료·바이오' }, retired: false, productCount: 0 });
    expect(created.names).not.toHaveProperty('ja');
    const list = await json<{ items: { slug: string; order: number }[] }>(send('GET', '/control/pavilions'));
    expect(list.items.map((p) => p.slug)).toEqual(['beauty', 'medical-bio']);
    expect(await queued('search-sync')).toEqual([{ pavilionId: created.id }]);
    expect(await queued('site-build')).toHaveLength(1);
    expect((await pavilionDocuments(handle.db)).map((d) => d.slug)).toEqual(['beauty', 'medical-bio']);
  });

  it('refuses a taken address, missing names and garbage, changing nothing', async () => {
    expect(await refused('POST', '/control/pavilions', { ...medical, slug: 'beauty' }, 409)).toMatchObject({ detail: expect.stringContaining('"beauty"') });
    const missing = await refused('POST', '/control/pavilions', { ...medical, names: { en: 'Medical' } }, 400);
    expect(missing.errors).toContainEqual({ path: 'names.ko', message: expect.any(String) });
    await refused('POST', '/control/pavilions', { ...medical, slug: 'Medical Bio!' }, 400);
    await refused('POST', '/control/pavilions', { ...medical, names: { en: 'x', ko: 'y', fr: 'z' } }, 400);
    await refused('POST', '/control/pavilions', { ...medical, stories: { en: 'x'.repeat(2001) } }, 400);
    await refused('POST', '/control/pavilions', [1, 2], 400);
    await refused('PUT', '/control/pavilions/1', { names: { en: '', ko: '뷰티' } }, 400);
    await refused('PUT', '/control/pavilions/999', { names: { en: 'Gone', ko: '없음' } }, 404);
    await refused('PUT', '/control/pavilions/abc', { names: { en: 'Gone', ko: '없음' } }, 400);
  });

  it('edits names and stories and re-syncs the pavilion\'s published products, whose documents carry its name', async () => {
    const res = await send('PUT', `/control/pavilions/${ids.pavilion}`, { names: { en: 'Beauty & Cosmetics', ko: '뷰티·화장품', vi: 'Làm đẹp' }, stories: { en: 'K-beauty makers.' } });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json(res)).toMatchObject({ slug: 'beauty', names: { en: 'Beauty & Cosmetics', vi: 'Làm đẹp' }, stories: { en: 'K-beauty makers.' } });
    expect(await syncJobs()).toEqual([{ pavilionId: ids.pavilion }, { productId: ids.product }]);
    expect(await queued('site-build')).toHaveLength(1);
    const [doc] = await productDocumentsByIds(handle.db, [ids.product]);
    expect(doc).toMatchObject({ pavilionName_en: 'Beauty & Cosmetics' });
  });

  it('reorders all pavilions in one go; a stale or wrong list is refused and changes nothing', async () => {
    const second = await json(send('POST', '/control/pavilions', medical));
    const third = await json(send('POST', '/control/pavilions', { slug: 'power', names: { en: 'Power', ko: '전력' } }));
    await clearJobs();
    const res = await send('POST', '/control/pavilions/reorder', { ids: [third.id, ids.pavilion, second.id] });
    expect(res.status, await res.clone().text()).toBe(200);
    expect((await json<{ items: { slug: string }[] }>(res)).items.map((p) => p.slug)).toEqual(['power', 'beauty', 'medical-bio']);
    expect((await pavilionDocuments(handle.db)).map((d) => d.slug)).toEqual(['power', 'beauty', 'medical-bio']);
    expect(await queued('site-build')).toHaveLength(1);
    expect((await queued('search-sync')).length).toBeGreaterThan(0);

    await clearJobs();
    // One left out (say, created by a colleague meanwhile): reload and order again.
    expect(await refused('POST', '/control/pavilions/reorder', { ids: [ids.pavilion, second.id] }, 409)).toMatchObject({ detail: expect.stringContaining('changed') });
    await refused('POST', '/control/pavilions/reorder', { ids: [ids.pavilion, second.id, third.id, '999'] }, 400);
    await refused('POST', '/control/pavilions/reorder', { ids: [ids.pavilion, ids.pavilion, third.id] }, 400);
    await refused('POST', '/control/pavilions/reorder', { ids: 'beauty' }, 400);
  });

  it('retires a pavilion: off the site\'s queries and search documents, products kept; restoring brings it back', async () => {
    const res = await send('PUT', `/control/pavilions/${ids.pavilion}/retired`, { retired: true });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json(res)).toMatchObject({ retired: true, retiredAt: expect.any(String), productCount: 1 });
    expect(await syncJobs()).toEqual([{ pavilionId: ids.pavilion }, { productId: ids.product }]);
    expect(await queued('site-build')).toHaveLength(1);
    // The index sync reads these: the product's document is deleted, the pavilion's too.
    expect(await productDocumentsByIds(handle.db, [ids.product])).toEqual([]);
    expect(await pavilionDocuments(handle.db)).toEqual([]);
    expect(await handle.db.selectFrom('products').select('status').where('id', '=', ids.product).executeTakeFirst()).toEqual({ status: 'approved' });
    // Retired pavilions are still listed for staff, and retiring twice publishes nothing new.
    await clearJobs();
    expect((await json(send('GET', '/control/pavilions'))).items).toMatchObject([{ slug: 'beauty', retired: true }]);
    expect((await send('PUT', `/control/pavilions/${ids.pavilion}/retired`, { retired: true })).status).toBe(200);
    expect(await queued('site-build')).toEqual([]);

    expect(await json(send('PUT', `/control/pavilions/${ids.pavilion}/retired`, { retired: false }))).toMatchObject({ retired: false, retiredAt: null });
    expect(await productDocumentsByIds(handle.db, [ids.product])).toHaveLength(1);
    expect(await queued('site-build')).toHaveLength(1);
    await refused('PUT', `/control/pavilions/${ids.pavilion}/retired`, { retired: 'yes' }, 400);
  });
});

describe('rooms and booths', () => {
  const booth = { name: 'Busan Booth 1', kind: 'booth', location: 'Busan regional office, 2nd floor', region: 'Busan', timeZone: 'Asia/Seoul', bufferMinutes: 15, equipment: ['webcam', 'headset'] };

  it('offers slots by the rooms\' hours: a new booth with its own hours is the only place open', async () => {
    expect((await slotTimes(WEDNESDAY)).length).toBeGreaterThan(10); // 09:00-18:00, two rooms
    for (const id of ids.rooms) expect((await send('PUT', `/control/rooms/${id}/active`, { active: false })).status).toBe(200);
    expect(await slotTimes(WEDNESDAY)).toEqual([]);

    const created = await send('POST', '/control/rooms', booth);
    expect(created.status, await created.clone().text()).toBe(201);
    const room = await json(created);
    expect(room).toMatchObject({ name: 'Busan Booth 1', kind: 'booth', active: true, hours: { usesDefault: true } });
    const hours = await send('PUT', `/control/rooms/${room.id}/hours`, { timeZone: 'Asia/Seoul', hours: [{ weekday: 3, start: '14:00', end: '16:00' }, { weekday: 4, start: '09:00', end: '10:00' }] });
    expect(hours.status, await hours.clone().text()).toBe(200);
    expect(await json(hours)).toMatchObject({ hours: { timeZone: 'Asia/Seoul', usesDefault: false, hours: [{ weekday: 3, start: '14:00', end: '16:00' }, { weekday: 4, start: '09:00', end: '10:00' }] } });
    const times = await slotTimes(WEDNESDAY);
    expect(times.length).toBeGreaterThan(0);
    expect(times.every((t) => t >= '14:00' && t < '16:00'), times.join(' ')).toBe(true);

    // Hours in another zone are read in that zone: 06:00-08:00 in Berlin (UTC+1 in winter) is 14:00-16:00 in Seoul.
    await send('PUT', `/control/rooms/${room.id}/hours`, { timeZone: 'Europe/Berlin', hours: [{ weekday: 3, start: '06:00', end: '08:00' }] });
    expect(await slotTimes(WEDNESDAY)).toEqual(times);
    // No hours at all: the default hours again.
    expect(await json(send('PUT', `/control/rooms/${room.id}/hours`, { timeZone: 'Asia/Seoul', hours: [] }))).toMatchObject({ hours: { usesDefault: true } });
    expect((await slotTimes(WEDNESDAY)).length).toBeGreaterThan(10);
  });

  it('edits a room; a taken name, bad hours and garbage are refused and change nothing', async () => {
    const res = await send('PUT', `/control/rooms/${ids.rooms[0]}`, { ...booth, name: 'Seoul HQ Room 1 (large)', kind: 'room' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json(res)).toMatchObject({ name: 'Seoul HQ Room 1 (large)', bufferMinutes: 15, equipment: ['webcam', 'headset'] });
    await refused('PUT', `/control/rooms/${ids.rooms[0]}`, { ...booth, name: 'Seoul HQ Room 2' }, 409);
    await refused('POST', '/control/rooms', { ...booth, name: 'Seoul HQ Room 2' }, 409);
    await refused('POST', '/control/rooms', { ...booth, kind: 'hall' }, 400);
    await refused('POST', '/control/rooms', { ...booth, bufferMinutes: 121 }, 400);
    await refused('POST', '/control/rooms', { ...booth, equipment: ['webcam', 'Webcam'] }, 400);
    await refused('POST', '/control/rooms', { ...booth, timeZone: 'Mars/Olympus' }, 400);
    const path = `/control/rooms/${ids.rooms[0]}/hours`;
    for (const hours of [
      [{ weekday: 1, start: '10:00', end: '10:00' }], // empty range
      [{ weekday: 1, start: '18:00', end: '09:00' }], // backwards
      [{ weekday: 1, start: '9:00', end: '12:00' }], // not HH:MM
      [{ weekday: 1, start: '09:00', end: '24:30' }],
      [{ weekday: 8, start: '09:00', end: '12:00' }],
      [{ weekday: 1, start: '09:00', end: '12:00' }, { weekday: 1, start: '11:00', end: '13:00' }], // overlapping
    ]) await refused('PUT', path, { timeZone: 'Asia/Seoul', hours }, 400);
    for (const timeZone of ['Mars/Olympus', '+09:00', 'KST', '', 'Asia/Seoul<script>']) {
      await refused('PUT', path, { timeZone, hours: [{ weekday: 1, start: '09:00', end: '12:00' }] }, 400);
    }
    const bad = await refused('PUT', path, { timeZone: 'Asia/Seoul', hours: [{ weekday: 1, start: '18:00', end: '09:00' }] }, 400);
    expect(bad.errors).toContainEqual({ path: 'hours.0.end', message: 'Must end after it starts' });
    await refused('PUT', '/control/rooms/999/hours', { timeZone: 'Asia/Seoul', hours: [] }, 404);
  });

  it('refuses to take a room with live consultations ahead out of service, saying how many', async () => {
    const first = await book('Aiko Tanaka');
    const second = await book('Kenji Sato');
    const busy = first.room_id;
    const expected = [first, second].filter((c) => c.room_id === busy).length;
    const problem = await refused('PUT', `/control/rooms/${busy}/active`, { active: false }, 409);
    expect(problem).toMatchObject({ count: expected, consultations: expect.arrayContaining([expect.objectContaining({ id: first.id, buyer: 'Aiko Tanaka', company: 'Hanbit Cosmetics' })]) });
    expect(problem.detail).toContain(`${expected} live consultation`);
    expect((await json(send('GET', '/control/rooms'))).items.find((r: { id: string }) => r.id === busy)).toMatchObject({ active: true, liveAhead: expected });
    // Once cancelled, the room may go.
    await sql`update consultations set status = 'cancelled' where room_id = ${busy}`.execute(handle.db);
    expect(await json(send('PUT', `/control/rooms/${busy}/active`, { active: false }))).toMatchObject({ active: false, liveAhead: 0 });
    expect(await json(send('PUT', `/control/rooms/${busy}/active`, { active: true }))).toMatchObject({ active: true });
  });

  it('closes a room for repairs: out of the slots while closed, refused over a live consultation, reopened by removing the closure', async () => {
    const before = await slotTimes(WEDNESDAY);
    const [first, second] = ids.rooms as [string, string];
    const closed = await send('POST', `/control/rooms/${first}/closures`, { from: WEDNESDAY, to: WEDNESDAY, reason: 'New screen fitted' });
    expect(closed.status, await closed.clone().text()).toBe(201);
    const closure = (await json(closed)).closures[0];
    expect(closure).toMatchObject({ from: WEDNESDAY, to: WEDNESDAY, reason: 'New screen fitted', startsAt: new Date(`${WEDNESDAY}T00:00:00+09:00`).toISOString() });
    expect(await slotTimes(WEDNESDAY)).toEqual(before); // the other room is still open
    await send('POST', `/control/rooms/${second}/closures`, { from: WEDNESDAY, to: WEDNESDAY, reason: 'Painting' });
    expect(await slotTimes(WEDNESDAY)).toEqual([]);
    expect((await json(send('GET', '/control/rooms'))).items.map((r: { closures: unknown[] }) => r.closures.length)).toEqual([1, 1]);

    const reopened = await send('DELETE', `/control/rooms/${first}/closures/${closure.id}`);
    expect(reopened.status, await reopened.clone().text()).toBe(200);
    expect(await json(reopened)).toMatchObject({ closures: [] });
    expect((await slotTimes(WEDNESDAY)).length).toBeGreaterThan(0);
    await refused('DELETE', `/control/rooms/${second}/closures/${closure.id}`, undefined, 404); // not that room's

    // Over a booked meeting: refused, and the meeting named.
    const c = await book('Hana Ito');
    const day = c.starts_at.toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
    const problem = await refused('POST', `/control/rooms/${c.room_id}/closures`, { from: day, to: day, reason: 'Leak' }, 409);
    expect(problem).toMatchObject({ count: 1, consultations: [{ id: c.id, buyer: 'Hana Ito' }] });
    await refused('POST', `/control/rooms/${c.room_id}/closures`, { from: '2020-01-01', to: '2020-01-02' }, 400);
    await refused('POST', `/control/rooms/${c.room_id}/closures`, { from: WEDNESDAY, to: '2000-01-01' }, 400);
    await refused('POST', '/control/rooms/999/closures', { from: WEDNESDAY, to: WEDNESDAY }, 404);
  });

  it('names the live consultations new hours leave outside, and moves none of them', async () => {
    const q = new URLSearchParams({ tz: 'Asia/Seoul', ...seoulDay(WEDNESDAY) });
    const start = (await json<{ slots: { start: string; koreaTime: { start: string } }[] }>(send('GET', `/products/vitamin-c-serum/slots?${q}`, undefined, '')))
      .slots.find((s) => s.koreaTime.start.slice(11, 16) === '15:00')!.start;
    const c = await book('Ren Aoki', { start });
    const path = `/control/rooms/${c.room_id}/hours`;
    // Mornings only: the 15:00 meeting is outside them, named, and still booked as it was.
    const narrowed = await json(send('PUT', path, { timeZone: 'Asia/Seoul', hours: [{ weekday: 3, start: '09:00', end: '12:00' }] }));
    expect(narrowed.outsideHours).toEqual([expect.objectContaining({ id: c.id, buyer: 'Ren Aoki', koreaTime: `${WEDNESDAY}T15:00:00+09:00` })]);
    expect(await handle.db.selectFrom('consultations').select(['status', 'starts_at', 'room_id']).where('id', '=', c.id).executeTakeFirstOrThrow())
      .toEqual({ status: 'scheduled', starts_at: c.starts_at, room_id: c.room_id });
    // Hours that keep it: nothing named. The default hours (none given) keep it too.
    expect((await json(send('PUT', path, { timeZone: 'Asia/Seoul', hours: [{ weekday: 3, start: '13:00', end: '18:00' }] }))).outsideHours).toEqual([]);
    expect((await json(send('PUT', path, { timeZone: 'Asia/Seoul', hours: [] }))).outsideHours).toEqual([]);

    // The same for an interpreter's hours.
    const j = await book('Sora Kato', { language: 'ja' });
    const hours = await json(send('PUT', `/control/interpreters/${j.interpreter_id}/hours`, { timeZone: 'Asia/Seoul', hours: [{ weekday: 6, start: '09:00', end: '12:00' }] }));
    expect(hours.outsideHours.map((x: { id: string }) => x.id)).toEqual([j.id]);
  });
});

describe('interpreters', () => {
  const newcomer = { name: 'Mina Park', email: ' Mina.Park@Interpreters.example ', timeZone: 'Asia/Tokyo', languages: ['ja', 'zh'] };

  it('creates and edits interpreters with ISO 639-1 languages; e-mail addresses are unique and lower case', async () => {
    const res = await send('POST', '/control/interpreters', newcomer);
    expect(res.status, await res.clone().text()).toBe(201);
    const mina = await json(res);
    expect(mina).toMatchObject({ name: 'Mina Park', email: 'mina.park@interpreters.example', timeZone: 'Asia/Tokyo', languages: ['ja', 'zh'], active: true, leave: [] });
    expect(await json(send('PUT', `/control/interpreters/${mina.id}`, { ...newcomer, languages: ['ru'] }))).toMatchObject({ languages: ['ru'] });
    await refused('POST', '/control/interpreters', { ...newcomer, email: 'MINA.PARK@interpreters.example' }, 409);
    await refused('PUT', `/control/interpreters/${ids.interpreters[0]}`, { ...newcomer, email: 'mina.park@interpreters.example' }, 409);
    for (const languages of [[], ['xx'], ['JA'], ['jpn'], ['ja', 'ja'], ['pt-BR']]) await refused('POST', '/control/interpreters', { ...newcomer, email: 'other@x.example', languages }, 400);
    await refused('POST', '/control/interpreters', { ...newcomer, email: 'not an address' }, 400);
  });

  it('takes an interpreter on leave out of the slots; removing the leave brings them back', async () => {
    const ja = { language: 'ja', interpreter: 'required' };
    const before = await slotTimes(WEDNESDAY, ja);
    expect(before.length).toBeGreaterThan(10);
    const [first, second] = ids.interpreters as [string, string];
    const leave = await send('POST', `/control/interpreters/${first}/leave`, { from: WEDNESDAY, to: WEDNESDAY, reason: 'Family' });
    expect(leave.status, await leave.clone().text()).toBe(201);
    const entry = (await json(leave)).leave[0];
    expect(entry).toMatchObject({ from: WEDNESDAY, to: WEDNESDAY, reason: 'Family' });
    expect(await slotTimes(WEDNESDAY, ja)).toEqual(before); // the other one still interprets
    // The second one works mornings only, then takes the day off too.
    await send('PUT', `/control/interpreters/${second}/hours`, { timeZone: 'Asia/Seoul', hours: [{ weekday: 3, start: '09:00', end: '12:00' }] });
    expect((await slotTimes(WEDNESDAY, ja)).every((t) => t < '12:00')).toBe(true);
    await send('POST', `/control/interpreters/${second}/leave`, { from: WEDNESDAY, to: WEDNESDAY });
    expect(await slotTimes(WEDNESDAY, ja)).toEqual([]);
    expect((await slotTimes(WEDNESDAY)).length).toBeGreaterThan(10); // no interpreter needed: unaffected

    const removed = await send('DELETE', `/control/interpreters/${first}/leave/${entry.id}`);
    expect(removed.status, await removed.clone().text()).toBe(200);
    expect(await json(removed)).toMatchObject({ leave: [] });
    expect(await slotTimes(WEDNESDAY, ja)).toEqual(before);
    await refused('DELETE', `/control/interpreters/${second}/leave/${entry.id}`, undefined, 404);
  });

  it('refuses leave over a live consultation and names it; bad dates are refused too; nothing changes', async () => {
    const c = await book('Yuki Mori', { language: 'ja' });
    const day = c.starts_at.toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
    const problem = await refused('POST', `/control/interpreters/${c.interpreter_id}/leave`, { from: day, to: day, reason: 'Sick' }, 409);
    expect(problem).toMatchObject({ count: 1, consultations: [{ id: c.id, buyer: 'Yuki Mori', language: 'ja' }] });
    expect(problem.detail).toContain(`#${c.id}`);
    await refused('POST', `/control/interpreters/${c.interpreter_id}/leave`, { from: WEDNESDAY, to: '2000-01-01' }, 400);
    await refused('POST', `/control/interpreters/${c.interpreter_id}/leave`, { from: '2020-01-01', to: '2020-01-02' }, 400);
    await refused('POST', `/control/interpreters/${c.interpreter_id}/leave`, { from: '2026-02-30', to: '2026-03-01' }, 400);
    // Nor may they leave the roster or drop Japanese while that meeting needs them.
    expect(await refused('PUT', `/control/interpreters/${c.interpreter_id}/active`, { active: false }, 409)).toMatchObject({ count: 1 });
    await refused('PUT', `/control/interpreters/${c.interpreter_id}`, { name: 'Interpreter', email: 'x@y.example', timeZone: 'Asia/Seoul', languages: ['zh'] }, 409);
    // The other interpreter may go on leave that day.
    const other = ids.interpreters.find((i) => i !== c.interpreter_id)!;
    expect((await send('POST', `/control/interpreters/${other}/leave`, { from: day, to: day })).status).toBe(201);
  });
});

describe('the database keeps bookings out of resources taken out of service', () => {
  const consultation = async (roomId: string, interpreterId: string | null, start: Date) => {
    const buyer = await handle.db.insertInto('buyers').values({ email: `b${++n}@t.test`, name: 'B', company_name: 'C', country: 'JP', language: 'ja', time_zone: 'Asia/Tokyo' }).returning('id').executeTakeFirstOrThrow();
    const company = await handle.db.selectFrom('companies').select('id').executeTakeFirstOrThrow();
    const request = await handle.db.insertInto('meeting_requests').values({ buyer_id: buyer.id, company_id: company.id, language: 'ja', time_zone: 'Asia/Tokyo' }).returning('id').executeTakeFirstOrThrow();
    return {
      meetingRequestId: request.id, companyId: company.id, buyerId: buyer.id, roomId, interpreterId, interpreterLanguage: interpreterId ? 'ja' : null,
      startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000), roomFreeAt: new Date(start.getTime() + 40 * 60_000), videoRoom: `v-${n}`, manageTokenHash: `h-${n}`,
    };
  };
  const at = new Date(`${WEDNESDAY}T10:00:00+09:00`);

  it('skips a consultation written into an inactive room or over an interpreter\'s leave, as if the slot were taken', async () => {
    const [room, other] = ids.rooms as [string, string];
    await send('PUT', `/control/rooms/${room}/active`, { active: false });
    expect(await tryInsertConsultation(handle.db, await consultation(room, null, at))).toBeUndefined();
    expect(await tryInsertConsultation(handle.db, await consultation(other, null, at))).toBeDefined();
    await send('POST', `/control/interpreters/${ids.interpreters[0]}/leave`, { from: WEDNESDAY, to: WEDNESDAY });
    const later = new Date(at.getTime() + 3_600_000);
    expect(await tryInsertConsultation(handle.db, await consultation(other, ids.interpreters[0]!, later))).toBeUndefined();
    expect(await tryInsertConsultation(handle.db, await consultation(other, ids.interpreters[1]!, later))).toBeDefined();
  });

  // PGlite is a single session: there is nothing concurrent to test there.
  it.runIf(onServer)('makes a booking wait for leave being added, and leave wait for a booking being made', async () => {
    const interpreter = ids.interpreters[0]!;
    // Leave first: the booking waits on the interpreter's row, then sees the leave.
    const leave = await handle.db.startTransaction().execute();
    await lockInterpreter(leave, interpreter);
    await leave.insertInto('blackouts').values({ interpreter_id: interpreter, starts_at: new Date(at.getTime() - 3_600_000), ends_at: new Date(at.getTime() + 3_600_000) }).execute();
    let settled = false;
    const booking = tryInsertConsultation(handle.db, await consultation(ids.rooms[0]!, interpreter, at)).finally(() => { settled = true; });
    await new Promise((r) => setTimeout(r, 300));
    expect(settled).toBe(false);
    await leave.commit().execute();
    expect(await booking).toBeUndefined();
    await sql`delete from blackouts`.execute(handle.db);

    // Booking first: the leave request waits for it, then finds the consultation and is refused.
    const book = await handle.db.startTransaction().execute();
    expect(await tryInsertConsultation(book, await consultation(ids.rooms[1]!, interpreter, at))).toBeDefined();
    let answered = false;
    const request = Promise.resolve(send('POST', `/control/interpreters/${interpreter}/leave`, { from: WEDNESDAY, to: WEDNESDAY })).finally(() => { answered = true; });
    await new Promise((r) => setTimeout(r, 300));
    expect(answered).toBe(false);
    await book.commit().execute();
    expect((await request).status).toBe(409);
    expect(await handle.db.selectFrom('blackouts').select('id').execute()).toEqual([]);
  });
});

describe('who may', () => {
  it('lets company users and visitors do nothing here', async () => {
    for (const cookie of ['', company]) {
      const before = await snapshot();
      const res = await send('POST', '/control/pavilions', { slug: 'x-ray', names: { en: 'X', ko: 'X' } }, cookie);
      expect(res.status).toBe(cookie ? 403 : 401);
      expect(await snapshot()).toBe(before);
    }
  });
});

describe('garbage', () => {
  const bodies: Record<string, Record<string, unknown>> = {
    'POST /control/pavilions': { slug: 'fuzz', names: { en: 'Fuzz', ko: '퍼즈' }, stories: {} },
    'PUT /control/pavilions/{id}': { names: { en: 'Beauty', ko: '뷰티' }, stories: {} },
    'POST /control/pavilions/reorder': { ids: ['1'] },
    'PUT /control/pavilions/{id}/retired': { retired: false },
    'POST /control/rooms': { name: 'Fuzz Room', kind: 'room', location: 'HQ', region: 'Seoul', timeZone: 'Asia/Seoul', bufferMinutes: 10, equipment: ['screen'] },
    'PUT /control/rooms/{id}': { name: 'Seoul HQ Room 1', kind: 'room', location: 'Seoul HQ', region: 'Seoul', timeZone: 'Asia/Seoul', bufferMinutes: 10, equipment: [] },
    'PUT /control/rooms/{id}/hours': { timeZone: 'Asia/Seoul', hours: [{ weekday: 1, start: '09:00', end: '12:00' }] },
    'PUT /control/rooms/{id}/active': { active: true },
    'POST /control/rooms/{id}/closures': { from: '2099-01-01', to: '2099-01-02', reason: '' },
    'POST /control/interpreters': { name: 'Fuzz', email: 'fuzz@interpreters.example', timeZone: 'Asia/Seoul', languages: ['ja'] },
    'PUT /control/interpreters/{id}': { name: 'Interpreter 1', email: 'interpreter1@example.org', timeZone: 'Asia/Seoul', languages: ['ja'] },
    'PUT /control/interpreters/{id}/hours': { timeZone: 'Asia/Seoul', hours: [] },
    'POST /control/interpreters/{id}/leave': { from: '2099-01-01', to: '2099-01-02', reason: '' },
    'PUT /control/interpreters/{id}/active': { active: true },
  };
  const nasty = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ maxLength: 40 }),
    fc.constantFrom(null, '', '<script>alert(1)</script>', '\u0000', '9'.repeat(400), -1, 1e308, 'Asia/Seoul', '24:00', ['ja', 'ja']),
  );

  it('every write answers a problem below 500 to arbitrary JSON and to one spoiled field, and a refusal changes nothing', async () => {
    const routes = RESOURCE_ROUTES.filter(([m]) => m === 'POST' || m === 'PUT');
    expect(routes.map(([m, p]) => `${m} ${p}`).sort()).toEqual(Object.keys(bodies).sort());
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), nasty, fc.nat(), fc.boolean(), async ([method, template], value, field, whole) => {
        const base = bodies[`${method} ${template}`]!;
        const keys = Object.keys(base);
        const body = whole ? value : { ...structuredClone(base), [keys[field % keys.length]!]: value };
        const before = await snapshot();
        const res = await send(method, template.replace('{id}', '1'), body ?? 'null');
        expect(res.status, await res.clone().text()).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: 150 },
    );
  });
});

// Last: its workers take every job from here on.
describe('the search index follows, through the real workers and engine', () => {
  let engine: TestEngine;
  beforeAll(async () => {
    engine = await startTestEngine('resources');
    await sql`delete from pgboss.job`.execute(handle.db);
    await startWorkers(jobs, { db: handle.db, config: loadConfig({ PUBLIC_URL: ORIGIN }), log: silentLogger, searchClient: () => engine.client });
  }, 120_000);
  afterAll(async () => engine?.stop());

  const slugs = async (index: string) => (await engine.client.index(index).search('', { limit: 50 })).hits.map((h) => h.slug as string).sort();
  async function until(what: string, probe: () => Promise<boolean>) {
    for (let i = 0; i < 200; i++) {
      if (await probe()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  it('drops a retired pavilion and its products from search, and brings them back when restored', async () => {
    await reindexAll(handle.db, engine.client);
    await reindexDirectory(handle.db, engine.client);
    expect((await send('POST', '/control/pavilions', { slug: 'power', names: { en: 'Power equipment', ko: '전력기자재' } })).status).toBe(201);
    await until('the new pavilion in search', async () => (await slugs(INDEXES.pavilions)).join() === 'beauty,power');
    expect(await slugs(INDEXES.products)).toEqual(['vitamin-c-serum']);

    expect((await send('PUT', `/control/pavilions/${ids.pavilion}/retired`, { retired: true })).status).toBe(200);
    await until('the retired pavilion gone', async () => (await slugs(INDEXES.pavilions)).join() === 'power');
    await until('its product gone', async () => (await slugs(INDEXES.products)).length === 0);
    // Its company has nothing else on show: it leaves the companies index too (listed-companies.ts).
    await until('its company gone', async () => (await slugs(INDEXES.companies)).length === 0);

    expect((await send('PUT', `/control/pavilions/${ids.pavilion}/retired`, { retired: false })).status).toBe(200);
    await until('both back', async () => (await slugs(INDEXES.pavilions)).join() === 'beauty,power' && (await slugs(INDEXES.products)).length === 1);
    await until('its company back', async () => (await slugs(INDEXES.companies)).length === 1);
    expect((await engine.client.index(INDEXES.companies).search('hanbit')).hits[0]).toMatchObject({ productCount: 1, pavilions: ['beauty'] });
  });
});
