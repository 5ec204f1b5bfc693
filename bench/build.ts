// npm run bench:build [-- --sizes 2000,20000,100000]
// Site build speed: seeds each catalogue size into an in-memory database, then builds the
// whole site (every locale that has content) exactly as the hall does, in its own process,
// and prints pages, pages per second, wall time and the build's peak memory. Then it edits
// one product and builds again: the hall rebuilds the whole site for any change (no
// incremental build yet), so that line says what one approval costs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../api/db/database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { seedDemoData } from '../api/seed/seed.ts';
import { figure } from './figures.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({ options: { sizes: { type: 'string', default: '2000,20000' } } });
const sizes = args.sizes!.split(',').map(Number).filter((n) => n > 0);

function countPages(dir: string): number {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile() && f.name.endsWith('.html')).length;
}

function build(snapshot: string): Promise<{ seconds: number; pages: number; maxRssMb: number }> {
  const id = `bench-${Date.now()}`;
  const out = path.join(root, '.astro-out', id);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(root, 'api/runtime/site-build-child.ts'), out, 'http://localhost:4321'], {
      cwd: root, env: { ...process.env, BUILD_SNAPSHOT: snapshot, BUILD_STATS: '1' }, stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`build exited with ${code}`));
      const stats = JSON.parse(output.trim().split('\n').at(-1)!) as { maxRssKb: number };
      const pages = countPages(out);
      fs.rmSync(out, { recursive: true, force: true });
      resolve({ seconds: (performance.now() - started) / 1000, pages, maxRssMb: stats.maxRssKb / 1024 });
    });
  });
}

const rows = ['| products | pages | wall s | pages/s | peak memory MB | one-product rebuild s |', '|---:|---:|---:|---:|---:|---:|'];
for (const products of sizes) {
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  await migrateToLatest(handle.db);
  process.stderr.write(`Seeding ${products} products…\n`);
  await seedDemoData(handle.db, { products, companies: Math.max(200, Math.ceil(products / 10)) });
  const snapshot = path.join(os.tmpdir(), `pavilion-bench-build-${products}.tar`);
  const write = async () => fs.writeFileSync(snapshot, Buffer.from(await (await (handle.readers as { snapshot: () => Promise<Blob> }).snapshot()).arrayBuffer()));
  await write();
  process.stderr.write(`Building the site for ${products} products…\n`);
  const full = await build(snapshot);
  await handle.db.updateTable('product_texts').set({ name: 'Benchmark edit' }).where('product_id', '=', '1').where('locale', '=', 'en').execute();
  await write();
  const again = await build(snapshot);
  const at = `${products.toLocaleString('en')} products`;
  figure({ bench: 'build', figure: `${at}: pages`, value: full.pages, unit: 'pages' });
  figure({ bench: 'build', figure: `${at}: full build`, value: full.seconds, unit: 's' });
  figure({ bench: 'build', figure: `${at}: build speed`, value: full.pages / full.seconds, unit: 'pages/s' });
  figure({ bench: 'build', figure: `${at}: peak memory`, value: full.maxRssMb, unit: 'MB' });
  figure({ bench: 'build', figure: `${at}: rebuild after one edit`, value: again.seconds, unit: 's' });
  rows.push(`| ${products.toLocaleString('en')} | ${full.pages.toLocaleString('en')} | ${full.seconds.toFixed(1)} | ${Math.round(full.pages / full.seconds)} | ${Math.round(full.maxRssMb)} | ${again.seconds.toFixed(1)} |`);
  fs.rmSync(snapshot, { force: true });
  await handle.close();
}
console.log(`Site build on ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'})\n`);
console.log(rows.join('\n'));
