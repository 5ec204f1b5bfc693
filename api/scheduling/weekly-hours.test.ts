import { describe, expect, it } from 'vitest';
import { dailyHours, expandWeeklyHours, isValidTimeZone, localDate, localDay, localIso } from './weekly-hours.ts';

const at = (iso: string) => Date.parse(iso);
const weekdays = (start: string, end: string, timeZone: string) =>
  [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, timeZone }));

describe('expandWeeklyHours', () => {
  it('Seoul 09:00-18:00 is 00:00-09:00 UTC on weekdays, nothing at the weekend', () => {
    // Fri 2026-12-04 to Mon 2026-12-07 (UTC)
    const got = expandWeeklyHours(weekdays('09:00', '18:00', 'Asia/Seoul'), {
      start: at('2026-12-04T00:00:00Z'),
      end: at('2026-12-08T00:00:00Z'),
    });
    expect(got.map((i) => [new Date(i.start).toISOString(), new Date(i.end).toISOString()])).toEqual([
      ['2026-12-04T00:00:00.000Z', '2026-12-04T09:00:00.000Z'],
      ['2026-12-07T00:00:00.000Z', '2026-12-07T09:00:00.000Z'],
    ]);
  });

  it.each([
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01.
    { zone: 'America/New_York', day: '2026-03-06', utc: '2026-03-06T13:00:00Z' },
    { zone: 'America/New_York', day: '2026-03-09', utc: '2026-03-09T12:00:00Z' },
    { zone: 'America/New_York', day: '2026-10-30', utc: '2026-10-30T12:00:00Z' },
    { zone: 'America/New_York', day: '2026-11-02', utc: '2026-11-02T13:00:00Z' },
    // Berlin: 2026-03-29 and 2026-10-25.
    { zone: 'Europe/Berlin', day: '2026-03-27', utc: '2026-03-27T07:00:00Z' },
    { zone: 'Europe/Berlin', day: '2026-03-30', utc: '2026-03-30T06:00:00Z' },
    // Sydney falls back on 2026-04-05 and springs forward on 2026-10-04.
    { zone: 'Australia/Sydney', day: '2026-04-03', utc: '2026-04-02T21:00:00Z' },
    { zone: 'Australia/Sydney', day: '2026-04-06', utc: '2026-04-05T22:00:00Z' },
    { zone: 'Australia/Sydney', day: '2026-10-05', utc: '2026-10-04T21:00:00Z' },
    // Kolkata: no daylight saving, half-hour offset.
    { zone: 'Asia/Kolkata', day: '2026-07-01', utc: '2026-07-01T02:30:00Z' },
  ])('08:00 in $zone on $day is $utc', ({ zone, day, utc }) => {
    const got = expandWeeklyHours(dailyHours('08:00', '09:00', zone), {
      start: at(`${day}T00:00:00Z`) - 86_400_000,
      end: at(`${day}T00:00:00Z`) + 2 * 86_400_000,
    });
    expect(got.map((i) => new Date(i.start).toISOString())).toContain(new Date(utc).toISOString());
  });

  it('a day with a spring-forward gap is an hour shorter', () => {
    const [day] = expandWeeklyHours([{ weekday: 7, start: '00:00', end: '24:00', timeZone: 'America/New_York' }], {
      start: at('2026-03-08T00:00:00Z'),
      end: at('2026-03-10T00:00:00Z'),
    });
    expect(day!.end - day!.start).toBe(23 * 3_600_000);
  });

  it('clips to the asked range', () => {
    const got = expandWeeklyHours(weekdays('09:00', '18:00', 'Asia/Seoul'), {
      start: at('2026-12-07T03:00:00Z'),
      end: at('2026-12-07T04:00:00Z'),
    });
    expect(got).toEqual([{ start: at('2026-12-07T03:00:00Z'), end: at('2026-12-07T04:00:00Z') }]);
  });
});

describe('time zone helpers', () => {
  it.each(['Asia/Seoul', 'America/New_York', 'UTC'])('%s is valid', (z) => expect(isValidTimeZone(z)).toBe(true));
  it.each(['Mars/Olympus', '', 'Asia/Seoul<script>'])('%s is not', (z) => expect(isValidTimeZone(z)).toBe(false));
  it('formats local ISO times with the offset', () => {
    expect(localIso(at('2026-12-01T14:00:00Z'), 'America/New_York')).toBe('2026-12-01T09:00:00-05:00');
    expect(localIso(at('2026-12-01T14:00:00Z'), 'Asia/Seoul')).toBe('2026-12-01T23:00:00+09:00');
  });
});

describe('local days (blackout dates)', () => {
  it.each([
    // A Korean public holiday: midnight to midnight in Seoul, 24 hours.
    ['2026-12-25', 'Asia/Seoul', '2026-12-24T15:00:00Z', '2026-12-25T15:00:00Z'],
    // The day clocks go forward in New York has 23 hours, the day they go back 25.
    ['2026-03-08', 'America/New_York', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z'],
    ['2026-11-01', 'America/New_York', '2026-11-01T04:00:00Z', '2026-11-02T05:00:00Z'],
  ])('%s in %s', (date, zone, start, end) => {
    expect(localDay(date, zone)).toEqual({ start: at(start), end: at(end) });
    expect(localDate(at(start), zone)).toBe(date);
  });

  it('refuses dates that do not exist', () => {
    expect(() => localDay('2026-02-30', 'Asia/Seoul')).toThrow();
  });
});
