// Which booked meetings a change of weekly hours leaves outside them: staff narrowing a
// room's or an interpreter's hours are told which live consultations no longer fit, so
// they can move them (the change itself never moves or cancels anyone's meeting).
import { covers, type Interval } from './intervals.ts';
import { expandWeeklyHours, type WeeklyRule } from './weekly-hours.ts';

/** The meetings not wholly inside one stretch of the hours (in the hours' own zone, DST included). */
export function outsideHours<T extends Interval>(meetings: readonly T[], rules: readonly WeeklyRule[]): T[] {
  if (meetings.length === 0) return [];
  const range = { start: Math.min(...meetings.map((m) => m.start)), end: Math.max(...meetings.map((m) => m.end)) };
  const open = expandWeeklyHours(rules, range);
  return meetings.filter((m) => !covers(open, { start: m.start, end: m.end }));
}
