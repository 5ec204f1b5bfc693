// The index follows the database through the job queue, and catches up after an outage:
// the engine killed outright in the middle of a burst of product changes made through the
// real API; once it is back the index matches the database, with nothing lost (real engine,
// real database, real pg-boss).
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
import { SearchEngineLockedError } from './engine-lock.ts';
import { checkDrift, type DriftReport } from './drift.ts';
import { formatDriftReport } from './drift-report.ts';
import { reindexDirectory } from './directory.ts';
import { reindexAll } from './reindex.ts';
import { searchProducts } from './query.ts';
import { INDEXES } from './settings.ts';

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
  await reindexDirectory(handle.db, client!); // as the hall's start does: the drift check covers all three indexes
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

  it('a company suspended by staff leaves the products and companies indexes with its products; reinstated, they come back', async () => {
    // The fixture's company, with its published serum, found by name before the suspension.
    const companies = async () => (await client!.index(INDEXES.companies).search('Hanbit', { limit: 5 })).hits.map((h) => h.slug as string);
    expect(await eventually(async () => (await slugsFor('vitamin')).includes('vitamin-c-serum'), 5)).toBe(true);
    expect(await eventually(async () => (await companies()).includes('hanbit-cosmetics'), 5)).toBe(true);
    expect((await send('POST', '/control/companies/hanbit-cosmetics/suspend', staff, { reason: 'Documents to renew' })).status).toBe(200);
    expect(await eventually(async () => !(await slugsFor('vitamin')).includes('vitamin-c-serum'), 20)).toBe(true);
    expect(await eventually(async () => !(await companies()).includes('hanbit-cosmetics'), 20)).toBe(true);
    expect((await send('POST', '/control/companies/hanbit-cosmetics/reinstate', staff, {})).status).toBe(200);
    expect(await eventually(async () => (await slugsFor('vitamin')).includes('vitamin-c-serum'), 20)).toBe(true);
    expect(await eventually(async () => (await companies()).includes('hanbit-cosmetics'), 20)).toBe(true);
  }, 90_000);

  it('with the engine killed (SIGKILL) mid-burst, every write succeeds; after restart the index matches the database', async () => {
    // About fifty changes through the API: ten products created, submitted and approved; eight
    // of them edited and the edit approved, two withdrawn. Each product's steps run in order,
    // the ten products side by side. The engine dies outright after the 24th answer.
    const statuses: { step: string; status: number }[] = [];
    const killAfter = 24;
    let killed = false;
    const step = async (name: string, method: string, p: string, cookie: string, body?: unknown) => {
      const { status } = await send(method, p, cookie, body);
      statuses.push({ step: name, status });
      if (statuses.length === killAfter) {
        process.kill(engine!.pid!, 'SIGKILL');
        killed = true;
      }
    };
    const chain = async (i: number) => {
      const slug = `burst-serum-${i}`;
      await step(`create ${slug}`, 'POST', base, owner, product(`Burst Serum ${i}`, `버스트 세럼 ${i}`));
      await step(`submit ${slug}`, 'POST', `${base}/${slug}/submit`, owner);
      await step(`approve ${slug}`, 'POST', `/control/products/${slug}/approve`, staff);
      if (i < 8) {
        await step(`edit ${slug}`, 'PUT', `${base}/${slug}`, owner, product(`Burst Serum ${i} Renewed`, `버스트 세럼 ${i} 리뉴얼`));
        await step(`approve edit of ${slug}`, 'POST', `/control/products/${slug}/approve`, staff);
      } else {
        await step(`withdraw ${slug}`, 'POST', `${base}/${slug}/withdraw`, owner);
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, i) => chain(i)));

    expect(killed).toBe(true);
    expect(statuses).toHaveLength(48);
    expect(statuses.filter((s) => s.status !== 200 && s.status !== 201)).toEqual([]);
    // Before the restart, the worker has tried every sync job against the dead engine: none is
    // waiting for a first try or running, and those that failed wait for their retry.
    const syncStates = async () => Object.fromEntries((await sql<{ state: string; n: number }>`select state, count(*)::int as n
      from pgboss.job where name = 'search-sync' group by 1`.execute(handle.db)).rows.map((r) => [r.state, r.n]));
    expect(await eventually(async () => {
      const states = await syncStates();
      return !states.created && !states.active && (states.retry ?? 0) > 0;
    }, 30)).toBe(true);

    // Restarted on the same data folder, as the hall's next start would: nothing to repair, as
    // Meilisearch 1.21 re-runs a task a SIGKILL interrupted. The lock is free once this process
    // has seen the killed engine exit.
    let restarted = false;
    for (let i = 0; i < 100 && !restarted; i++) {
      try {
        await startEngine();
        restarted = true;
      } catch (err) {
        if (!(err instanceof SearchEngineLockedError)) throw err;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
    expect(restarted).toBe(true);

    // The retried jobs bring the index in step: the same documents as the database would build
    // now, every one compared, none missing, none left over.
    let report: DriftReport | undefined;
    const inStep = await eventually(async () => (report = await checkDrift(handle.db, client!, { sampleSize: 10_000 })).inStep, 50);
    expect(inStep ? 'in step' : report ? formatDriftReport(report) : 'no drift report').toBe('in step');
    expect(report!.indexes.products.databaseCount).toBe(report!.indexes.products.indexCount);
    expect(report!.indexes.products.sampled).toBe(report!.indexes.products.databaseCount);
    // The newest text won for the edited products, and the withdrawn ones are gone.
    const hit = (await searchProducts(client!, { q: 'renewed', limit: 20, offset: 0 })).hits;
    expect(hit.map((h) => h.slug).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `burst-serum-${i}`).sort());
    expect(hit.find((h) => h.slug === 'burst-serum-3')?.name).toBe('Burst Serum 3 Renewed');
    expect((await slugsFor('burst')).filter((s) => s === 'burst-serum-8' || s === 'burst-serum-9')).toEqual([]);
  }, 120_000);
});
