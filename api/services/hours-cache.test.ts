import { describe, expect, it } from 'vitest';
import { cachedWeeklyHours } from './hours-cache.ts';
import { expandWeeklyHours } from '../scheduling/weekly-hours.ts';

const rules = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00', timeZone: 'Europe/Berlin' }));

describe('cachedWeeklyHours', () => {
  it.each([
    { start: Date.parse('2026-03-25T10:17:00Z'), end: Date.parse('2026-04-02T05:00:00Z') }, // across a DST change
    { start: Date.parse('2026-12-01T00:00:00Z'), end: Date.parse('2026-12-01T12:00:00Z') },
  ])('equals the direct expansion for %o, cached or not', (range) => {
    const direct = expandWeeklyHours(rules, range);
    expect(cachedWeeklyHours(rules, range)).toEqual(direct);
    expect(cachedWeeklyHours([...rules].reverse(), range)).toEqual(direct); // same rules, other order: same entry
  });
});
