// A held consultation's way out: accepted, declined, moved to a proposed time, or expired.
// Each update names the state it expects, so two answers racing each other cannot both win.
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';
import { closeRequestIfDone } from './bookings.ts';

type Turn = 'company' | 'buyer';

export async function acceptHold(db: Db, id: string, by: Turn): Promise<boolean> {
  const row = await db.updateTable('consultations')
    .set({ status: 'scheduled', awaiting: null, hold_expires_at: null, updated_at: sql`now()` })
    .where('id', '=', id).where('status', '=', 'held').where('awaiting', '=', by)
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

/** Ends the hold without a meeting; `expiredBy` set: only if the hold has run out by then. */
export async function declineHold(db: Db, id: string, opts: { by?: Turn; reason: string; expiredBy?: Date }): Promise<boolean> {
  let q = db.updateTable('consultations')
    .set({ status: 'declined', awaiting: null, hold_expires_at: null, decline_reason: opts.reason, updated_at: sql`now()` })
    .where('id', '=', id).where('status', '=', 'held');
  if (opts.by) q = q.where('awaiting', '=', opts.by);
  if (opts.expiredBy) q = q.where('hold_expires_at', '<=', opts.expiredBy);
  const row = await q.returning('meeting_request_id').executeTakeFirst();
  if (!row) return false;
  await closeRequestIfDone(db, row.meeting_request_id);
  return true;
}

/**
 * Moves a held consultation to the time the company proposes and hands the turn to the
 * buyer. The exclusion constraints check the new time (23P01 when it is taken).
 */
export async function proposeTime(
  db: Db,
  c: { id: string; roomId: string; interpreterId: string | null; startsAt: Date; endsAt: Date; roomFreeAt: Date; holdExpiresAt: Date },
): Promise<boolean> {
  const row = await db.updateTable('consultations')
    .set((eb) => ({
      room_id: c.roomId, interpreter_id: c.interpreterId, starts_at: c.startsAt, ends_at: c.endsAt, room_free_at: c.roomFreeAt,
      awaiting: 'buyer', hold_expires_at: c.holdExpiresAt, ics_sequence: eb('ics_sequence', '+', 1), updated_at: sql`now()`,
    }))
    .where('id', '=', c.id).where('status', '=', 'held').where('awaiting', '=', 'company')
    .returning('id').executeTakeFirst();
  return row !== undefined;
}

export async function findHold(db: Db, id: string) {
  return db.selectFrom('consultations as c')
    .innerJoin('meeting_requests as m', 'm.id', 'c.meeting_request_id')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select([
      'c.id', 'c.meeting_request_id as meetingRequestId', 'c.company_id as companyId', 'c.status', 'c.awaiting',
      'c.hold_expires_at as holdExpiresAt', 'c.starts_at as startsAt', 'c.interpreter_language as interpreterLanguage',
      'c.ics_sequence as icsSequence', 'm.time_zone as buyerTimeZone', 'm.language', 'b.email as buyerEmail', 'c.buyer_id as buyerId',
    ])
    .where('c.id', '=', id)
    .executeTakeFirst();
}
