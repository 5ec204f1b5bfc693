// What the search CLIs share: the configured database and engine, opened the way the hall
// opens them (api/runtime/start.ts, api/runtime/search-runtime.ts), and closed again.
import fs from 'node:fs';
import path from 'node:path';
import type { Meilisearch } from 'meilisearch';
import type { Config } from '../../api/config.ts';
import { openDatabase, type DatabaseHandle } from '../../api/db/database.ts';
import { createSearchClient } from '../client.ts';
import { SearchEngineLockedError } from '../engine-lock.ts';
import { isSearchOff, startSearchEngine, type SearchEngine } from '../engine.ts';

export class CliError extends Error {}

export type CliContext = {
  database: DatabaseHandle;
  engine: SearchEngine;
  client: Meilisearch;
  /** "PGlite in .data/pglite" or "PostgreSQL at host/db", without a password. */
  databaseLabel: string;
  engineLabel: string;
  close(): Promise<void>;
};

/** Where the data is, without any password from the URL. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return `PGlite in ${path.join(config.dataDir, 'pglite')}`;
  const u = new URL(config.databaseUrl);
  return `PostgreSQL at ${u.host}${u.pathname}`;
}

/**
 * Opens the configured database and starts the bundled engine (or connects to MEILI_URL).
 * Both embedded stores belong to one process at a time, so with the hall running on them
 * this fails with a message saying so.
 */
export async function openCliContext(config: Config, log: { info(m: string): void; warn(m: string): void }): Promise<CliContext> {
  const pgliteDir = path.join(config.dataDir, 'pglite');
  if (!config.databaseUrl && !fs.existsSync(pgliteDir)) {
    throw new CliError(`No database: ${pgliteDir} does not exist. Run \`npm start\` or \`npm run seed\` first, or set DATABASE_URL.`);
  }
  let database: DatabaseHandle;
  try {
    database = await openDatabase({ url: config.databaseUrl, pgliteDir });
  } catch (err) {
    throw new CliError(`Could not open the database (${describeDatabase(config)}): ${(err as Error).message}`, { cause: err });
  }
  let engine: SearchEngine;
  try {
    const started = await startSearchEngine({
      dataDir: config.dataDir,
      bin: config.meili.bin,
      url: config.meili.url,
      masterKey: config.meili.masterKey,
      log,
    });
    if (isSearchOff(started)) throw new CliError(`No search engine: ${started.reason}`);
    engine = started;
  } catch (err) {
    await database.close();
    if (err instanceof SearchEngineLockedError) {
      throw new CliError(`${err.message}\nIs the hall running? Stop it first, or point MEILI_URL at a running engine.`, { cause: err });
    }
    throw err;
  }
  return {
    database,
    engine,
    client: createSearchClient(engine),
    databaseLabel: describeDatabase(config),
    engineLabel: engine.managed ? `bundled Meilisearch (${path.join(config.dataDir, 'meili')})` : `Meilisearch at ${engine.url}`,
    async close() {
      await engine.stop().catch(() => {});
      await database.close();
    },
  };
}

/** Runs a CLI's main when the file is executed: its exit code, or `failCode` with the reason. */
export async function runCli(main: (argv: string[]) => Promise<number>, what: string, failCode: number): Promise<void> {
  try {
    process.exitCode = await main(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${what} failed: ${err instanceof CliError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = failCode;
  }
}
