import { describe, expect, it } from 'vitest';
import { HOUR } from '../scheduling/intervals.ts';
import { buildCandidates, plannerStepMs } from './candidates.ts';
import { at, buyer, company, interpreter, MONDAY, NOW, oneDay, request, room, seoulHours, seoulTime } from './test-instances.ts';

const starts = (instance: Parameters<typeof buildCandidates>[0], r = 0, now = NOW) => {
  const cs = buildCandidates(instance, now);
  return cs.requests[r]!.slots.map((s) => new Date(cs.slots[s]!.start).toISOString());
};

describe('plannerStepMs', () => {
  it.each([
    [30, 10, 60], // the defaults: hourly, as the programme ran
    [30, 0, 30],
    [30, 30, 60],
    [30, 31, 90],
    [50, 10, 100],
    [60, 15, 120],
  ])('%i min + %i min buffer -> every %i min', (slotMinutes, roomBufferMinutes, step) => {
    expect(plannerStepMs({ slotMinutes, roomBufferMinutes })).toBe(step * 60_000);
  });
});

describe('buildCandidates', () => {
  it('a company open 09:00-12:00 Seoul with a Seoul buyer: three hourly slots', () => {
    const instance = oneDay({ companies: [company('c', { hours: seoulHours('09:00', '12:00') })], buyers: [buyer('b')], requests: [request('q', 'c', 'b')] });
    expect(starts(instance)).toEqual(['2026-12-07T00:00:00.000Z', '2026-12-07T01:00:00.000Z', '2026-12-07T02:00:00.000Z']);
  });

  it('a New York buyer across the start of daylight saving time (8 March 2026)', () => {
    // Buyer hours 08:00-20:00 New York. Seoul 09:00 is 19:00 the evening before in EST (UTC-5):
    // inside; from 8 March, in EDT (UTC-4), it is 20:00: outside. Seoul 10:00 never fits.
    const instance = {
      ...oneDay({}),
      window: { start: at('2026-03-02T00:00:00+09:00'), end: at('2026-03-14T00:00:00+09:00') },
      companies: [company('c')],
      buyers: [buyer('b', { timeZone: 'America/New_York', localHours: { start: '08:00', end: '20:00' } })],
      requests: [request('q', 'c', 'b')],
    };
    expect(starts(instance, 0, at('2026-02-27T00:00:00Z'))).toEqual([
      '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z', '2026-03-06T00:00:00.000Z',
    ]);
  });

  it("uses the request's own zone when the buyer is travelling", () => {
    // A Seoul buyer asking from Berlin (07:00-22:00 there is 15:00-06:00 in Seoul in December).
    const instance = oneDay({ companies: [company('c')], buyers: [buyer('b')], requests: [request('q', 'c', 'b', { timeZone: 'Europe/Berlin' })] });
    expect(starts(instance)).toEqual(['2026-12-07T06:00:00.000Z', '2026-12-07T07:00:00.000Z', '2026-12-07T08:00:00.000Z']);
  });

  it("keeps a room free through an existing booking's buffer, and its own", () => {
    // A consultation booked 09:30-10:00 Seoul holds the room until 10:10 (buffer included).
    const busy = [{ start: seoulTime('09:30'), end: seoulTime('10:10') }];
    const instance = oneDay({
      companies: [company('c', { hours: seoulHours('09:00', '12:00') })], buyers: [buyer('b')],
      rooms: [room('r1', { busy })], requests: [request('q', 'c', 'b')],
    });
    // 09:00 would hold the room to 09:40 (overlaps 09:30); 10:00 overlaps 10:00-10:10.
    expect(starts(instance)).toEqual(['2026-12-07T02:00:00.000Z']);
    const cs = buildCandidates({ ...instance, rooms: [room('r1', { busy }), room('r2')] }, NOW);
    expect(cs.slots.filter((s) => s.start < seoulTime('12:00') && s.start >= seoulTime('09:00')).map((s) => s.roomIds)).toEqual([['r2'], ['r2'], ['r1', 'r2']]);
  });

  it('needs an interpreter for a language the company does not speak, matched by primary language', () => {
    const base = { companies: [company('c', { languages: ['ko', 'en'] })], buyers: [buyer('b')] };
    const ja = oneDay({ ...base, requests: [request('q', 'c', 'b', { language: 'ja-JP' })], interpreters: [interpreter('i', ['zh'])] });
    expect(buildCandidates(ja, NOW).requests[0]).toMatchObject({ language: 'ja', slots: [], reason: { code: 'no-interpreter', language: 'ja' } });
    const withJa = { ...ja, interpreters: [interpreter('i', ['zh', 'JA'], { hours: seoulHours('13:00', '14:00') })] };
    expect(starts(withJa)).toEqual(['2026-12-07T04:00:00.000Z']);
    const english = oneDay({ ...base, requests: [request('q', 'c', 'b', { language: 'en-GB' })] });
    expect(buildCandidates(english, NOW).requests[0]!.language).toBeNull();
    const required = oneDay({ ...base, requests: [request('q', 'c', 'b', { language: 'en-GB', interpreter: 'required' })] });
    expect(buildCandidates(required, NOW).requests[0]!.language).toBe('en');
  });

  it.each([
    ['unknown-company', { requests: [request('q', 'nobody', 'b')] }],
    ['unknown-buyer', { requests: [request('q', 'c', 'nobody')] }],
    ['company-unavailable', { companies: [company('c', { blackouts: [{ start: MONDAY, end: MONDAY + 24 * HOUR }] })] }],
    ['no-common-hours', { buyers: [buyer('b', { timeZone: 'America/New_York', localHours: { start: '09:00', end: '17:00' } })] }],
    ['no-room', { rooms: [room('r1', { hours: seoulHours('19:00', '20:00') })] }],
  ])('says why a request has nowhere to go: %s', (code, parts) => {
    const instance = oneDay({ companies: [company('c')], buyers: [buyer('b')], requests: [request('q', 'c', 'b')], ...parts });
    expect(buildCandidates(instance, NOW).requests[0]!.reason?.code).toBe(code);
  });

  it('honours minimum notice: nothing within two hours of now', () => {
    const instance = oneDay({ companies: [company('c')], buyers: [buyer('b')], requests: [request('q', 'c', 'b')] });
    expect(starts(instance, 0, seoulTime('10:30'))[0]).toBe('2026-12-07T04:00:00.000Z'); // 13:00 Seoul
  });

  it('scores a slot by the best preference that holds the whole meeting', () => {
    const preferences = [
      { start: seoulTime('10:00'), end: seoulTime('10:30'), priority: 3 },
      { start: seoulTime('09:00'), end: seoulTime('12:00'), priority: 1 },
      { start: seoulTime('11:15'), end: seoulTime('11:45'), priority: 9 }, // no slot starts then
    ];
    const instance = oneDay({ companies: [company('c', { hours: seoulHours('09:00', '13:00') })], buyers: [buyer('b')], requests: [request('q', 'c', 'b', { preferences })] });
    expect(buildCandidates(instance, NOW).requests[0]!.values).toEqual([101, 103, 101, 100]);
  });
});
