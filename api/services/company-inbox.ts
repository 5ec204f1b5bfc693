// The company's side of its meetings: the inbox of requests and consultations, accepting,
// declining or proposing another time for a held request, and recording the outcome.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import type { SessionUser } from '../auth/user.ts';
import { MINUTE } from '../scheduling/intervals.ts';
import { recordEvent } from '../repositories/bookings.ts';
import { acceptHold, declineHold, findHold, proposeTime } from '../repositories/holds.ts';
import { findCompanyConsultation, listCompanyConsultations, listCompanyQueuedRequests, recordOutcome, type Outcome } from '../repositories/inbox.ts';
import { enqueueConsultationMail, enqueueHeldMail } from '../jobs/consultation-mail-jobs.ts';
import { enqueueHoldExpiry } from '../jobs/hold-jobs.ts';
import { enqueueSiteRefresh } from '../jobs/catalogue-jobs.ts';
import { computeSlots, holdUntil, moveToFreeResource, slotView, type BookingDeps } from './booking.ts';
import { slotSearchFor } from './manage.ts';
import { companyAccess } from './portal-company.ts';

export type InboxDeps = BookingDeps;

function view(row: Awaited<ReturnType<typeof listCompanyConsultations>>[number]) {
  const times = slotView({ start: row.startsAt.getTime(), end: row.endsAt.getTime() }, row.buyerTimeZone, row.companyTimeZone);
  return {
    id: row.id,
    status: row.status,
    awaiting: row.awaiting,
    holdExpiresAt: row.holdExpiresAt?.toISOString() ?? null,
    startsAt: times.start,
    endsAt: times.end,
    koreaTime: times.koreaTime,
    buyerTime: times.buyerTime,
    // What the company needs to prepare: who and from where, not how to reach them.
    buyer: { name: row.buyerName, company: row.buyerCompany, country: row.buyerCountry, language: row.language },
    product: row.productSlug,
    message: row.message,
    room: { name: row.roomName, location: row.roomLocation },
    interpreter: row.interpreterLanguage ? { language: row.interpreterLanguage } : null,
    declineReason: row.declineReason,
    outcome: row.outcome,
    dealValueUsd: row.dealValueUsd === null ? null : Number(row.dealValueUsd),
  };
}

export async function inbox(deps: InboxDeps, companySlug: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const [rows, queued] = await Promise.all([
    listCompanyConsultations(deps.db, m.companyId, new Date(deps.now() - 60 * 24 * 60 * MINUTE)),
    listCompanyQueuedRequests(deps.db, m.companyId),
  ]);
  // A booked meeting with a time proposed beside it, still waiting for the buyer.
  const proposing = new Set(rows.filter((r) => r.status === 'held' && r.awaiting === 'buyer').map((r) => r.meetingRequestId));
  const items = rows.map((r) => ({ ...view(r), proposalPending: ['scheduled', 'confirmed'].includes(r.status) && proposing.has(r.meetingRequestId) }));
  return {
    waitingForYou: items.filter((i) => i.status === 'held' && i.awaiting === 'company'),
    consultations: items.filter((i) => !(i.status === 'held' && i.awaiting === 'company')),
    // Read-only: the programme team places these (the company cannot book rooms or interpreters).
    waitingForProgramme: queued.map((q) => ({
      id: q.id, requestedAt: q.createdAt.toISOString(), product: q.productSlug,
      buyer: { name: q.buyerName, company: q.buyerCompany, country: q.buyerCountry },
    })),
  };
}

async function companyHold(deps: InboxDeps, companySlug: string, id: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const hold = await findHold(deps.db, id);
  if (!hold || hold.companyId !== m.companyId) throw new NotFoundError(`No meeting ${id} for this company.`, { code: 'meeting-unknown' });
  if (hold.status !== 'held' || hold.awaiting !== 'company') throw new ConflictError('This request is not waiting for your answer any more.', { code: 'not-awaiting-answer', state: hold.status });
  return hold;
}

/** The consultation as the company's inbox shows it. */
export const current = async (db: Kysely<Database>, companyId: string, id: string) => {
  const row = await findCompanyConsultation(db, companyId, id);
  if (!row) throw new NotFoundError(`No meeting ${id} for this company.`, { code: 'meeting-unknown' });
  return view(row);
};

export async function accept(deps: InboxDeps, companySlug: string, id: string, user: SessionUser) {
  const hold = await companyHold(deps, companySlug, id, user);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await acceptHold(trx, id, 'company'))) throw new ConflictError('This request is not waiting for your answer any more.', { code: 'not-awaiting-answer' });
    await recordEvent(trx, { meetingRequestId: hold.meetingRequestId, consultationId: id, event: 'accepted', actorType: 'company', actorId: user.id });
    // Now it is a meeting: invitations (with .ics) to everyone, and the reminders.
    await enqueueConsultationMail(deps.jobs, trx, { consultationId: id, event: 'scheduled', sequence: hold.icsSequence, startsAt: hold.startsAt, now: deps.now(), interpreter: hold.interpreterLanguage !== null });
  });
  return current(deps.db, hold.companyId, id);
}

