import { describe, expect, it } from 'vitest';
import { intlTag, locales } from './locales.ts';
import { formatWallTime, SLOT_TIME_OPTIONS, wallTimeFormat } from './wall-time.ts';

/** An instant as the API writes a wall time in `timeZone`: "2026-03-08T03:30:00-04:00". */
function wallIso(at: Date, timeZone: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(at).map((x) => [x.type, x.value]));
  const offsetMin = Math.round((Date.UTC(+p.year!, +p.month! - 1, +p.day!, +p.hour!, +p.minute!, +p.second!) - at.getTime()) / 60_000);
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

describe('formatWallTime', () => {
  // Every month and weekday, midnight and late evening, either side of daylight-saving changes.
  const instants = [
    ...Array.from({ length: 12 }, (_, m) => new Date(Date.UTC(2026, m, 3 + m, (m * 5) % 24, (m * 13) % 60))),
    new Date('2026-03-08T06:59:00Z'), new Date('2026-03-08T07:00:00Z'), // New York springs forward
    new Date('2026-10-25T00:30:00Z'), new Date('2026-10-25T01:30:00Z'), // Berlin falls back
    new Date('2026-04-04T15:30:00Z'), new Date('2026-04-04T16:30:00Z'), // Sydney falls back
    new Date('2026-12-31T23:59:00Z'), new Date('2027-01-01T00:00:00Z'),
  ];
  const zones = ['America/New_York', 'Europe/Berlin', 'Australia/Sydney', 'Asia/Kolkata', 'Asia/Seoul', 'UTC'];

  for (const locale of locales) {
    it(`writes what Intl writes, in ${locale}`, () => {
      const format = wallTimeFormat(intlTag(locale));
      for (const timeZone of zones) {
        const intl = new Intl.DateTimeFormat(intlTag(locale), { ...SLOT_TIME_OPTIONS, timeZone });
        for (const at of instants) expect(formatWallTime(wallIso(at, timeZone), format), `${at.toISOString()} ${timeZone}`).toBe(intl.format(at));
      }
    });
  }

  it('reads the wall time in the string, not the instant', () => {
    const en = wallTimeFormat('en-GB');
    // The same instant, 19:00 in New York and 09:00 the next day in Seoul.
    expect(formatWallTime('2026-12-03T19:00:00-05:00', en)).toBe('Thu 3 Dec, 19:00');
    expect(formatWallTime('2026-12-04T09:00:00+09:00', en)).toBe('Fri 4 Dec, 09:00');
    expect(formatWallTime('2026-12-04T09:00:00+09:00', wallTimeFormat('ko-KR'))).toBe('12월 4일 (금) 09:00');
  });

  it('gives back what is not a time as it is', () => {
    const en = wallTimeFormat('en-GB');
    for (const text of ['', 'soon', '2026-12-04', '<b>2026</b>']) expect(formatWallTime(text, en)).toBe(text);
  });
});
