// The booking path through the real API (app.request) on a real database: PostgreSQL when
// TEST_DATABASE_URL or DATABASE_URL is set, embedded PGlite otherwise.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z'); // a Tuesday
const config = loadConfig({ PUBLIC_URL: 'http://hall.test', VIDEO_BASE_URL: 'https://video.test/' });
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;

const buyer = (overrides: Record<string, string> = {}) => ({
  name: 'Jane Doe', company: 'Acme Imports', country: 'US', email: 'jane@acme.test',
  language: 'en', timeZone: 'America/New_York', ...overrides,
});
const post = (body: unknown, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
  app.request('/meeting-requests', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
const count = async (table: 'meeting_requests' | 'consultations' | 'buyers') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, now: () => NOW });
});
afterAll(async () => handle?.close());
beforeEach(async () => {
  await sql`truncate pavilions, companies, rooms, interpreters, buyers, idempotency_keys restart identity cascade`.execute(handle.db);
  await insertFixtureCatalogue(handle.db);
});

describe('GET /products/{slug}/slots', () => {
  it('lists slots in UTC, the buyer\'s zone and Korea\'s, inside both sides\' hours', async () => {
    const res = await app.request('/products/vitamin-c-serum/slots?tz=America/New_York&from=2026-12-07T00:00:00Z&to=2026-12-08T00:00:00Z');
    expect(res.status).toBe(200);
    const { slots } = (await res.json()) as { slots: { start: string; buyerTime: { start: string }; koreaTime: { start: string } }[] };
    // Seoul 09:00 = 00:00 UTC = 19:00 New York; the buyer's day ends at 22:00 (03:00 UTC).
    expect(slots.map((s) => s.start)).toEqual([
      '2026-12-07T00:00:00.000Z', '2026-12-07T00:30:00.000Z', '2026-12-07T01:00:00.000Z',
      '2026-12-07T01:30:00.000Z', '2026-12-07T02:00:00.000Z', '2026-12-07T02:30:00.000Z',
    ]);
    expect(slots[0]!.buyerTime.start).toBe('2026-12-06T19:00:00-05:00');
    expect(slots[0]!.koreaTime.start).toBe('2026-12-07T09:00:00+09:00');
  });

  it('does not offer a draft product', async () => {
    const res = await app.request('/products/secret-draft/slots?tz=UTC');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it.each([
    ['/products/vitamin-c-serum/slots?tz=Mars/Olympus', 400],
    ['/products/vitamin-c-serum/slots', 400],
    ['/products/vitamin-c-serum/slots?tz=UTC&from=yesterday', 400],
    ['/products/NOT A SLUG/slots?tz=UTC', 400],
    ['/products/no-such-product/slots?tz=UTC', 404],
  ])('%s answers %i as a problem document', async (url, status) => {
    const res = await app.request(url);
    expect(res.status).toBe(status);
    const body = (await res.json()) as { status: number; title: string };
    expect(body.status).toBe(status);
    expect(body.title).toBeTruthy();
  });
});

describe('POST /meeting-requests', () => {
  it('books the first available slot with company, buyer and room, and shows both zones', async () => {
    const res = await post({ productSlug: 'vitamin-c-serum', buyer: buyer() });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, any>;
    expect(body.startsAt).toBe('2026-12-01T02:00:00.000Z'); // now + 2 h notice, inside the NY evening
    expect(body.buyerTime).toEqual({ start: '2026-11-30T21:00:00-05:00', end: '2026-11-30T21:30:00-05:00', timeZone: 'America/New_York' });
    expect(body.koreaTime.start).toBe('2026-12-01T11:00:00+09:00');
    expect(body.room.name).toMatch(/^Seoul HQ Room [12]$/); // any free room: concurrent bookings spread over them
    expect(body.interpreter).toBeNull();
    expect(body.videoUrl).toMatch(/^https:\/\/video\.test\/pavilion-[0-9a-f]{32}$/);
    expect(body.manageUrl).toMatch(/^http:\/\/hall\.test\/api\/manage\/[A-Za-z0-9_-]{43}$/);

    const token = body.manageUrl.split('/').pop();
    const manage = await app.request(`/manage/${token}`, { headers: { accept: 'application/json' } });
    expect(manage.status).toBe(200);
    expect(((await manage.json()) as { startsAt: string }).startsAt).toBe(body.startsAt);
    const html = await app.request(`/manage/${token}`);
    expect(await html.text()).toContain('Hanbit Cosmetics');

    const events = await handle.db.selectFrom('consultation_events').select('event').orderBy('id').execute();
    expect(events.map((e) => e.event)).toEqual(['requested', 'scheduled']);
  });

  it('books an interpreter when the company does not speak the buyer\'s language', async () => {
    const res = await post({ productSlug: 'vitamin-c-serum', buyer: buyer({ language: 'ja', timeZone: 'Asia/Tokyo', country: 'JP' }) });
    expect(res.status).toBe(201);
    expect(((await res.json()) as { interpreter: unknown }).interpreter).toEqual({ language: 'ja' });
  });

  it('answers 409 with alternatives when the chosen time is gone, storing nothing', async () => {
    const slot = '2026-12-07T01:00:00.000Z';
    expect((await post({ productSlug: 'vitamin-c-serum', buyer: buyer(), preferredSlots: [slot] })).status).toBe(201);
    const before = await count('meeting_requests');
    const res = await post({ productSlug: 'vitamin-c-serum', buyer: buyer({ email: 'other@buyer.test' }), preferredSlots: [slot] });
    expect(res.status).toBe(409);
    const body = (await res.json()) as { alternatives: { start: string }[] };
    expect(body.alternatives.length).toBeGreaterThan(0);
    expect(body.alternatives.map((a) => a.start)).not.toContain(slot);
    expect(await count('meeting_requests')).toBe(before);
  });

  it('queues the request (202) when nothing can be booked', async () => {
    await handle.db.deleteFrom('rooms').execute();
    const res = await post({ productSlug: 'vitamin-c-serum', buyer: buyer() });
    expect(res.status).toBe(202);
    const row = await handle.db.selectFrom('meeting_requests').select('status').executeTakeFirstOrThrow();
    expect(row.status).toBe('queued');
  });

  it('never double-books under concurrent requests for one slot', async () => {
    const slot = '2026-12-07T02:00:00.000Z';
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        post({ productSlug: 'vitamin-c-serum', buyer: buyer({ email: `buyer${i}@race.test` }), preferredSlots: [slot] }),
      ),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from consultations a join consultations b
        on a.id < b.id and a.company_id = b.company_id
       and tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`.execute(handle.db);
    expect(Number(rows[0]!.n)).toBe(0);
  });

  it('the database itself refuses an overlapping booking of a room', async () => {
    await post({ productSlug: 'vitamin-c-serum', buyer: buyer() });
    const c = await handle.db.selectFrom('consultations').selectAll().executeTakeFirstOrThrow();
    const other = await handle.db.insertInto('buyers')
      .values({ email: 'x@y.test', name: 'X', company_name: 'Y', country: 'DE', language: 'de', time_zone: 'Europe/Berlin' })
      .returning('id').executeTakeFirstOrThrow();
    const company2 = await handle.db.insertInto('companies').values({ slug: 'other', region: 'Busan' }).returning('id').executeTakeFirstOrThrow();
    await expect(
      handle.db.insertInto('consultations').values({
        meeting_request_id: c.meeting_request_id, company_id: company2.id, buyer_id: other.id, room_id: c.room_id,
        starts_at: new Date(c.ends_at.getTime() + 5 * 60_000), ends_at: new Date(c.ends_at.getTime() + 35 * 60_000),
        room_free_at: new Date(c.ends_at.getTime() + 45 * 60_000), video_room: 'v2', manage_token_hash: 'h2',
      }).execute(),
    ).rejects.toThrow(/consultations_room_no_overlap/); // inside the first booking's turnover buffer
  });

  describe('refuses bad input with a problem document and changes nothing', () => {
    const cases: [string, () => Response | Promise<Response>, number][] = [
      ['malformed JSON', () => post('{"productSlug": '), 400],
      ['not an object', () => post('[1,2,3]'), 400],
      ['no target', () => post({ buyer: buyer() }), 400],
      ['both targets', () => post({ productSlug: 'vitamin-c-serum', companySlug: 'hanbit-cosmetics', buyer: buyer() }), 400],
      ['bad e-mail', () => post({ productSlug: 'vitamin-c-serum', buyer: buyer({ email: 'not-an-email' }) }), 400],
      ['bad time zone', () => post({ productSlug: 'vitamin-c-serum', buyer: buyer({ timeZone: 'Nowhere/Land' }) }), 400],
      ['bad country', () => post({ productSlug: 'vitamin-c-serum', buyer: buyer({ country: 'usa' }) }), 400],
      ['bad slot', () => post({ productSlug: 'vitamin-c-serum', buyer: buyer(), preferredSlots: ['tomorrow'] }), 400],
      ['bad interpreter', () => post({ productSlug: 'vitamin-c-serum', buyer: buyer(), interpreter: 'maybe' }), 400],
      ['huge message', () => post({ productSlug: 'vitamin-c-serum', buyer: buyer(), message: 'x'.repeat(3000) }), 400],
      ['oversized body', () => post({ productSlug: 'vitamin-c-serum', buyer: buyer(), pad: 'x'.repeat(70_000) }), 413],
      ['wrong content type', () => post('productSlug=x', { 'content-type': 'application/x-www-form-urlencoded' }), 415],
      ['unknown product', () => post({ productSlug: 'no-such-thing', buyer: buyer() }), 404],
      ['draft product', () => post({ productSlug: 'secret-draft', buyer: buyer() }), 404],
    ];
    it.each(cases)('%s', async (_name, send, status) => {
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      const body = (await res.json()) as { status: number; title: string };
      expect(body).toMatchObject({ status, type: 'about:blank' });
      expect(await count('meeting_requests')).toBe(0);
      expect(await count('buyers')).toBe(0);
    });

    it('names the refusals made before any route looks (unreadable, too large), for a client to say them in its own language', async () => {
      expect(await (await post('{"productSlug": ')).json()).toMatchObject({ status: 400, code: 'malformed-request' });
      expect(await (await post({ productSlug: 'vitamin-c-serum', buyer: buyer(), pad: 'x'.repeat(70_000) })).json())
        .toMatchObject({ status: 413, code: 'body-too-large' });
    });
  });
});

describe('Idempotency-Key', () => {
  const withKey = (key: string) => ({ 'content-type': 'application/json', 'idempotency-key': key });
  const request = { productSlug: 'vitamin-c-serum', buyer: buyer() };

  it('replays the first answer to a retry, booking once', async () => {
    const first = await post(request, withKey('retry-1'));
    expect(first.status).toBe(201);
    const again = await post({ buyer: buyer(), productSlug: 'vitamin-c-serum' }, withKey('retry-1')); // same body, other key order
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBe('true');
    expect(await again.json()).toEqual(await first.json());
    expect(await count('consultations')).toBe(1);
  });

  it('refuses the same key with another body (422), changing nothing', async () => {
    expect((await post(request, withKey('reuse'))).status).toBe(201);
    const res = await post({ ...request, message: 'different' }, withKey('reuse'));
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await count('meeting_requests')).toBe(1);
  });

  it('answers concurrent duplicates with 409 or the replay, never a second booking', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(request, withKey('burst'))));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    expect(await count('consultations')).toBe(1);
    expect(await count('meeting_requests')).toBe(1);
  });

  it('a refused request leaves its key free, so a retry is answered afresh', async () => {
    const slot = '2026-12-07T01:00:00.000Z';
    await post({ ...request, preferredSlots: [slot] });
    const other = { productSlug: 'vitamin-c-serum', buyer: buyer({ email: 'late@buyer.test' }), preferredSlots: [slot] };
    const keys = async () => Number((await handle.db.selectFrom('idempotency_keys').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    const before = await keys();
    const first = await post(other, withKey('late'));
    expect(first.status).toBe(409);
    expect(await keys()).toBe(before);
    // The first booking is cancelled meanwhile: the same retry now succeeds.
    await handle.db.updateTable('consultations').set({ status: 'cancelled' }).execute();
    const again = await post(other, withKey('late'));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotency-replayed')).toBeNull();
  });

  it.each([['x'.repeat(201)], ['has space'], ['tab\tkey']])('rejects the malformed key %j', async (key) => {
    const res = await post(request, { 'content-type': 'application/json', 'idempotency-key': key });
    expect(res.status).toBe(400);
    expect(await count('meeting_requests')).toBe(0);
  });
});

describe('service routes', () => {
  it('health reports the database', async () => {
    const res = await app.request('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ database: { ok: true, status: handle.kind } });
  });

  it('describes itself in OpenAPI 3.1 and readable docs', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/meeting-requests', '/products/{slug}/slots', '/search', '/health']));
    const docs = await (await app.request('/docs')).text();
    expect(docs).toContain('/api/meeting-requests');
  });

  it('an unknown API route is a 404 problem', async () => {
    const res = await app.request('/nope');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('search says it is off when there is no engine', async () => {
    const res = await app.request('/search?q=serum');
    expect(res.status).toBe(503);
  });
});
