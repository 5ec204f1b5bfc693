// Weekly opening hours in a named time zone, turned into UTC intervals with real
// time-zone rules (Temporal), so daylight-saving changes land where they really are.
import { Temporal } from 'temporal-polyfill';
import { DAY, type Interval, normalise } from './intervals.ts';

export type WeeklyRule = {
  /** ISO weekday: 1 = Monday ... 7 = Sunday, in `timeZone`. */
  weekday: number;
  /** Local wall-clock times 'HH:MM' or 'HH:MM:SS'; end may be '24:00'. */
  start: string;
  end: string;
  timeZone: string;
};

export function isValidTimeZone(zone: string): boolean {
  try {
    Temporal.Now.instant().toZonedDateTimeISO(zone);
    return true;
  } catch {
    return false;
  }
}

function atLocal(date: Temporal.PlainDate, time: string, timeZone: string): number {
  if (time.startsWith('24:00')) {
    return date.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds;
  }
  // 'compatible': a wall time inside a spring-forward gap moves later, as people expect.
  return date
    .toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from(time) })
    .epochMilliseconds;
}

/** The UTC intervals covered by `rules` within `range`, normalised. */
export function expandWeeklyHours(rules: readonly WeeklyRule[], range: Interval): Interval[] {
  const out: Interval[] = [];
  for (const rule of rules) {
    const tz = rule.timeZone;
    let date = Temporal.Instant.fromEpochMilliseconds(range.start - DAY).toZonedDateTimeISO(tz).toPlainDate();
    const last = Temporal.Instant.fromEpochMilliseconds(range.end + DAY).toZonedDateTimeISO(tz).toPlainDate();
    for (; Temporal.PlainDate.compare(date, last) <= 0; date = date.add({ days: 1 })) {
      if (date.dayOfWeek !== rule.weekday) continue;
      const start = Math.max(atLocal(date, rule.start, tz), range.start);
      const end = Math.min(atLocal(date, rule.end, tz), range.end);
      if (start < end) out.push({ start, end });
    }
  }
  return normalise(out);
}

/** Every day of the week, the same local hours (used for a buyer's sensible hours). */
export function dailyHours(start: string, end: string, timeZone: string): WeeklyRule[] {
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end, timeZone }));
}

/** An instant as ISO 8601 with the zone's offset, e.g. 2026-12-01T09:00:00-05:00. */
export function localIso(epochMs: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs)
    .toZonedDateTimeISO(timeZone)
    .toString({ timeZoneName: 'never', smallestUnit: 'second' });
}

/** A whole local calendar day ('YYYY-MM-DD') in `timeZone` as a UTC interval (23 or 25 h across DST). */
export function localDay(date: string, timeZone: string): Interval {
  const day = Temporal.PlainDate.from(date, { overflow: 'reject' });
  return {
    start: day.toZonedDateTime({ timeZone }).epochMilliseconds,
    end: day.add({ days: 1 }).toZonedDateTime({ timeZone }).epochMilliseconds,
  };
}

/** The local calendar date ('YYYY-MM-DD') of an instant in `timeZone`. */
export function localDate(epochMs: number, timeZone: string): string {
  return Temporal.Instant.fromEpochMilliseconds(epochMs).toZonedDateTimeISO(timeZone).toPlainDate().toString();
}
