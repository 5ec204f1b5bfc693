// Compares the three indexes (products, companies, pavilions) with the database:
// npm run search:check [-- --sample N]. Per index: counts, every id both ways, a random
// sample compared field by field, and the settings.
// Exit code 0 when in step, 1 on drift, 2 on a usage error.
import { parseArgs } from 'node:util';
import { loadConfig, type Config } from '../../api/config.ts';
import { checkDrift } from '../drift.ts';
import { formatDriftReport } from '../drift-report.ts';
import { openCliContext, runCli } from './common.ts';
import type { CliIo } from './reindex.ts';

const USAGE = `Usage: npm run search:check [-- --sample N]

Compares the search indexes (products, companies, pavilions) with the database
(DATABASE_URL, or the embedded PGlite in $DATA_DIR/pglite). For each: document counts,
documents missing from the index, documents of rows that no longer belong in it (products
no longer approved, companies no longer active, pavilions retired), N random documents
(default 200 per index) field by field, and the index settings. Exits 0 when in step,
1 on drift. Starts the bundled Meilisearch unless MEILI_URL is set.`;

export async function main(
  argv: readonly string[],
  config: Config = loadConfig(),
  { stdout, stderr }: CliIo = { stdout: process.stdout, stderr: process.stderr },
): Promise<number> {
  let sample = 200;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { sample: { type: 'string' }, help: { type: 'boolean', short: 'h', default: false } },
      strict: true,
    });
    if (values.help) {
      stdout.write(`${USAGE}\n`);
      return 0;
    }
    if (values.sample !== undefined) {
      if (!/^\d+$/.test(values.sample)) throw new Error(`--sample must be a whole number, got "${values.sample}"`);
      sample = Number(values.sample);
    }
  } catch (err) {
    stderr.write(`${(err as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  const ctx = await openCliContext(config, { info: () => {}, warn: (m) => void stderr.write(`${m}\n`) });
  try {
    stderr.write(`Checking ${ctx.engineLabel} against ${ctx.databaseLabel}…\n`);
    const report = await checkDrift(ctx.database.db, ctx.client, { sampleSize: sample });
    stdout.write(`${formatDriftReport(report)}\n`);
    return report.inStep ? 0 : 1;
  } finally {
    await ctx.close();
  }
}

if (import.meta.main) await runCli(main, 'Check', 2);
