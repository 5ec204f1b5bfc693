import { describe, expect, it } from 'vitest';
import { outsideHours } from './outside-hours.ts';
import type { WeeklyRule } from './weekly-hours.ts';

const at = (iso: string) => Date.parse(iso);
const meeting = (id: string, start: string, minutes = 30) => ({ id, start: at(start), end: at(start) + minutes * 60_000 });
const weekdays = (start: string, end: string, timeZone: string): WeeklyRule[] => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, timeZone }));

describe('outsideHours', () => {
  // 2026-12-07 is a Monday; Seoul is UTC+9 all year.
  const seoul = weekdays('09:00', '13:00', 'Asia/Seoul');
  it.each([
    ['inside, from the opening minute', meeting('a', '2026-12-07T00:00:00Z'), false],
    ['ending exactly at closing', meeting('b', '2026-12-07T03:30:00Z'), false],
    ['running past closing', meeting('c', '2026-12-07T03:45:00Z'), true],
    ['starting before opening', meeting('d', '2026-12-06T23:45:00Z'), true],
    ['on a Saturday', meeting('e', '2026-12-12T01:00:00Z'), true],
    ['in the afternoon the new hours dropped', meeting('f', '2026-12-08T06:00:00Z'), true],
  ])('a meeting %s', (_, m, outside) => {
    expect(outsideHours([m], seoul).map((x) => x.id)).toEqual(outside ? [m.id] : []);
  });

  it('follows the hours across a daylight-saving change (Berlin, 29 March 2026)', () => {
    const berlin = weekdays('09:00', '17:00', 'Europe/Berlin');
    // Friday 09:00 Berlin is 08:00 UTC (winter); Monday 09:00 is 07:00 UTC (summer).
    const friday = meeting('fri', '2026-03-27T08:00:00Z');
    const mondayEarly = meeting('mon-early', '2026-03-30T07:00:00Z');
    const fridayEarly = meeting('fri-early', '2026-03-27T07:00:00Z');
    expect(outsideHours([friday, mondayEarly, fridayEarly], berlin).map((m) => m.id)).toEqual(['fri-early']);
  });

  it('keeps nothing when there are no meetings, and everything when there are no hours', () => {
    expect(outsideHours([], seoul)).toEqual([]);
    expect(outsideHours([meeting('a', '2026-12-07T00:00:00Z')], []).map((m) => m.id)).toEqual(['a']);
  });
});
