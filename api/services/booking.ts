// From a buyer's request to a booked consultation. Computes slots with the pure scheduling
// code, then books in one transaction, falling through to the next option on a lost race.
import { randomBytes, randomInt } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { enqueueConsultationMail, enqueueHeldMail } from '../jobs/consultation-mail-jobs.ts';
import { enqueueHoldExpiry } from '../jobs/hold-jobs.ts';
import { appSecret, manageTokenFor } from '../lib/manage-token.ts';
import type { Database, InterpreterPreference } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { type Interval, MINUTE, DAY, normalise, subtract } from '../scheduling/intervals.ts';
import { bookableSlots, bookableWindow, freeFor, type Resource, type Slot } from '../scheduling/slots.ts';
import { dailyHours, localIso, type WeeklyRule } from '../scheduling/weekly-hours.ts';
import { cachedWeeklyHours } from './hours-cache.ts';
import { interpreterLanguage } from '../scheduling/interpreter.ts';
import { loadAvailability, type OwnerCalendar } from '../repositories/availability.ts';
import {
  findBookableByCompanySlug, findBookableByProductSlug, type BookableCompany,
} from '../repositories/catalogue.ts';
import {
  bookFirstFree, type BuyerDetails, hashToken, recordEvent, startMeetingRequest, type ConsultationView,
} from '../repositories/bookings.ts';

export type BookingDeps = { db: Kysely<Database>; config: Config; now: () => number; jobs?: JobQueue | undefined };

/** A buyer's sensible hours for a video call, every day, in their own zone. */
export const BUYER_LOCAL_HOURS = { start: '07:00', end: '22:00' } as const;
const weekdays = (start: string, end: string, timeZone: string): WeeklyRule[] =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, timeZone }));
/** Hours of a company, room or interpreter that has not set its own. */
export const DEFAULT_HOURS = {
  company: (tz: string) => weekdays('09:00', '18:00', tz),
  room: weekdays('08:00', '20:00', 'Asia/Seoul'),
  interpreter: weekdays('09:00', '18:00', 'Asia/Seoul'),
};
const MAX_ATTEMPTS = 40;

export type Target = { productSlug?: string | undefined; companySlug?: string | undefined };

async function resolveTarget(db: Kysely<Database>, t: Target): Promise<BookableCompany> {
  const found = t.productSlug
    ? await findBookableByProductSlug(db, t.productSlug)
    : t.companySlug
      ? await findBookableByCompanySlug(db, t.companySlug)
      : undefined;
  if (!found) throw notOpen(t);
  return found;
}

const notOpen = (t: Target) =>
  new NotFoundError(t.productSlug ? `No product "${t.productSlug}" is open for meetings.` : `No company "${t.companySlug}" is open for meetings.`);

function toResource(cal: OwnerCalendar, defaults: WeeklyRule[], window: Interval): Resource {
  const rules = cal.rules.length ? cal.rules : defaults;
  return {
    id: cal.id,
    open: subtract(cachedWeeklyHours(rules, window), normalise(cal.blackouts)),
    busy: normalise(cal.busy),
  };
}

export type SlotSearch = {
  company: BookableCompany;
  buyerTimeZone: string;
  buyerEmail: string | null;
  language: string;
  interpreter: InterpreterPreference;
  window: Interval;
  excludeConsultationId?: string | null;
};

export async function computeSlots(deps: BookingDeps, q: SlotSearch, now: number): Promise<Slot[]> {
  const rules = deps.config.scheduling;
  const window = bookableWindow(now, q.window, rules);
  if (window.end <= window.start) return [];
  // Read just beyond the window, so a booking (and a room's buffer) at its edges is seen.
  const margin = (rules.slotMinutes + rules.roomBufferMinutes) * MINUTE;
  const readWindow = { start: window.start - margin, end: window.end + margin };
  const lang = interpreterLanguage(q.interpreter, q.language, q.company.languages);
  const data = await loadAvailability(deps.db, {
    companyId: q.company.id, buyerEmail: q.buyerEmail, window: readWindow, interpreterLanguage: lang,
    excludeConsultationId: q.excludeConsultationId ?? null,
  });
  return bookableSlots({
    now,
    window,
    rules,
    company: toResource(data.company, DEFAULT_HOURS.company(q.company.timeZone), readWindow),
    buyer: {
      open: cachedWeeklyHours(dailyHours(BUYER_LOCAL_HOURS.start, BUYER_LOCAL_HOURS.end, q.buyerTimeZone), readWindow),
      busy: normalise(data.buyerBusy),
    },
    rooms: data.rooms.map((r) => toResource(r, DEFAULT_HOURS.room, readWindow)),
    interpreters: data.interpreters?.map((i) => toResource(i, DEFAULT_HOURS.interpreter, readWindow)) ?? null,
  });
}

