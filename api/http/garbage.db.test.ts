// Every API route fed generated garbage: the answer is always a 4xx problem document (or a
// normal answer when the garbage happens to be valid), never a 5xx, and a refused request
// changes nothing in the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let token = '';

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
  app = createApi({ db: handle.db, dbKind: handle.kind, config: loadConfig({}), log: silentLogger, search, now: () => Date.parse('2026-12-01T00:00:00Z') });
  const res = await app.request('/meeting-requests', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ productSlug: 'vitamin-c-serum', buyer: validBuyer }) });
  token = ((await res.json()) as { manageUrl: string }).manageUrl.split('/').pop()!;
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
