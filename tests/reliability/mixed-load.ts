// `npm run test:reliability`: the hall under a realistic mix of traffic for a few minutes,
// then an audit of every booking in the database.
//
// The whole hall (site, API, search engine, workers) and a second API process share one
// real PostgreSQL database holding a demo catalogue. Clients (loopback only) send, for
// `--seconds` or `--max-requests`, whichever comes first: 70% static pages (every page of
// the sitemap, in every language), 20% searches (product words in six languages, typos,
// filters and facets), 7% slot look-ups and 3% meeting requests, the API calls spread over
// both processes. It prints throughput, latency percentiles and the answers per kind, then
// checks the database (see booking-audit.ts) and sweeps for the buyers' e-mail addresses
// where they must not be (see personal-data.ts): both processes' logs (at debug level), their
// data folders with the built site, every search document, the URLs handed out. Exit code 1
// when an answer was a 5xx or no answer, an answer was unexpected for its kind, the audit
// found a problem or the sweep an address.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadConfig } from '../../api/config.ts';
import { migrateToLatest } from '../../api/db/migrate.ts';
import { seedDemoData } from '../../api/seed/seed.ts';
import { createScratchDatabase } from '../../api/test-support/test-database.ts';
import { startApiProcess, type ApiProcess } from '../../api/test-support/api-processes.ts';
import { percentile } from '../../bench/load.ts';
import { figure } from '../../bench/figures.ts';
import { auditBookings, type Answered } from './booking-audit.ts';
import { startHallProcess, type HallProcess } from './hall-process.ts';
import { addressesIn, sweepFolder, sweepIndexes } from './personal-data.ts';
import { startTestEngine, type TestEngine } from '../../search/test-engine.ts';
import { pickKind, searchQueries, type Kind, MIX } from './traffic.ts';

const { values: args } = parseArgs({
  options: {
    seconds: { type: 'string', default: '180' },
    'max-requests': { type: 'string', default: '500000' },
    clients: { type: 'string', default: '32' },
    products: { type: 'string', default: '600' },
  },
  strict: true,
});
const seconds = Number(args.seconds);
const maxRequests = Number(args['max-requests']);
const clients = Number(args.clients);
const products = Number(args.products);
if (![seconds, maxRequests, clients, products].every((n) => Number.isInteger(n) && n > 0)) {
  process.stderr.write('--seconds, --max-requests, --clients and --products take whole numbers above 0\n');
  process.exit(2);
}

const config = loadConfig();
const server = config.testDatabaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
if (!['127.0.0.1', 'localhost', '[::1]'].includes(new URL(server).hostname)) {
  process.stderr.write(`The load test runs on loopback only; ${new URL(server).host} is not.\n`);
  process.exit(2);
}
const say = (line: string) => process.stderr.write(`${line}\n`);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;

type Tally = { latencies: number[]; statuses: Map<string, number>; unexpected: string[] };
const tallies = new Map<Kind, Tally>(MIX.map(([kind]) => [kind, { latencies: [], statuses: new Map(), unexpected: [] }]));
const EXPECTED: Record<Kind, number[]> = { page: [200], search: [200], slots: [200], booking: [201, 202, 409] };
const answered: Answered[] = [];

