// A scratch database per test file: a fresh database on the PostgreSQL server named by
// TEST_DATABASE_URL (or DATABASE_URL), else an in-memory PGlite.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type DatabaseHandle } from '../db/database.ts';
import { loadConfig } from '../config.ts';

export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = loadConfig().testDatabaseUrl;
  if (!serverUrl) return openDatabase({ pgliteDir: 'memory://' });
  return createScratchDatabase(serverUrl, 'pavilion_test');
}

/** A fresh database on a PostgreSQL server; close() drops it. */
export async function createScratchDatabase(serverUrl: string, prefix: string): Promise<DatabaseHandle & { url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new URL(serverUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();

  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  return {
    ...handle,
    url: url.toString(),
    close: async () => {
      await handle.close();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      try {
        // Our pool's connections may still be closing on the server: forcing the drop now
        // would kill them mid-goodbye, and pg reports that as an unhandled error.
        for (let i = 0; i < 50; i++) {
          const { rows } = await c.query('select count(*)::int as n from pg_stat_activity where datname = $1', [name]);
          if (rows[0].n === 0) break;
          await new Promise((r) => setTimeout(r, 100));
        }
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}
