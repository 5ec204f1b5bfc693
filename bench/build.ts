// npm run bench:build [-- --sizes 2000,20000,100000]
// Site build speed: seeds each catalogue size into a database (a scratch PostgreSQL database
// when the environment names a server, in-memory PGlite otherwise), then builds the whole
// site (every locale that has content) exactly as the hall does (api/runtime/site-builder.ts:
// its own processes, a fresh folder, an atomic switch), and prints pages, pages per second,
// wall time and the build's peak memory (of the processes running at once). Then it edits one
// product and rebuilds: the hall's incremental rebuild renders that product's pages and the
// few that list it, and keeps the rest of the previous build; that line says what one edit
// costs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase } from '../api/db/database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { seedDemoData } from '../api/seed/seed.ts';
import { createScratchDatabase } from '../api/test-support/test-database.ts';
import { silentLogger } from '../api/lib/logger.ts';
import { createSiteBuilder, type BuildReport } from '../api/runtime/site-builder.ts';
import { figure } from './figures.ts';
import { loadConfig } from '../api/config.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '2000,20000' } } });
const sizes = args.sizes!.split(',').map(Number).filter((n) => n > 0);
// As the hall builds (SITE_BUILD_PROCESSES at a time, shards of at most 20,000 products).
const config = loadConfig();
const processes = config.site.buildProcesses;
const serverUrl = config.testDatabaseUrl ?? config.databaseUrl;

async function build(site: ReturnType<typeof createSiteBuilder>): Promise<BuildReport> {
  if ((await site.ensureBuilt()) !== 'built') throw new Error(`The site build failed: ${site.state().detail ?? ''}`);
  return site.lastBuild()!;
}

const rows = ['| products | pages | full build s | pages/s | processes (shards) | peak memory MB | one-product rebuild s | pages rendered by it |', '|---:|---:|---:|---:|---:|---:|---:|---:|'];
for (const products of sizes) {
  // PostgreSQL when the environment names a server (a scratch database, dropped after), as a
  // hall of that size would run; the embedded PGlite otherwise, whose build processes each
  // load a snapshot of the whole database.
  const handle = serverUrl ? await createScratchDatabase(serverUrl, 'pavilion_bench_build') : await openDatabase({ pgliteDir: 'memory://' });
  await migrateToLatest(handle.db);
  process.stderr.write(`Seeding ${products} products…\n`);
  await seedDemoData(handle.db, { products, companies: Math.max(200, Math.ceil(products / 10)) });
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `pavilion-bench-build-${products}-`));
  const site = createSiteBuilder({ db: handle.db, readers: handle.readers, root, dataDir, publicUrl: 'http://localhost:4321', log: silentLogger, processes });
  process.stderr.write(`Building the site for ${products} products…\n`);
  const full = await build(site);
  if (full.mode !== 'full') throw new Error(`Expected a full build, got ${full.mode}`);
  // One product edited as the portal's approved edit does: its text, and its time of change.
  await handle.db.updateTable('product_texts').set({ name: 'Benchmark edit' }).where('product_id', '=', '1').where('locale', '=', 'en').execute();
  await handle.db.updateTable('products').set({ updated_at: sql`now()` }).where('id', '=', '1').execute();
  process.stderr.write('Rebuilding after one product edit…\n');
  const again = await build(site);
  if (again.mode !== 'incremental') throw new Error(`Expected an incremental rebuild, got ${again.mode} (${again.reason})`);
  const at = `${products.toLocaleString('en')} products`;
  figure({ bench: 'build', figure: `${at}: pages`, value: full.pages, unit: 'pages' });
  figure({ bench: 'build', figure: `${at}: full build`, value: full.seconds, unit: 's' });
  figure({ bench: 'build', figure: `${at}: build speed`, value: full.pages / full.seconds, unit: 'pages/s' });
  if (full.maxRssMb !== undefined) figure({ bench: 'build', figure: `${at}: peak memory`, value: full.maxRssMb, unit: 'MB' });
  figure({ bench: 'build', figure: `${at}: rebuild after one edit`, value: again.seconds, unit: 's' });
  rows.push(`| ${products.toLocaleString('en')} | ${full.pages.toLocaleString('en')} | ${full.seconds.toFixed(1)} | ${Math.round(full.pages / full.seconds)} | ${processes} (${full.shards}) | ${Math.round(full.maxRssMb ?? Number.NaN)} | ${again.seconds.toFixed(1)} | ${again.pagesRendered.toLocaleString('en')} |`);
  fs.rmSync(dataDir, { recursive: true, force: true });
  await handle.close();
}
process.stdout.write(`Site build on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), reading ${serverUrl ? `PostgreSQL (${new URL(serverUrl).host})` : 'embedded PGlite (a snapshot per build process)'}\n\n${rows.join('\n')}\n`);
