// The workers every hall process runs. pg-boss hands each job to one worker, whichever
// process claims it, one job per fetch (so a failure retries only the message that
// failed), and retries failures with backoff.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../lib/logger.ts';
import { createMailer, type Mailer } from '../mail/transport.ts';
import { consultationMailWorker, type MailBatch, type MailJob } from './consultation-mail-jobs.ts';
import { QUEUES, type JobQueue } from './queue.ts';
import { accountMailWorker, type AccountMailJob } from './account-mail-jobs.ts';
import { appSecret } from '../lib/manage-token.ts';
import type { SearchSyncJob, SiteBuildJob } from './catalogue-jobs.ts';
import type { Meilisearch } from 'meilisearch';
import { syncProducts } from '../../search/sync.ts';
import { expireHold, type HoldExpiryJob } from './hold-jobs.ts';

export type WorkerDeps = {
  db: Kysely<Database>;
  config: Config;
  log: Logger;
  mailer?: Mailer;
  /** The search engine's client; undefined when search is off (the next start reindexes). */
  searchClient?: () => Meilisearch | undefined;
  /** Rebuilds the static site when the catalogue changed. */
  site?: { ensureBuilt: () => Promise<'built' | 'reused' | 'failed'> };
};

export async function startWorkers(queue: JobQueue, deps: WorkerDeps): Promise<Mailer> {
  const mailer = deps.mailer ?? createMailer(deps.config.mail);
  const sendMail = consultationMailWorker({ ...deps, mailer });
  const sendAccountMail = accountMailWorker({ mailer, db: deps.db, secret: appSecret(deps.config) });
  // Batches of ten, fetched back to back while batches come back full: a burst of bookings
  // (or a committed week plan) sends its e-mails at once, not one per polling interval. Each
  // job settles on its own, so a message that fails is retried without re-sending the ones
  // beside it that went out.
  await queue.boss.work<MailJob | AccountMailJob>(QUEUES.email, { batchSize: 10, burstWhenBatchFull: true, perJobResults: true }, async (jobs) => {
    const results: { id: string; status: 'completed' | 'failed'; output?: object }[] = [];
    const batch: MailBatch = new Map();
    for (const job of jobs) {
      try {
        if ('kind' in job.data && job.data.kind === 'account') await sendAccountMail(job.data);
        else await sendMail(job.data as MailJob, batch);
        results.push({ id: job.id, status: 'completed' });
      } catch (err) {
        deps.log.warn(`E-mail not sent yet (will retry): ${(err as Error).message}`);
        results.push({ id: job.id, status: 'failed', output: { message: (err as Error).message } });
      }
    }
    return results;
  });
  await queue.boss.work<SearchSyncJob>(QUEUES.searchSync, { batchSize: 20 }, async (jobs) => {
    const client = deps.searchClient?.();
    if (!client) return;
    // Throws while the engine is down: pg-boss retries with backoff until it is back.
    const productIds = jobs.flatMap((j) => ('productId' in j.data ? [j.data.productId] : []));
    const companyIds = jobs.flatMap((j) => ('companyId' in j.data ? [j.data.companyId] : []));
    await syncProducts(deps.db, client, productIds, companyIds);
  });
  await queue.boss.work<HoldExpiryJob>(QUEUES.holdExpiry, { batchSize: 1 }, async (jobs) => {
    for (const job of jobs) await expireHold({ db: deps.db, jobs: queue }, job.data.consultationId, new Date());
  });
  if (deps.site) {
    const site = deps.site;
    await queue.boss.work<SiteBuildJob>(QUEUES.siteBuild, { batchSize: 1 }, async () => {
      // A failed build keeps the previous site serving (and shows in /api/health); retry later.
      if ((await site.ensureBuilt()) === 'failed') throw new Error('Site build failed');
    });
  }
  return mailer;
}
