// Small hand-made and random instances for the planner's tests: one Monday (2026-12-07) in Seoul, hourly
// planner slots (30 min + 10 min buffer), everyone open unless a test says otherwise.
import fc from 'fast-check';
import { HOUR } from '../scheduling/intervals.ts';
import type { WeeklyRule } from '../scheduling/weekly-hours.ts';
import type { CandidateSet } from './candidates.ts';
import { Occupancy } from './occupancy.ts';
import type { PlannerBuyer, PlannerCompany, PlannerInstance, PlannerInterpreter, PlannerRequest, PlannerRoom } from './instance.ts';

export const at = (iso: string) => Date.parse(iso);
/** Monday 2026-12-07, 00:00 in Seoul. */
export const MONDAY = at('2026-12-07T00:00:00+09:00');
export const NOW = MONDAY - 2 * 24 * HOUR;
/** An instant on that Monday at Seoul wall time `hh:mm`. */
export const seoulTime = (hhmm: string) => at(`2026-12-07T${hhmm}:00+09:00`);

export const seoulHours = (start = '09:00', end = '18:00', days = [1, 2, 3, 4, 5]): WeeklyRule[] =>
  days.map((weekday) => ({ weekday, start, end, timeZone: 'Asia/Seoul' }));

export const company = (id: string, more: Partial<PlannerCompany> = {}): PlannerCompany => ({ id, languages: ['ko', 'en'], hours: seoulHours(), ...more });
export const buyer = (id: string, more: Partial<PlannerBuyer> = {}): PlannerBuyer => ({ id, timeZone: 'Asia/Seoul', localHours: { start: '07:00', end: '22:00' }, ...more });
export const room = (id: string, more: Partial<PlannerRoom> = {}): PlannerRoom => ({ id, hours: seoulHours('08:00', '20:00'), ...more });
export const interpreter = (id: string, languages: string[], more: Partial<PlannerInterpreter> = {}): PlannerInterpreter => ({ id, languages, hours: seoulHours(), ...more });
export const request = (id: string, companyId: string, buyerId: string, more: Partial<PlannerRequest> = {}): PlannerRequest => ({ id, companyId, buyerId, language: 'en', interpreter: 'auto', ...more });

export function oneDay(parts: Partial<PlannerInstance>): PlannerInstance {
  return {
    window: { start: MONDAY, end: MONDAY + 24 * HOUR },
    rules: { slotMinutes: 30, roomBufferMinutes: 10, minNoticeMinutes: 120, horizonDays: 28 },
    companies: [], buyers: [], rooms: [room('r1')], interpreters: [], requests: [],
    ...parts,
  };
}

/** Random small days (a few companies, buyers around the world, rooms, interpreters, requests) for property tests. */
export const smallDay = fc.record({
  companies: fc.array(fc.record({ from: fc.integer({ min: 9, max: 12 }), hours: fc.integer({ min: 1, max: 4 }), languages: fc.subarray(['en', 'ja', 'ru']) }), { minLength: 1, maxLength: 3 }),
  buyers: fc.array(fc.record({
    zone: fc.constantFrom('Asia/Seoul', 'Asia/Tokyo', 'America/New_York', 'America/Los_Angeles', 'Europe/Berlin'),
    busyAt: fc.option(fc.integer({ min: 9, max: 13 })),
  }), { minLength: 1, maxLength: 3 }),
  rooms: fc.array(fc.record({ busyAt: fc.option(fc.integer({ min: 17, max: 27 })) }), { minLength: 1, maxLength: 2 }),
  interpreters: fc.array(fc.record({ languages: fc.subarray(['ja', 'ru', 'en'], { minLength: 1 }), from: fc.integer({ min: 9, max: 12 }), hours: fc.integer({ min: 1, max: 4 }) }), { maxLength: 3 }),
  requests: fc.array(fc.record({
    company: fc.nat(), buyer: fc.nat(),
    language: fc.constantFrom('ko', 'en', 'ja', 'ru'), interpreter: fc.constantFrom('auto', 'required', 'none') as fc.Arbitrary<'auto' | 'required' | 'none'>,
    preference: fc.option(fc.record({ at: fc.integer({ min: 9, max: 13 }), priority: fc.integer({ min: 1, max: 9 }) })),
  }), { minLength: 1, maxLength: 6 }),
}).map(({ companies, buyers, rooms, interpreters, requests }): PlannerInstance => {
  const hh = (h: number) => `${String(h).padStart(2, '0')}:00`;
  // Half-hour steps from 09:00 Seoul, so existing bookings also fall between planner slots.
  const halfHour = (k: number) => seoulTime('09:00') + (k - 18) * HOUR / 2;
  return oneDay({
    companies: companies.map((c, k) => company(`c${k}`, { languages: ['ko', ...c.languages], hours: seoulHours(hh(c.from), hh(c.from + c.hours)) })),
    buyers: buyers.map((b, k) => buyer(`b${k}`, { timeZone: b.zone, busy: b.busyAt === null ? [] : [{ start: seoulTime(hh(b.busyAt)), end: seoulTime(hh(b.busyAt)) + HOUR / 2 }] })),
    rooms: rooms.map((r, k) => room(`r${k}`, { busy: r.busyAt === null ? [] : [{ start: halfHour(r.busyAt), end: halfHour(r.busyAt) + 40 * 60_000 }] })),
    interpreters: interpreters.map((i, k) => interpreter(`i${k}`, i.languages, { hours: seoulHours(hh(i.from), hh(i.from + i.hours)) })),
    requests: requests.map((q, k) => request(`q${k}`, `c${q.company % companies.length}`, `b${q.buyer % buyers.length}`, {
      language: q.language, interpreter: q.interpreter,
      preferences: q.preference ? [{ start: seoulTime(hh(q.preference.at)), end: seoulTime(hh(q.preference.at)) + HOUR / 2, priority: q.preference.priority }] : [],
    })),
  });
});

/** The best objective by trying every assignment of requests to their candidate slots (tiny instances only). */
export function bruteForceOptimum(cs: CandidateSet): number {
  const occ = new Occupancy(cs);
  let best = 0;
  const visit = (r: number) => {
    if (r === cs.requests.length) { best = Math.max(best, occ.objective); return; }
    visit(r + 1);
    for (const s of cs.requests[r]!.slots) {
      if (!occ.tryPlace(r, s)) continue;
      visit(r + 1);
      occ.remove(r);
    }
  };
  visit(0);
  return best;
}
