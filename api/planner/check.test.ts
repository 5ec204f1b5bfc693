import { describe, expect, it } from 'vitest';
import { type CheckedPlacement, checkPlan } from './check.ts';
import { buyer, company, interpreter, NOW, oneDay, request, room, seoulTime } from './test-instances.ts';

const instance = oneDay({
  companies: [company('c1'), company('c2'), company('kr', { languages: ['ko'] }), company('kr2', { languages: ['ko'] })],
  buyers: [buyer('b1'), buyer('b2'), buyer('ny', { timeZone: 'America/New_York' })],
  rooms: [room('r1'), room('r2', { busy: [{ start: seoulTime('14:00'), end: seoulTime('14:40') }] })],
  interpreters: [interpreter('ja', ['ja']), interpreter('ru', ['ru'], { busy: [{ start: seoulTime('15:00'), end: seoulTime('15:30') }] })],
  requests: [
    request('q1', 'c1', 'b1'), request('q2', 'c2', 'b2'), request('q3', 'c1', 'b2'),
    request('jp', 'kr', 'b1', { language: 'ja' }), request('rus', 'kr2', 'b2', { language: 'ru' }),
    request('nyc', 'c2', 'ny'),
  ],
});
const p = (requestId: string, hhmm: string, roomId = 'r1', interpreterId: string | null = null): CheckedPlacement =>
  ({ requestId, start: seoulTime(hhmm), roomId, interpreterId });
const check = (plan: CheckedPlacement[]) => checkPlan(instance, plan, NOW).map((v) => `${v.requestId}: ${v.message}`);

describe('checkPlan', () => {
  it('accepts a sound plan', () => {
    expect(check([p('q1', '09:00'), p('q2', '09:00', 'r2'), p('q3', '10:00'), p('jp', '11:00', 'r1', 'ja'), p('rus', '11:00', 'r2', 'ru'), p('nyc', '10:00', 'r2')])).toEqual([]);
  });

  it.each<[string, CheckedPlacement[], string]>([
    ['a room twice', [p('q1', '09:00'), p('q2', '09:00')], 'q2: room r1 double-booked with request q1'],
    ["a room inside the last meeting's turnover buffer", [p('q1', '09:00'), p('q2', '09:30')], 'q2: room r1 double-booked with request q1'],
    ['a company twice', [p('q1', '09:00'), p('q3', '09:00', 'r2')], 'q3: company c1 double-booked with request q1'],
    ['a buyer twice', [p('q2', '10:00'), p('q3', '10:00', 'r2')], 'q3: buyer b2 double-booked with request q2'],
    ['an interpreter twice', [p('jp', '11:00', 'r1', 'ja'), p('q1', '11:00', 'r2', 'ja')], 'q1: an interpreter is booked though none is needed'],
    ['a room already booked (with buffer)', [p('q1', '13:30', 'r2')], 'q1: the room (with its turnover buffer) is already booked'],
    ['an interpreter of the wrong language', [p('jp', '11:00', 'r1', 'ru')], 'jp: interpreter ru does not speak ja'],
    ['no interpreter where one is needed', [p('jp', '11:00')], 'jp: needs a ja interpreter'],
    ['a busy interpreter', [p('rus', '15:00', 'r1', 'ru')], 'rus: the interpreter already has a meeting then'],
    ["outside the company's hours", [p('q1', '18:00')], "q1: outside the company's hours"],
    ["outside the buyer's local hours", [p('nyc', '13:00')], "nyc: outside the buyer's local hours"], // 23:00 in New York
    ['off the booking grid', [p('q1', '09:10')], 'q1: starts off the booking grid'],
    ['one request twice', [p('q1', '09:00'), p('q1', '11:00')], 'q1: placed twice'],
  ])('finds %s', (_, plan, expected) => {
    expect(check(plan)).toContain(expected);
  });

  it('finds the same interpreter in two meetings at once', () => {
    const two = { ...instance, requests: [...instance.requests, request('jp2', 'kr2', 'b2', { language: 'ja' })] };
    const v = checkPlan(two, [p('jp', '11:00', 'r1', 'ja'), p('jp2', '11:00', 'r2', 'ja')], NOW);
    expect(v.map((x) => x.message)).toEqual(['interpreter ja double-booked with request jp']);
  });

  it("judges local hours in the request's own zone", () => {
    const travelling = { ...instance, requests: [request('away', 'c1', 'b1', { timeZone: 'America/New_York' })] };
    expect(checkPlan(travelling, [p('away', '13:00')], NOW).map((v) => v.message)).toEqual(["outside the buyer's local hours"]);
    expect(checkPlan(travelling, [p('away', '10:00')], NOW)).toEqual([]);
  });

  it('finds a meeting inside the notice period', () => {
    expect(checkPlan(instance, [p('q1', '09:00')], seoulTime('08:00')).map((v) => v.message)).toEqual(['outside the week, the notice period or the horizon']);
  });
});
