// Manage links cannot be guessed or enumerated: a token is 256 bits (43 base64url
// characters), a wrong one answers like any unknown link, and a client that keeps trying
// wrong links is answered 429 on every manage link for the rest of the minute, a real one
// included, while other clients go on. Real database, real API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let client = '10.9.0.1';
let realPath = '';

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  await insertFixtureCatalogue(handle.db);
  const config = loadConfig({ PUBLIC_URL: 'http://hall.test', RATE_LIMIT_TOKEN_MISSES: '10', RATE_LIMIT_READS: '1000' });
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, now: () => Date.parse('2026-12-01T00:00:00Z'), clientIp: () => client });
  const booked = await app.request('/meeting-requests', jsonPost({
    productSlug: 'vitamin-c-serum', buyer: { name: 'Jo', company: 'Co', country: 'US', email: 'jo@co.test', language: 'en', timeZone: 'America/Chicago' },
  }));
  expect(booked.status).toBe(201);
  realPath = new URL(((await booked.json()) as { manageUrl: string }).manageUrl).pathname.replace(/^\/api/, '');
});
afterAll(async () => handle?.close());

const json = { headers: { accept: 'application/json' } };
const guess = () => app.request(`/manage/${randomBytes(32).toString('base64url')}`, json);

describe('manage links against guessing', () => {
  it('carry 256 bits: 43 base64url characters', () => {
    expect(realPath).toMatch(/^\/manage\/[A-Za-z0-9_-]{43}$/);
  });

  it('a client that keeps guessing is refused on every manage link, the real one too, until the minute has passed; others go on', async () => {
    client = '10.9.0.2';
    expect((await app.request(realPath, json)).status).toBe(200);
    for (let i = 0; i < 10; i++) {
      const res = await guess();
      expect(res.status, `guess ${i + 1}`).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const refused = await guess();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await app.request(realPath, json)).status).toBe(429);
    // Cancelling through a guessed link is refused alike, and nothing is cancelled.
    expect((await app.request(`${realPath}/cancel`, { method: 'POST', headers: { accept: 'application/json' } })).status).toBe(429);
    client = '10.9.0.3';
    const view = await app.request(realPath, json);
    expect(view.status).toBe(200);
    expect(((await view.json()) as { status: string }).status).not.toBe('cancelled');
  });

  it('the buyer who only uses their own link is never counted', async () => {
    client = '10.9.0.4';
    for (let i = 0; i < 30; i++) expect((await app.request(realPath, json)).status).toBe(200);
  });
});
