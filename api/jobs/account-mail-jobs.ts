// Account e-mails (verification, password reset) go through the same queue as the rest:
// the request answers at once, whatever the mail server does, and a failed send retries.
import type { SendAccountMail } from '../auth/auth.ts';
import type { Mailer } from '../mail/transport.ts';
import { QUEUES, type JobQueue } from './queue.ts';

export type AccountMailJob = { kind: 'account'; key: string; to: string; subject: string; text: string };

export function queueAccountMail(jobs: JobQueue): SendAccountMail {
  return async (m) => {
    const data: AccountMailJob = { kind: 'account', ...m };
    await jobs.boss.send(QUEUES.email, data, { singletonKey: m.key });
  };
}

export function accountMailWorker(mailer: Mailer) {
  return async (job: AccountMailJob): Promise<void> => {
    await mailer.send({ key: job.key, to: job.to, subject: job.subject, text: job.text });
  };
}
