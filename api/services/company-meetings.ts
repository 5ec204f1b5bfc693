// What a company can do to a meeting that is booked (scheduled or confirmed, whether it
// was booked outright or accepted): cancel it with a reason the buyer reads, before it
// begins. Each change is one transaction whose update re-checks the row it read, so a
// buyer or staff change racing it wins or loses as a whole.
import { ConflictError, NotFoundError } from '../errors.ts';
import type { SessionUser } from '../auth/user.ts';
import { cancelConsultation, findBookingById, recordEvent } from '../repositories/bookings.ts';
import { enqueueConsultationMail } from '../jobs/consultation-mail-jobs.ts';
import { companyAccess } from './portal-company.ts';
import { current, type InboxDeps } from './company-inbox.ts';

const CHANGED = 'This meeting was moved, cancelled or changed meanwhile, or has begun; reload it.';

/** A booked meeting of this company that has not begun. */
async function bookedMeeting(deps: InboxDeps, companySlug: string, id: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const b = await findBookingById(deps.db, id);
  if (!b || b.companyId !== m.companyId) throw new NotFoundError(`No meeting ${id} for this company.`);
  if (b.status === 'held') throw new ConflictError('This request is not booked yet: accept, decline or propose another time instead.');
  if (!['scheduled', 'confirmed'].includes(b.status)) throw new ConflictError(`This meeting is ${b.status}; it cannot be changed.`);
  if (b.startsAt.getTime() <= deps.now()) throw new ConflictError('This meeting has begun; it can no longer be changed.');
  return b;
}

export async function cancelMeeting(deps: InboxDeps, companySlug: string, id: string, user: SessionUser, reason: string) {
  const b = await bookedMeeting(deps, companySlug, id, user);
  await deps.db.transaction().execute(async (trx) => {
    const done = await cancelConsultation(trx, b.id, reason, { sequence: b.icsSequence, notBegunBy: new Date(deps.now()) });
    if (!done) throw new ConflictError(CHANGED);
    await recordEvent(trx, {
      meetingRequestId: b.meetingRequestId, consultationId: b.id, event: 'cancelled', actorType: 'company', actorId: user.id, details: { reason },
    });
    // As when staff cancel: everyone (the interpreter too) gets the cancellation for their
    // calendar, the buyer with the reason. The home page counts only meetings held: no rebuild.
    await enqueueConsultationMail(deps.jobs, trx, { consultationId: b.id, event: 'cancelled', sequence: b.icsSequence + 1 });
  });
  return current(deps.db, b.companyId, b.id);
}
