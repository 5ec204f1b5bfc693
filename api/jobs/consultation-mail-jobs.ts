// E-mail jobs of a consultation: enqueued in the transaction that changed it, sent by a
// worker that reads the consultation as it is then and retries on failure.
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../lib/logger.ts';
import { findConsultation, findInterpreterContact, findRecipients } from '../repositories/bookings.ts';
import { consultationIcs } from '../services/invitation.ts';
import { consultationMail, type MailEvent, type Recipient } from '../mail/consultation-mail.ts';
import type { Mailer } from '../mail/transport.ts';
import type { JobQueue } from './queue.ts';
import { appSecret, manageTokenFor } from '../lib/manage-token.ts';

export type MailJob = {
  consultationId: string;
  event: MailEvent;
  sequence: number;
  role: Recipient['role'];
  /** Jobs enqueued before manage tokens were derived carry the buyer's token. */
  manageToken?: string;
  /** A proposal to move a booked meeting: when the meeting is now (it stays there if the buyer declines). */
  movesFrom?: string;
  /** A 'released' mail goes to this interpreter (the one replaced), not the current one. */
  interpreterId?: string;
};

/** Who hears about what: nobody is invited before the company has accepted. */
const AUDIENCE: Record<MailEvent, Recipient['role'][]> = {
  scheduled: ['buyer', 'company', 'interpreter'],
  rescheduled: ['buyer', 'company', 'interpreter'],
  cancelled: ['buyer', 'company', 'interpreter'],
  updated: ['buyer', 'company', 'interpreter'],
  released: ['interpreter'],
  'reminder-24h': ['buyer', 'company', 'interpreter'],
  'reminder-1h': ['buyer', 'company', 'interpreter'],
  held: ['buyer', 'company'],
  proposed: ['buyer'],
  declined: ['buyer'],
};

/** The e-mails of a hold and its outcome (no calendar invitation yet). */
export async function enqueueHeldMail(
  jobs: JobQueue | undefined,
  trx: Kysely<Database>,
  m: { consultationId: string; event: 'held' | 'proposed' | 'declined'; sequence: number; movesFrom?: Date },
): Promise<void> {
  if (!jobs) return;
  await jobs.insert(trx, 'email', AUDIENCE[m.event].map((role) => ({
    data: { consultationId: m.consultationId, event: m.event, sequence: m.sequence, role, ...(m.movesFrom ? { movesFrom: m.movesFrom.toISOString() } : {}) } satisfies MailJob,
    singletonKey: `${m.consultationId}:${m.event}:${m.sequence}:${role}`,
  })));
}

const REMINDERS = [
  { event: 'reminder-24h', before: 24 * 3_600_000 },
  { event: 'reminder-1h', before: 3_600_000 },
] as const;

/**
 * Enqueues a change's e-mails for everyone and, for a meeting that is booked, moved or
 * given new details (`startsAt` set), the reminders 24 h and 1 h before it (those still
 * ahead of `now`). A reminder carries the sequence it was made for: after any later change
 * the worker drops it, so every change that raises the sequence queues them again.
 * `interpreter: false` says the consultation has none: no interpreter jobs that would find
 * nobody to write to (a third of a booking's job rows).
 */
