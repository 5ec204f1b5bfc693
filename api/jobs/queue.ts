// The job queue: pg-boss in PostgreSQL, so a write and the jobs it causes (e-mails now;
// search sync and site rebuilds later) commit or vanish together. pg-boss owns its schema
// (`pgboss`), creating and upgrading it itself.
import { createHash } from 'node:crypto';
import { PgBoss } from 'pg-boss';
import { CompiledQuery, type Kysely } from 'kysely';
import type { DatabaseHandle } from '../db/database.ts';
import type { Logger } from '../lib/logger.ts';

export const QUEUES = { email: 'email', searchSync: 'search-sync', siteBuild: 'site-build', holdExpiry: 'hold-expiry' } as const;

export type JobQueue = {
  boss: PgBoss;
  /** Enqueues jobs inside the caller's transaction, in one statement. */
  insert: (trx: Kysely<any>, queue: keyof typeof QUEUES, jobs: { data: object; singletonKey?: string; startAfter?: Date }[]) => Promise<void>;
  stop: () => Promise<void>;
};

export type JobQueueOptions = {
  pollingIntervalSeconds?: number;
  /** How long an e-mail or search-sync job stays with the process that took it (Config.jobs.leaseSeconds). */
  leaseSeconds?: number;
};

const names = new Map<string, string>();
/** A name for one of pg-boss's statement texts, so a server prepares it once per connection. */
function preparedName(text: string): string {
  let name = names.get(text);
  if (!name) names.set(text, (name = `pgboss-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`));
  return name;
}

/**
 * pg-boss's statements inside the caller's transaction (pg-boss's own fromKysely, plus one
 * thing): its insert is marked to be prepared (api/db/prepared.ts). Its text is fixed per
 * queue, and a booking spent as long parsing and planning it as running it.
 */
function inTransaction(trx: Kysely<any>) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      const marked = /^\s*INSERT INTO pgboss\./.test(text) ? `/*prepared:${preparedName(text)}*/${text}` : text;
      const result = await trx.executeQuery(CompiledQuery.raw(marked, values ?? []));
      return { rows: [...result.rows] };
    },
  };
}

export async function startJobQueue(handle: DatabaseHandle, log: Logger, opts: JobQueueOptions = {}): Promise<JobQueue> {
  const lease = opts.leaseSeconds ?? 120;
  // Through our own pool: PGlite is one session, so nothing may bypass the pool's single
  // connection (a query sent beside it would land inside another caller's transaction).
  // Multi-statement plans come back from pg as one result per statement; pg-boss wants
  // every statement's rows.
  const db = {
    async executeSql(text: string, values?: unknown[]) {
      const result = await handle.pool.query(text, values && values.length ? values : undefined);
      const results = Array.isArray(result) ? result : [result];
      return { rows: results.flatMap((r) => r.rows ?? []) };
    },
  };
  const boss = new PgBoss({
    db,
    backend: handle.kind === 'pglite' ? 'pglite' : 'postgres',
    schedule: false,
    pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 1,
    // A lapsed lease is only noticed by the supervisor's pass: within half a lease, at most the
    // default minute, so a dead process's jobs wait about 1.5 leases before another takes them.
    superviseIntervalSeconds: Math.min(60, Math.ceil(lease / 2)),
    monitorIntervalSeconds: Math.min(60, Math.ceil(lease / 2)),
  } as ConstructorParameters<typeof PgBoss>[0]);
  boss.on('error', (err: Error) => log.error('Job queue', err));
  await boss.start();
  await boss.createQueue(QUEUES.email, { retryLimit: 8, retryDelay: 5, retryBackoff: true, expireInSeconds: lease });
  // Search may be down for a while: keep retrying (backoff up to 5 minutes) for about a day.
  await boss.createQueue(QUEUES.searchSync, { policy: 'stately', retryLimit: 300, retryDelay: 2, retryBackoff: true, retryDelayMax: 300, expireInSeconds: lease });
  // createQueue leaves an existing queue as it was: a changed lease applies to jobs enqueued from now on.
  for (const name of [QUEUES.email, QUEUES.searchSync]) await boss.updateQueue(name, { expireInSeconds: lease });
  await boss.createQueue(QUEUES.holdExpiry, { retryLimit: 20, retryDelay: 10, retryBackoff: true, expireInSeconds: 60 });
  await boss.createQueue(QUEUES.siteBuild, { policy: 'stately', retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 900 });
  return {
    boss,
    insert: async (trx, queue, jobs) => {
      if (jobs.length > 0) await boss.insert(QUEUES[queue], jobs, { db: inTransaction(trx) });
    },
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}
