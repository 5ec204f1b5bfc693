// A hold that nobody answers ends by itself: a job due at its expiry declines it (if it
// is still held by then) and tells the buyer.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { declineHold, findHold } from '../repositories/holds.ts';
import { recordEvent } from '../repositories/bookings.ts';
import { meetingReplacedBy } from '../repositories/proposals.ts';
import { enqueueHeldMail } from './consultation-mail-jobs.ts';
import type { JobQueue } from './queue.ts';

export type HoldExpiryJob = { consultationId: string };

export async function enqueueHoldExpiry(jobs: JobQueue | undefined, trx: Kysely<any>, consultationId: string, at: Date): Promise<void> {
  await jobs?.insert(trx, 'holdExpiry', [{ data: { consultationId } satisfies HoldExpiryJob, startAfter: at }]);
}

/** Declines the hold if it has run out by `now`; a hold extended by a proposal is left alone. */
export async function expireHold(deps: { db: Kysely<Database>; jobs?: JobQueue | undefined }, consultationId: string, now: Date): Promise<boolean> {
  return deps.db.transaction().execute(async (trx) => {
    const hold = await findHold(trx, consultationId);
    if (!hold || hold.status !== 'held') return false;
    // A proposal to move a booked meeting lapses quietly: the meeting stays as booked.
    const replaced = await meetingReplacedBy(trx, consultationId);
    const reason = replaced ? 'The proposed time was not answered in time; the meeting stays at the time booked before.'
      : hold.awaiting === 'buyer' ? 'The proposed time was not answered in time.' : 'The company did not answer in time.';
    if (!(await declineHold(trx, consultationId, { reason, expiredBy: now }))) return false;
    await recordEvent(trx, { meetingRequestId: hold.meetingRequestId, consultationId, event: 'hold_expired', actorType: 'system' });
    if (!replaced) await enqueueHeldMail(deps.jobs, trx, { consultationId, event: 'declined', sequence: hold.icsSequence });
    return true;
  });
}
