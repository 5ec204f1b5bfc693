// A time the company proposes to move a booked meeting to. The meeting keeps its time; the
// proposal is a second consultation of the same request, held for the buyer (so the
// exclusion constraints reserve both times), that replaces the meeting if the buyer accepts
// and is dropped if they decline or let it expire.
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';

/** Locks the booked meeting as it was read (same sequence, not begun); undefined if it changed. */
export async function lockBookedMeeting(db: Db, id: string, seen: { sequence: number; notBegunBy: Date }) {
  return db.selectFrom('consultations')
    .select(['id', 'meeting_request_id as meetingRequestId', 'company_id as companyId', 'buyer_id as buyerId', 'interpreter_language as interpreterLanguage'])
    .where('id', '=', id).where('status', 'in', ['scheduled', 'confirmed'])
    .where('ics_sequence', '=', seen.sequence).where('starts_at', '>', seen.notBegunBy)
    .forUpdate().executeTakeFirst();
}

/** A proposal of the request still waiting for the buyer (or any held consultation of it). */
export async function heldOfRequest(db: Db, meetingRequestId: string, exceptId?: string) {
  let q = db.selectFrom('consultations').select('id').where('meeting_request_id', '=', meetingRequestId).where('status', '=', 'held');
  if (exceptId) q = q.where('id', '<>', exceptId);
  return (await q.executeTakeFirst())?.id;
}

/**
 * The booked meeting a held consultation would replace, if it is a proposal to move one;
 * locked, so whoever changes both rows (a cancellation withdrawing the proposal, an
 * acceptance cancelling the meeting) takes the meeting's lock first and none deadlocks.
 */
export async function meetingReplacedBy(db: Db, proposalId: string) {
  return db.selectFrom('consultations as p')
    .innerJoin('consultations as o', 'o.meeting_request_id', 'p.meeting_request_id')
    .select(['o.id', 'o.starts_at as startsAt', 'o.ics_sequence as icsSequence'])
    .where('p.id', '=', proposalId).where('o.id', '<>', proposalId).where('o.status', 'in', ['scheduled', 'confirmed'])
    .forUpdate('o')
    .executeTakeFirst();
}

/** Inserts the proposal unless the time is taken (exclusion constraints, closed resource): then undefined. */
export async function tryInsertProposal(
  db: Db,
  p: {
    meeting: { meetingRequestId: string; companyId: string; buyerId: string; interpreterLanguage: string | null };
    roomId: string; interpreterId: string | null; startsAt: Date; endsAt: Date; roomFreeAt: Date; holdExpiresAt: Date;
    videoRoom: string; manageTokenHash: string;
  },
): Promise<string | undefined> {
  const m = p.meeting;
  const { rows } = await sql<{ id: string }>`
    insert into consultations (meeting_request_id, company_id, buyer_id, room_id, interpreter_id, interpreter_language,
      starts_at, ends_at, room_free_at, video_room, manage_token_hash, status, awaiting, hold_expires_at)
    values (${m.meetingRequestId}, ${m.companyId}, ${m.buyerId}, ${p.roomId}, ${p.interpreterId}, ${p.interpreterId ? m.interpreterLanguage : null},
      ${p.startsAt}, ${p.endsAt}, ${p.roomFreeAt}, ${p.videoRoom}, ${p.manageTokenHash}, 'held', 'buyer', ${p.holdExpiresAt})
    on conflict do nothing
    returning id`.execute(db);
  return rows[0]?.id;
}

/** The buyer accepted a proposal: the meeting it replaces is cancelled and its time freed,
 * unless it has begun by `now` (undefined: nothing changed). */
export async function cancelReplacedMeeting(db: Db, id: string, now: Date, reason: string) {
  const row = await db.updateTable('consultations')
    .set((eb) => ({ status: 'cancelled', ics_sequence: eb('ics_sequence', '+', 1), decline_reason: reason, updated_at: new Date() }))
    .where('id', '=', id).where('status', 'in', ['scheduled', 'confirmed']).where('starts_at', '>', now)
    .returning(['ics_sequence as icsSequence', 'interpreter_id as interpreterId'])
    .executeTakeFirst();
  return row;
}