export async function enqueueConsultationMail(
  jobs: JobQueue | undefined,
  trx: Kysely<Database>,
  m: {
    consultationId: string; event: 'scheduled' | 'rescheduled' | 'updated' | 'cancelled'; sequence: number; startsAt?: Date; now?: number;
    /** Whether an interpreter is booked: without one, no interpreter jobs are queued. */
    interpreter: boolean;
    /** The interpreter a change replaced: they receive a cancellation for their calendar. */
    formerInterpreterId?: string | null;
  },
): Promise<void> {
  if (!jobs) return;
  const sends: { event: MailEvent; startAfter?: Date }[] = [{ event: m.event }];
  if (m.event !== 'cancelled' && m.startsAt) {
    for (const r of REMINDERS) {
      const at = m.startsAt.getTime() - r.before;
      if (at > (m.now ?? Date.now())) sends.push({ event: r.event, startAfter: new Date(at) });
    }
  }
  const all = sends.flatMap((send) =>
    (!m.interpreter ? (['buyer', 'company'] as const) : (['buyer', 'company', 'interpreter'] as const)).map((role) => {
      const data: MailJob = { consultationId: m.consultationId, event: send.event, sequence: m.sequence, role };
      // The key names the message (change, kind, recipient), for tracing and de-duplication.
      return { data, singletonKey: `${m.consultationId}:${send.event}:${m.sequence}:${role}`, ...(send.startAfter ? { startAfter: send.startAfter } : {}) };
    }),
  );
  if (m.formerInterpreterId) {
    const data: MailJob = { consultationId: m.consultationId, event: 'released', sequence: m.sequence, role: 'interpreter', interpreterId: m.formerInterpreterId };
    all.push({ data, singletonKey: `${m.consultationId}:released:${m.sequence}:interpreter-${m.formerInterpreterId}` });
  }
  await jobs.insert(trx, 'email', all);
}

/**
 * One batch's reads, by consultation id: a change's jobs (buyer, company, interpreter) come
 * in one batch and read the consultation once. Each batch starts with an empty one.
 */
export type MailBatch = Map<string, ReturnType<typeof readConsultation>>;

const readConsultation = (db: Kysely<Database>, id: string) => Promise.all([findConsultation(db, id), findRecipients(db, id)]);
/** The invitation, rendered once for every recipient of one read of a consultation. */
const invitations = new WeakMap<object, string>();

export function consultationMailWorker(deps: { db: Kysely<Database>; config: Config; mailer: Mailer; log: Logger }) {
  return async (job: MailJob, batch: MailBatch = new Map()): Promise<void> => {
    let read = batch.get(job.consultationId);
    if (!read) batch.set(job.consultationId, (read = readConsultation(deps.db, job.consultationId)));
    const [c, people] = await read;
    if (!c || !people) return; // gone: nothing to tell
    // A reminder is for the meeting as it was when enqueued: moved or cancelled since, it is void.
    if (job.event.startsWith('reminder') && (c.icsSequence !== job.sequence || !['held', 'scheduled', 'confirmed'].includes(c.status))) return;
    const former = job.interpreterId ? await findInterpreterContact(deps.db, job.interpreterId) : undefined;
    const recipients: Recipient[] =
      job.interpreterId ? (former ? [{ role: 'interpreter', ...former }] : [])
      : job.role === 'buyer' ? [{ role: 'buyer', email: people.buyerEmail, timeZone: people.buyerTimeZone }]
      : job.role === 'company' ? people.companyEmails.map((email) => ({ role: 'company' as const, email, timeZone: people.companyTimeZone }))
      : people.interpreterEmail ? [{ role: 'interpreter', email: people.interpreterEmail, timeZone: people.interpreterTimeZone ?? 'Asia/Seoul' }]
      : [];
    let ics = job.event === 'released' ? consultationIcs(c, deps.config, true) : invitations.get(c);
    if (ics === undefined) invitations.set(c, (ics = consultationIcs(c, deps.config)));
    const videoUrl = `${deps.config.videoBaseUrl}${c.videoRoom}`;
    if (!AUDIENCE[job.event].includes(job.role)) return;
    // The private link goes to the buyer alone.
    const token = job.role === 'buyer' ? (job.manageToken ?? manageTokenFor(appSecret(deps.config), c.videoRoom)) : undefined;
    const manageUrl = token ? `${deps.config.publicUrl}/api/manage/${token}` : undefined;
    const portalUrl = `${deps.config.publicUrl}/portal/`;
    for (const [n, to] of recipients.entries()) {
      const mail = consultationMail(c, job.event, to, { videoUrl, manageUrl, portalUrl, ics, ...(job.movesFrom ? { movesFrom: new Date(job.movesFrom) } : {}) });
      await deps.mailer.send({ key: `c${c.id}-${job.event}-s${job.sequence}-${job.role}-${n}`, to: to.email, ...mail });
    }
  };
}