/**
 * Which rooms and interpreters (of the consultation's language) could take over a booked
 * consultation at its own time, leaving its other bookings aside: for staff reassigning one.
 */
export async function freeResourcesAt(
  deps: BookingDeps,
  q: { companyId: string; consultationId: string; interpreterLanguage: string | null; meeting: Interval },
): Promise<{ roomIds: string[]; interpreterIds: string[] }> {
  const buffer = deps.config.scheduling.roomBufferMinutes * MINUTE;
  const occupied = { start: q.meeting.start, end: q.meeting.end + buffer };
  const readWindow = { start: occupied.start - buffer - DAY, end: occupied.end + DAY };
  const data = await loadAvailability(deps.db, {
    companyId: q.companyId, buyerEmail: null, window: readWindow, interpreterLanguage: q.interpreterLanguage,
    excludeConsultationId: q.consultationId,
  });
  return {
    roomIds: freeFor(data.rooms.map((r) => toResource(r, DEFAULT_HOURS.room, readWindow)), q.meeting, occupied),
    interpreterIds: freeFor((data.interpreters ?? []).map((i) => toResource(i, DEFAULT_HOURS.interpreter, readWindow)), q.meeting, q.meeting),
  };
}

export type SlotView = {
  start: string;
  end: string;
  buyerTime: { start: string; end: string; timeZone: string };
  koreaTime: { start: string; end: string; timeZone: string };
};

export function slotView(s: Interval, buyerTimeZone: string, companyTimeZone: string): SlotView {
  return {
    start: new Date(s.start).toISOString(),
    end: new Date(s.end).toISOString(),
    buyerTime: { start: localIso(s.start, buyerTimeZone), end: localIso(s.end, buyerTimeZone), timeZone: buyerTimeZone },
    koreaTime: { start: localIso(s.start, companyTimeZone), end: localIso(s.end, companyTimeZone), timeZone: companyTimeZone },
  };
}

export async function listSlots(
  deps: BookingDeps,
  q: Target & { timeZone: string; language: string; interpreter: InterpreterPreference; from?: Date | undefined; to?: Date | undefined },
): Promise<{ company: BookableCompany; slots: SlotView[] }> {
  const company = await resolveTarget(deps.db, q);
  const now = deps.now();
  const from = q.from?.getTime() ?? now;
  const to = q.to?.getTime() ?? from + 14 * DAY;
  const slots = await computeSlots(deps, {
    company, buyerTimeZone: q.timeZone, buyerEmail: null, language: q.language, interpreter: q.interpreter,
    window: { start: from, end: to },
  }, now);
  return { company, slots: slots.map((s) => slotView(s, q.timeZone, company.timeZone)) };
}

export type MeetingRequestInput = Target & {
  buyer: BuyerDetails;
  preferredSlots: Date[];
  interpreter: InterpreterPreference;
  message: string;
};

export type MeetingRequestResult =
  | { status: 'scheduled'; requestId: string; consultation: ConsultationView; manageToken: string }
  | { status: 'queued'; requestId: string };

function candidatesFor(slots: Slot[], preferred: Date[]): Slot[] {
  if (preferred.length === 0) return slots;
  const byStart = new Map(slots.map((s) => [s.start, s]));
  return preferred.map((d) => byStart.get(d.getTime())).filter((s): s is Slot => s !== undefined);
}

/** Starts at a random place so concurrent bookings of one time spread over the free rooms
 * instead of all racing for the first. */
