// The build-time database handle. When the hall's runtime builds the site in-process it
// hands over its own connection (PGlite allows only one); a standalone `astro build`
// opens the configured database itself.
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { Database } from '../../api/db/schema.ts';

const KEY = Symbol.for('pavilion.site.db');
type Holder = { [KEY]?: Promise<Kysely<Database>> };

export function provideBuildDatabase(db: Kysely<Database>): void {
  (globalThis as Holder)[KEY] = Promise.resolve(db);
  // A new build starts: forget what the last one read. (An in-process rebuild may get the
  // very same bundled modules back from Node's module cache, module-level caches included,
  // so per-build data must live here, not in module variables.)
  (globalThis as MemoHolder)[MEMO] = new Map();
}

const MEMO = Symbol.for('pavilion.site.memo');
type MemoHolder = { [MEMO]?: Map<string, Promise<unknown>> };

/** Reads `key` once per build: the page routes, the sitemap and the islands share it. */
export function perBuild<T>(key: string, read: () => Promise<T>): Promise<T> {
  const holder = globalThis as MemoHolder;
  const memo = (holder[MEMO] ??= new Map());
  let value = memo.get(key) as Promise<T> | undefined;
  if (!value) {
    value = read();
    memo.set(key, value);
  }
  return value;
}

export function buildDatabase(): Promise<Kysely<Database>> {
  const holder = globalThis as Holder;
  holder[KEY] ??= (async () => {
    const { loadConfig } = await import('../../api/config.ts');
    const { openDatabase } = await import('../../api/db/database.ts');
    const config = loadConfig();
    const handle = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
    return handle.db;
  })();
  return holder[KEY];
}
