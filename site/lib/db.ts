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
