// Expanding weekly hours with real time-zone rules is the costly part of finding slots,
// and most resources share the same hours (every room 08:00-20:00 Seoul, say). Expansions
// are kept per rule set over whole UTC days, so requests moments apart share them.
import { DAY, type Interval, intersect } from '../scheduling/intervals.ts';
import { expandWeeklyHours, type WeeklyRule } from '../scheduling/weekly-hours.ts';

const MAX_ENTRIES = 2_000;
const cache = new Map<string, Interval[]>();

export function cachedWeeklyHours(rules: readonly WeeklyRule[], range: Interval): Interval[] {
  const days = { start: Math.floor(range.start / DAY) * DAY, end: Math.ceil(range.end / DAY) * DAY };
  const signature = rules
    .map((r) => `${r.weekday} ${r.start} ${r.end} ${r.timeZone}`)
    .sort()
    .join('|');
  const key = `${days.start}:${days.end}:${signature}`;
  let hours = cache.get(key);
  if (!hours) {
    hours = expandWeeklyHours(rules, days);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
    cache.set(key, hours);
  }
  return intersect(hours, [range]);
}
