// What a buyer can do with their private manage link: see, reschedule and cancel their
// consultation, until it has ended.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ConflictError, GoneError, NotFoundError } from '../errors.ts';
import { DAY, MINUTE } from '../scheduling/intervals.ts';
import { findBookableByCompanyId } from '../repositories/catalogue.ts';
import {
  cancelConsultation, findBookingByToken, findConsultation, moveConsultation, recordEvent, type ConsultationView,
} from '../repositories/bookings.ts';
import { enqueueConsultationMail } from '../jobs/consultation-mail-jobs.ts';
import { acceptHold, declineHold } from '../repositories/holds.ts';
import { cancelReplacedMeeting, meetingReplacedBy } from '../repositories/proposals.ts';
import { computeSlots, moveToFreeResource, slotView, type BookingDeps, type SlotSearch, type SlotView } from './booking.ts';

async function liveBooking(deps: BookingDeps, token: string) {
  const booking = await findBookingByToken(deps.db, token);
  if (!booking) throw new NotFoundError('This link is not valid.');
  if (booking.endsAt.getTime() <= deps.now()) throw new GoneError('This meeting has ended; its link no longer works.');
  return booking;
}

export async function viewByToken(deps: BookingDeps, token: string): Promise<ConsultationView> {
  const booking = await liveBooking(deps, token);
  const view = await findConsultation(deps.db, booking.id);
  if (!view) throw new NotFoundError('This link is not valid.');
  return view;
}

/** What a booking needs to look for other times: the same company, buyer and interpreter language. */
export type MovableBooking = {
  id: string; companyId: string; buyerTimeZone: string; buyerEmail: string; interpreterLanguage: string | null; language: string;
};

export async function slotSearchFor(deps: BookingDeps, booking: MovableBooking): Promise<SlotSearch> {
  const company = await findBookableByCompanyId(deps.db, booking.companyId);
  if (!company) throw new ConflictError('The company is not taking meetings at the moment.', { code: 'company-not-bookable' });
  const now = deps.now();
  return {
    company,
    buyerTimeZone: booking.buyerTimeZone,
    buyerEmail: booking.buyerEmail,
    // Keep what was booked: an interpreter for the same language, or none.
    language: booking.interpreterLanguage ?? booking.language,
    interpreter: booking.interpreterLanguage ? 'required' : 'none',
    window: { start: now, end: now + deps.config.scheduling.horizonDays * DAY },
    excludeConsultationId: booking.id,
  };
}

export async function rescheduleOptions(deps: BookingDeps, token: string, limit = 40): Promise<SlotView[]> {
  const booking = await liveBooking(deps, token);
  if (booking.status === 'cancelled') return [];
  const search = await slotSearchFor(deps, booking);
  const slots = await computeSlots(deps, search, deps.now());
  return slots
    .filter((s) => s.start !== booking.startsAt.getTime())
    .slice(0, limit)
    .map((s) => slotView(s, booking.buyerTimeZone, search.company.timeZone));
}

export async function rescheduleByToken(deps: BookingDeps, token: string, start: Date): Promise<ConsultationView> {
  const booking = await liveBooking(deps, token);
  if (booking.status === 'held') throw new ConflictError('This request is waiting for an answer; cancel it to ask for another time.');
  if (!['scheduled', 'confirmed'].includes(booking.status)) {
    throw new ConflictError(`This meeting is ${booking.status} and cannot be moved.`);
  }
  const search = await slotSearchFor(deps, booking);
  const now = deps.now();
  const alternatives = async () =>
    (await computeSlots(deps, search, now)).slice(0, 10).map((s) => slotView(s, booking.buyerTimeZone, search.company.timeZone));

  const slot = (await computeSlots(deps, search, now)).find((s) => s.start === start.getTime());
  if (!slot) throw new ConflictError('That time cannot be booked. Please pick another.', { alternatives: await alternatives() });

  const buffer = deps.config.scheduling.roomBufferMinutes * MINUTE;
  const moved = await moveToFreeResource(slot, Boolean(booking.interpreterLanguage), (roomId, interpreterId) =>
    deps.db.transaction().execute(async (trx) => {
      const ok = await moveConsultation(trx, {
        id: booking.id, roomId, interpreterId,
        startsAt: new Date(slot.start), endsAt: new Date(slot.end), roomFreeAt: new Date(slot.end + buffer),
      });
      if (ok) {
        await enqueueConsultationMail(deps.jobs, trx, {
          consultationId: booking.id, event: 'rescheduled', sequence: booking.icsSequence + 1, startsAt: new Date(slot.start), now, interpreter: interpreterId !== null,
          // Another interpreter took the new time: the first one is told they are free.
          formerInterpreterId: booking.interpreterId && booking.interpreterId !== interpreterId ? booking.interpreterId : null,
        });
        await recordEvent(trx, {
          meetingRequestId: booking.meetingRequestId, consultationId: booking.id, event: 'rescheduled', actorType: 'buyer',
          actorId: booking.buyerId, details: { from: booking.startsAt.toISOString(), to: new Date(slot.start).toISOString() },
        });
      }
      return ok;
    }));
  if (moved === false) throw new ConflictError('This meeting was cancelled meanwhile.');
  if (moved) {
    const view = await findConsultation(deps.db, booking.id);
    if (!view) throw new NotFoundError('This link is not valid.');
    return view;
  }
  throw new ConflictError('That time was just taken. Please pick another.', { alternatives: await alternatives() });
}

