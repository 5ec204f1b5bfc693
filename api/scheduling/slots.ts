// Bookable slots: pure, given `now` and every resource's free and busy time.
import { covers, type Interval, intersect, isClear, MINUTE, DAY, subtract } from './intervals.ts';

export type Resource = {
  id: string;
  /** Working hours minus blackouts, normalised. */
  open: Interval[];
  /** Existing bookings, normalised. For rooms these already include the turnover buffer. */
  busy: Interval[];
};

export type SlotRules = {
  slotMinutes: number;
  roomBufferMinutes: number;
  minNoticeMinutes: number;
  horizonDays: number;
};

export type SlotInput = {
  now: number;
  /** The window asked for; clipped to notice and horizon. */
  window: Interval;
  rules: SlotRules;
  company: Resource;
  buyer: { open: Interval[]; busy: Interval[] };
  rooms: Resource[];
  /** null: no interpreter needed. An empty list means one is needed and none exists. */
  interpreters: Resource[] | null;
};

export type Slot = Interval & { roomIds: string[]; interpreterIds: string[] };

/** The bookable window: notice and horizon applied to the asked window. */
export function bookableWindow(now: number, window: Interval, rules: SlotRules): Interval {
  return {
    start: Math.max(window.start, now + rules.minNoticeMinutes * MINUTE),
    end: Math.min(window.end, now + rules.horizonDays * DAY),
  };
}

/**
 * Every slot start on the slot grid (UTC multiples of the slot length) where the company
 * and buyer are both free and inside their hours, with at least one room (free through
 * its buffer) and, when needed, one interpreter. Each slot lists every usable room and
 * interpreter so the booking can fall through to the next one after a lost race.
 */
export function bookableSlots(input: SlotInput): Slot[] {
  const { rules } = input;
  const length = rules.slotMinutes * MINUTE;
  const buffer = rules.roomBufferMinutes * MINUTE;
  const window = bookableWindow(input.now, input.window, rules);
  if (window.end <= window.start) return [];

  const possible = subtract(
    subtract(intersect(intersect(input.company.open, input.buyer.open), [window]), input.company.busy),
    input.buyer.busy,
  );

  const slots: Slot[] = [];
  for (const span of possible) {
    for (let start = Math.ceil(span.start / length) * length; start + length <= span.end; start += length) {
      const meeting = { start, end: start + length };
      const withBuffer = { start, end: start + length + buffer };
      const roomIds = freeFor(input.rooms, meeting, withBuffer);
      if (roomIds.length === 0) continue;
      let interpreterIds: string[] = [];
      if (input.interpreters) {
        interpreterIds = freeFor(input.interpreters, meeting, meeting);
        if (interpreterIds.length === 0) continue;
      }
      slots.push({ ...meeting, roomIds, interpreterIds });
    }
  }
  return slots;
}

/**
 * The resources open for the whole meeting and booked by nobody during `occupied` (for a
 * room, the meeting and its turnover buffer; for an interpreter, the meeting).
 */
export function freeFor(resources: readonly Resource[], meeting: Interval, occupied: Interval): string[] {
  return resources.filter((r) => covers(r.open, meeting) && isClear(r.busy, occupied)).map((r) => r.id);
}
