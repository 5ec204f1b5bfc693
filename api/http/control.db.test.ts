// The control tower through the real API: the day's board, the queue of unplaced requests
// placed in one step, and the figures; staff only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';
import { CONTROL_TOWER_ROUTES } from './routes/control.ts';
import { CONTROL_ROUTES } from './routes/moderation.ts';
import { COMPANY_CONTROL_ROUTES } from './routes/companies-control.ts';
import { PLANNER_ROUTES } from './routes/planner.ts';
import { RESOURCE_ROUTES } from './routes/resources.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let staff = '';
let company = '';
let booked: { startsAt: string };
let n = 0;

const get = (path: string, cookie = staff) => app.request(path, { headers: { origin: ORIGIN, cookie } });

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  const { companyId, productId } = await insertFixtureCatalogue(handle.db, { rooms: 2 });
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config: loadConfig({ PUBLIC_URL: ORIGIN }), log: silentLogger, sendAccountMail: mail.send, now: () => NOW, clientIp: () => `10.5.0.${++n % 250}` });
  staff = await signedInUser(app, mail, 'staff@control.example');
  await setRole(handle.db, 'staff@control.example', 'staff');
  company = await signedInUser(app, mail, 'member@company.example');
  const res = await app.request('/meeting-requests', jsonPost({
    productSlug: 'vitamin-c-serum', preferredSlots: [],
    buyer: { name: 'Ana Souza', company: 'Rio Imports', country: 'BR', email: 'ana@rio.test', language: 'en', timeZone: 'America/Sao_Paulo' },
  }));
  expect(res.status).toBe(201);
  booked = await res.json();
  // A request that found no time when it was made, waiting for staff.
  const buyer = await handle.db.insertInto('buyers').values({ email: 'kenji@osaka.test', name: 'Kenji Sato', company_name: 'Osaka Trading', country: 'JP', language: 'ja', time_zone: 'Asia/Tokyo' }).returning('id').executeTakeFirstOrThrow();
  await handle.db.insertInto('meeting_requests').values({ buyer_id: buyer.id, company_id: companyId, product_id: productId, language: 'ja', time_zone: 'Asia/Tokyo', interpreter: 'required', status: 'queued' }).execute();
}, 60_000);
afterAll(async () => handle?.close());

describe('the control tower', () => {
  it('shows the day\'s board: rooms and consultations with company, buyer and country, without contact details', async () => {
    const day = new Date(booked.startsAt).toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
    const res = await get(`/control/board?date=${day}`);
    expect(res.status).toBe(200);
    const body = await res.json() as { rooms: { id: string }[]; consultations: { roomId: string; startsAt: string }[] };
    expect(body.rooms).toHaveLength(2);
    expect(body).toMatchObject({ date: day, consultations: [{ company: { slug: 'hanbit-cosmetics' }, buyer: { name: 'Ana Souza', country: 'BR' }, status: 'scheduled', startsAt: booked.startsAt }] });
    expect(body.rooms.map((r) => r.id)).toContain(body.consultations[0]!.roomId);
    expect(JSON.stringify(body)).not.toContain('ana@rio.test');
    const other = await (await get('/control/board?date=2026-12-25')).json() as { consultations: unknown[] };
    expect(other.consultations).toEqual([]);
    expect((await get('/control/board?date=2026-13-40')).status).toBe(400);
    // A filter with a control character is refused as input (a NUL reached PostgreSQL and answered 500; found by the garbage test).
    for (const region of ['%00', 'Seoul%00', '%1F', '%7F']) {
      const res = await get(`/control/board?date=2026-12-01&region=${region}`);
      expect(res.status, region).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect((await get('/control/board?date=2026-12-01&region=Seoul')).status).toBe(200);
  });

  it('lists the unplaced request with a suggested slot, and places it there in one step', async () => {
    const queue = await (await get('/control/requests')).json() as { items: { id: string; suggested: { start: string } | null; buyer: { name: string } }[] };
    expect(queue.items).toHaveLength(1);
    const [item] = queue.items;
    expect(item).toMatchObject({ buyer: { name: 'Kenji Sato', country: 'JP' }, interpreter: 'required' });
    expect(item!.suggested).not.toBeNull();
    const placed = await app.request(`/control/requests/${item!.id}/place`, jsonPost({ start: item!.suggested!.start }, staff));
    expect(placed.status).toBe(200);
    const c = await handle.db.selectFrom('consultations').select(['status', 'interpreter_language']).where('meeting_request_id', '=', item!.id).executeTakeFirstOrThrow();
    expect(c).toEqual({ status: 'scheduled', interpreter_language: 'ja' });
    expect((await (await get('/control/requests')).json() as { items: unknown[] }).items).toEqual([]);
    expect((await app.request(`/control/requests/${item!.id}/place`, jsonPost({ start: item!.suggested!.start }, staff))).status).toBe(409);
  });

  it('counts the programme: consultations, participants, countries, utilisation', async () => {
    const res = await get('/control/stats?from=2026-12-01&to=2026-12-31');
    expect(res.status).toBe(200);
    const s = await res.json() as Record<string, any>;
    expect(s.consultations.total).toBe(2);
    expect(s.participants).toEqual({ companies: 1, buyers: 2, countries: 2 });
    expect(s.byBuyerCountry.map((r: { country: string }) => r.country).sort()).toEqual(['BR', 'JP']);
    expect((await get('/control/stats?from=2026-12-31&to=2026-12-01')).status).toBe(400);
  });

  const STAFF_ROUTES = [...CONTROL_TOWER_ROUTES, ...RESOURCE_ROUTES, ...PLANNER_ROUTES, ...CONTROL_ROUTES, ...COMPANY_CONTROL_ROUTES];

  it('lists every route the app serves under /control', () => {
    // A staff route added without being listed would escape the check below.
    const served = new Set(app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/control/'))
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`));
    expect(STAFF_ROUTES.map(([m, p]) => `${m} ${p}`).sort()).toEqual([...served].sort());
  });

  it('answers 401 to visitors and 403 to company users on every route', async () => {
    const paths: Record<string, string> = { '/control/board': '/control/board?date=2026-12-01', '/control/stats': '/control/stats?from=2026-12-01&to=2026-12-02' };
    for (const [method, template] of STAFF_ROUTES) {
      const path = paths[template] ?? template.replace('{id}', '1').replace('{leaveId}', '1').replace('{closureId}', '1').replace('{product}', 'vitamin-c-serum').replace('{company}', 'hanbit-cosmetics');
      for (const [cookie, want] of [['', 401], [company, 403]] as const) {
        const res = method === 'GET'
          ? await get(path, cookie)
          : await app.request(path, { ...jsonPost({ start: '2026-12-07T01:00:00Z' }, cookie || undefined), method });
        expect(res.status, `${method} ${path}`).toBe(want);
      }
    }
  });
});
