// Seeds demo data: node api/seed/cli.ts [--products N] [--companies N] [--seed N] [--reset]
// Uses DATABASE_URL when set, else the embedded PGlite in $DATA_DIR/pglite (via loadConfig).
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { DEFAULT_OPTIONS } from './generate.ts';
import { createProgressReporter } from './progress.ts';
import { isDatabaseEmpty, resetDemoData, seedDemoData, type SeedSummary } from './seed.ts';
import { formatInteger } from './text.ts';

const USAGE = `Usage: node api/seed/cli.ts [--products N] [--companies N] [--seed N] [--reset]

  --products N    products to generate (default ${DEFAULT_OPTIONS.products})
  --companies N   companies (default: the larger of 200 and products / 10)
  --seed N        random seed, 0 to 4294967295 (default ${DEFAULT_OPTIONS.seed}); same seed, same data
  --reset         delete all catalogue and scheduling rows first
  -h, --help      show this help

Seeds the database at DATABASE_URL, or the embedded PGlite in $DATA_DIR/pglite.`;

export class UsageError extends Error {}

export type CliArgs = { products: number; companies: number; seed: number; reset: boolean; help: boolean };

function integer(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${formatInteger(min)} to ${formatInteger(max)}, got "${value}"`);
  }
  return Number(value);
}

export function parseCliArgs(argv: readonly string[]): CliArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        products: { type: 'string' },
        companies: { type: 'string' },
        seed: { type: 'string' },
        reset: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const products = integer('products', values.products, DEFAULT_OPTIONS.products, 0, 10_000_000);
  const companies = integer('companies', values.companies, Math.max(200, Math.ceil(products / 10)), 1, 1_000_000);
  const seed = integer('seed', values.seed, DEFAULT_OPTIONS.seed, 0, 0xffffffff);
  return { products, companies, seed, reset: values.reset, help: values.help };
}

function formatSummary(s: SeedSummary, seconds: number): string {
  const rows: [string, number, string?][] = [
    ['pavilions', s.pavilions],
    ['categories', s.categories],
    ['companies', s.companies, `${formatInteger(s.companyTexts)} texts`],
    ['products', s.products, `${formatInteger(s.productTexts)} texts`],
    ['rooms', s.rooms],
    ['interpreters', s.interpreters],
    ['availability rules', s.availabilityRules],
    ['holiday blackouts', s.blackouts],
  ];
  const width = Math.max(...rows.map(([, n]) => formatInteger(n).length));
  const lines = rows.map(([label, n, extra]) =>
    `  ${label.padEnd(19)}${formatInteger(n).padStart(width)}${extra ? `  (${extra})` : ''}`);
  return [`Seeded in ${seconds.toFixed(1)} s:`, ...lines].join('\n');
}

/** Where the data goes, without any password from the URL. */
function describeTarget(url: string | undefined, pgliteDir: string): string {
  if (!url) return `PGlite in ${pgliteDir}`;
  const u = new URL(url);
  return `PostgreSQL at ${u.host}${u.pathname}`;
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseCliArgs(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`${err.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }

  const config = loadConfig();
  const pgliteDir = path.join(config.dataDir, 'pglite');
  const handle = await openDatabase({ url: config.databaseUrl, pgliteDir });
  try {
    await migrateToLatest(handle.db);
    if (!args.reset && !(await isDatabaseEmpty(handle.db))) {
      process.stderr.write('The database already holds a catalogue. Run again with --reset to delete it and seed afresh.\n');
      return 1;
    }
    if (args.reset) await resetDemoData(handle.db);

    process.stderr.write(
      `Seeding ${describeTarget(config.databaseUrl, pgliteDir)}: ${formatInteger(args.companies)} companies, ` +
        `${formatInteger(args.products)} products, seed ${args.seed}\n`,
    );
    const started = performance.now();
    const progress = createProgressReporter(process.stderr, 'products');
    const summary = await seedDemoData(
      handle.db,
      { seed: args.seed, companies: args.companies, products: args.products },
      (p) => {
        if (p.phase === 'products') progress.update(p.done, p.total);
      },
    );
    progress.finish();
    process.stdout.write(`${formatSummary(summary, (performance.now() - started) / 1000)}\n`);
    return 0;
  } finally {
    await handle.close();
  }
}

if (import.meta.main) {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`Seeding failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
