// What staff do to a booked consultation from the board: give it another room or
// interpreter, move it, or cancel it. Each is one transaction that the database's
// exclusion constraints guard, recorded in the consultation's history, and everyone
// affected is told (a replaced interpreter receives a cancellation for their calendar).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { requireStaff, type SessionUser } from '../auth/user.ts';
import { DAY } from '../scheduling/intervals.ts';
import {
  cancelConsultation, findBookingById, moveConsultation, recordEvent,
} from '../repositories/bookings.ts';
import { boardConsultation, findInterpreter, findRoom, listRooms } from '../repositories/control.ts';
import { enqueueConsultationMail } from '../jobs/consultation-mail-jobs.ts';
import { computeSlots, freeResourcesAt, moveToFreeResource, slotView, type BookingDeps } from './booking.ts';
import { slotSearchFor } from './manage.ts';
import { boardItem } from './control.ts';

const EXCLUSION_VIOLATION = '23P01';
type Booking = NonNullable<Awaited<ReturnType<typeof findBookingById>>>;

/** A consultation staff may still change: live and not yet over. */
async function changeable(deps: BookingDeps, user: SessionUser, id: string): Promise<Booking> {
  requireStaff(user);
  const b = await findBookingById(deps.db, id);
  if (!b) throw new NotFoundError(`No consultation ${id}.`);
  if (!['held', 'scheduled', 'confirmed'].includes(b.status)) throw new ConflictError(`This consultation is ${b.status}; it cannot be changed.`);
  if (b.endsAt.getTime() <= deps.now()) throw new ConflictError('This consultation is over; it cannot be changed.');
  return b;
}

async function current(deps: BookingDeps, id: string) {
  const row = await boardConsultation(deps.db, id);
  if (!row) throw new NotFoundError(`No consultation ${id}.`);
  return boardItem(row);
}

const meetingOf = (b: Booking) => ({ start: b.startsAt.getTime(), end: b.endsAt.getTime() });

/** Runs a change, turning a lost race on a resource (exclusion violation) into a 409. */
async function guarded<T>(run: () => Promise<T>, taken: string): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if ((err as { code?: string }).code === EXCLUSION_VIOLATION) throw new ConflictError(taken);
    throw err;
  }
}

/** The rooms and interpreters that could take the consultation over, and other times for it. */
export async function consultationOptions(deps: BookingDeps, user: SessionUser, id: string) {
  const b = await changeable(deps, user, id);
  const free = await freeResourcesAt(deps, {
    companyId: b.companyId, consultationId: b.id, interpreterLanguage: b.interpreterLanguage, meeting: meetingOf(b),
  });
  const rooms = (await listRooms(deps.db)).filter((r) => r.id !== b.roomId && free.roomIds.includes(r.id));
  const interpreterIds = free.interpreterIds.filter((i) => i !== b.interpreterId);
  const interpreters = [];
  for (const i of interpreterIds) {
    const row = await findInterpreter(deps.db, i);
    if (row) interpreters.push({ id: row.id, name: row.name });
  }
  let slots: ReturnType<typeof slotView>[] = [];
  if (b.status !== 'held') {
    const search = await slotSearchFor(deps, b);
    slots = (await computeSlots(deps, search, deps.now()))
      .filter((s) => s.start !== b.startsAt.getTime()).slice(0, 40)
      .map((s) => slotView(s, b.buyerTimeZone, search.company.timeZone));
  }
  return { rooms, interpreters, slots };
}

/**
 * The same meeting with another room or interpreter: one transaction, its history, and an
 * updated invitation for everyone (a replaced interpreter gets a cancellation). A held
 * request has sent no invitations yet, so it sends none.
 */
async function swapResource(deps: BookingDeps, user: SessionUser, b: Booking, to: { roomId?: string; interpreterId?: string }, taken: string) {
  const roomId = to.roomId ?? b.roomId;
  const interpreterId = to.interpreterId ?? b.interpreterId;
  await guarded(() => deps.db.transaction().execute(async (trx: Kysely<Database>) => {
    const ok = await moveConsultation(trx, { id: b.id, roomId, interpreterId, startsAt: b.startsAt, endsAt: b.endsAt, roomFreeAt: b.roomFreeAt });
    if (!ok) throw new ConflictError('The consultation changed meanwhile; reload the board.');
    await recordEvent(trx, {
      meetingRequestId: b.meetingRequestId, consultationId: b.id, actorType: 'staff', actorId: user.id,
      ...(to.roomId ? { event: 'room_reassigned', details: { from: b.roomId, to: roomId } } : { event: 'interpreter_reassigned', details: { from: b.interpreterId, to: interpreterId } }),
    });
    if (b.status !== 'held') {
      await enqueueConsultationMail(deps.jobs, trx, {
        consultationId: b.id, event: 'updated', sequence: b.icsSequence + 1, startsAt: b.startsAt, now: deps.now(),
        interpreter: interpreterId !== null, formerInterpreterId: to.interpreterId ? b.interpreterId : null,
      });
    }
  }), taken);
}

