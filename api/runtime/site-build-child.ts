// One site build in a process of its own (spawned by site-builder.ts): Astro renders with
// the whole CPU it likes while the hall keeps answering, and everything the build loaded
// is gone when it exits. It reads the catalogue from BUILD_DATABASE_URL, or from a snapshot
// of the embedded database (BUILD_SNAPSHOT, a PGlite data-dir tarball) opened in memory.
// With BUILD_SCOPE (a JSON file: product, company and pavilion slugs, or one shard of a full
// build; see site/lib/build-scope.ts) it renders only those pages and the ones that list
// everything. With BUILD_PAGES_FILE it writes there the pages it rendered, one per line, as
// Astro names them ("products/x/", "404.html", "sitemap-0.xml"), so whoever started it need
// not walk the output folder to count them.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Database } from '../db/schema.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const [outDir, site] = process.argv.slice(2);
if (!outDir || !site) {
  console.error('usage: node api/runtime/site-build-child.ts <outDir> <site URL>');
  process.exit(2);
}

async function open(): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  const url = process.env.BUILD_DATABASE_URL;
  if (url) {
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 4 }) }) });
    return { db, close: () => db.destroy() };
  }
  const snapshot = process.env.BUILD_SNAPSHOT;
  if (!snapshot) throw new Error('Set BUILD_DATABASE_URL or BUILD_SNAPSHOT');
  const pglite = await PGlite.create({ loadDataDir: new Blob([fs.readFileSync(snapshot)]), extensions: { btree_gist } });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ ...createPgConfig(pglite), max: 1 }) }) });
  return { db, close: async () => { await db.destroy(); await pglite.close(); } };
}

const handle = await open();
try {
  const { provideBuildDatabase } = await import('../../site/lib/db.ts');
  provideBuildDatabase(handle.db);
  const { provideBuildScope } = await import('../../site/lib/build-scope.ts');
  const scopeFile = process.env.BUILD_SCOPE;
  provideBuildScope(scopeFile ? JSON.parse(fs.readFileSync(scopeFile, 'utf8')) : undefined);
  const { build } = await import('astro');
  const pagesFile = process.env.BUILD_PAGES_FILE;
  const reportPages = {
    name: 'pavilion:rendered-pages',
    hooks: {
      'astro:build:done': ({ pages }: { pages: { pathname: string }[] }) => {
        if (pagesFile) fs.writeFileSync(pagesFile, pages.map((p) => p.pathname).join('\n'));
      },
    },
  };
  await build({ root, outDir, site, logLevel: 'warn', integrations: [reportPages] });
} finally {
  await handle.close();
}
// For bench:build: the build's peak memory, read by whoever started us.
if (process.env.BUILD_STATS === '1') process.stdout.write(`${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
process.exit(0);
