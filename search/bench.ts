// Search benchmark: npm run bench:search [-- --products N --requests N --concurrency N]
// 1. Seeds N products (default 100,000) with the demo generator into a scratch database: a
//    fresh PostgreSQL database when DATABASE_URL or TEST_DATABASE_URL is set (created here,
//    dropped after), in-memory PGlite otherwise.
// 2. Times the full index build (reindexAll) into a fresh bundled engine in a temporary
//    folder (never the hall's engine, whatever MEILI_URL says).
// 3. Sends a fixed mix of queries (plain, typo, Korean, two filters + six facets) from
//    concurrent keep-alive clients: through the API (createApi on @hono/node-server, in a
//    worker thread) with Node's fetch; straight to Meilisearch with node:http (the engine's
//    own latency; fetch to Meilisearch stalls 40 ms on delayed ACKs, see search/client.ts,
//    and is measured too to show it); and to a null server answering a fixed body with
//    fetch, the load generator's own ceiling.
// Prints a Markdown table with latency percentiles and queries/s against the targets.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { loadConfig } from '../api/config.ts';
import { openDatabase, type DatabaseHandle } from '../api/db/database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { createProgressReporter } from '../api/seed/progress.ts';
import { seedDemoData } from '../api/seed/seed.ts';
import { createSearchClient } from './client.ts';
import { isSearchOff, startSearchEngine } from './engine.ts';
import { FACETS, productSearchRequest, type ProductSearchOptions } from './query.ts';
import { reindexAll } from './reindex.ts';
import { INDEXES } from './settings.ts';
import { figure } from '../bench/figures.ts';

const { values: args } = parseArgs({
  options: {
    products: { type: 'string', default: '100000' },
    requests: { type: 'string', default: '4000' },
    concurrency: { type: 'string', default: '16' },
    seed: { type: 'string', default: '1' },
  },
  strict: true,
});
const PRODUCTS = Number(args.products);
const REQUESTS = Number(args.requests);
const CONCURRENCY = Number(args.concurrency);
const WARMUP = 200;
const log = (m: string) => process.stderr.write(`${m}\n`);

type Kind = 'plain' | 'typo' | 'korean' | 'filters+facets';
type Query = { kind: Kind; opts: ProductSearchOptions };
const q = (kind: Kind, text: string, extra: Partial<ProductSearchOptions> = {}): Query =>
  ({ kind, opts: { q: text, limit: 20, offset: 0, locale: 'en', ...extra } });
// The fixed mix, sent round-robin. "filters+facets": two filters and every facet (six).
const MIX: Query[] = [
  q('plain', 'mask'), q('plain', 'transformer'), q('plain', 'air purifier'), q('plain', 'butterfly valve'),
  q('typo', 'transfromer'), q('typo', 'vacum packaging machine'), q('typo', 'colaborative robott'), q('typo', 'hyalurnoic acid'),
  q('korean', '마스크'), q('korean', '변압기'), q('korean', '공기청정기'), q('korean', '선박용 보일러'),
  q('filters+facets', 'mask', { filters: { certifications: ['CE'], exportMarkets: ['US'] }, facets: true }),
  q('filters+facets', 'valve', { filters: { pavilion: 'machinery-robotics', moqMax: 100 }, facets: true }),
  q('filters+facets', '', { filters: { pavilion: 'beauty-cosmetics', companyLanguages: ['en'] }, facets: true }),
  q('filters+facets', 'cream', { filters: { certifications: ['FDA'], exportMarkets: ['CN'] }, facets: true }),
];

/** GET /search?… for the API, as the site would send it. */
function apiPath(o: ProductSearchOptions): string {
  const p = new URLSearchParams({ q: o.q, limit: String(o.limit), locale: o.locale ?? 'en' });
  const f = o.filters ?? {};
  if (f.pavilion) p.append('pavilion', f.pavilion);
  for (const c of f.certifications ?? []) p.append('certification', c);
  for (const m of f.exportMarkets ?? []) p.append('market', m);
  for (const l of f.companyLanguages ?? []) p.append('language', l);
  if (f.moqMax !== undefined) p.append('moqMax', String(f.moqMax));
  if (o.facets) p.append('facets', '1');
  return `/search?${p}`;
}

