// npm run bench:pages [-- --site <built site folder>]
// Page weight per page type: the bytes a phone downloads, compressed (gzip and brotli), split
// into what arrives before any island loads (HTML, CSS, inline scripts, eagerly loaded JS)
// and the islands' JavaScript (loaded when visible or idle), plus product image bytes at a
// phone's width. Without --site it seeds the demo catalogue into an in-memory database and
// builds the site first. Target (issue 3): product pages under 50 KB before the island.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openDatabase } from '../api/db/database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { seedDemoData } from '../api/seed/seed.ts';
import { createSiteBuilder } from '../api/runtime/site-builder.ts';
import { createLogger } from '../api/lib/logger.ts';
import { figure } from './figures.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({ options: { site: { type: 'string' } } });

async function builtSite(): Promise<string> {
  if (args.site) return path.resolve(args.site);
  const log = createLogger('warn');
  const handle = await openDatabase({ pgliteDir: 'memory://' });
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db, {});
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-bench-pages-'));
  const site = createSiteBuilder({ db: handle.db, readers: handle.readers, root, dataDir, publicUrl: 'http://localhost:4321', log });
  process.stderr.write('Building the demo site…\n');
  if ((await site.ensureBuilt()) !== 'built') throw new Error('The site build failed');
  await handle.close();
  return fs.realpathSync(site.servedDir);
}

type Weight = { raw: number; gzip: number; brotli: number };
const none = (): Weight => ({ raw: 0, gzip: 0, brotli: 0 });
const weigh = (data: Buffer): Weight => ({
  raw: data.length,
  gzip: zlib.gzipSync(data, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli });

/** A module and every module it imports statically, once each (paths under the site root). */
function moduleGraph(site: string, entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry) || !entry.startsWith('/')) return seen;
  const file = path.join(site, entry);
  if (!fs.existsSync(file)) return seen;
  seen.add(entry);
  const code = fs.readFileSync(file, 'utf8');
  for (const m of code.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) {
    moduleGraph(site, path.posix.join(path.posix.dirname(entry), m[1]!), seen);
  }
  return seen;
}

function pageWeight(site: string, page: string) {
  const html = fs.readFileSync(path.join(site, page));
  const text = html.toString('utf8');
  let before = weigh(html);
  for (const m of text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"/g)) before = add(before, weigh(fs.readFileSync(path.join(site, m[1]!))));
  // Module scripts in the page load at once; island components wait for their trigger.
  const eager = new Set<string>();
  for (const m of text.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g)) moduleGraph(site, m[1]!, eager);
  for (const f of eager) before = add(before, weigh(fs.readFileSync(path.join(site, f))));
  const islands = new Set<string>();
  for (const m of text.matchAll(/(?:component-url|renderer-url|before-hydration-url)="([^"]+)"/g)) moduleGraph(site, m[1]!, islands);
  let islandJs = none();
  for (const f of islands) if (!eager.has(f)) islandJs = add(islandJs, weigh(fs.readFileSync(path.join(site, f))));
  // Images a 400 px wide phone screen at 2x picks from srcset (the first candidate >= 800 w).
  let images = 0;
  for (const m of text.matchAll(/srcset="([^"]+)"/g)) {
    const candidates = m[1]!.split(',').map((c) => c.trim().split(/\s+/)).map(([url, w]) => ({ url: url!, w: Number.parseInt(w ?? '0', 10) }));
    const pick = candidates.sort((a, b) => a.w - b.w).find((c) => c.w >= 800) ?? candidates.at(-1);
    const file = pick && path.join(site, pick.url.replace(/^https?:\/\/[^/]+/, ''));
    if (file && fs.existsSync(file)) images += fs.statSync(file).size;
  }
  return { before, islandJs, images, islandCount: (text.match(/<astro-island/g) ?? []).length };
}

function firstPage(site: string, dir: string): string | undefined {
  const full = path.join(site, dir);
  if (!fs.existsSync(full)) return undefined;
  const entry = fs.readdirSync(full, { withFileTypes: true }).find((e) => e.isDirectory() && fs.existsSync(path.join(full, e.name, 'index.html')));
  return entry && path.join(dir, entry.name, 'index.html');
}

const site = await builtSite();
const types: [string, string | undefined][] = [];
for (const [prefix, label] of [['', 'en'], ['ko/', 'ko']] as const) {
  types.push(
    [`home (${label})`, `${prefix}index.html`],
    [`pavilion (${label})`, firstPage(site, `${prefix}pavilions`)],
    [`product (${label})`, firstPage(site, `${prefix}products`)],
    [`company (${label})`, firstPage(site, `${prefix}companies`)],
    [`search (${label})`, `${prefix}search/index.html`],
    [`about (${label})`, `${prefix}about/index.html`],
  );
}

const kb = (n: number) => (n / 1024).toFixed(1);
const rows: string[] = [
  '| page | HTML+CSS+JS before islands, gzip KB | same, brotli KB | islands JS, brotli KB | islands | images at phone width KB |',
  '|---|---:|---:|---:|---:|---:|',
];
let productBefore = 0;
for (const [label, page] of types) {
  if (!page || !fs.existsSync(path.join(site, page))) {
    rows.push(`| ${label} | (no page) | | | | |`);
    continue;
  }
  const w = pageWeight(site, page);
  if (label === 'product (en)') productBefore = w.before.brotli;
  figure({ bench: 'pages', figure: `${label}: before islands`, value: w.before.brotli / 1024, unit: 'KB brotli', ...(label.startsWith('product') ? { target: '< 50' } : {}) });
  if (w.islandCount > 0) figure({ bench: 'pages', figure: `${label}: islands JS`, value: w.islandJs.brotli / 1024, unit: 'KB brotli' });
  rows.push(`| ${label} | ${kb(w.before.gzip)} | ${kb(w.before.brotli)} | ${kb(w.islandJs.brotli)} | ${w.islandCount} | ${kb(w.images)} |`);
}
console.log(`Page weight of ${site}\n`);
console.log(rows.join('\n'));
console.log(`\nProduct page before the meeting island loads: ${kb(productBefore)} KB brotli (target: under 50 KB).`);