function rotated<T>(list: T[]): T[] {
  const k = list.length ? randomInt(list.length) : 0;
  return [...list.slice(k), ...list.slice(0, k)];
}

/** Where to look: around the buyer's chosen times, or widening from now for "first available". */
function searchWindows(now: number, preferred: Date[], slotMs: number, horizonDays: number): Interval[] {
  if (preferred.length > 0) {
    const times = preferred.map((d) => d.getTime());
    return [{ start: Math.min(...times), end: Math.max(...times) + slotMs }];
  }
  return [3, 10, horizonDays].filter((d, i, all) => d <= horizonDays || i === all.length - 1).map((d) => ({ start: now, end: now + d * DAY }));
}

class ChoicesTaken extends Error {}

const EXCLUSION_VIOLATION = '23P01';

/**
 * Runs `move` (its own transaction) for each room, and each interpreter when one is needed,
 * of `slot` until one succeeds: an exclusion-constraint violation means another booking got
 * that resource first, so the next is tried. Undefined when every one was taken.
 */
export async function moveToFreeResource<T>(slot: Slot, needsInterpreter: boolean, move: (roomId: string, interpreterId: string | null) => Promise<T>): Promise<T | undefined> {
  for (const roomId of slot.roomIds) {
    for (const interpreterId of needsInterpreter ? slot.interpreterIds : [null]) {
      try {
        return await move(roomId, interpreterId);
      } catch (err) {
        if ((err as { code?: string }).code !== EXCLUSION_VIOLATION) throw err;
      }
    }
  }
  return undefined;
}

/**
 * Until when a slot is held for the company to decide: the hold time, but ending an hour
 * before the meeting so nobody learns at the last minute (and never sooner than 5 minutes).
 */
export function holdUntil(now: number, start: number, holdHours: number): Date {
  return new Date(Math.max(now + 5 * MINUTE, Math.min(now + holdHours * 3_600_000, start - 60 * MINUTE)));
}

/**
 * Books the first of the buyer's preferred slots (or the first free one) that can still be
 * had; a queued result when nothing can be placed; ConflictError with alternatives when
 * the chosen times are gone (then nothing is stored). `finalize` runs inside the booking's
 * transaction (used to store the idempotent answer atomically with the booking).
 */
