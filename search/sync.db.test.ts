// The index follows the database through the job queue, and catches up after an outage:
// products approved and edited through the real API while the engine is stopped are
// found once it is back, with nothing lost (real engine, real database, real pg-boss).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { sql } from 'kysely';
import { createTestDatabase } from '../api/test-support/test-database.ts';
import { insertFixtureCatalogue } from '../api/test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../api/test-support/accounts.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { loadConfig } from '../api/config.ts';
import { silentLogger } from '../api/lib/logger.ts';
import { startJobQueue, type JobQueue } from '../api/jobs/queue.ts';
import { startWorkers } from '../api/jobs/workers.ts';
import { createApi } from '../api/http/app.ts';
import { createSearchClient } from './client.ts';
import { isSearchOff, startSearchEngine, type SearchEngine } from './engine.ts';
import { reindexAll } from './reindex.ts';
import { searchProducts } from './query.ts';

const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 's'.repeat(40) });
const engineDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-sync-'));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let engine: SearchEngine | undefined;
let client: Meilisearch | undefined;
let app: ReturnType<typeof createApi>;
let owner = '';
let staff = '';

async function startEngine() {
  const started = await startSearchEngine({ dataDir: engineDir, log: { info: () => {}, warn: () => {} } });
  if (isSearchOff(started)) throw new Error(`These tests need the engine: ${started.reason}`);
  engine = started;
  client = createSearchClient(started);
}
const send = (method: string, p: string, cookie: string, body?: unknown) =>
  app.request(p, { method, headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const product = (en: string, ko: string) => ({ pavilion: 'beauty', texts: { ko: { name: ko }, en: { name: en, summary: 'For the sync test' } } });
const base = '/portal/companies/sync-cosmetics/products';

async function publish(slug: string) {
  expect((await send('POST', `${base}/${slug}/submit`, owner)).status).toBe(200);
  expect((await send('POST', `/control/products/${slug}/approve`, staff)).status).toBe(200);
}
async function eventually(found: () => Promise<boolean>, seconds: number): Promise<boolean> {
  const until = Date.now() + seconds * 1000;
  while (Date.now() < until) {
    if (await found().catch(() => false)) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}
const slugsFor = async (q: string) => (await searchProducts(client!, { q, limit: 20, offset: 0 })).hits.map((h) => h.slug);

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  await insertFixtureCatalogue(handle.db);
  await startEngine();
  await reindexAll(handle.db, client!);
  jobs = await startJobQueue(handle, silentLogger, { pollingIntervalSeconds: 0.5 });
  await startWorkers(jobs, { db: handle.db, config, log: silentLogger, searchClient: () => client });
  const mail = mailbox();
  let n = 0;
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: mail.send, clientIp: () => `10.3.0.${++n % 250}` });
  owner = await signedInUser(app, mail, 'owner@sync.example');
  staff = await signedInUser(app, mail, 'staff@sync.example');
  await setRole(handle.db, 'staff@sync.example', 'staff');
  expect((await app.request('/portal/companies', jsonPost({ names: { ko: '싱크 화장품', en: 'Sync Cosmetics' }, region: 'Seoul', languages: ['ko'] }, owner))).status).toBe(201);
}, 120_000);

afterAll(async () => {
  await jobs?.stop();
  await engine?.stop();
  await handle?.close();
  fs.rmSync(engineDir, { recursive: true, force: true });
});

describe('index sync through the job queue', () => {
  it('a product approved by staff becomes searchable; withdrawn, it disappears', async () => {
    expect((await send('POST', base, owner, product('Glacier Ampoule', '빙하 앰플'))).status).toBe(201);
    expect(await slugsFor('glacier')).toEqual([]);
    await publish('glacier-ampoule');
    expect(await eventually(async () => (await slugsFor('glacier')).includes('glacier-ampoule'), 20)).toBe(true);
    expect(await eventually(async () => (await slugsFor('빙하')).includes('glacier-ampoule'), 5)).toBe(true);

    expect((await send('POST', `${base}/glacier-ampoule/withdraw`, owner)).status).toBe(200);
    expect(await eventually(async () => (await slugsFor('glacier')).length === 0, 20)).toBe(true);
  }, 60_000);

  it('with the engine stopped, approvals and edits still succeed; after restart the index catches up', async () => {
    await engine!.stop();
    // Writes keep working while search is down.
    expect((await send('POST', base, owner, product('Aurora Sleeping Mask', '오로라 슬리핑 마스크'))).status).toBe(201);
    await publish('aurora-sleeping-mask');
    expect((await send('POST', base, owner, product('Tundra Hand Cream', '툰드라 핸드크림'))).status).toBe(201);
    await publish('tundra-hand-cream');
    // An edit of a published product, approved while the engine is down: the newer text must win.
    expect((await send('PUT', `${base}/tundra-hand-cream`, owner, product('Tundra Barrier Hand Cream', '툰드라 장벽 핸드크림'))).status).toBe(200);
    expect((await send('POST', '/control/products/tundra-hand-cream/approve', staff)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 3_000)); // let the worker fail a few times

    await startEngine();
    expect(await eventually(async () => (await slugsFor('aurora')).includes('aurora-sleeping-mask'), 60)).toBe(true);
    expect(await eventually(async () => (await slugsFor('barrier')).includes('tundra-hand-cream'), 30)).toBe(true);
    const hit = (await searchProducts(client!, { q: 'tundra', limit: 5, offset: 0 })).hits.find((h) => h.slug === 'tundra-hand-cream');
    expect(hit?.name).toBe('Tundra Barrier Hand Cream');
    // The outage was real: jobs failed while the engine was down and were retried.
    const { rows } = await sql<{ n: string }>`select count(*) as n from pgboss.job where name = 'search-sync' and retry_count > 0`.execute(handle.db);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  }, 120_000);
});
