// What the week planner is given: plain data, UTC instants in epoch milliseconds, hours as
// weekly rules in their own time zones (expanded by api/scheduling/weekly-hours.ts, so the
// planner has no time-zone logic of its own). No clock, no database.
import type { InterpreterPreference } from '../db/schema.ts';
import type { Interval } from '../scheduling/intervals.ts';
import type { SlotRules } from '../scheduling/slots.ts';
import type { WeeklyRule } from '../scheduling/weekly-hours.ts';

/** Opening hours minus blackouts, and what is already booked. */
export type Calendar = {
  hours: WeeklyRule[];
  blackouts?: Interval[] | undefined;
  /** Existing bookings. For rooms these already include the turnover buffer (as in the DB's room_free_at). */
  busy?: Interval[] | undefined;
};

export type PlannerCompany = Calendar & {
  id: string;
  /** Languages the company's people speak; decides whether a buyer needs an interpreter. */
  languages: string[];
};

export type PlannerBuyer = {
  id: string;
  /** Usual zone; a request may name another (see PlannerRequest.timeZone). */
  timeZone: string;
  /** The buyer's sensible local hours for a video call, every day, e.g. 07:00-22:00. */
  localHours: { start: string; end: string };
  busy?: Interval[] | undefined;
};

export type PlannerRoom = Calendar & { id: string };

export type PlannerInterpreter = Calendar & { id: string; languages: string[] };

/**
 * A time the buyer would rather have, with how much (1 = a little ... MAX_PRIORITY = most).
 * A meeting that lies wholly inside the window earns the priority; other times stay allowed.
 */
export type Preference = { start: number; end: number; priority: number };

export type PlannerRequest = {
  id: string;
  companyId: string;
  buyerId: string;
  /** The buyer's language (BCP 47); with `interpreter` decides the interpreter's language. */
  language: string;
  interpreter: InterpreterPreference;
  preferences?: Preference[] | undefined;
  /** The buyer's zone for this request when it is not their usual one (a buyer may travel). */
  timeZone?: string | undefined;
};

export type PlannerInstance = {
  /** The week (or any range) to plan in; notice and horizon from `rules` still apply. */
  window: Interval;
  rules: SlotRules;
  companies: PlannerCompany[];
  buyers: PlannerBuyer[];
  rooms: PlannerRoom[];
  interpreters: PlannerInterpreter[];
  /** Queued requests, oldest first (the order a first-come-first-served pass would take). */
  requests: PlannerRequest[];
};

export const MAX_PRIORITY = 9;

/**
 * What one placed meeting is worth: a placement counts far more than any preference, so the
 * optimum places as many meetings as it can and uses preferences to choose among equals
 * (giving up one meeting would need eleven better-placed ones). Integral on purpose: an
 * integral objective lets a fractional bound be rounded down, which proves optimality.
 */
export const MEETING_VALUE = 100;

export class PlannerInputError extends Error {}

/** Rejects data the planner could not honour silently (duplicate ids, odd priorities). */
export function validateInstance(instance: PlannerInstance): void {
  const { rules } = instance;
  if (!(rules.slotMinutes > 0) || !(rules.roomBufferMinutes >= 0)) throw new PlannerInputError('Slot length must be positive and the buffer not negative.');
  for (const [kind, list] of [['company', instance.companies], ['buyer', instance.buyers], ['room', instance.rooms], ['interpreter', instance.interpreters], ['request', instance.requests]] as const) {
    const seen = new Set<string>();
    for (const item of list) {
      if (seen.has(item.id)) throw new PlannerInputError(`Two ${kind} entries have the id ${item.id}.`);
      seen.add(item.id);
    }
  }
  for (const r of instance.requests) {
    for (const p of r.preferences ?? []) {
      if (!Number.isInteger(p.priority) || p.priority < 1 || p.priority > MAX_PRIORITY) {
        throw new PlannerInputError(`Request ${r.id}: a preference's priority must be a whole number from 1 to ${MAX_PRIORITY}.`);
      }
    }
  }
}

/** The preference bonus of a meeting [start, end) for a request: the best window holding it, else 0. */
export function preferencePriority(request: PlannerRequest, meeting: Interval): number {
  let best = 0;
  for (const p of request.preferences ?? []) {
    if (p.start <= meeting.start && meeting.end <= p.end && p.priority > best) best = p.priority;
  }
  return best;
}
