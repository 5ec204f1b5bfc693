// Every API route fed generated garbage: the answer is always a 4xx problem document (or a
// normal answer when the garbage happens to be valid), never a 5xx, and a refused request
// changes nothing in the database. The public routes as a visitor; every control-tower route
// (staff actions, moderation, planner, resources) as signed-in staff. (The portal and account
// routes get theirs in authorization.db.test.ts.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';
import { mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { CONTROL_TOWER_ROUTES } from './routes/control.ts';
import { CONTROL_ROUTES } from './routes/moderation.ts';
import { PLANNER_ROUTES } from './routes/planner.ts';
import { RESOURCE_ROUTES } from './routes/resources.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let token = '';
let staff = '';

const counts = async () =>
  (await sql<{ r: string; c: string; b: string; k: string }>`select
    (select count(*) from meeting_requests) as r, (select count(*) from consultations) as c,
    (select count(*) from buyers) as b, (select count(*) from idempotency_keys) as k`.execute(handle.db)).rows[0]!;

async function expectWellFormed(res: Response) {
  expect(res.status, `${res.status} ${await res.clone().text()}`).toBeLessThan(500);
  if (res.status >= 400) expect(res.headers.get('content-type')).toContain('application/problem+json');
}

// Without the refused request's effects, the database must look the same afterwards.
async function refusedChangesNothing(send: () => Response | Promise<Response>) {
  const before = await counts();
  const res = await send();
  await expectWellFormed(res);
  if (res.status >= 400) expect(await counts()).toEqual(before);
  return res;
}

const validBuyer = { name: 'Jo', company: 'Co', country: 'US', email: 'jo@co.test', language: 'en', timeZone: 'America/Chicago' };
const nastyString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '../../etc/passwd', '<script>alert(1)</script>', 'Mars/Olympus', '9'.repeat(400),
    '2026-02-30T25:61:00Z', '-1', 'NaN', 'Infinity', '1e309', '%00', '\uD800', 'DROP TABLE buyers;--'),
);
const nastyValue = fc.oneof(nastyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.jsonValue({ maxDepth: 3 }));
const percentEncoded = (s: string) => Array.from(new TextEncoder().encode(s), (b) => `%${b.toString(16).padStart(2, '0')}`).join('');
const segment = fc.oneof(nastyString.map((s) => percentEncoded(s) || 'x'), fc.constantFrom('%FF%FE', '%00', '%', '%E0%A4%A', '..', '%2e%2e%2f'));

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  await insertFixtureCatalogue(handle.db);
  const search = () => async () => ({ hits: [], estimatedTotalHits: 0, processingTimeMs: 0 });
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config: loadConfig({ PUBLIC_URL: ORIGIN }), log: silentLogger, search, sendAccountMail: mail.send, now: () => Date.parse('2026-12-01T00:00:00Z') });
  const res = await app.request('/meeting-requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ productSlug: 'vitamin-c-serum', buyer: validBuyer }) });
  token = ((await res.json()) as { manageUrl: string }).manageUrl.split('/').pop()!;
  staff = await signedInUser(app, mail, 'staff@garbage.example');
  await setRole(handle.db, 'staff@garbage.example', 'staff');
});
afterAll(async () => handle?.close());

