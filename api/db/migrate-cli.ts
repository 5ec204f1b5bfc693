// `npm run db:migrate` applies pending migrations; `-- --down` reverts the last one.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrateToLatest, migrator } from './migrate.ts';

const { values } = parseArgs({ options: { down: { type: 'boolean', default: false } } });
const config = loadConfig();
const handle = await openDatabase({ url: config.databaseUrl, pgliteDir: path.join(config.dataDir, 'pglite') });
try {
  if (values.down) {
    const { error, results } = await migrator(handle.db).migrateDown();
    for (const r of results ?? []) process.stdout.write(`${r.direction} ${r.migrationName}: ${r.status}\n`);
    if (error) throw error;
  } else {
    const applied = await migrateToLatest(handle.db);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Up to date.\n');
  }
} finally {
  await handle.close();
}
