// One code path for both databases: Kysely over a `pg` pool. The pool talks either to a
// real PostgreSQL server (DATABASE_URL) or to embedded PGlite through its node-postgres
// adapter. PGlite is a single session, so its pool holds exactly one connection.
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import type { Database } from './schema.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PREPARED } from './prepared.ts';

export type DatabaseHandle = {
  db: Kysely<Database>;
  kind: 'postgres' | 'pglite';
  /** The pool under Kysely, for libraries that speak `pg` (the job queue). */
  pool: pg.Pool;
  /** Where another process can read the same data: the server's URL, or (embedded PGlite,
   * which one process owns) a consistent copy of the whole database as a tarball. */
  readers: { url: string } | { snapshot: () => Promise<Blob> };
  close: () => Promise<void>;
};

export type DatabaseOptions = {
  /** postgres://... for a real server; undefined for embedded PGlite. */
  url?: string | undefined;
  /** PGlite data folder, or 'memory://' for a throwaway in-memory database. */
  pgliteDir?: string;
  poolSize?: number;
  /** Told when an idle pooled connection fails (the server went away). */
  onIdleError?: (err: Error) => void;
};

/**
 * The hot statements of a booking are parsed and planned once per connection instead of on
 * every call (PostgreSQL spent more time planning than running them). A marked statement is
 * sent as a named prepared statement; every other query goes through unchanged.
 */
function preparesMarkedStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = (text: unknown, values?: unknown, callback?: unknown) => {
    const m = typeof text === 'string' && Array.isArray(values) ? PREPARED.exec(text) : null;
    if (!m) return callback === undefined ? query(text, values) : query(text, values, callback);
    return callback === undefined ? query({ name: m[1], text, values }) : query({ name: m[1], text, values }, callback);
  };
}

export async function openDatabase(opts: DatabaseOptions): Promise<DatabaseHandle> {
  if (opts.url) {
    const pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
    });
    // A connection the server drops (a restart, a network cut) raises 'error' on the pool
    // when idle and on the client when checked out between queries (in a transaction);
    // unheard, either would end the process. The query in flight fails (a 503), the broken
    // client is discarded on release, and the next query opens a new connection.
    pool.on('error', (err) => opts.onIdleError?.(err));
    pool.on('connect', (client) => {
      client.on('error', (err) => opts.onIdleError?.(err));
      preparesMarkedStatements(client);
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', pool, readers: { url: opts.url }, close: () => db.destroy() };
  }

  const dir = opts.pgliteDir ?? 'memory://';
  const release = dir.startsWith('memory://') ? () => {} : lockDataDir(path.dirname(path.resolve(dir)));
  try {
    const pglite = await PGlite.create(dir, { extensions: { btree_gist } });
    // One shared connection; a query that waits for it longer than this is a bug
    // (for example a query outside an open transaction), so fail loudly.
    const pool = new pg.Pool({
      ...createPgConfig(pglite),
      max: 1,
      idleTimeoutMillis: 0,
      connectionTimeoutMillis: 30_000,
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      kind: 'pglite',
      pool,
      readers: { snapshot: () => pglite.dumpDataDir('none') },
      close: async () => {
        try {
          await db.destroy();
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (err) {
    release();
    throw err;
  }
}