describe('garbage in, 4xx out', () => {
  it('query strings of the read routes', async () => {
    const keys = fc.constantFrom('q', 'limit', 'offset', 'locale', 'tz', 'from', 'to', 'language', 'interpreter', 'pavilion', 'certification', 'market', 'region', 'moqMax', 'sort', 'facets', 'junk');
    const query = fc.array(fc.tuple(keys, nastyString), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString());
    const path = fc.constantFrom('/search', '/health', '/products/vitamin-c-serum/slots', '/companies/hanbit-cosmetics/slots', `/manage/${token}/slots`);
    await fc.assert(
      fc.asyncProperty(path, query, async (p, q) => {
        await expectWellFormed(await app.request(`${p}?${q}`));
      }),
      { numRuns: 150 },
    );
  });

  it('path segments', async () => {
    const route = fc.constantFrom('/products/%s/slots', '/companies/%s/slots', '/manage/%s', '/manage/%s/slots', '/manage/%s/invite.ics', '/%s');
    await fc.assert(
      fc.asyncProperty(route, segment, async (r, s) => {
        await expectWellFormed(await app.request(`${r.replace('%s', s)}?tz=UTC`));
      }),
      { numRuns: 100 },
    );
  });

  it('meeting requests: arbitrary JSON, and a valid request with one field spoiled', async () => {
    const spoiled = fc.tuple(
      fc.constantFrom('productSlug', 'companySlug', 'preferredSlots', 'interpreter', 'message', 'buyer.name', 'buyer.company', 'buyer.country', 'buyer.email', 'buyer.language', 'buyer.timeZone'),
      nastyValue,
    ).map(([field, value]) => {
      const body: Record<string, any> = { productSlug: 'vitamin-c-serum', buyer: { ...validBuyer, email: 'spoiled@co.test' }, preferredSlots: ['2026-12-07T01:00:00.000Z'] };
      const [a, b] = field.split('.');
      if (b) body[a!][b] = value;
      else body[a!] = value;
      return JSON.stringify(body);
    });
    const body = fc.oneof(fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)), fc.string({ maxLength: 200 }), spoiled);
    await fc.assert(
      fc.asyncProperty(body, fc.option(nastyString.filter((k) => /^[\x21-\x7e]*$/.test(k))), async (b, key) => {
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        if (key) headers['idempotency-key'] = key;
        await refusedChangesNothing(() => app.request('/meeting-requests', { method: 'POST', headers, body: b }));
      }),
      { numRuns: 200 },
    );
  });

  it('control characters in the buyer\'s words are refused before PostgreSQL sees them', async () => {
    // Found by the property above: a NUL in the message reached PostgreSQL (500).
    for (const [field, value] of [['message', 'hello\u0000there'], ['name', 'Jo\u0000'], ['company', 'Co\u0007']] as const) {
      const body = { productSlug: 'vitamin-c-serum', buyer: { ...validBuyer, email: 'spoiled@co.test' }, preferredSlots: ['2026-12-07T01:00:00.000Z'], message: '' } as Record<string, any>;
      if (field === 'message') body.message = value; else body.buyer[field] = value;
      const res = await refusedChangesNothing(() => app.request('/meeting-requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
      expect(res.status, field).toBe(400);
    }
  });

  it('reschedule bodies, as JSON and as forms', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)), nastyValue.map((v) => JSON.stringify({ start: v }))), fc.boolean(), async (b, asForm) => {
        const headers = { 'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json', accept: 'application/json' };
        const body = asForm ? `start=${encodeURIComponent(b)}` : b;
        const res = await refusedChangesNothing(() => app.request(`/manage/${token}/reschedule`, { method: 'POST', headers, body }));
        expect([200, 303]).not.toContain(res.status); // nothing generated here is a free slot start
      }),
      { numRuns: 100 },
    );
  });

  it.each([
    ['invalid UTF-8', () => new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    ['deep nesting', () => '['.repeat(20_000) + ']'.repeat(20_000)],
    ['a huge number', () => JSON.stringify({ productSlug: 'vitamin-c-serum', buyer: validBuyer, preferredSlots: [1e308] })],
    ['an oversized body', () => JSON.stringify({ pad: 'x'.repeat(200_000) })],
    ['a prototype-pollution attempt', () => '{"__proto__":{"admin":true},"productSlug":"vitamin-c-serum","buyer":{}}'],
  ])('meeting requests: %s', async (_name, body) => {
    const res = await refusedChangesNothing(() => app.request('/meeting-requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: body() }));
    expect(res.status).toBeGreaterThanOrEqual(400);
  });
});

describe('garbage at the control tower, as staff', () => {
  // Every row of every table but the sign-in bookkeeping (sessions, rate limits), as one digest.
  let tables: string[] = [];
  const fingerprint = async () => {
    if (tables.length === 0) {
      tables = (await sql<{ t: string }>`select table_name as t from information_schema.tables
        where table_schema = 'public' and table_type = 'BASE TABLE'
          and table_name not in ('auth_sessions', 'auth_rate_limits', 'auth_verifications') and table_name not like 'kysely_%'
        order by table_name`.execute(handle.db)).rows.map((r) => r.t);
    }
    const parts = tables.map((t) => sql`select ${t} as t, md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h from ${sql.table(t)} x`);
    return (await sql<{ t: string; h: string }>`${sql.join(parts, sql` union all `)}`.execute(handle.db)).rows;
  };

  // A body staff could send to each write (room, interpreter, pavilion, consultation and request 1 exist).
  const start = '2026-12-07T01:00:00Z';
  const hours = { timeZone: 'Asia/Seoul', hours: [{ weekday: 1, start: '09:00', end: '12:00' }] };
  const room = { name: 'Garbage Room', kind: 'room', location: 'HQ', region: 'Seoul', timeZone: 'Asia/Seoul', bufferMinutes: 10, equipment: ['screen'] };
  const bodies: Record<string, unknown> = {
    'POST /control/requests/{id}/place': { start },
    'POST /control/consultations/{id}/room': { roomId: '1' },
    'POST /control/consultations/{id}/interpreter': { interpreterId: '1' },
    'POST /control/consultations/{id}/move': { start, roomId: '1' },
    'POST /control/consultations/{id}/cancel': { reason: 'Garbage says so' },
    'POST /control/products/{product}/approve': null,
    'POST /control/products/{product}/reject': { reason: 'Not ready' },
    'POST /control/planner/proposals': { week: '2026-12-07', requestIds: ['1'], timeLimitSeconds: 1 },
    'POST /control/planner/commit': { placements: [{ requestId: '1', start, roomId: '1', interpreterId: null }] },
    'POST /control/pavilions': { slug: 'garbage-hall', names: { en: 'Garbage', ko: '쓰레기' }, stories: { en: 'Story' } },
    'PUT /control/pavilions/{id}': { names: { en: 'Beauty', ko: '뷰티' }, stories: {} },
    'POST /control/pavilions/reorder': { ids: ['1'] },
    'PUT /control/pavilions/{id}/retired': { retired: false },
    'POST /control/rooms': room,
    'PUT /control/rooms/{id}': room,
    'PUT /control/rooms/{id}/hours': hours,
    'PUT /control/rooms/{id}/active': { active: true },
    'POST /control/rooms/{id}/closures': { from: '2026-12-20', to: '2026-12-21', reason: 'Garbage' },
    'DELETE /control/rooms/{id}/closures/{closureId}': null,
    'POST /control/interpreters': { name: 'Garbage Interpreter', email: 'garbage@interpreters.example', timeZone: 'Asia/Seoul', languages: ['ja'] },
    'PUT /control/interpreters/{id}': { name: 'Interpreter 1', email: 'interpreter1@example.org', timeZone: 'Asia/Seoul', languages: ['ja'] },
    'PUT /control/interpreters/{id}/hours': hours,
    'POST /control/interpreters/{id}/leave': { from: '2026-12-20', to: '2026-12-21', reason: 'Garbage' },
    'DELETE /control/interpreters/{id}/leave/{leaveId}': null,
    'PUT /control/interpreters/{id}/active': { active: true },
  };
  const routes = [...CONTROL_TOWER_ROUTES, ...CONTROL_ROUTES, ...PLANNER_ROUTES, ...RESOURCE_ROUTES];
  const writes = routes.filter(([m]) => m !== 'GET');

  // Dates and times at and past the edges of what a calendar, Date or PostgreSQL can hold.
  const ymd = ([y, m, d]: number[]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const day = fc.oneof(
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(ymd),
    fc.tuple(fc.integer({ min: 2025, max: 2028 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 })).map(ymd),
    fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(ymd),
    fc.constantFrom('0000-01-01', '0001-01-01', '1969-12-31', '2026-02-29', '2028-02-29', '9999-12-31', '9999-12-27', '+275760-09-13', '2026-12-07T00:00:00Z', '2026-W50', '20261207'),
  );
  const instant = fc.oneof(
    day.map((d) => `${d}T01:00:00Z`),
    fc.constantFrom('0000-01-01T00:00:00Z', '9999-12-31T23:59:59+14:00', '9999-12-31T23:59:59.999Z', '1970-01-01T00:00:00-12:00',
      '2026-12-07T01:00:00.123456789Z', '2026-12-07T01:07:00+09:00', '2026-12-07T24:00:00Z', '2026-12-07 01:00:00Z', '2026-12-07T01:00:00'),
  );
  // Mostly ids that exist (the fixture's first rooms, interpreter, pavilion, request and consultation), so garbage gets past the lookup.
  const known = ['1', '2', '3'];
  const id = fc.oneof(
    { weight: 3, arbitrary: fc.nat().map((i) => known[i % known.length]!) },
    { weight: 1, arbitrary: fc.constantFrom('0', '-1', '01', '1.5', '1e3', '999999999999999999', '9223372036854775807', '99999999999999999999', 'null', '') },
    { weight: 1, arbitrary: fc.bigInt({ min: 1n, max: 10n ** 18n - 1n }).map(String) },
  );
  const value = fc.oneof(nastyValue, day, instant, id, id.map((i) => [i]), fc.array(id, { maxLength: 700 }));

  /** Every path into a JSON value (objects and arrays), the value itself included. */
  const pathsOf = (v: unknown, at: (string | number)[] = []): (string | number)[][] =>
    v && typeof v === 'object'
      ? [at, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...at, Array.isArray(v) ? Number(k) : k]))]
      : [at];
  function spoil(base: unknown, pick: number, replacement: unknown, drop: boolean): unknown {
    const paths = pathsOf(base);
    const at = paths[pick % paths.length]!;
    if (at.length === 0) return replacement;
    const copy = structuredClone(base) as Record<string | number, unknown>;
    const parent = at.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
    if (drop) delete parent[at.at(-1)!];
    else parent[at.at(-1)!] = replacement;
    return copy;
  }

  const resolve = (template: string, ids: string[]) =>
    template.replace('{product}', 'vitamin-c-serum').replace(/\{(id|leaveId|closureId)\}/g, () => encodeURIComponent(ids.shift() ?? '1'));
  const send = (method: string, path: string, body: unknown, type = 'application/json') => {
    const headers: Record<string, string> = { origin: ORIGIN, cookie: staff };
    if (method === 'GET') return app.request(path, { headers });
    if (body === null) return app.request(path, { method, headers });
    return app.request(path, { method, headers: { ...headers, 'content-type': type }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  };
  async function unchangedUnlessAccepted(method: string, path: string, body: unknown, type?: string) {
    const before = await fingerprint();
    const res = await send(method, path, body, type);
    expect(res.status, `${method} ${path} ${JSON.stringify(body)?.slice(0, 300)}: ${res.status} ${await res.clone().text()}`).toBeLessThan(500);
    if (res.status >= 400) {
      expect(res.headers.get('content-type'), `${method} ${path}`).toContain('application/problem+json');
      expect(await fingerprint(), `${method} ${path} ${JSON.stringify(body)?.slice(0, 300)} was refused (${res.status}) but changed the database`).toEqual(before);
    }
    return res;
  }

  beforeAll(async () => {
    // Two requests waiting in the queue, so placing and planning garbage reach the scheduling.
    const product = await handle.db.selectFrom('products').select(['id', 'company_id']).where('slug', '=', 'vitamin-c-serum').executeTakeFirstOrThrow();
    for (const [email, language, zone] of [['queued1@garbage.test', 'ja', 'Asia/Tokyo'], ['queued2@garbage.test', 'en', 'Europe/Berlin']] as const) {
      const buyer = await handle.db.insertInto('buyers').values({ email, name: 'Queued Buyer', company_name: 'Queue Co', country: 'JP', language, time_zone: zone }).returning('id').executeTakeFirstOrThrow();
      const request = await handle.db.insertInto('meeting_requests')
        .values({ buyer_id: buyer.id, company_id: product.company_id, product_id: product.id, language, time_zone: zone, interpreter: 'auto', status: 'queued' })
        .returning('id').executeTakeFirstOrThrow();
      known.push(request.id);
    }
    const queued = known.at(-1)!;
    bodies['POST /control/planner/proposals'] = { week: '2026-12-07', requestIds: [queued], timeLimitSeconds: 1 };
    bodies['POST /control/planner/commit'] = { placements: [{ requestId: queued, start, roomId: '1', interpreterId: null }] };
  });

  it('covers every control-tower route, and staff are let in', async () => {
    for (const [method, path] of writes) expect(bodies, `add a body for ${method} ${path}`).toHaveProperty([`${method} ${path}`]);
    expect((await send('GET', '/control/rooms', null)).status).toBe(200);
  });

  it('query strings: the board and the statistics', async () => {
    const query = fc.oneof(
      fc.record({ date: day, region: fc.option(nastyString, { nil: undefined }), pavilion: fc.option(nastyString, { nil: undefined }) }, { requiredKeys: [] })
        .map((q) => `/control/board?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined) as [string, string][])}`),
      fc.tuple(day, day).map(([from, to]) => `/control/stats?${new URLSearchParams({ from, to })}`),
      fc.tuple(fc.constantFrom('/control/board', '/control/stats'), fc.array(fc.tuple(fc.constantFrom('date', 'from', 'to', 'region', 'pavilion', 'junk'), nastyString), { maxLength: 4 }))
        .map(([p, pairs]) => `${p}?${new URLSearchParams(pairs)}`),
    );
    await fc.assert(fc.asyncProperty(query, async (path) => { await unchangedUnlessAccepted('GET', path, null); }), { numRuns: 150 });
  });

  it('statistics over centuries are refused at once, not counted day by day', async () => {
    const t0 = Date.now();
    const res = await unchangedUnlessAccepted('GET', '/control/stats?from=0001-01-01&to=9999-12-31', null);
    expect(res.status).toBe(400);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect((await unchangedUnlessAccepted('GET', '/control/stats?from=2026-01-01&to=2027-12-31', null)).status).toBe(200);
  });

  it('malformed language tags are refused (Intl threw on them: a 500)', async () => {
    for (const language of ['', 'a', '0000-00-00', 'en-', '-']) {
      const interpreter = { name: 'Tag Tester', email: 'tags@interpreters.example', timeZone: 'Asia/Seoul', languages: [language] };
      expect((await unchangedUnlessAccepted('POST', '/control/interpreters', interpreter)).status, language).toBe(400);
      expect((await unchangedUnlessAccepted('PUT', '/control/interpreters/1', interpreter)).status, language).toBe(400);
    }
  });

  it('dates and times at the edges of the calendar, in every field that takes one', async () => {
    const days = ['0000-01-01', '0001-01-01', '1969-12-31', '1970-01-01', '2026-02-29', '2028-02-29', '9999-12-27', '9999-12-31'];
    const instants = [...days.map((d) => `${d}T00:00:00Z`), '0000-01-01T00:00:00+14:00', '9999-12-31T23:59:59-12:00', '9999-12-31T23:59:59.999999999Z'];
    for (const d of days) {
      await unchangedUnlessAccepted('GET', `/control/board?date=${d}`, null);
      await unchangedUnlessAccepted('GET', `/control/stats?from=${d}&to=${d}`, null);
      await unchangedUnlessAccepted('POST', '/control/planner/proposals', { week: d, timeLimitSeconds: 1 });
      await unchangedUnlessAccepted('POST', '/control/interpreters/1/leave', { from: d, to: d });
    }
    for (const start of instants) {
      const queued = known.at(-1)!;
      await unchangedUnlessAccepted('POST', `/control/requests/${queued}/place`, { start });
      await unchangedUnlessAccepted('POST', '/control/consultations/1/move', { start });
      await unchangedUnlessAccepted('POST', '/control/planner/commit', { placements: [{ requestId: queued, start, roomId: '1', interpreterId: null }] });
    }
  });

  it('path segments of every route', async () => {
    const segment = fc.oneof(id, nastyString.map((s) => percentEncoded(s) || 'x'), fc.constantFrom('%FF%FE', '%00', '..', '%2e%2e%2f'));
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes.filter(([, p]) => p.includes('{'))), segment, segment, async ([method, template], a, b) => {
        const given = [a, b];
        const path = template.replace(/\{(product|id|leaveId|closureId)\}/g, () => given.shift()!);
        await unchangedUnlessAccepted(method, path, bodies[`${method} ${template}`] ?? null);
      }),
      { numRuns: 200 },
    );
  });

  it('bodies: a valid one with a field spoiled or left out, and arbitrary JSON', async () => {
    const withBody = writes.filter(([m, p]) => bodies[`${m} ${p}`] !== null);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...withBody), fc.oneof(
          fc.record({ kind: fc.constant('spoiled' as const), pick: fc.nat(), value, drop: fc.boolean() }),
          fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 4 }) }),
        ), fc.array(id, { minLength: 2, maxLength: 2 }),
        async ([method, template], garbage, ids) => {
          const base = bodies[`${method} ${template}`];
          const body = garbage.kind === 'json' ? garbage.value : spoil(base, garbage.pick, garbage.value, garbage.drop);
          await unchangedUnlessAccepted(method, resolve(template, ids), body === undefined ? 'null' : body);
        },
      ),
      { numRuns: 400 },
    );
  });

  it.each([
    ['a form body', 'application/x-www-form-urlencoded', 'reason=x'],
    ['text', 'text/plain', '{"reason":"Garbage says so"}'],
    ['invalid UTF-8', 'application/json', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    ['deep nesting', 'application/json', '['.repeat(20_000) + ']'.repeat(20_000)],
    ['an oversized body', 'application/json', JSON.stringify({ reason: 'x'.repeat(200_000) })],
    ['a huge number', 'application/json', '{"roomId":1e309,"interpreterId":1e309,"timeLimitSeconds":1e309,"bufferMinutes":1e309}'],
    ['a prototype-pollution attempt', 'application/json', '{"__proto__":{"active":true,"retired":true},"constructor":{"prototype":{"active":true}}}'],
  ])('every write: %s', async (_name, type, body) => {
    for (const [method, template] of writes) {
      const res = await unchangedUnlessAccepted(method, resolve(template, []), body as string, type);
      if (bodies[`${method} ${template}`] !== null) expect(res.status, `${method} ${template}`).toBeGreaterThanOrEqual(400);
    }
  });
});
