// Every route the app serves, fed garbage derived from its own request schemas (params, query,
// JSON, form and multipart bodies), plus generic attacks on every route taking a body, each
// sent as the role that gets past authorisation so validation is what is exercised. The answer
// is always < 500, every 4xx a problem document, and a refused request changes no table.
// garbage.db.test.ts and authorization.db.test.ts keep their hand-written, deeper cases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { databaseFingerprint, type Fingerprint } from '../test-support/db-fingerprint.ts';
import { exampleOf, jsonSchemaOf, Raw, spoiled, toJsonText, toText, type Schema } from '../test-support/schema-garbage.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { fileImageStore } from '../images/store.ts';
import { createApi } from './app.ts';
import { ProblemSchema } from './problem.ts';

const RUNS = 20;
// better-auth's endpoints hash passwords (argon2, ~30 ms): fewer runs keep the file quick.
const AUTH_RUNS = 15;
const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 'f'.repeat(40) });
type Role = 'visitor' | 'member' | 'staff' | 'account';
type Part = { schema: unknown; js: Schema; base: unknown };
type Route = { key: string; method: string; path: string; role: Role; params?: Part; query?: Part; body?: Part & { type: string; form: boolean } };

// Served but not from the OpenAPI registry, or with no input to spoil.
const EXCLUDED: Record<string, string> = {
  'ALL /*': 'middleware (transport security, body limit, headers, rate limit, content type), run in front of every route fuzzed here',
  'ALL /portal/*': 'middleware: the portal\'s sign-in check',
  'ALL /control/*': 'middleware: the control tower\'s staff check',
  'ALL /control/planner/*': 'middleware: the planner\'s staff check',
  'GET /openapi.json': 'the generated OpenAPI document: takes no input (sent a garbage query below)',
  'GET /docs': 'the docs page rendered from it: takes no input (sent a garbage query below)',
  'GET /auth/*': 'better-auth\'s endpoints behind one proxy route: each fuzzed from auth.api\'s own schemas below',
  'POST /auth/*': 'the same proxy, for better-auth\'s writes',
};

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let imageDir = '';
let fingerprint: () => Promise<Fingerprint>;
let last: Fingerprint = [];
const who: Record<Role, string> = { visitor: '', member: '', staff: '', account: '' };
const known = { token: '', consultation: '', invitation: '', user: '' };

/** A valid value for each path parameter, by where the route lives (the fixture's rows and those made in beforeAll). */
function paramsOf(p: string): Record<string, string> {
  if (p.startsWith('/portal/')) {
    return { slug: 'hanbit-cosmetics', product: 'vitamin-c-serum', position: '0', id: p.includes('/invitations/') ? known.invitation : known.consultation, user: known.user };
  }
  if (p.startsWith('/control/')) return { product: 'vitamin-c-serum', company: 'hanbit-cosmetics', id: '1', leaveId: '1', closureId: '1' };
  if (p.startsWith('/manage/')) return { token: known.token };
  if (p.startsWith('/media/')) return { key: '3f2a9c0d41b8e7a65c0f1e2d3b4a5968', name: '640.avif' };
  return { slug: p.startsWith('/products/') ? 'vitamin-c-serum' : 'hanbit-cosmetics', token: 'x', id: 'x' };
}