export async function decline(deps: InboxDeps, companySlug: string, id: string, user: SessionUser, reason: string) {
  const hold = await companyHold(deps, companySlug, id, user);
  await deps.db.transaction().execute(async (trx) => {
    if (!(await declineHold(trx, id, { by: 'company', reason }))) throw new ConflictError('This request is not waiting for your answer any more.', { code: 'not-awaiting-answer' });
    await recordEvent(trx, { meetingRequestId: hold.meetingRequestId, consultationId: id, event: 'declined', actorType: 'company', actorId: user.id, details: { reason } });
    await enqueueHeldMail(deps.jobs, trx, { consultationId: id, event: 'declined', sequence: hold.icsSequence });
  });
  return current(deps.db, hold.companyId, id);
}

/** Times the company could propose instead: free for it, the buyer, a room and an interpreter. */
export async function proposalOptions(deps: InboxDeps, companySlug: string, id: string, user: SessionUser) {
  const hold = await companyHold(deps, companySlug, id, user);
  const search = await slotSearchFor(deps, hold);
  const slots = await computeSlots(deps, search, deps.now());
  return { slots: slots.filter((s) => s.start !== hold.startsAt.getTime()).slice(0, 60).map((s) => slotView(s, hold.buyerTimeZone, search.company.timeZone)) };
}

export async function propose(deps: InboxDeps, companySlug: string, id: string, user: SessionUser, start: Date) {
  const hold = await companyHold(deps, companySlug, id, user);
  const search = await slotSearchFor(deps, hold);
  const now = deps.now();
  const slot = (await computeSlots(deps, search, now)).find((s) => s.start === start.getTime());
  if (!slot) throw new ConflictError('That time cannot be booked (the buyer, a room or an interpreter is not free). Pick another.', { code: 'slot-unavailable' });
  const buffer = deps.config.scheduling.roomBufferMinutes * MINUTE;
  const holdExpiresAt = holdUntil(now, slot.start, deps.config.scheduling.holdHours);
  const moved = await moveToFreeResource(slot, Boolean(hold.interpreterLanguage), (roomId, interpreterId) =>
    deps.db.transaction().execute(async (trx) => {
      const ok = await proposeTime(trx, { id, roomId, interpreterId, startsAt: new Date(slot.start), endsAt: new Date(slot.end), roomFreeAt: new Date(slot.end + buffer), holdExpiresAt });
      if (!ok) throw new ConflictError('This request is not waiting for your answer any more.', { code: 'not-awaiting-answer' });
      await recordEvent(trx, {
        meetingRequestId: hold.meetingRequestId, consultationId: id, event: 'proposed', actorType: 'company', actorId: user.id,
        details: { from: hold.startsAt.toISOString(), to: new Date(slot.start).toISOString() },
      });
      await enqueueHeldMail(deps.jobs, trx, { consultationId: id, event: 'proposed', sequence: hold.icsSequence + 1 });
      await enqueueHoldExpiry(deps.jobs, trx, id, holdExpiresAt);
      return true;
    }));
  if (moved) return current(deps.db, hold.companyId, id);
  throw new ConflictError('That time was just taken. Pick another.', { code: 'slot-taken' });
}

export async function outcome(deps: InboxDeps, companySlug: string, id: string, user: SessionUser, o: Outcome) {
  const m = await companyAccess(deps, companySlug, user);
  const row = await findCompanyConsultation(deps.db, m.companyId, id);
  if (!row) throw new NotFoundError(`No meeting ${id} for this company.`, { code: 'meeting-unknown' });
  if (!['scheduled', 'confirmed', 'completed'].includes(row.status)) throw new ConflictError(`A ${row.status} meeting has no outcome.`, { code: 'no-outcome', state: row.status });
  if (row.startsAt.getTime() > deps.now()) throw new ConflictError('Record the outcome after the meeting has taken place.', { code: 'outcome-too-early' });
  await deps.db.transaction().execute(async (trx) => {
    if (!(await recordOutcome(trx, id, o, new Date(deps.now())))) throw new ConflictError('This meeting was cancelled or moved meanwhile; reload it.', { code: 'meeting-changed' });
    await recordEvent(trx, { meetingRequestId: row.meetingRequestId, consultationId: id, event: 'outcome_recorded', actorType: 'company', actorId: user.id, details: { ...o } });
    await enqueueSiteRefresh(deps.jobs, trx, 'a consultation was held'); // the home page counts them
  });
  return current(deps.db, m.companyId, id);
}
