// What a company can do to a meeting that is booked (scheduled or confirmed, whether it
// was booked outright or accepted), before it begins: cancel it with a reason the buyer
// reads, or propose another time. A proposal does not move the meeting: it holds the new
// time for the buyer beside it, and replaces the meeting only if the buyer accepts (see
// repositories/proposals.ts). Each change is one transaction that re-checks the row it
// read, so a buyer or staff change racing it wins or loses as a whole.
import { randomBytes } from 'node:crypto';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { SessionUser } from '../auth/user.ts';
import { MINUTE } from '../scheduling/intervals.ts';
import { cancelConsultation, findBookingById, hashToken, recordEvent } from '../repositories/bookings.ts';
import { heldOfRequest, lockBookedMeeting, tryInsertProposal } from '../repositories/proposals.ts';
import { enqueueConsultationMail, enqueueHeldMail } from '../jobs/consultation-mail-jobs.ts';
import { enqueueHoldExpiry } from '../jobs/hold-jobs.ts';
import { appSecret, manageTokenFor } from '../lib/manage-token.ts';
import { computeSlots, holdUntil, slotView, type SlotSearch } from './booking.ts';
import { slotSearchFor } from './manage.ts';
import { companyAccess } from './portal-company.ts';
import { current, propose, proposalOptions, type InboxDeps } from './company-inbox.ts';

const CHANGED = 'This meeting was moved, cancelled or changed meanwhile, or has begun; reload it.';

/** A booked meeting of this company that has not begun. */
async function bookedMeeting(deps: InboxDeps, companySlug: string, id: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const b = await findBookingById(deps.db, id);
  if (!b || b.companyId !== m.companyId) throw new NotFoundError(`No meeting ${id} for this company.`, { code: 'meeting-unknown' });
  if (b.status === 'held') throw new ConflictError('This request is not booked yet: accept, decline or propose another time instead.', { code: 'not-booked-yet' });
  if (!['scheduled', 'confirmed'].includes(b.status)) throw new ConflictError(`This meeting is ${b.status}; it cannot be changed.`, { code: 'meeting-not-changeable', state: b.status });
  if (b.startsAt.getTime() <= deps.now()) throw new ConflictError('This meeting has begun; it can no longer be changed.', { code: 'meeting-started' });
  return b;
}

export async function cancelMeeting(deps: InboxDeps, companySlug: string, id: string, user: SessionUser, reason: string) {
  const b = await bookedMeeting(deps, companySlug, id, user);
  await deps.db.transaction().execute(async (trx) => {
    const done = await cancelConsultation(trx, b.id, reason, { sequence: b.icsSequence, notBegunBy: new Date(deps.now()) });
    if (!done) throw new ConflictError(CHANGED, { code: 'meeting-changed' });
    await recordEvent(trx, {
      meetingRequestId: b.meetingRequestId, consultationId: b.id, event: 'cancelled', actorType: 'company', actorId: user.id, details: { reason },
    });
    // As when staff cancel: everyone (the interpreter too) gets the cancellation for their
    // calendar, the buyer with the reason. The home page counts only meetings held: no rebuild.
    await enqueueConsultationMail(deps.jobs, trx, { consultationId: b.id, event: 'cancelled', sequence: b.icsSequence + 1, interpreter: b.interpreterId !== null });
  });
  return current(deps.db, b.companyId, b.id);
}

type Booked = Awaited<ReturnType<typeof bookedMeeting>>;
const PENDING = 'A time you proposed is already waiting for the buyer\'s answer.';

/** Times every side can make beside the meeting, which keeps its own time meanwhile. */
async function moveSearch(deps: InboxDeps, b: Booked): Promise<SlotSearch> {
  return { ...(await slotSearchFor(deps, b)), excludeConsultationId: null };
}

async function isHeld(deps: InboxDeps, companySlug: string, id: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const b = await findBookingById(deps.db, id);
  return b?.companyId === m.companyId && b.status === 'held';
}

/** Times to propose: for a held request, instead of its time; for a booked meeting, to move it to. */
export async function optionsFor(deps: InboxDeps, companySlug: string, id: string, user: SessionUser) {
  if (await isHeld(deps, companySlug, id, user)) return proposalOptions(deps, companySlug, id, user);
  const b = await bookedMeeting(deps, companySlug, id, user);
  if (await heldOfRequest(deps.db, b.meetingRequestId)) throw new ConflictError(PENDING, { code: 'proposal-pending' });
  const search = await moveSearch(deps, b);
  const slots = await computeSlots(deps, search, deps.now());
  return { slots: slots.slice(0, 60).map((s) => slotView(s, b.buyerTimeZone, search.company.timeZone)) };
}

export async function proposeFor(deps: InboxDeps, companySlug: string, id: string, user: SessionUser, start: Date) {
  if (await isHeld(deps, companySlug, id, user)) return propose(deps, companySlug, id, user, start);
  return proposeMove(deps, companySlug, id, user, start);
}

async function proposeMove(deps: InboxDeps, companySlug: string, id: string, user: SessionUser, start: Date) {
  const b = await bookedMeeting(deps, companySlug, id, user);
  const now = deps.now();
  const slot = (await computeSlots(deps, await moveSearch(deps, b), now)).find((s) => s.start === start.getTime());
  if (!slot) throw new ConflictError('That time cannot be booked (the buyer, a room or an interpreter is not free). Pick another.', { code: 'slot-unavailable' });
  // The buyer answers before the earlier of the two times, so the meeting never begins undecided.
  const holdExpiresAt = holdUntil(now, Math.min(slot.start, b.startsAt.getTime()), deps.config.scheduling.holdHours);
  const videoRoom = `pavilion-${randomBytes(16).toString('hex')}`;
  const proposalId = await deps.db.transaction().execute(async (trx) => {
    const meeting = await lockBookedMeeting(trx, b.id, { sequence: b.icsSequence, notBegunBy: new Date(now) });
    if (!meeting) throw new ConflictError(CHANGED, { code: 'meeting-changed' });
    if (await heldOfRequest(trx, b.meetingRequestId)) throw new ConflictError(PENDING, { code: 'proposal-pending' });
    for (const roomId of slot.roomIds) {
      for (const interpreterId of b.interpreterLanguage ? slot.interpreterIds : [null]) {
        const inserted = await tryInsertProposal(trx, {
          meeting, roomId, interpreterId, startsAt: new Date(slot.start), endsAt: new Date(slot.end),
          roomFreeAt: new Date(slot.end + deps.config.scheduling.roomBufferMinutes * MINUTE), holdExpiresAt,
          videoRoom, manageTokenHash: hashToken(manageTokenFor(appSecret(deps.config), videoRoom)),
        });
        if (!inserted) continue;
        await recordEvent(trx, {
          meetingRequestId: b.meetingRequestId, consultationId: inserted, event: 'proposed', actorType: 'company', actorId: user.id,
          details: { from: b.startsAt.toISOString(), to: new Date(slot.start).toISOString(), replaces: b.id },
        });
        // The buyer answers through the proposal's own link, which the e-mail carries.
        await enqueueHeldMail(deps.jobs, trx, { consultationId: inserted, event: 'proposed', sequence: 0, movesFrom: b.startsAt });
        await enqueueHoldExpiry(deps.jobs, trx, inserted, holdExpiresAt);
        return inserted;
      }
    }
    return undefined;
  });
  if (!proposalId) throw new ConflictError('That time was just taken. Pick another.', { code: 'slot-taken' });
  return current(deps.db, b.companyId, proposalId);
}