// Where a derived example is not valid (a rule across fields, or a row that must exist), a valid one.
const buyer = { name: 'Jo', company: 'Co', country: 'US', email: 'fuzz.buyer@co.test', language: 'en', timeZone: 'America/Chicago' };
const hours = { timeZone: 'Asia/Seoul', hours: [{ weekday: 1, start: '09:00', end: '12:00' }] };
const BODIES: Record<string, unknown> = {
  'POST /meeting-requests': { productSlug: 'vitamin-c-serum', buyer, preferredSlots: ['2026-12-07T01:00:00Z'], interpreter: 'auto', message: 'Hello' },
  'POST /manage/{token}/reschedule': { start: '2026-12-08T01:00:00Z' },
  'POST /portal/companies': { names: { ko: '퍼즈', en: 'Fuzz Co' }, region: 'Seoul', languages: ['ko'] },
  'PUT /portal/companies/{slug}': { names: { ko: '한빛화장품', en: 'Hanbit Cosmetics' }, region: 'Seoul', languages: ['ko', 'en'] },
  'PUT /portal/companies/{slug}/availability': { requiresConfirmation: false, weeklyHours: [{ weekday: 1, start: '09:00', end: '17:00' }], blackoutDates: [] },
  'POST /portal/companies/{slug}/products': { pavilion: 'beauty', texts: { ko: { name: '제품' }, en: { name: 'Product' } } },
  'PUT /portal/companies/{slug}/products/{product}': { pavilion: 'beauty', texts: { ko: { name: '비타민C 세럼' }, en: { name: 'Vitamin C serum' } } },
  'POST /portal/companies/{slug}/consultations/{id}/outcome': { outcome: 'follow_up', dealValueUsd: null },
  'POST /portal/invitations/lookup': { token: 'A'.repeat(43) },
  'POST /portal/invitations/accept': { token: 'A'.repeat(43) },
  'POST /control/requests/{id}/place': { start: '2026-12-07T01:00:00Z' },
  'POST /control/consultations/{id}/room': { roomId: '1' },
  'POST /control/consultations/{id}/interpreter': { interpreterId: '1' },
  'POST /control/consultations/{id}/move': { start: '2026-12-08T01:00:00Z', roomId: '1' },
  'POST /control/planner/proposals': { week: '2026-12-07', timeLimitSeconds: 1 },
  'POST /control/planner/commit': { placements: [{ requestId: '1', start: '2026-12-07T01:00:00Z', roomId: '1', interpreterId: null }] },
  'POST /control/pavilions': { slug: 'fuzz-hall', names: { en: 'Fuzz', ko: '퍼즈' }, stories: { en: 'Story' } },
  'PUT /control/pavilions/{id}': { names: { en: 'Beauty', ko: '뷰티' }, stories: {} },
  'POST /control/pavilions/reorder': { ids: ['1'] },
  'POST /control/rooms': { name: 'Fuzz Room', kind: 'room', location: 'HQ', region: 'Seoul', timeZone: 'Asia/Seoul', bufferMinutes: 10, equipment: ['screen'] },
  'PUT /control/rooms/{id}': { name: 'Seoul HQ Room 1', kind: 'room', location: 'Seoul HQ', region: 'Seoul', timeZone: 'Asia/Seoul', bufferMinutes: 10, equipment: [] },
  'PUT /control/rooms/{id}/hours': hours,
  'PUT /control/interpreters/{id}/hours': hours,
  'POST /control/rooms/{id}/closures': { from: '2027-01-04', to: '2027-01-05', reason: 'Fuzz' },
  'POST /control/interpreters/{id}/leave': { from: '2027-01-04', to: '2027-01-05', reason: 'Fuzz' },
  'POST /control/interpreters': { name: 'Fuzz Interpreter', email: 'fuzz@interpreters.example', timeZone: 'Asia/Seoul', languages: ['ja'] },
  'PUT /control/interpreters/{id}': { name: 'Interpreter 1', email: 'interpreter1@example.org', timeZone: 'Asia/Seoul', languages: ['ja'] },
  'POST /auth/sign-up/email': { email: 'fuzz.signup@example.com', password: 'correct horse battery', name: 'Fuzz' },
  'POST /auth/sign-in/email': { email: 'account@fuzz.example', password: 'wrong horse battery' },
};
const QUERIES: Record<string, unknown> = {
  'GET /control/stats': { from: '2026-12-01', to: '2026-12-31' },
};

const roleOf = (p: string): Role => (p.startsWith('/portal/') ? 'member' : p.startsWith('/control/') ? 'staff' : 'visitor');
const part = (schema: unknown, base: unknown): Part | undefined => (schema ? { schema, js: jsonSchemaOf(schema), base } : undefined);

