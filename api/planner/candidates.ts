// Where each request could go. The planner works on a grid whose step holds a meeting and
// its room's turnover buffer (30 min + 10 min -> hourly), so a room used in one planner slot
// is free again for the next: rooms become interchangeable within a slot and the integer
// program can count them instead of naming them. The grid's points are points of the booking
// grid too (multiples of the slot length), so every proposal can be booked as it stands.
import { covers, type Interval, isClear, MINUTE, normalise, subtract } from '../scheduling/intervals.ts';
import { interpreterLanguage, primaryLanguage } from '../scheduling/interpreter.ts';
import { bookableWindow, type SlotRules } from '../scheduling/slots.ts';
import { dailyHours, expandWeeklyHours, type WeeklyRule } from '../scheduling/weekly-hours.ts';
import { type Calendar, MEETING_VALUE, type PlannerInstance, preferencePriority } from './instance.ts';

export type PlannerSlot = Interval & {
  /** Rooms open for the meeting and free through its buffer. */
  roomIds: string[];
  /** Indices (into instance.interpreters) of interpreters open and free for the meeting. */
  interpreters: number[];
};

export type NoCandidateReason =
  | { code: 'unknown-company' | 'unknown-buyer' | 'company-unavailable' | 'no-common-hours' | 'no-room'; message: string }
  | { code: 'no-interpreter'; language: string; message: string };

export type RequestCandidates = {
  company: number;
  buyer: number;
  /** Primary language an interpreter must speak, or null when none is needed. */
  language: string | null;
  /** Slot indices where the request fits on its own, ascending, and what it earns in each. */
  slots: number[];
  values: number[];
  /** Set when `slots` is empty. */
  reason?: NoCandidateReason | undefined;
};

export type CandidateSet = {
  stepMs: number;
  slots: PlannerSlot[];
  /** Aligned with instance.requests. */
  requests: RequestCandidates[];
  /** Primary languages of each interpreter, aligned with instance.interpreters. */
  interpreterLanguages: string[][];
};

/** Planner slot spacing in ms: the smallest multiple of the slot length holding slot + buffer. */
export function plannerStepMs(rules: Pick<SlotRules, 'slotMinutes' | 'roomBufferMinutes'>): number {
  const k = Math.ceil((rules.slotMinutes + rules.roomBufferMinutes) / rules.slotMinutes);
  return k * rules.slotMinutes * MINUTE;
}

/** Grid starts whose meeting fits in the bookable window (notice and horizon applied). */
export function plannerGrid(instance: PlannerInstance, now: number): Interval[] {
  const window = bookableWindow(now, instance.window, instance.rules);
  const step = plannerStepMs(instance.rules);
  const length = instance.rules.slotMinutes * MINUTE;
  const out: Interval[] = [];
  for (let start = Math.ceil(window.start / step) * step; start + length <= window.end; start += step) {
    out.push({ start, end: start + length });
  }
  return out;
}

// Many owners share the same weekly rules (the defaults): expand each distinct set once.
function hoursExpander(range: Interval) {
  const memo = new Map<string, Interval[]>();
  return (rules: WeeklyRule[]): Interval[] => {
    const key = JSON.stringify(rules);
    let open = memo.get(key);
    if (!open) memo.set(key, (open = expandWeeklyHours(rules, range)));
    return open;
  };
}

/** For each grid slot: open (hours minus blackouts) and clear of busy over [start, start + length + extra). */
function freeAt(cal: Calendar, expand: (r: WeeklyRule[]) => Interval[], grid: Interval[], extraMs: number): boolean[] {
  const open = subtract(expand(cal.hours), normalise(cal.blackouts ?? []));
  const busy = normalise(cal.busy ?? []);
  return grid.map((m) => covers(open, m) && isClear(busy, { start: m.start, end: m.end + extraMs }));
}

export function buildCandidates(instance: PlannerInstance, now: number): CandidateSet {
  const grid = plannerGrid(instance, now);
  const range = grid.length ? { start: grid[0]!.start, end: grid.at(-1)!.end } : { start: 0, end: 0 };
  const expand = hoursExpander(range);
  const buffer = instance.rules.roomBufferMinutes * MINUTE;

  const roomFree = instance.rooms.map((r) => freeAt(r, expand, grid, buffer));
  const interpreterFree = instance.interpreters.map((i) => freeAt(i, expand, grid, 0));
  const slots: PlannerSlot[] = grid.map((m, s) => ({
    ...m,
    roomIds: instance.rooms.filter((_, k) => roomFree[k]![s]).map((r) => r.id),
    interpreters: instance.interpreters.map((_, k) => k).filter((k) => interpreterFree[k]![s]),
  }));
  const interpreterLanguages = instance.interpreters.map((i) => i.languages.map(primaryLanguage));

  const companyIndex = new Map(instance.companies.map((c, k) => [c.id, k]));
  const buyerIndex = new Map(instance.buyers.map((b, k) => [b.id, k]));
  const companyFree = instance.companies.map((c) => freeAt(c, expand, grid, 0));
  // Per buyer and zone: the same buyer's requests may come from different places.
  const buyerFreeMemo = new Map<string, boolean[]>();
  const buyerFree = (k: number, zone: string | undefined) => {
    const b = instance.buyers[k]!;
    const tz = zone ?? b.timeZone;
    let free = buyerFreeMemo.get(`${k} ${tz}`);
    if (!free) buyerFreeMemo.set(`${k} ${tz}`, (free = freeAt({ hours: dailyHours(b.localHours.start, b.localHours.end, tz), busy: b.busy }, expand, grid, 0)));
    return free;
  };

  const requests = instance.requests.map((req): RequestCandidates => {
    const company = companyIndex.get(req.companyId) ?? -1;
    const buyer = buyerIndex.get(req.buyerId) ?? -1;
    const language = company >= 0 ? interpreterLanguage(req.interpreter, req.language, instance.companies[company]!.languages) : null;
    const base = { company, buyer, language, slots: [] as number[], values: [] as number[] };
    if (company < 0) return { ...base, reason: { code: 'unknown-company', message: `Company ${req.companyId} is not taking meetings.` } };
    if (buyer < 0) return { ...base, reason: { code: 'unknown-buyer', message: `Buyer ${req.buyerId} is unknown.` } };
    // Counted stage by stage so that an empty result can say which requirement ran out.
    let companyOk = 0, bothOk = 0, roomOk = 0;
    const buyerOpen = buyerFree(buyer, req.timeZone);
    for (let s = 0; s < slots.length; s++) {
      if (!companyFree[company]![s]) continue;
      companyOk++;
      if (!buyerOpen[s]) continue;
      bothOk++;
      const slot = slots[s]!;
      if (slot.roomIds.length === 0) continue;
      roomOk++;
      if (language && !slot.interpreters.some((k) => interpreterLanguages[k]!.includes(language))) continue;
      base.slots.push(s);
      base.values.push(MEETING_VALUE + preferencePriority(req, slot));
    }
    if (base.slots.length > 0) return base;
    const reason: NoCandidateReason =
      companyOk === 0 ? { code: 'company-unavailable', message: 'The company has no free hour in this week.' }
      : bothOk === 0 ? { code: 'no-common-hours', message: "The company's free hours never meet the buyer's local hours this week." }
      : roomOk === 0 ? { code: 'no-room', message: 'No room is free whenever company and buyer both are.' }
      : { code: 'no-interpreter', language: language!, message: `No ${language} interpreter is free whenever company and buyer both are.` };
    return { ...base, reason };
  });

  return { stepMs: plannerStepMs(instance.rules), slots, requests, interpreterLanguages };
}
