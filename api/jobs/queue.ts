// The job queue: pg-boss in PostgreSQL, so a write and the jobs it causes (e-mails now;
// search sync and site rebuilds later) commit or vanish together. pg-boss owns its schema
// (`pgboss`), creating and upgrading it itself.
import { PgBoss, fromKysely } from 'pg-boss';
import type { Kysely } from 'kysely';
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
      if (jobs.length > 0) await boss.insert(QUEUES[queue], jobs, { db: fromKysely(trx) });
    },
    stop: async () => {
      await boss.stop({ graceful: true, timeout: 5_000 });
    },
  };
}
