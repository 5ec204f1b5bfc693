// The workers every hall process runs. pg-boss hands each job to one worker, whichever
// process claims it, one job per fetch (so a failure retries only the message that
// failed), and retries failures with backoff.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../lib/logger.ts';
import { createMailer, type Mailer } from '../mail/transport.ts';
import { consultationMailWorker, type MailJob } from './consultation-mail-jobs.ts';
import { QUEUES, type JobQueue } from './queue.ts';
import { accountMailWorker, type AccountMailJob } from './account-mail-jobs.ts';

export async function startWorkers(queue: JobQueue, deps: { db: Kysely<Database>; config: Config; log: Logger; mailer?: Mailer }): Promise<Mailer> {
  const mailer = deps.mailer ?? createMailer(deps.config.mail);
  const sendMail = consultationMailWorker({ ...deps, mailer });
  const sendAccountMail = accountMailWorker(mailer);
  await queue.boss.work<MailJob | AccountMailJob>(QUEUES.email, { batchSize: 1 }, async (jobs) => {
    for (const job of jobs) {
      if ('kind' in job.data && job.data.kind === 'account') await sendAccountMail(job.data);
      else await sendMail(job.data as MailJob);
    }
  });
  return mailer;
}
