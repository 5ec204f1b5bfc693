// Account e-mails (verification, password reset, company invitations) go through the same queue as the rest:
// the request answers at once, whatever the mail server does, and a failed send retries.
//
// A job never holds its link's token in plain form, nor the e-mail's text (which holds the
// link): anyone who can read pgboss.job would otherwise hold working sign-up, reset and
// invitation links. The job keeps what the e-mail is made of, with the link sealed under the
// app secret (lib/sealed-link.ts); the worker opens it and writes the e-mail just before
// sending. An invitation's job names the invitation, which the worker reads then: one revoked,
// accepted or expired meanwhile is not sent.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { openLink, sealLink } from '../lib/sealed-link.ts';
import { accountMail, invitationMail, type AccountMailKind } from '../mail/account-mail.ts';
import type { Mailer } from '../mail/transport.ts';
import { companyNames, findInvitationById } from '../repositories/members.ts';
import { QUEUES, type JobQueue } from './queue.ts';

/** Verification or reset: the address, the greeting's name and language, the sealed link. */
export type SealedAccountMail = { mail: AccountMailKind; to: string; name: string; locale: string; link: string };
type InvitationMailJob = { kind: 'account'; key: string; mail: 'invite'; invitationId: string; locale: string; link: string };
/** Jobs enqueued before links were sealed carried the finished e-mail; they are still sent. */
type LegacyAccountMailJob = { kind: 'account'; key: string; to: string; subject: string; text: string };

export type AccountMailJob = ({ kind: 'account'; key: string } & SealedAccountMail) | InvitationMailJob | LegacyAccountMailJob;

/** What better-auth's e-mails hand the sender: the e-mail as written, and its sealed form for a queue. */
export type AccountMessage = { key: string; to: string; subject: string; text: string; sealed: SealedAccountMail };

export function sealedAccountMail(secret: string, m: { kind: AccountMailKind; to: string; name: string; locale: string; url: string }): SealedAccountMail {
  return { mail: m.kind, to: m.to, name: m.name, locale: m.locale, link: sealLink(secret, m.url) };
}

export function queueAccountMail(jobs: JobQueue): (m: AccountMessage) => Promise<void> {
  return async (m) => {
    const data: AccountMailJob = { kind: 'account', key: m.key, ...m.sealed };
    await jobs.boss.send(QUEUES.email, data, { singletonKey: m.key });
  };
}

/**
 * Enqueues an invitation's e-mail inside the caller's transaction (an invitation and its
 * e-mail commit or vanish together). Without a queue (tests of other things) nothing is sent.
 */
export async function enqueueInvitationMail(
  jobs: JobQueue | undefined,
  trx: Kysely<any>,
  m: { invitationId: string; locale: string; url: string; secret: string },
): Promise<void> {
  if (!jobs) return;
  // The key names the invitation, so a retry overwrites its own outbox file.
  const key = `account-invite-${m.invitationId}`;
  const data: AccountMailJob = { kind: 'account', key, mail: 'invite', invitationId: m.invitationId, locale: m.locale, link: sealLink(m.secret, m.url) };
  await jobs.insert(trx, 'email', [{ data, singletonKey: key }]);
}

/** The e-mail a job stands for, written now; undefined when there is nothing to send. */
export async function writeAccountMail(
  deps: { db: Kysely<Database>; secret: string; now?: () => number },
  job: AccountMailJob,
): Promise<{ to: string; subject: string; text: string } | undefined> {
  if ('text' in job) return { to: job.to, subject: job.subject, text: job.text };
  const url = openLink(deps.secret, job.link);
  if (job.mail !== 'invite') return { to: job.to, ...accountMail({ kind: job.mail, name: job.name, locale: job.locale, url }) };
  const invitation = await findInvitationById(deps.db, job.invitationId);
  const now = deps.now?.() ?? Date.now();
  // Revoked, used or expired before the e-mail went out: the link would only disappoint.
  if (!invitation || invitation.acceptedAt || invitation.revokedAt || invitation.expiresAt.getTime() <= now) return undefined;
  const names = await companyNames(deps.db, invitation.companyId);
  const company = (job.locale === 'ko' ? names.ko : names.en) || names.en || names.ko || names.slug;
  const days = Math.round((invitation.expiresAt.getTime() - invitation.createdAt.getTime()) / (24 * 3600 * 1000));
  return { to: invitation.email, ...invitationMail({ locale: job.locale, inviter: invitation.invitedByName ?? company, company, url, days }) };
}

export function accountMailWorker(deps: { mailer: Mailer; db: Kysely<Database>; secret: string }) {
  return async (job: AccountMailJob): Promise<void> => {
    const mail = await writeAccountMail(deps, job);
    if (mail) await deps.mailer.send({ key: job.key, ...mail });
  };
}