const scratch = await createScratchDatabase(server, 'pavilion_load');
let hall: HallProcess | undefined;
let second: ApiProcess | undefined;
let engine: TestEngine | undefined;
const secondLog = path.join(os.tmpdir(), `pavilion-load-api-${process.pid}.log`);
const handedOut: string[] = []; // the manage and video links the bookings answered with
let failed = false;
try {
  say(`Scratch database on ${new URL(server).host}; seeding a demo catalogue of ${products} products…`);
  await migrateToLatest(scratch.db);
  await seedDemoData(scratch.db, { companies: Math.max(20, Math.round(products / 10)), products });
  say(`Starting the hall (site build, search index) and a second API process… (${elapsed()})`);
  // The search engine runs beside the hall (not inside it) so the sweep can read every document.
  engine = await startTestEngine('load-search');
  const noLimits = { RATE_LIMIT_WRITES: '0', RATE_LIMIT_READS: '0', LOG_LEVEL: 'debug' }; // one client address sends everything
  [hall, second] = await Promise.all([
    startHallProcess(scratch.url, { ...noLimits, MEILI_URL: engine.engine.url, MEILI_MASTER_KEY: engine.engine.masterKey ?? '' }),
    startApiProcess(scratch.url, noLimits, { logFile: secondLog }),
  ]);
  const apis = [`${hall.url}/api`, second.url];

  // What the clients ask for: every page the sitemap lists, real product words, real slugs.
  const pages = await sitemapPaths(hall.url);
  const slugs = (await scratch.db.selectFrom('products').select('slug').where('status', '=', 'approved').execute()).map((r) => r.slug);
  const names = await scratch.db.selectFrom('product_texts').select(['locale', 'name']).execute();
  const queries = searchQueries(names);
  const seenSlots = new Map<string, string[]>(); // slug → starts from a recent look-up
  say(`${pages.length} pages, ${slugs.length} products, ${queries.length} search queries; ${clients} clients for ${seconds} s (${elapsed()})`);

  const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Tokyo', 'Asia/Kolkata', 'Australia/Sydney', 'America/Sao_Paulo', 'Asia/Ho_Chi_Minh', 'Europe/Moscow'];
  const LANGUAGES = ['en', 'en', 'ja', 'zh', 'ru', 'vi', 'es', 'de'];
  const pick = <T>(a: readonly T[]) => a[Math.floor(Math.random() * a.length)]!;

  async function call(kind: Kind, n: number): Promise<number> {
    const api = apis[n % 2]!;
    switch (kind) {
      case 'page': {
        const r = await fetch(`${hall!.url}${pick(pages)}`);
        await r.arrayBuffer();
        return r.status;
      }
      case 'search': {
        const r = await fetch(`${hall!.url}/api/search?${pick(queries)}`);
        await r.arrayBuffer();
        return r.status;
      }
      case 'slots': {
        const slug = pick(slugs);
        const r = await fetch(`${api}/products/${slug}/slots?tz=${encodeURIComponent(pick(ZONES))}`);
        const body = (await r.json()) as { slots?: { start: string }[] };
        if (body.slots?.length) seenSlots.set(slug, body.slots.slice(0, 12).map((s) => s.start));
        return r.status;
      }
      case 'booking': {
        // A buyer asks about a product someone just looked at (its fresh slots), or any product at the first available time.
        const recent = seenSlots.size && Math.random() < 0.7 ? pick([...seenSlots.keys()]) : undefined;
        const slug = recent ?? pick(slugs);
        const preferred = recent ? [pick(seenSlots.get(recent)!), pick(seenSlots.get(recent)!)] : [];
        const language = pick(LANGUAGES);
        const r = await fetch(`${api}/meeting-requests`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            productSlug: slug, preferredSlots: preferred, message: 'We would like to discuss volumes and lead times.',
            // A pool of 400 buyers: some ask twice, and a buyer may not be double-booked either.
            buyer: { name: `Load Buyer ${n % 400}`, company: 'Load Imports', country: 'US', email: `buyer${n % 400}@load.test`, language, timeZone: pick(ZONES) },
          }),
        });
        const body = (await r.json()) as { id?: string; status?: string; startsAt?: string; manageUrl?: string; videoUrl?: string };
        for (const url of [body.manageUrl, body.videoUrl]) if (url && handedOut.length < 5000) handedOut.push(url);
        if ((r.status === 201 || r.status === 202) && body.id) {
          answered.push({ status: r.status, id: body.id, bookingStatus: body.status ?? '', ...(body.startsAt ? { startsAt: body.startsAt } : {}) });
        }
        return r.status;
      }
    }
  }

  let sent = 0;
  const deadline = performance.now() + seconds * 1000;
  const runStarted = performance.now();
  await Promise.all(Array.from({ length: clients }, async () => {
    while (performance.now() < deadline && sent < maxRequests) {
      const n = sent++;
      const kind = pickKind(Math.random());
      const t = performance.now();
      const status = await call(kind, n).catch(() => 0); // 0: no answer (refused, reset, unreadable)
      const tally = tallies.get(kind)!;
      tally.latencies.push(performance.now() - t);
      tally.statuses.set(String(status), (tally.statuses.get(String(status)) ?? 0) + 1);
      if (!EXPECTED[kind].includes(status) && tally.unexpected.length < 5) tally.unexpected.push(`${status}`);
    }
  }));
  const runSeconds = (performance.now() - runStarted) / 1000;

  // ---- figures ------------------------------------------------------------------------------
  const lines = [
    `## Mixed traffic: the hall and a second API process on one PostgreSQL (${os.availableParallelism()} cores, ${clients} clients, ${runSeconds.toFixed(0)} s)`,
    '',
    '| kind | share | requests | per second | p50 | p95 | p99 | answers |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  let total = 0;
  let errors = 0;
  for (const [kind, share] of MIX) {
    const t = tallies.get(kind)!;
    const sorted = [...t.latencies].sort((a, b) => a - b);
    total += sorted.length;
    const bad = [...t.statuses].filter(([s]) => !EXPECTED[kind].includes(Number(s))).reduce((n, [, c]) => n + c, 0);
    errors += bad;
    lines.push(`| ${kind} | ${(share * 100).toFixed(0)}% | ${sorted.length} | ${(sorted.length / runSeconds).toFixed(0)} | ${percentile(sorted, 50).toFixed(1)} ms | ${percentile(sorted, 95).toFixed(1)} ms | ${percentile(sorted, 99).toFixed(1)} ms | ${[...t.statuses].map(([s, c]) => `${s === '0' ? 'no answer' : s}×${c}`).join(' ')} |`);
    figure({ bench: 'load', figure: `${kind} p99`, value: percentile(sorted, 99), unit: 'ms' });
  }
  const all = [...tallies.values()].flatMap((t) => t.latencies).sort((a, b) => a - b);
  lines.push(`| all | 100% | ${total} | ${(total / runSeconds).toFixed(0)} | ${percentile(all, 50).toFixed(1)} ms | ${percentile(all, 95).toFixed(1)} ms | ${percentile(all, 99).toFixed(1)} ms | ${errors} unexpected |`, '');
  figure({ bench: 'load', figure: 'mixed requests per second', value: total / runSeconds, unit: 'requests/s' });
  figure({ bench: 'load', figure: 'mixed p99', value: percentile(all, 99), unit: 'ms' });
  figure({ bench: 'load', figure: 'unexpected answers (5xx, none, wrong status)', value: errors, unit: 'answers', target: '0' });
  for (const [kind, t] of tallies) if (t.unexpected.length) lines.push(`Unexpected answers to ${kind}: ${t.unexpected.join(', ')}`);

  // ---- the database afterwards ----------------------------------------------------------------
  const booked = answered.filter((a) => a.status === 201).length;
  lines.push(`Bookings answered: ${booked} booked (201), ${answered.length - booked} queued for staff (202). The database afterwards:`, '');
  const audit = await auditBookings(scratch.db, answered);
  for (const a of audit) {
    lines.push(`- ${a.problems.length === 0 ? 'ok' : 'FAILED'}: ${a.check}${a.problems.length ? `\n  - ${a.problems.slice(0, 10).join('\n  - ')}` : ''}`);
  }
  const problems = audit.reduce((n, a) => n + a.problems.length, 0);
  figure({ bench: 'load', figure: 'database problems after the run', value: problems, unit: 'problems', target: '0' });

  // ---- personal data where it must not be -----------------------------------------------------
  const addresses = new Set((await scratch.db.selectFrom('buyers').select('email').execute()).map((r) => r.email.toLowerCase()));
  const index = await sweepIndexes(engine.client, addresses);
  const leaks = [
    ...sweepFolder(hall.dataDir, addresses, ['outbox']).map((f) => `hall data folder: ${f}`),
    ...sweepFolder(second.dataDir, addresses, ['outbox']).map((f) => `second process's data folder: ${f}`),
    ...addressesIn(fs.readFileSync(secondLog).toString('latin1'), addresses).map((a) => `second process's log: ${a}`),
    ...index.found,
    ...handedOut.filter((u) => addressesIn(u, addresses).length).map((u) => `a link handed out: ${u}`),
  ];
  // The sweep sees addresses where they belong: the outbox holds the buyers' confirmations.
  const inOutbox = fs.existsSync(path.join(hall.dataDir, 'outbox')) ? sweepFolder(path.join(hall.dataDir, 'outbox'), addresses).length : 0;
  const logBytes = fs.statSync(hall.logFile).size + fs.statSync(secondLog).size;
  lines.push(`- ${leaks.length === 0 && inOutbox > 0 ? 'ok' : 'FAILED'}: none of the ${addresses.size} buyers' e-mail addresses in the logs (${(logBytes / 1024).toFixed(0)} KB at debug level), the data folders and built site, ${index.documents} search documents or ${handedOut.length} links handed out (and the sweep finds them in ${inOutbox} e-mails in the outbox, where they belong)${leaks.length ? `\n  - ${leaks.slice(0, 10).join('\n  - ')}` : ''}`);
  figure({ bench: 'load', figure: 'buyer e-mail addresses outside the database and outbox', value: leaks.length, unit: 'places', target: '0' });
  process.stdout.write(`${lines.join('\n')}\n`);
  failed = errors > 0 || problems > 0 || booked === 0 || leaks.length > 0 || inOutbox === 0;
  if (inOutbox === 0) say('The outbox holds no buyer address: e-mails were not sent, or the sweep is blind.');
  if (booked === 0) say('No booking was answered 201: the mix did not test bookings.');
  say(failed ? `FAILED (${elapsed()})` : `Passed (${elapsed()})`);
} catch (err) {
  failed = true;
  say(`The load test could not run: ${(err as Error).stack ?? err}`);
} finally {
  await Promise.all([hall?.stop(), second?.stop()]);
  await engine?.stop();
  fs.rmSync(secondLog, { force: true });
  await scratch.close();
}
process.exitCode = failed ? 1 : 0;

/** The site's pages, as paths, from its sitemap index and the sitemaps it names. */
async function sitemapPaths(base: string): Promise<string[]> {
  const locs = async (path: string) => [...(await (await fetch(`${base}${path}`)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const parts = await locs('/sitemap.xml');
  const pages = parts.some((p) => p.endsWith('.xml')) ? (await Promise.all(parts.map(locs))).flat() : parts;
  if (pages.length < 10) throw new Error(`The sitemap lists only ${pages.length} pages.`);
  return [...new Set(pages)];
}