/** The app's OpenAPI routes, with each part's schema and a valid value to spoil. */
function openApiRoutes(): Route[] {
  return app.openAPIRegistry.definitions.flatMap((d) => {
    if (d.type !== 'route') return [];
    const { method, path: p, request = {} } = d.route;
    const key = `${method.toUpperCase()} ${p}`;
    const content = (request.body?.content ?? {}) as Record<string, { schema: unknown }>;
    const type = Object.keys(content).find((t) => t !== 'application/x-www-form-urlencoded');
    const body = type ? part(content[type]!.schema, undefined) : undefined;
    const route: Route = { key, method: method.toUpperCase(), path: p, role: roleOf(p) };
    if (request.params) route.params = part(request.params, paramsOf(p))!;
    if (request.query) {
      const q = part(request.query, undefined)!;
      q.base = QUERIES[key] ?? exampleOf(q.js);
      route.query = q;
    }
    if (body && type) route.body = { ...body, base: BODIES[key] ?? exampleOf(body.js), type, form: 'application/x-www-form-urlencoded' in content };
    return [route];
  });
}

/** better-auth's endpoints reachable over HTTP, each with its own Zod schemas, as the account holder (sign-out as a visitor: it would end that session). */
function authRoutes(): Route[] {
  return Object.values(app.auth.api as Record<string, { path?: string; options?: Record<string, any> }>).flatMap((ep) => {
    if (!ep.path || ep.options?.metadata?.SERVER_ONLY) return [];
    const methods = ([] as string[]).concat(ep.options?.method ?? 'GET').filter((m) => m === 'GET' || m === 'POST');
    const p = `/auth${ep.path.replace(/:(\w+)/g, '{$1}')}`;
    return methods.map((method) => {
      const key = `${method} ${p}`;
      const route: Route = { key, method, path: p, role: ep.path === '/sign-out' ? 'visitor' : 'account' };
      if (p.includes('{')) route.params = { schema: undefined, js: { type: 'object', properties: { id: { type: 'string' }, token: { type: 'string' } } }, base: { id: 'x', token: 'x' } };
      if (ep.options?.query && method === 'GET') {
        const q = part(ep.options.query, undefined)!;
        q.base = exampleOf(q.js);
        route.query = q;
      }
      if (ep.options?.body && method === 'POST') {
        const b = part(ep.options.body, undefined)!;
        route.body = { ...b, base: BODIES[key] ?? exampleOf(b.js), type: 'application/json', form: false };
      }
      return route;
    });
  });
}

