// Security headers on what the API serves: JSON may not run or be framed; the HTML pages it
// renders (manage page, docs) allow their own styles and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  await insertFixtureCatalogue(handle.db);
  app = createApi({ db: handle.db, dbKind: handle.kind, config: loadConfig({ PUBLIC_URL: 'http://hall.test' }), log: silentLogger, now: () => Date.parse('2026-12-01T00:00:00Z') });
});
afterAll(async () => handle?.close());

describe('security headers', () => {
  it('JSON answers and problems forbid everything', async () => {
    for (const path of ['/health', '/no-such-route', '/products/vitamin-c-serum/slots?tz=Mars/Base']) {
      const res = await app.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe("default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
    }
  });

  it('the manage page and the docs allow no script, and the manage page leaks no token onwards', async () => {
    const booked = await app.request('/meeting-requests', jsonPost({ productSlug: 'vitamin-c-serum', buyer: { name: 'Jo', company: 'Co', country: 'US', email: 'jo@co.test', language: 'en', timeZone: 'America/Chicago' } }));
    const manage = await app.request(new URL(((await booked.json()) as { manageUrl: string }).manageUrl).pathname.replace(/^\/api/, ''));
    const csp = manage.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('script-src');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(manage.headers.get('referrer-policy')).toBe('no-referrer');
    expect(manage.headers.get('cache-control')).toBe('no-store');
    const docs = await app.request('/docs');
    expect(docs.headers.get('content-security-policy')).not.toContain('script-src');
  });

  it('HSTS only where the hall is served over TLS: an https PUBLIC_URL, or a request that came over https', async () => {
    const overTls = createApi({ db: handle.db, dbKind: handle.kind, config: loadConfig({ PUBLIC_URL: 'https://hall.example' }), log: silentLogger });
    const tooBig = { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ pad: 'x'.repeat(100_000) }) };
    for (const res of [await overTls.request('/health'), await overTls.request('/no-such-route'), await overTls.request('/meeting-requests', tooBig)]) {
      expect(res.headers.get('strict-transport-security'), String(res.status)).toBe('max-age=31536000');
    }
    // Plain http (the default on a laptop): never, or a browser would be pinned to https.
    for (const res of [await app.request('/health'), await app.request('/no-such-route'), await app.request('/meeting-requests', tooBig)]) {
      expect(res.headers.get('strict-transport-security'), String(res.status)).toBeNull();
    }
    expect((await app.request('https://hall.test/health')).headers.get('strict-transport-security')).toBe('max-age=31536000');
  });
});
