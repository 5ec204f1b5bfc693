// Account e-mails (verification, password reset, company invitations) go through the same queue as the rest:
// the request answers at once, whatever the mail server does, and a failed send retries.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
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

/**
 * Enqueues an account e-mail inside the caller's transaction (an invitation and its e-mail
 * commit or vanish together). Without a queue (tests of other things) nothing is sent.
 */
export async function enqueueAccountMail(
  jobs: JobQueue | undefined,
  trx: Kysely<any>,
  m: { kind: string; to: string; subject: string; text: string; url: string },
): Promise<void> {
  if (!jobs) return;
  // As for better-auth's mails: the key names the link, so a retry overwrites its own file.
  const key = `account-${m.kind}-${createHash('sha256').update(m.url).digest('hex').slice(0, 20)}`;
  const data: AccountMailJob = { kind: 'account', key, to: m.to, subject: m.subject, text: m.text };
  await jobs.insert(trx, 'email', [{ data, singletonKey: key }]);
}

export function accountMailWorker(mailer: Mailer) {
  return async (job: AccountMailJob): Promise<void> => {
    await mailer.send({ key: job.key, to: job.to, subject: job.subject, text: job.text });
  };
}
