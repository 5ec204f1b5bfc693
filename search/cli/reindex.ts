// Rebuilds the products index from the configured database: npm run search:reindex
// A fresh index is filled next to the live one and swapped in atomically (reindexAll),
// so searches keep answering from the old index until the swap. Progress on stderr.
// Uses DATABASE_URL or the embedded PGlite in $DATA_DIR/pglite, and MEILI_URL or the
// bundled engine under $DATA_DIR/meili (started for the run and stopped after).
import { loadConfig, type Config } from '../../api/config.ts';
import { createProgressReporter, type ProgressStream } from '../../api/seed/progress.ts';
import { countIndexableProducts } from '../documents.ts';
import { reindexAll } from '../reindex.ts';
import { reindexDirectory } from '../directory.ts';
import { openCliContext, runCli } from './common.ts';

const USAGE = `Usage: npm run search:reindex

Rebuilds the search indexes (products, companies, pavilions) from the database (DATABASE_URL, or the embedded
PGlite in $DATA_DIR/pglite) and swaps it in atomically; searches keep answering meanwhile.
Starts the bundled Meilisearch for the run unless MEILI_URL is set. Stop the hall first
when it runs on the embedded database or engine.`;

export type CliIo = { stdout: { write(chunk: string): unknown }; stderr: ProgressStream };

export async function main(
  argv: readonly string[],
  config: Config = loadConfig(),
  { stdout, stderr }: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (argv.length > 0) {
    stderr.write(`Unknown argument: ${argv[0]}\n\n${USAGE}\n`);
    return 2;
  }
  const quiet = { info: () => {}, warn: (m: string) => void stderr.write(`${m}\n`) };
  const ctx = await openCliContext(config, quiet);
  try {
    const total = await countIndexableProducts(ctx.database.db);
    stderr.write(`Reindexing ${total} products from ${ctx.databaseLabel} into ${ctx.engineLabel}\n`);
    // Both rates count from the start; the engine indexes while the next page is read.
    const read = createProgressReporter(stderr, 'products read');
    const indexed = createProgressReporter(stderr, 'products indexed');
    let reading = true;
    read.update(0, total);
    const result = await reindexAll(ctx.database.db, ctx.client, {
      onProgress: (p) => read.update(p.documents, Math.max(total, p.documents)),
      onIndexed: (p) => {
        if (reading) read.finish();
        reading = false;
        indexed.update(p.documents, Math.max(total, p.documents));
      },
    });
    (reading ? read : indexed).finish();
    const seconds = result.durationMs / 1000;
    stdout.write(
      `Indexed ${result.documents} products in ${seconds.toFixed(1)} s ` +
        `(${Math.round(result.documents / Math.max(seconds, 0.001))}/s) and swapped them in as "${result.indexUid}".\n`,
    );
    const directory = await reindexDirectory(ctx.database.db, ctx.client);
    stdout.write(`Indexed ${directory.companies} companies and ${directory.pavilions} pavilions.\n`);
    return 0;
  } finally {
    await ctx.close();
  }
}

if (import.meta.main) await runCli(main, 'Reindex', 1);