export async function cancelByToken(deps: BookingDeps, token: string): Promise<ConsultationView> {
  const booking = await liveBooking(deps, token);
  await deps.db.transaction().execute(async (trx: Kysely<Database>) => {
    if (await cancelConsultation(trx, booking.id)) {
      await enqueueConsultationMail(deps.jobs, trx, { consultationId: booking.id, event: 'cancelled', sequence: booking.icsSequence + 1, interpreter: booking.interpreterId !== null });
      await recordEvent(trx, {
        meetingRequestId: booking.meetingRequestId, consultationId: booking.id, event: 'cancelled', actorType: 'buyer', actorId: booking.buyerId,
      });
    }
  });
  const view = await findConsultation(deps.db, booking.id);
  if (!view) throw new NotFoundError('This link is not valid.');
  return view;
}

/** The meeting an accepted proposal replaces is cancelled: its time freed, its invitation withdrawn. */
async function supersede(deps: BookingDeps, trx: Kysely<Database>, proposal: { id: string; meetingRequestId: string; buyerId: string }, meetingId: string) {
  const reason = 'Moved: the buyer accepted the new time the company proposed (a separate invitation follows).';
  const cancelled = await cancelReplacedMeeting(trx, meetingId, new Date(deps.now()), reason);
  if (!cancelled) throw new ConflictError('Your meeting at the time booked before has begun; the proposed time no longer applies.');
  await recordEvent(trx, {
    meetingRequestId: proposal.meetingRequestId, consultationId: meetingId, event: 'cancelled', actorType: 'buyer', actorId: proposal.buyerId,
    details: { reason, replacedBy: proposal.id },
  });
  await enqueueConsultationMail(deps.jobs, trx, { consultationId: meetingId, event: 'cancelled', sequence: cancelled.icsSequence, interpreter: cancelled.interpreterId !== null });
}

/** The buyer's answer to a time the company proposed. */
export async function answerProposal(deps: BookingDeps, token: string, answer: 'accept' | 'decline'): Promise<ConsultationView> {
  const booking = await liveBooking(deps, token);
  await deps.db.transaction().execute(async (trx: Kysely<Database>) => {
    // A proposal to move a booked meeting: that meeting stays unless the buyer accepts.
    const replaced = await meetingReplacedBy(trx, booking.id);
    const done = answer === 'accept'
      ? await acceptHold(trx, booking.id, 'buyer')
      : await declineHold(trx, booking.id, {
        by: 'buyer', reason: replaced ? 'The buyer declined the proposed time; the meeting stays at the time booked before.' : 'The buyer declined the proposed time.',
      });
    if (!done) throw new ConflictError('There is no proposal waiting for your answer.');
    await recordEvent(trx, {
      meetingRequestId: booking.meetingRequestId, consultationId: booking.id, actorType: 'buyer', actorId: booking.buyerId,
      event: answer === 'accept' ? 'proposal_accepted' : 'proposal_declined',
    });
    if (answer === 'accept') {
      if (replaced) await supersede(deps, trx, booking, replaced.id);
      await enqueueConsultationMail(deps.jobs, trx, { consultationId: booking.id, event: 'scheduled', sequence: booking.icsSequence, startsAt: booking.startsAt, now: deps.now(), interpreter: booking.interpreterId !== null });
    }
  });
  const view = await findConsultation(deps.db, booking.id);
  if (!view) throw new NotFoundError('This link is not valid.');
  return view;
}
