// `npm run bench:booking`: POST /api/meeting-requests against real PostgreSQL through two
// API processes, uncontended and with 50 clients fighting over the same few resources,
// next to the machine's own ceiling (pgbench TPC-B). Prints a Markdown table.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { loadConfig } from '../api/config.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { seedDemoData } from '../api/seed/seed.ts';
import { createScratchDatabase } from '../api/test-support/test-database.ts';
import { startApiProcess } from '../api/test-support/api-processes.ts';
import { ms, runLoad, type LoadResult } from './load.ts';
import { figure } from './figures.ts';
import { cpuBetween, snapshot } from './cpu-time.ts';
import { sql } from 'kysely';

const config = loadConfig();
const server = config.testDatabaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const say = (line: string) => process.stderr.write(`${line}\n`);

function pgbenchTps(url: string): number | null {
  try {
    execFileSync('pgbench', ['-i', '-q', '-s', '10', url], { stdio: 'ignore' });
    const out = execFileSync('pgbench', ['-n', '-c', '32', '-j', '2', '-T', '10', url], { encoding: 'utf8' });
    const m = /tps = ([\d.]+)/.exec(out);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

const scratch = await createScratchDatabase(server, 'pavilion_bench');
const apis: Awaited<ReturnType<typeof startApiProcess>>[] = [];
try {
  say(`Scratch database on ${new URL(server).host}; seeding 200 companies, 2,000 products, 60 rooms…`);
  await migrateToLatest(scratch.db);
  await seedDemoData(scratch.db, { companies: 200, products: 2000, rooms: 60 });
  const companies = await scratch.db
    .selectFrom('products as p').innerJoin('companies as c', 'c.id', 'p.company_id')
    .select(['c.id', 'p.slug']).distinctOn('c.id').orderBy('c.id').orderBy('p.id').execute();
  apis.push(await startApiProcess(scratch.url), await startApiProcess(scratch.url));

  // Seoul-zone buyers overlap the companies' whole day; every company keeps the same hours.
  const to = new Date(Date.now() + 27 * 86_400_000).toISOString();
  const { slots } = (await (await fetch(`${apis[0]!.url}/products/${companies[0]!.slug}/slots?tz=Asia/Seoul&to=${to}`)).json()) as { slots: { start: string }[] };
  if (slots.length < 302) throw new Error(`Only ${slots.length} slots in the horizon; the benchmark needs 302.`);
  // Each request with its own Idempotency-Key, as the site's form sends it: the booking's
  // transaction then stores the answer too (the idempotency record the target counts).
  const post = (i: number, body: object) =>
    fetch(`${apis[i % 2]!.url}/meeting-requests`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID() }, body: JSON.stringify(body),
    })
      .then(async (r) => (await r.arrayBuffer(), r.status));
  const buyer = (tag: string, i: number) => ({ name: `Buyer ${i}`, company: 'Bench Imports', country: 'KR', email: `${tag}${i}@bench.test`, language: 'ko', timeZone: 'Asia/Seoul' });

  // CPU per answer, by part: the API processes, the PostgreSQL backends of this database, and
  // this load generator. On a busy 2-core machine these say more than wall-clock figures.
  const backendPids = async () => (await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(scratch.db)).rows.map((r) => r.pid);
  type CpuPerAnswer = { api: number; postgres: number; client: number };
  async function measured<T extends LoadResult>(run: () => Promise<T>): Promise<T & { cpu: CpuPerAnswer }> {
    const apiPids = apis.map((a) => a.child.pid!);
    const before = { api: snapshot(apiPids), pg: snapshot(await backendPids()), client: process.cpuUsage() };
    const r = await run();
    const pgAfter = snapshot([...new Set([...before.pg.keys(), ...(await backendPids())])]);
    const client = process.cpuUsage(before.client);
    return {
      ...r,
      cpu: {
        api: cpuBetween(before.api, snapshot(apiPids)) / r.total,
        postgres: cpuBetween(before.pg, pgAfter) / r.total,
        client: (client.user + client.system) / 1000 / r.total,
      },
    };
  }

  // Warm-up: connections, JIT, plans.
  await runLoad(100, 8, (i) => post(i, { productSlug: companies[i % companies.length]!.slug, buyer: buyer('warm', i), preferredSlots: [slots[301]!.start] }));

  // Uncontended: every request wants a time its company, buyer and a room can give (60 per slot time).
  const uncontended = await measured(() => runLoad(2000, 32, (i) =>
    post(i, { productSlug: companies[i % companies.length]!.slug, buyer: buyer('u', i), preferredSlots: [slots[2 * Math.floor(i / 60)]!.start] }))); // every other slot: a room turns over for 10 min after each meeting

  // Contended: 50 clients, three companies, the same two times.
  const hot = [slots[200]!.start, slots[201]!.start];
  const contended = await measured(() => runLoad(1000, 50, (i) =>
    post(i, { productSlug: companies[i % 3]!.slug, buyer: buyer('c', i), preferredSlots: hot })));

  say('Measuring the machine\'s ceiling with pgbench (TPC-B, 32 clients, 10 s)…');
  const pgbench = pgbenchTps(scratch.url);
  const bench = 'booking';
  figure({ bench, figure: 'uncontended bookings, 32 clients', value: uncontended.perSecond, unit: 'bookings/s', target: '>= 2,000' });
  figure({ bench, figure: 'uncontended p99', value: uncontended.p99, unit: 'ms', target: '< 25' });
  figure({ bench, figure: 'contended (50 clients) throughput', value: contended.perSecond, unit: 'answers/s' });
  figure({ bench, figure: 'contended p99', value: contended.p99, unit: 'ms' });
  figure({ bench, figure: 'contended 5xx answers', value: Object.entries(contended.statuses).filter(([s]) => s.startsWith('5') || s === '0').reduce((n, [, c]) => n + c, 0), unit: 'answers', target: '0' });
  figure({ bench, figure: 'uncontended CPU per booking: API', value: uncontended.cpu.api, unit: 'ms' });
  figure({ bench, figure: 'uncontended CPU per booking: PostgreSQL', value: uncontended.cpu.postgres, unit: 'ms' });
  figure({ bench, figure: 'uncontended CPU per booking: load generator', value: uncontended.cpu.client, unit: 'ms' });
  if (pgbench !== null) figure({ bench, figure: 'pgbench TPC-B ceiling, 32 clients', value: pgbench, unit: 'tps' });

  const row = (name: string, r: LoadResult & { cpu: CpuPerAnswer }, clients: number) =>
    `| ${name} | ${clients} | ${r.total} | ${r.perSecond.toFixed(0)}/s | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${Object.entries(r.statuses).map(([s, n]) => `${s}×${n}`).join(' ')} | ${r.cpu.api.toFixed(2)} / ${r.cpu.postgres.toFixed(2)} / ${r.cpu.client.toFixed(2)} ms |`;
  process.stdout.write(
    [
      `## Booking benchmark (${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, PostgreSQL via ${new URL(server).host}, 2 API processes)`,
      '',
      '| scenario | clients | requests | throughput | p50 | p95 | p99 | answers | CPU per answer: API / PostgreSQL / load generator |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      row('uncontended bookings', uncontended, 32),
      row('contended (3 companies, 2 times)', contended, 50),
      '',
      `pgbench TPC-B ceiling (32 clients): ${pgbench === null ? 'pgbench not available' : `${pgbench.toFixed(0)} tps`}`,
      '',
    ].join('\n'),
  );
} finally {
  await Promise.all(apis.map((a) => a.stop()));
  await scratch.close();
}