/** engineMs: Meilisearch's own processingTimeMs, from the answer. */
type Sample = { kind: Kind; ms: number; engineMs: number };
/** elu: how busy the load generator's event loop was (0-1); near 1 it would be the limit. */
type Run = { samples: Sample[]; seconds: number; elu: number };
type Answer = { status: number; text(): Promise<string> };

const engineAgent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
/** POST with node:http on a kept-alive connection. */
function postNodeHttp(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, agent: engineAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, text: async () => text });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** `requests` requests from `concurrency` clients (after a warm-up), each awaiting its body. */
async function load(
  send: (query: Query) => Promise<Answer>,
  { concurrency = CONCURRENCY, requests = REQUESTS, mix = MIX }: { concurrency?: number; requests?: number; mix?: Query[] } = {},
): Promise<Run> {
  let next = 0;
  const samples: Sample[] = [];
  const client = async (count: number, record: boolean) => {
    for (;;) {
      const i = next++;
      if (i >= count) return;
      const query = mix[i % mix.length]!;
      const t = performance.now();
      const res = await send(query);
      const body = await res.text();
      const ms = performance.now() - t;
      if (res.status !== 200) throw new Error(`HTTP ${res.status} for ${JSON.stringify(query.opts)}: ${body.slice(0, 200)}`);
      if (record) samples.push({ kind: query.kind, ms, engineMs: Number(/"processingTimeMs":(\d+)/.exec(body)?.[1] ?? NaN) });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, () => client(WARMUP, false)));
  next = 0;
  const elu = performance.eventLoopUtilization();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, () => client(requests, true)));
  const seconds = (performance.now() - started) / 1000;
  return { samples, seconds, elu: performance.eventLoopUtilization(elu).utilization };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
function stats(ms: number[]) {
  const s = [...ms].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99) };
}