export async function requestMeeting(
  deps: BookingDeps,
  input: MeetingRequestInput,
  finalize?: (trx: Kysely<Database>, result: MeetingRequestResult) => Promise<void>,
): Promise<MeetingRequestResult> {
  const company = await resolveTarget(deps.db, input);
  const now = deps.now();
  const rules = deps.config.scheduling;
  const slotMs = rules.slotMinutes * MINUTE;
  const search = (window: Interval): SlotSearch => ({
    company, buyerTimeZone: input.buyer.timeZone, buyerEmail: input.buyer.email.toLowerCase(),
    language: input.buyer.language, interpreter: input.interpreter, window,
  });
  const freeCandidates = async () => {
    for (const window of searchWindows(now, input.preferredSlots, slotMs, rules.horizonDays)) {
      const found = candidatesFor(await computeSlots(deps, search(window), now), input.preferredSlots);
      if (found.length > 0) return found;
    }
    return [];
  };
  let candidates = await freeCandidates();
  const lang = interpreterLanguage(input.interpreter, input.buyer.language, company.languages);
  const chose = input.preferredSlots.length > 0;

  // `lastTry`: when every option is taken, queue the request (first available) rather than
  // throw ChoicesTaken to look again.
  const book = (placeable: Slot[], lastTry: boolean) => deps.db.transaction().execute(async (trx): Promise<MeetingRequestResult> => {
    const started = await startMeetingRequest(trx, input.buyer, {
      companyId: company.id, productId: company.productId, preferredSlots: input.preferredSlots,
      interpreter: input.interpreter, message: input.message,
    });
    if (!started) throw notOpen(input); // suspended since resolveTarget looked: nothing is stored
    const { buyerId, requestId } = started;

    let attempts = 0;
    for (const slot of placeable) {
      // Every room (and interpreter) of the slot, in the order they are to be tried, booked
      // by one statement: a lost race falls through to the next without a round trip.
      const options: { roomId: string; interpreterId: string | null }[] = [];
      for (const roomId of rotated(slot.roomIds)) {
        for (const interpreterId of lang ? rotated(slot.interpreterIds) : [null]) {
          if (attempts + options.length < MAX_ATTEMPTS) options.push({ roomId, interpreterId });
        }
      }
      if (options.length === 0) continue;
      attempts += options.length;
      const videoRoom = `pavilion-${randomBytes(16).toString('hex')}`;
      const manageToken = manageTokenFor(appSecret(deps.config), videoRoom);
      const holdExpiresAt = company.requiresConfirmation ? holdUntil(now, slot.start, rules.holdHours) : null;
      const consultation = await bookFirstFree(trx, {
        meetingRequestId: requestId, companyId: company.id, buyerId, buyerTimeZone: input.buyer.timeZone,
        options, interpreterLanguage: lang,
        startsAt: new Date(slot.start), endsAt: new Date(slot.end),
        roomFreeAt: new Date(slot.end + rules.roomBufferMinutes * MINUTE),
        videoRoom,
        manageTokenHash: hashToken(manageToken), holdExpiresAt,
      });
      if (!consultation) continue; // every room/interpreter of this time was taken meanwhile
      if (holdExpiresAt) {
        await enqueueHeldMail(deps.jobs, trx, { consultationId: consultation.id, event: 'held', sequence: 0 });
        await enqueueHoldExpiry(deps.jobs, trx, consultation.id, holdExpiresAt);
      } else {
        await enqueueConsultationMail(deps.jobs, trx, {
          consultationId: consultation.id, event: 'scheduled', sequence: 0, startsAt: new Date(slot.start), now,
          interpreter: consultation.interpreterLanguage !== null,
        });
      }
      const result = { status: 'scheduled' as const, requestId, consultation, manageToken };
      await finalize?.(trx, result);
      return result;
    }
    // Every option tried was taken meanwhile: roll back, to look again or answer 409.
    if (placeable.length > 0 && (chose || !lastTry)) throw new ChoicesTaken();
    await recordEvent(trx, { meetingRequestId: requestId, event: 'queued', actorType: 'system' });
    const result = { status: 'queued' as const, requestId };
    await finalize?.(trx, result);
    return result;
  });

  // One attempt tries at most MAX_ATTEMPTS rooms and interpreters, so when others took all of
  // them a time can still be free: a lost race looks once more, with fresh availability,
  // before the buyer is refused (409) or queued. Looking is done after the transaction, so
  // no locks are held meanwhile.
  const unlessRaced = (booking: Promise<MeetingRequestResult>) =>
    booking.catch((err: unknown) => {
      if (err instanceof ChoicesTaken) return undefined;
      throw err;
    });
  if (!chose) return (await unlessRaced(book(candidates, false))) ?? book(await freeCandidates(), true);

  // The alternatives: first near the time the buyer wanted, then ever wider.
  const wanted = Math.min(...input.preferredSlots.map((d) => d.getTime()));
  const near = { start: wanted - DAY / 2, end: wanted + 1.5 * DAY };
  let alternatives: Slot[] = [];
  if (candidates.length > 0) {
    const booked = await unlessRaced(book(candidates, true));
    if (booked) return booked;
    alternatives = await computeSlots(deps, search(near), now);
    const stillFree = candidatesFor(alternatives, input.preferredSlots);
    if (stillFree.length > 0) {
      const second = await unlessRaced(book(stillFree, true));
      if (second) return second;
      alternatives = []; // lost twice: look afresh below
    }
  }
  for (const window of [near, { start: now, end: now + 7 * DAY }, { start: now, end: now + rules.horizonDays * DAY }]) {
    if (alternatives.length > 0) break;
    alternatives = await computeSlots(deps, search(window), now);
  }
  if (alternatives.length > 0) {
    throw new ConflictError('None of the chosen times can be booked any more. Please pick another.', {
      alternatives: alternatives.slice(0, 10).map((s) => slotView(s, input.buyer.timeZone, company.timeZone)),
    });
  }
  return book([], true); // nothing free at all: queued for staff
}
