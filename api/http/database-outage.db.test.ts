// PostgreSQL going away in the middle of bookings (its connections cut and new ones refused,
// as a restart does, through a proxy): the API answers 503 problem documents with
// Retry-After, never a 500 or a hang, stays up, reconnects by itself when the database is
// back, and no half-made booking remains. Needs a PostgreSQL server (skipped on PGlite).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { silentLogger } from '../lib/logger.ts';
import { createScratchDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { startTcpProxy, type TcpProxy } from '../test-support/tcp-proxy.ts';
import { createApi } from './app.ts';

const server = loadConfig().testDatabaseUrl;
const NOW = Date.parse('2026-12-01T00:00:00Z');
let scratch: Awaited<ReturnType<typeof createScratchDatabase>>;
let proxied: DatabaseHandle;
let proxy: TcpProxy;
let app: ReturnType<typeof createApi>;
const idleErrors: Error[] = [];

const book = (i: number) => app.request('/meeting-requests', {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ productSlug: 'vitamin-c-serum', buyer: { name: `Buyer ${i}`, company: 'Outage Imports', country: 'DE', email: `b${i}@outage.test`, language: 'en', timeZone: 'Europe/Berlin' } }),
});

describe.skipIf(!server)('the database going away', () => {
  beforeAll(async () => {
    scratch = await createScratchDatabase(server!, 'pavilion_outage');
    await migrateToLatest(scratch.db);
    await insertFixtureCatalogue(scratch.db, { rooms: 3 });
    const direct = new URL(scratch.url);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    direct.hostname = '127.0.0.1';
    direct.port = String(proxy.port);
    proxied = await openDatabase({ url: direct.toString(), poolSize: 4, onIdleError: (err) => idleErrors.push(err) });
    app = createApi({ db: proxied.db, dbKind: 'postgres', config: loadConfig({ PUBLIC_URL: 'http://hall.test' }), log: silentLogger, now: () => NOW });
  }, 60_000);
  afterAll(async () => {
    await proxied?.close().catch(() => undefined);
    await proxy?.close();
    await scratch?.close();
  });

  it('answers 503 with Retry-After while it is down, and books again once it is back', async () => {
    expect((await book(0)).status).toBe(201);

    // A burst of bookings with the database cut in the middle of it.
    const burst = Array.from({ length: 24 }, (_, i) => book(100 + i));
    await new Promise((r) => setTimeout(r, 15));
    await proxy.cut();
    const answers = await Promise.all(burst);
    for (const res of answers) {
      expect([201, 202, 409, 503], await res.clone().text()).toContain(res.status);
      if (res.status === 503) {
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.headers.get('retry-after')).toBe('5');
      }
    }

    // Down: reads and writes alike get a clear 503, not a hang: the pool gives up connecting
    // within 5 s, so a bound of twice that tells a hang from a slow answer (not a speed target).
    for (const ask of [() => book(200), () => app.request('/products/vitamin-c-serum/slots?tz=Asia/Seoul')]) {
      const started = performance.now();
      const res = await ask();
      expect(performance.now() - started, 'answered, not hung').toBeLessThan(10_000);
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ status: 503, title: 'Service unavailable', code: 'unavailable' });
    }

    await proxy.restore();
    let back = 0;
    for (let i = 0; i < 20 && back !== 201; i++) {
      back = (await book(300 + i)).status;
      if (back !== 201) await new Promise((r) => setTimeout(r, 250));
    }
    expect(back).toBe(201);

    // Nothing half-made: every consultation has its request (scheduled) and its history,
    // and every answered 201 is a consultation.
    const orphans = await sql<{ n: number }>`
      select count(*)::int as n from consultations c join meeting_requests m on m.id = c.meeting_request_id
      where m.status <> 'scheduled' or not exists (select 1 from consultation_events e where e.consultation_id = c.id)`.execute(scratch.db);
    expect(orphans.rows[0]!.n).toBe(0);
    const scheduledWithout = await sql<{ n: number }>`
      select count(*)::int as n from meeting_requests m where m.status = 'scheduled'
      and not exists (select 1 from consultations c where c.meeting_request_id = m.id)`.execute(scratch.db);
    expect(scheduledWithout.rows[0]!.n).toBe(0);
    const created = answers.filter((r) => r.status === 201).length + 2;
    const stored = await sql<{ n: number }>`select count(*)::int as n from consultations`.execute(scratch.db);
    // A commit whose answer was lost with the connection may exist without its 201; never the reverse.
    expect(stored.rows[0]!.n).toBeGreaterThanOrEqual(created);
  }, 90_000);
});