async function scratchDatabase(): Promise<DatabaseHandle & { label: string }> {
  const config = loadConfig();
  const serverUrl = config.testDatabaseUrl ?? config.databaseUrl;
  if (!serverUrl) return { ...(await openDatabase({ pgliteDir: 'memory://' })), label: 'in-memory PGlite' };
  const name = `pavilion_bench_${randomBytes(6).toString('hex')}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const run = async (statement: string) => {
    const c = new pg.Client({ connectionString: admin.toString() });
    await c.connect();
    try {
      await c.query(statement);
    } finally {
      await c.end();
    }
  };
  await run(`CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    label: `PostgreSQL ${url.host}/${name} (scratch)`,
    close: async () => {
      await handle.close();
      await run(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

function peakRssMb(pid: number | undefined): string {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? `${Math.round(Number(kb) / 1024)} MB` : 'n/a';
  } catch {
    return 'n/a';
  }
}

const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const int = (n: number) => Math.round(n).toLocaleString('en-US');

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-bench-search-'));
const database = await scratchDatabase();
let worker: Worker | undefined;
const config = loadConfig();
const engine = await startSearchEngine({ dataDir, bin: config.meili.bin, log: { info: () => {}, warn: log } });
try {
  if (isSearchOff(engine)) throw new Error(`No search engine: ${engine.reason}`);
  const client = createSearchClient(engine);
  log(`Database: ${database.label}; engine: bundled Meilisearch ${(await client.getVersion()).pkgVersion} on ${os.cpus().length} CPUs`);

  await migrateToLatest(database.db);
  const seedProgress = createProgressReporter(process.stderr, 'products seeded');
  let t = performance.now();
  await seedDemoData(database.db, { products: PRODUCTS, companies: Math.max(200, Math.ceil(PRODUCTS / 10)), seed: Number(args.seed) },
    (p) => p.phase === 'products' && seedProgress.update(p.done, p.total));
  seedProgress.finish();
  const seedSeconds = (performance.now() - t) / 1000;

  const indexProgress = createProgressReporter(process.stderr, 'products indexed');
  let readDone = 0;
  t = performance.now();
  const result = await reindexAll(database.db, client, {
    onProgress: () => { readDone = performance.now(); },
    onIndexed: (p) => indexProgress.update(p.documents, PRODUCTS),
  });
  indexProgress.finish();
  const buildSeconds = (performance.now() - t) / 1000;
  const readSeconds = (readDone - t) / 1000;
  const stats_ = await client.index(INDEXES.products).getStats();
  const engineRss = peakRssMb(engine.pid);

  // Load: engine direct, API, null server.
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${engine.masterKey}` };
  const sampleBody = await (await fetch(`${engine.url}/indexes/${INDEXES.products}/search`, {
    method: 'POST', headers, body: JSON.stringify(productSearchRequest(MIX[0]!.opts)),
  })).text();
  worker = new Worker(new URL('./bench-api-worker.ts', import.meta.url), {
    workerData: { engineUrl: engine.url, masterKey: engine.masterKey, nullBody: sampleBody },
  });
  const { apiPort, nullPort } = await new Promise<{ apiPort: number; nullPort: number }>((resolve, reject) => {
    worker!.once('message', resolve);
    worker!.once('error', reject);
  });

  log(`Load: ${REQUESTS} requests x 4 targets from ${CONCURRENCY} clients…`);
  const searchUrl = `${engine.url}/indexes/${INDEXES.products}/search`;
  const engineRun = await load((query) => postNodeHttp(searchUrl, headers, JSON.stringify(productSearchRequest(query.opts))));
  const engineFetchRun = await load((query) => fetch(searchUrl, { method: 'POST', headers, body: JSON.stringify(productSearchRequest(query.opts)) }));
  const apiRun = await load((query) => fetch(`http://127.0.0.1:${apiPort}${apiPath(query.opts)}`));
  const nullRun = await load(() => fetch(`http://127.0.0.1:${nullPort}/`));
  // Unloaded: one client, filters + facets only.
  const facetMix = MIX.filter((m) => m.kind === 'filters+facets');
  const engineOne = await load((query) => postNodeHttp(searchUrl, headers, JSON.stringify(productSearchRequest(query.opts))),
    { concurrency: 1, requests: 400, mix: facetMix });
  const apiOne = await load((query) => fetch(`http://127.0.0.1:${apiPort}${apiPath(query.opts)}`), { concurrency: 1, requests: 400, mix: facetMix });

  // ---------------------------------------------------------------- report
  const out: string[] = [];
  out.push(`## Search benchmark (${int(PRODUCTS)} products, ${database.label}, ${os.cpus().length} CPUs, Meilisearch ${(await client.getVersion()).pkgVersion})`, '');
  out.push('| step | result | target |', '| --- | --- | --- |');
  out.push(`| seed (demo generator) | ${fmt(seedSeconds)} s | |`);
  out.push(`| full index build (reindexAll) | ${int(result.documents)} documents in ${fmt(buildSeconds)} s = ${int(result.documents / buildSeconds)} documents/s (database read done after ${fmt(readSeconds)} s) | 100,000 in < 30 s: ${PRODUCTS >= 100_000 ? (buildSeconds < 30 ? 'met' : 'NOT met') : 'n/a (fewer products)'} |`);
  out.push(`| index | ${int(stats_.numberOfDocuments)} documents, ${int((stats_.rawDocumentDbSize ?? 0) / 1e6)} MB raw documents; engine peak RSS ${engineRss} | |`);
  out.push('');
  out.push(`Load: ${int(REQUESTS)} requests per target after ${WARMUP} warm-up, ${CONCURRENCY} concurrent keep-alive clients, mix of ${MIX.length} queries round-robin; filters+facets = two filters and all ${FACETS.length} facets. Latency in ms, client side, including reading the body.`, '');
  out.push('| target | queries | requests | queries/s | p50 | p95 | p99 | engine p50 (processingTimeMs) | client event loop busy |', '| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const rows: [string, Run][] = [
    ['Meilisearch direct (node:http)', engineRun], ['API via fetch (createApi, node-server)', apiRun],
    ['Meilisearch direct via fetch (delayed-ACK stall)', engineFetchRun], ['null server via fetch (client ceiling)', nullRun],
    ['Meilisearch direct, 1 client', engineOne], ['API via fetch, 1 client', apiOne],
  ];
  const p95 = (run: Run, kind?: Kind) => stats(run.samples.filter((s) => !kind || s.kind === kind).map((s) => s.ms)).p95;
  for (const [name, run] of rows) {
    const kinds: (Kind | undefined)[] = run === engineRun || run === apiRun ? [undefined, 'plain', 'typo', 'korean', 'filters+facets']
      : run === engineOne || run === apiOne ? ['filters+facets'] : [undefined];
    for (const kind of kinds) {
      const picked = run.samples.filter((x) => !kind || x.kind === kind);
      const s = stats(picked.map((x) => x.ms));
      const engineP50 = stats(picked.map((x) => x.engineMs).filter(Number.isFinite)).p50;
      const first = kind === undefined || kinds.length === 1;
      const qps = first ? int(s.n / run.seconds) : '';
      const cpu = first ? `${Math.round(run.elu * 100)}%` : '';
      out.push(`| ${first ? name : ''} | ${kind ?? 'all'} | ${int(s.n)} | ${qps} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.p99)} | ${fmt(engineP50, 0)} | ${cpu} |`);
    }
  }
  const engineFacetP95 = p95(engineRun, 'filters+facets');
  const apiFacetP95 = p95(apiRun, 'filters+facets');
  const bench = 'search';
  figure({ bench, figure: `index build, ${int(result.documents)} documents`, value: buildSeconds, unit: 's', target: PRODUCTS >= 100_000 ? '< 30' : '' });
  figure({ bench, figure: `engine p95, filters + facets, ${CONCURRENCY} clients`, value: engineFacetP95, unit: 'ms', target: '< 15' });
  figure({ bench, figure: `API p95, filters + facets, ${CONCURRENCY} clients`, value: apiFacetP95, unit: 'ms', target: '<= 1.2 × engine' });
  figure({ bench, figure: 'API throughput', value: apiRun.samples.length / apiRun.seconds, unit: 'queries/s' });
  out.push('');
  out.push('| target | measured | verdict |', '| --- | --- | --- |');
  out.push(`| p95 < 15 ms, filters + facets, ${CONCURRENCY} clients, engine | ${fmt(engineFacetP95)} ms | ${engineFacetP95 < 15 ? 'met' : 'NOT met'} |`);
  out.push(`| API p95 <= 1.2 x engine p95 (filters + facets) | ${fmt(apiFacetP95)} ms = ${fmt(apiFacetP95 / engineFacetP95, 2)} x | ${apiFacetP95 <= 1.2 * engineFacetP95 ? 'met' : 'NOT met'} |`);
  out.push(`| API p95 <= 1.2 x engine p95 (whole mix) | ${fmt(p95(apiRun))} ms = ${fmt(p95(apiRun) / p95(engineRun), 2)} x | ${p95(apiRun) <= 1.2 * p95(engineRun) ? 'met' : 'NOT met'} |`);
  out.push(`| (unloaded) p95, filters + facets, 1 client: engine / API | ${fmt(p95(engineOne))} ms / ${fmt(p95(apiOne))} ms = ${fmt(p95(apiOne) / p95(engineOne), 2)} x | ${p95(engineOne) < 15 ? 'engine < 15 ms' : 'engine >= 15 ms'} |`);
  out.push(`| client not the bottleneck | null server ${int(nullRun.samples.length / nullRun.seconds)} q/s vs API ${int(apiRun.samples.length / apiRun.seconds)} q/s | ${nullRun.samples.length / nullRun.seconds > 3 * (apiRun.samples.length / apiRun.seconds) ? 'yes (>3x headroom)' : 'NO: the client may limit'} |`);
  process.stdout.write(`${out.join('\n')}\n`);
} finally {
  engineAgent.destroy();
  worker?.postMessage('stop');
  await worker?.terminate();
  if (!isSearchOff(engine)) await engine.stop();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