/** Every route the app serves, as `METHOD /path/{param}`, once each. */
const servedRoutes = () => [...new Set(app.routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`))].sort();

// ---- sending ----

const encodeSegment = (s: string) => Array.from(new TextEncoder().encode(s), (b) => (/[A-Za-z0-9._~-]/.test(String.fromCharCode(b)) ? String.fromCharCode(b) : `%${b.toString(16).padStart(2, '0')}`)).join('');
/** A path segment sent exactly as written (already percent-encoded, or broken encoding). */
class RawSegment {
  readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
}

/** A query as the app reads it: text, and lists of text for repeated keys (empty lists left out). */
const queryValues = (q: unknown) => Object.fromEntries(Object.entries((q ?? {}) as object)
  .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)).map(([k, v]) => [k, Array.isArray(v) ? v.map(toText) : toText(v)]));

type Req = { params?: Record<string, unknown>; query?: unknown; queryText?: string; body?: BodyInit | null; type?: string | null };

function requestOf(route: Route, r: Req): [string, RequestInit] {
  const params = { ...paramsOf(route.path), ...(r.params ?? {}) };
  const url = route.path.replace(/\{(\w+)\}/g, (_, k: string) => {
    const v = params[k];
    return v instanceof RawSegment ? v.text : encodeSegment(toText(v ?? ''));
  });
  let search = r.queryText ?? '';
  if (r.query !== undefined && r.query !== null && typeof r.query === 'object' && !Array.isArray(r.query)) {
    search = new URLSearchParams(Object.entries(r.query).filter(([, v]) => v !== undefined).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, toText(x)]) : [[k, toText(v)]]))).toString();
  } else if (r.query !== undefined) search = `q=${encodeURIComponent(toText(r.query))}`;
  const headers: Record<string, string> = { origin: ORIGIN, accept: 'application/json' };
  if (who[route.role]) headers.cookie = who[route.role];
  if (r.type) headers['content-type'] = r.type;
  const init: RequestInit = { method: route.method, headers };
  if (route.method !== 'GET' && r.body !== undefined && r.body !== null) init.body = r.body;
  return [`${url}${search ? `?${search}` : ''}`, init];
}

/** Sends and checks: < 500, a problem document for every 4xx, and a refused request changes nothing. */
async function probe(route: Route, r: Req, label: string) {
  const [url, init] = requestOf(route, r);
  const res = await app.request(url, init);
  const text = await res.text();
  const what = `${route.key} as ${route.role}, ${label}: ${init.method} ${url.slice(0, 200)} ${String(init.body ?? '').slice(0, 200)}\n-> ${res.status} ${text.slice(0, 300)}`;
  expect(res.status, what).toBeLessThan(500);
  const now = await fingerprint();
  if (res.status >= 400) {
    expect(res.headers.get('content-type') ?? '', what).toMatch(/^application\/problem\+json/);
    const doc = ProblemSchema.safeParse(JSON.parse(text));
    expect(doc.success, what).toBe(true);
    expect(doc.data?.status, what).toBe(res.status);
    expect(now, `${what}\nwas refused but changed the database`).toEqual(last);
  }
  last = now;
}

function jsonBodyOf(v: unknown): string {
  return v === undefined ? '' : toJsonText(v);
}
function formBodyOf(v: unknown): string {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return `value=${encodeURIComponent(toText(v))}`;
  return new URLSearchParams(Object.entries(v).map(([k, x]) => [k, toText(x)])).toString();
}
function multipartOf(v: unknown, file: { bytes: Uint8Array; type: string; name: string } | null): FormData {
  const form = new FormData();
  if (v && typeof v === 'object' && !Array.isArray(v)) for (const [k, x] of Object.entries(v)) if (k !== 'file' && x !== undefined) form.append(k, toText(x));
  if (file) form.append('file', new File([new Uint8Array(file.bytes)], file.name, { type: file.type }));
  return form;
}

// Path segments that are not even well-formed text.
const brokenSegments = fc.constantFrom(new RawSegment('%FF%FE'), new RawSegment('%00'), new RawSegment('%'), new RawSegment('%E0%A4%A'), new RawSegment('..'),
  new RawSegment('%2e%2e%2f'), new RawSegment('x'.repeat(5000)), new RawSegment('99999999999999999999'), new RawSegment('-1'), new RawSegment('1e309'));

/** One garbage request for a route: one of its parts spoiled, the others valid. */
function garbageOf(route: Route): fc.Arbitrary<[Req, string]> {
  const kinds: fc.Arbitrary<[Req, string]>[] = [];
  const valid = (): Req => ({ query: route.query?.base, ...(route.body ? { body: route.body.type === 'multipart/form-data' ? null : jsonBodyOf(route.body.base), type: route.body.type } : {}) });
  if (route.params) {
    const params = route.params;
    kinds.push(fc.oneof(spoiled(params.js, params.base), fc.record(Object.fromEntries(Object.keys(paramsOf(route.path)).map((k) => [k, brokenSegments])), { requiredKeys: [] }))
      .map((p) => [{ ...valid(), params: p && typeof p === 'object' && !Array.isArray(p) ? p as Record<string, unknown> : { [Object.keys(params.base as object)[0]!]: p } }, 'params']));
  }
  if (route.query) {
    const q = route.query;
    kinds.push(spoiled(q.js, q.base).map((v) => [{ ...valid(), query: v }, 'query']));
    kinds.push(fc.constantFrom('%FF=%FE', 'a=%', '&&&=&', `${'k'.repeat(3000)}=1`, 'tz=UTC&tz=Mars%2FOlympus', 'from[]=1&to[a]=2').map((t) => [{ ...valid(), query: undefined, queryText: t }, 'raw query']));
  }
  if (route.method === 'GET' && !route.query) kinds.push(fc.string({ maxLength: 20 }).map((s) => [{ ...valid(), queryText: `junk=${encodeURIComponent(s)}` }, 'unexpected query']));
  const body = route.body;
  if (body?.type === 'multipart/form-data') {
    const file = fc.option(fc.record({ bytes: fc.uint8Array({ maxLength: 300 }), type: fc.constantFrom('image/jpeg', 'image/png', 'image/svg+xml', 'text/html', ''), name: fc.constantFrom('a.jpg', '../../x.png', '\u0000.jpg', '') }));
    kinds.push(fc.tuple(spoiled(body.js, body.base), file).map(([v, f]) => [{ ...valid(), body: multipartOf(v, f), type: null }, 'multipart']));
  } else if (body) {
    kinds.push(spoiled(body.js, body.base).map((v) => [{ ...valid(), body: jsonBodyOf(v) }, 'json body']));
    if (body.form) kinds.push(spoiled(body.js, body.base).map((v) => [{ ...valid(), body: formBodyOf(v), type: 'application/x-www-form-urlencoded' }, 'form body']));
  }
  if (kinds.length === 0) kinds.push(fc.constant([valid(), 'no input'] as [Req, string]));
  return fc.oneof(...kinds);
}

/** The same attacks on every route taking a body, whatever its schema. */
function genericAttacks(route: Route): [string, Req][] {
  const upload = route.body?.type === 'multipart/form-data';
  const valid = jsonBodyOf(route.body?.base ?? {});
  const json = (body: BodyInit, type = 'application/json'): Req => ({ query: route.query?.base, body, type });
  const attacks: [string, Req][] = [
    ['an oversized body', upload ? json(multipartOf({}, { bytes: new Uint8Array(11 * 1024 * 1024), type: 'image/jpeg', name: 'big.jpg' }), '') : json(JSON.stringify({ pad: 'x'.repeat(70 * 1024) }))],
    ['text/plain', json(valid, 'text/plain')],
    ['no content type', json(valid, '')],
    ['XML', json('<a>1</a>', 'application/xml')],
    ['a form on a JSON route', json('a=1', 'application/x-www-form-urlencoded')],
    ['multipart without a boundary', json('--x\r\n\r\n', 'multipart/form-data')],
    ['multipart with a broken body', json('--x\r\nContent-Disposition: form-data; name="file"\r\n\r\nabc', 'multipart/form-data; boundary=x')],
    ['JSON in UTF-16', json(new Uint8Array(Buffer.from(valid, 'utf16le')), 'application/json; charset=utf-16')],
    ['deep arrays', json('['.repeat(10_000) + ']'.repeat(10_000))],
    ['deep objects', json('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000))],
    ['invalid UTF-8', json(new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc0, 0xaf, 0x22, 0x7d]))],
    ['an empty body', json('')],
    ['truncated JSON', json(valid.slice(0, Math.max(1, valid.length - 3)))],
    ['a byte-order mark', json(`\uFEFF${valid}`)],
    // PostgreSQL text cannot hold NUL: every string value of the valid body carries one.
    ['NUL in every string', json(valid.replace(/"((?:[^"\\]|\\.)*)"(?!\s*:)/g, '"x\\u0000"'))],
    ...['null', '[]', '"x"', '1e309', 'true', '[{}]'].map((b): [string, Req] => [`JSON ${b} at the top`, json(b)]),
    ['a prototype-pollution attempt', json('{"__proto__":{"admin":true,"role":"staff"},"constructor":{"prototype":{"admin":true}}}')],
  ];
  // The manage page's own routes take forms (so `a form on a JSON route` is theirs to judge) and uploads multipart.
  return upload ? attacks.filter(([n]) => !n.startsWith('multipart')) : attacks;
}

// ---- the run ----

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  await insertFixtureCatalogue(handle.db);
  imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-fuzz-'));
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, sendAccountMail: mail.send, images: fileImageStore(imageDir),
    // Search engines that find nothing: the query is what is fuzzed, not Meilisearch.
    search: () => async () => ({ hits: [], estimatedTotalHits: 0, processingTimeMs: 0 }),
    searchHall: () => async () => ({ products: { total: 0, hits: [] }, companies: { total: 0, hits: [] }, pavilions: { total: 0, hits: [] }, processingTimeMs: 0 }),
    now: () => Date.parse('2026-12-01T00:00:00Z') });
  const booked = await app.request('/meeting-requests', jsonPost({ productSlug: 'vitamin-c-serum', buyer }));
  known.token = ((await booked.json()) as { manageUrl: string }).manageUrl.split('/').pop()!;
  known.consultation = (await handle.db.selectFrom('consultations').select('id').executeTakeFirstOrThrow()).id;
  who.member = await signedInUser(app, mail, 'member@fuzz.example');
  who.staff = await signedInUser(app, mail, 'staff@fuzz.example');
  who.account = await signedInUser(app, mail, 'account@fuzz.example');
  await setRole(handle.db, 'staff@fuzz.example', 'staff');
  const company = await handle.db.selectFrom('companies').select('id').where('slug', '=', 'hanbit-cosmetics').executeTakeFirstOrThrow();
  for (const [email, role] of [['member@fuzz.example', 'owner'], ['account@fuzz.example', 'member']] as const) {
    const user = await handle.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    await handle.db.insertInto('company_members').values({ company_id: company.id, user_id: user.id, role }).execute();
    known.user = user.id;
  }
  const invited = await app.request('/portal/companies/hanbit-cosmetics/invitations', jsonPost({ email: 'invited@fuzz.example' }, who.member));
  expect(invited.status, await invited.clone().text()).toBe(201);
  known.invitation = (await handle.db.selectFrom('company_invitations').select('id').executeTakeFirstOrThrow()).id;
  // Better-auth counts every request to its endpoints, refused or not: that is its rate
  // limit doing its job, not a change a refused request made. Sessions stay in: better-auth
  // moves a session's expiry only once a day (updateAge), so no request here touches one.
  fingerprint = databaseFingerprint(handle.db, { tables: ['auth_rate_limits'] });
  last = await fingerprint();
});
afterAll(async () => {
  await handle?.close();
  if (imageDir) fs.rmSync(imageDir, { recursive: true, force: true });
});

describe('every route, fed garbage from its own schemas', () => {
  it('fuzzes every route the app serves (or says why not)', () => {
    const fuzzed = openApiRoutes().map((r) => r.key);
    const expected = [...fuzzed, ...Object.keys(EXCLUDED)].sort();
    // A route added without appearing in the OpenAPI registry would escape the runs below.
    expect(servedRoutes()).toEqual([...new Set(expected)].sort());
    expect(authRoutes().length).toBeGreaterThan(10);
  });

  it('starts from a valid request for every route, so one spoiled part is what is refused', () => {
    for (const route of [...openApiRoutes(), ...authRoutes()]) {
      for (const [name, p] of [['params', route.params], ['query', route.query], ['body', route.body]] as const) {
        if (!p?.schema || (name === 'body' && route.body?.type === 'multipart/form-data')) continue;
        const input = name === 'query' ? queryValues(p.base) : p.base;
        const parsed = (p.schema as { safeParse: (v: unknown) => { success: boolean; error?: unknown } }).safeParse(input);
        expect(parsed.success, `${route.key} ${name}: ${JSON.stringify(p.base)} ${JSON.stringify(parsed.error)}`).toBe(true);
      }
    }
  });

  it('the OpenAPI document and the docs page ignore a garbage query', async () => {
    for (const p of ['/openapi.json', '/docs']) {
      const res = await app.request(`${p}?%FF=%00&${'x'.repeat(2000)}=1`);
      expect(res.status).toBeLessThan(500);
    }
  });

  const groups = [['API routes', openApiRoutes, RUNS], ['account routes (better-auth)', authRoutes, AUTH_RUNS]] as const;
  for (const [group, list, runs] of groups) {
    it(`${group}: schema garbage, ${runs} runs a route`, async () => {
      for (const route of list()) {
        await fc.assert(fc.asyncProperty(garbageOf(route), async ([req, label]) => probe(route, req, label)), { numRuns: runs });
      }
    });

    it(`${group}: generic attacks on every body`, async () => {
      for (const route of list().filter((r) => r.body)) {
        for (const [name, req] of genericAttacks(route)) await probe(route, req, name);
      }
    });
  }

  it('huge numbers reach the JSON parser as written', () => {
    expect(toJsonText({ n: new Raw('1e309') })).toBe('{"n":1e309}');
  });
});