export async function reassignRoom(deps: BookingDeps, user: SessionUser, id: string, roomId: string) {
  const b = await changeable(deps, user, id);
  const room = await findRoom(deps.db, roomId);
  if (!room || !room.active) throw new NotFoundError(`No room ${roomId}.`);
  if (room.id === b.roomId) throw new ConflictError('The consultation is already in that room.');
  const free = await freeResourcesAt(deps, { companyId: b.companyId, consultationId: b.id, interpreterLanguage: null, meeting: meetingOf(b) });
  if (!free.roomIds.includes(room.id)) throw new ConflictError(`${room.name} is closed or booked at this time.`);
  await swapResource(deps, user, b, { roomId: room.id }, `${room.name} was just booked by someone else.`);
  return current(deps, b.id);
}

export async function reassignInterpreter(deps: BookingDeps, user: SessionUser, id: string, interpreterId: string) {
  const b = await changeable(deps, user, id);
  if (!b.interpreterLanguage) throw new ConflictError('This consultation has no interpreter.');
  const interpreter = await findInterpreter(deps.db, interpreterId);
  if (!interpreter || !interpreter.active) throw new NotFoundError(`No interpreter ${interpreterId}.`);
  if (interpreter.id === b.interpreterId) throw new ConflictError('That interpreter is already booked for it.');
  const free = await freeResourcesAt(deps, {
    companyId: b.companyId, consultationId: b.id, interpreterLanguage: b.interpreterLanguage, meeting: meetingOf(b),
  });
  if (!free.interpreterIds.includes(interpreter.id)) {
    throw new ConflictError(`${interpreter.name} does not interpret ${b.interpreterLanguage}, or is off or booked at this time.`);
  }
  await swapResource(deps, user, b, { interpreterId: interpreter.id }, `${interpreter.name} was just booked by someone else.`);
  return current(deps, b.id);
}

/** Staff move a meeting to another time every side can make (optionally into a given room). */
export async function moveByStaff(deps: BookingDeps, user: SessionUser, id: string, to: { start: Date; roomId?: string | undefined }) {
  const b = await changeable(deps, user, id);
  if (b.status === 'held') throw new ConflictError('This request is waiting for an answer; it cannot be moved until it is settled.');
  const search = { ...(await slotSearchFor(deps, b)), window: { start: to.start.getTime() - DAY, end: to.start.getTime() + DAY } };
  const now = deps.now();
  const slot = (await computeSlots(deps, search, now)).find((s) => s.start === to.start.getTime());
  if (!slot) throw new ConflictError('The company, the buyer, a room or an interpreter cannot make that time. Pick another.');
  if (to.roomId && !slot.roomIds.includes(to.roomId)) throw new ConflictError('That room is closed or booked at that time.');
  const chosen = to.roomId ? { ...slot, roomIds: [to.roomId] } : slot;
  const buffer = deps.config.scheduling.roomBufferMinutes * 60_000;
  const moved = await moveToFreeResource(chosen, Boolean(b.interpreterLanguage), (roomId, interpreterId) =>
    deps.db.transaction().execute(async (trx: Kysely<Database>) => {
      const ok = await moveConsultation(trx, {
        id: b.id, roomId, interpreterId, startsAt: new Date(slot.start), endsAt: new Date(slot.end), roomFreeAt: new Date(slot.end + buffer),
      });
      if (!ok) return false;
      await recordEvent(trx, {
        meetingRequestId: b.meetingRequestId, consultationId: b.id, event: 'rescheduled', actorType: 'staff', actorId: user.id,
        details: { from: b.startsAt.toISOString(), to: new Date(slot.start).toISOString(), room: roomId },
      });
      await enqueueConsultationMail(deps.jobs, trx, {
        consultationId: b.id, event: 'rescheduled', sequence: b.icsSequence + 1, startsAt: new Date(slot.start), now, interpreter: interpreterId !== null,
        formerInterpreterId: b.interpreterId && b.interpreterId !== interpreterId ? b.interpreterId : null,
      });
      return true;
    }));
  if (moved === false) throw new ConflictError('The consultation changed meanwhile; reload the board.');
  if (moved === undefined) throw new ConflictError('That time was just taken. Pick another.');
  return current(deps, b.id);
}

export async function cancelByStaff(deps: BookingDeps, user: SessionUser, id: string, reason: string) {
  const b = await changeable(deps, user, id);
  await deps.db.transaction().execute(async (trx: Kysely<Database>) => {
    if (!(await cancelConsultation(trx, b.id, reason))) throw new ConflictError('The consultation changed meanwhile; reload the board.');
    await recordEvent(trx, {
      meetingRequestId: b.meetingRequestId, consultationId: b.id, event: 'cancelled', actorType: 'staff', actorId: user.id, details: { reason },
    });
    await enqueueConsultationMail(deps.jobs, trx, { consultationId: b.id, event: 'cancelled', sequence: b.icsSequence + 1, interpreter: b.interpreterId !== null });
  });
  return current(deps, b.id);
}
