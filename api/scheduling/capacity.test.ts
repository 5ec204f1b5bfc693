import { describe, expect, it } from 'vitest';
import { openMinutes } from './capacity.ts';
import { localDay } from './weekly-hours.ts';

const SEOUL = 'Asia/Seoul';
const weekdays = (start: string, end: string, timeZone = SEOUL) => [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start, end, timeZone }));
// Monday 7 to Sunday 13 December 2026, Korean days.
const week = { start: localDay('2026-12-07', SEOUL).start, end: localDay('2026-12-13', SEOUL).end };

describe('open minutes of rooms and interpreters', () => {
  it('counts a week of weekday hours', () => {
    expect(openMinutes([{ rules: weekdays('09:00', '18:00'), blackouts: [] }], [], week)).toBe(5 * 9 * 60);
  });

  it('uses the default hours for a resource that set none, and adds resources up', () => {
    const resources = [{ rules: [], blackouts: [] }, { rules: weekdays('10:00', '12:00'), blackouts: [] }];
    expect(openMinutes(resources, weekdays('08:00', '20:00'), week)).toBe(5 * 12 * 60 + 5 * 2 * 60);
  });

  it('takes blackouts (leave, repairs) off, and only inside the hours', () => {
    const tuesday = localDay('2026-12-08', SEOUL);
    expect(openMinutes([{ rules: weekdays('09:00', '18:00'), blackouts: [tuesday] }], [], week)).toBe(4 * 9 * 60);
  });

  it('counts only the part of the range asked for', () => {
    const monday = localDay('2026-12-07', SEOUL);
    expect(openMinutes([{ rules: weekdays('09:00', '18:00'), blackouts: [] }], [], monday)).toBe(9 * 60);
  });

  it('keeps real hours across a daylight-saving change of the resource\'s zone', () => {
    // Berlin switches to summer time on Sunday 29 March 2026; a booth abroad open 09-17 local.
    const range = { start: Date.parse('2026-03-23T00:00:00Z'), end: Date.parse('2026-04-04T00:00:00Z') };
    expect(openMinutes([{ rules: weekdays('09:00', '17:00', 'Europe/Berlin'), blackouts: [] }], [], range)).toBe(10 * 8 * 60);
  });
});
