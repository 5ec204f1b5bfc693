import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bookableSlots, type SlotInput } from './slots.ts';
import { expandWeeklyHours, dailyHours } from './weekly-hours.ts';
import { HOUR, MINUTE, type Interval, isClear, covers, subtract } from './intervals.ts';

const at = (iso: string) => Date.parse(iso);
const rules = { slotMinutes: 30, roomBufferMinutes: 10, minNoticeMinutes: 120, horizonDays: 28 };
const week: Interval = { start: at('2026-12-07T00:00:00Z'), end: at('2026-12-12T00:00:00Z') };
const seoulHours = (start = '09:00', end = '18:00') =>
  expandWeeklyHours([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, timeZone: 'Asia/Seoul' })), week);

function input(overrides: Partial<SlotInput> = {}): SlotInput {
  return {
    now: at('2026-12-01T00:00:00Z'),
    window: week,
    rules,
    company: { id: 'c', open: seoulHours(), busy: [] },
    buyer: { open: expandWeeklyHours(dailyHours('07:00', '22:00', 'America/New_York'), week), busy: [] },
    rooms: [{ id: 'r1', open: seoulHours('08:00', '20:00'), busy: [] }],
    interpreters: null,
    ...overrides,
  };
}

describe('bookableSlots', () => {
  it('a New York buyer meets Seoul office hours only in their evening', () => {
    const slots = bookableSlots(input());
    expect(slots.length).toBeGreaterThan(0);
    // Seoul 09:00-18:00 = 00:00-09:00 UTC = 19:00-04:00 New York; buyer hours end 22:00 (03:00 UTC).
    for (const s of slots) {
      const utcHour = new Date(s.start).getUTCHours();
      expect(utcHour).toBeLessThan(3);
    }
    expect(new Date(slots[0]!.start).toISOString()).toBe('2026-12-07T00:00:00.000Z');
  });

  it('keeps the room free through its turnover buffer', () => {
    const taken = { start: at('2026-12-07T01:00:00Z'), end: at('2026-12-07T01:40:00Z') }; // 30 min + 10 buffer
    const slots = bookableSlots(input({ rooms: [{ id: 'r1', open: seoulHours('08:00', '20:00'), busy: [taken] }] }));
    const starts = slots.map((s) => new Date(s.start).toISOString());
    expect(starts).not.toContain('2026-12-07T01:00:00.000Z');
    expect(starts).not.toContain('2026-12-07T01:30:00.000Z'); // room still turning over until 01:40
    expect(starts).not.toContain('2026-12-07T00:30:00.000Z'); // its buffer would run into 01:00
    expect(starts).toContain('2026-12-07T02:00:00.000Z');
  });

  it('needs an interpreter when asked, and none free means no slot', () => {
    expect(bookableSlots(input({ interpreters: [] }))).toEqual([]);
    const slots = bookableSlots(input({ interpreters: [{ id: 'i1', open: seoulHours('09:00', '10:00'), busy: [] }] }));
    expect(slots.every((s) => s.interpreterIds[0] === 'i1')).toBe(true);
    expect(new Set(slots.map((s) => new Date(s.start).getUTCHours()))).toEqual(new Set([0]));
  });

  it('respects minimum notice and the horizon', () => {
    const now = at('2026-12-07T00:10:00Z');
    const slots = bookableSlots(input({ now, rules: { ...rules, horizonDays: 1 } }));
    expect(slots[0]!.start).toBe(at('2026-12-07T02:30:00Z')); // 00:10 + 120 min, next grid point
    expect(slots.at(-1)!.end).toBeLessThanOrEqual(now + 24 * HOUR);
  });

  it('a programme-wide blackout (a Korean public holiday) removes the whole day', () => {
    // 2026-12-25 is Christmas Day, a public holiday in Korea (Friday).
    const window = { start: at('2026-12-24T15:00:00Z'), end: at('2026-12-25T15:00:00Z') };
    const open = expandWeeklyHours([5].map((weekday) => ({ weekday, start: '09:00', end: '18:00', timeZone: 'Asia/Seoul' })), window);
    expect(open.length).toBe(1);
    const holiday = [window];
    const slots = bookableSlots(input({ window, company: { id: 'c', open: subtract(open, holiday), busy: [] } }));
    expect(slots).toEqual([]);
  });
});

describe('bookableSlots properties', () => {
  const busyList = fc
    .array(fc.tuple(fc.integer({ min: 0, max: 5 * 48 }), fc.integer({ min: 1, max: 6 })), { maxLength: 10 })
    .map((xs) => xs.map(([h, l]) => ({ start: week.start + h * 30 * MINUTE, end: week.start + (h + l) * 30 * MINUTE })))
    .map((xs) => xs.sort((a, b) => a.start - b.start).reduce<Interval[]>((acc, i) => {
      const last = acc.at(-1);
      if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
      else acc.push({ ...i });
      return acc;
    }, []));

  it('no slot overlaps a busy interval or leaves working hours', () => {
    fc.assert(
      fc.property(busyList, busyList, busyList, (companyBusy, roomBusy, buyerBusy) => {
        const data = input({
          company: { id: 'c', open: seoulHours(), busy: companyBusy },
          rooms: [{ id: 'r1', open: seoulHours('08:00', '20:00'), busy: roomBusy }],
          buyer: { open: input().buyer.open, busy: buyerBusy },
        });
        for (const s of bookableSlots(data)) {
          expect(isClear(companyBusy, s)).toBe(true);
          expect(isClear(buyerBusy, s)).toBe(true);
          expect(isClear(roomBusy, { start: s.start, end: s.end + 10 * MINUTE })).toBe(true);
          expect(covers(data.company.open, s)).toBe(true);
          expect(covers(data.buyer.open, s)).toBe(true);
        }
      }),
    );
  });
});
