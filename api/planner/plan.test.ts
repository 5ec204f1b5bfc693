import { describe, expect, it } from 'vitest';
import { buildCandidates } from './candidates.ts';
import { checkPlan } from './check.ts';
import { firstComeFirstServed } from './heuristic.ts';
import { PlannerInputError, type PlannerInstance } from './instance.ts';
import { planWeek } from './plan.ts';
import { at, buyer, company, interpreter, NOW, oneDay, request, room, seoulHours, seoulTime } from './test-instances.ts';

const plan = (instance: PlannerInstance, now = NOW) => planWeek(instance, { now, timeLimitMs: 10_000 });
const when = (p: Awaited<ReturnType<typeof plan>>, id: string) => {
  const found = p.placements.find((x) => x.requestId === id);
  return found ? new Date(found.start).toISOString() : null;
};

describe('planWeek', () => {
  it('two requests competing for the one hour a company has: one placed, the other told why', async () => {
    const p = await plan(oneDay({
      companies: [company('c', { hours: seoulHours('09:00', '10:00') })], buyers: [buyer('b1'), buyer('b2')], rooms: [room('r1'), room('r2')],
      requests: [request('q1', 'c', 'b1'), request('q2', 'c', 'b2', { preferences: [{ start: seoulTime('09:00'), end: seoulTime('09:30'), priority: 2 }] })],
    }));
    // The buyer who asked for that time gets it (worth 102 against 100).
    expect(p.placements).toEqual([{ requestId: 'q2', start: seoulTime('09:00'), end: seoulTime('09:30'), roomId: 'r1', interpreterId: null }]);
    expect(p.unplaced).toEqual([{ requestId: 'q1', reason: { code: 'outcompeted', message: 'All 1 possible time went to other requests: the company is meeting someone else at 1.' } }]);
    expect([p.objective, p.bound, p.optimal, p.gap]).toEqual([102, 102, true, 0]);
  });

  it('beats first come, first served: the flexible request moves aside for the one with a single possible time', async () => {
    // The company has 09:00 and 10:00; the second buyer can only manage 09:00-09:30.
    const instance = oneDay({
      companies: [company('c', { hours: seoulHours('09:00', '11:00') })],
      buyers: [buyer('any'), buyer('nine', { localHours: { start: '09:00', end: '09:30' } })],
      requests: [request('flexible', 'c', 'any'), request('only-nine', 'c', 'nine')],
    });
    expect(firstComeFirstServed(buildCandidates(instance, NOW)).placed).toBe(1);
    const p = await plan(instance);
    expect(p.placed).toBe(2);
    expect([when(p, 'flexible'), when(p, 'only-nine')]).toEqual([new Date(seoulTime('10:00')).toISOString(), new Date(seoulTime('09:00')).toISOString()]);
    expect(p.optimal).toBe(true);
  });

  it('interpreter scarcity: one Russian interpreter, three Russian buyers at the same hour', async () => {
    const companies = [0, 1, 2].map((k) => company(`c${k}`, { languages: ['ko'], hours: seoulHours('09:00', '10:00') }));
    const p = await plan(oneDay({
      companies, buyers: [0, 1, 2].map((k) => buyer(`b${k}`)), rooms: [room('r1'), room('r2'), room('r3')],
      interpreters: [interpreter('ivan', ['ru']), interpreter('yuki', ['ja'])],
      requests: [0, 1, 2].map((k) => request(`q${k}`, `c${k}`, `b${k}`, { language: 'ru-RU' })),
    }));
    expect(p.placed).toBe(1);
    expect(p.placements[0]!.interpreterId).toBe('ivan');
    expect(p.unplaced.map((u) => u.reason.message)).toEqual([
      'All 1 possible time went to other requests: every ru interpreter is in use at 1.',
      'All 1 possible time went to other requests: every ru interpreter is in use at 1.',
    ]);
  });

  it('a bilingual interpreter covers whichever language is short', async () => {
    // Mina speaks Japanese and Chinese, Aoi only Japanese: at one hour, one Japanese and one
    // Chinese buyer both fit only if Mina takes the Chinese meeting.
    const companies = [0, 1].map((k) => company(`c${k}`, { languages: ['ko'], hours: seoulHours('09:00', '10:00') }));
    const p = await plan(oneDay({
      companies, buyers: [buyer('b0'), buyer('b1')], rooms: [room('r1'), room('r2')],
      interpreters: [interpreter('mina', ['ja', 'zh']), interpreter('aoi', ['ja'])],
      requests: [request('ja', 'c0', 'b0', { language: 'ja' }), request('zh', 'c1', 'b1', { language: 'zh' })],
    }));
    expect(Object.fromEntries(p.placements.map((x) => [x.requestId, x.interpreterId]))).toEqual({ ja: 'aoi', zh: 'mina' });
  });

  it("a New York buyer across the daylight-saving change gets only the evenings that still fit", async () => {
    const window = { start: at('2026-03-02T00:00:00+09:00'), end: at('2026-03-14T00:00:00+09:00') };
    const companies = Array.from({ length: 7 }, (_, k) => company(`c${k}`));
    const ny = buyer('ny', { timeZone: 'America/New_York', localHours: { start: '08:00', end: '20:00' } });
    const instance = { ...oneDay({ companies, buyers: [ny], requests: companies.map((c, k) => request(`q${k}`, c.id, 'ny')) }), window };
    const p = await planWeek(instance, { now: at('2026-02-27T00:00:00Z'), timeLimitMs: 10_000 });
    // One evening hour (19:00 EST) on each of the five days before the change; none after.
    expect(p.placements.map((x) => new Date(x.start).toISOString()).sort()).toEqual([
      '2026-03-02T00:00:00.000Z', '2026-03-03T00:00:00.000Z', '2026-03-04T00:00:00.000Z', '2026-03-05T00:00:00.000Z', '2026-03-06T00:00:00.000Z',
    ]);
    expect(p.unplaced.map((u) => u.reason.code)).toEqual(['outcompeted', 'outcompeted']);
    expect(p.unplaced[0]!.reason.message).toContain('the buyer is meeting another company at 5');
  });

  it("a room's turnover buffer: an existing booking at 09:30 keeps the room from 09:00 and 10:00", async () => {
    const p = await plan(oneDay({
      companies: [company('c', { hours: seoulHours('09:00', '11:00') })], buyers: [buyer('b1'), buyer('b2')],
      rooms: [room('r1', { busy: [{ start: seoulTime('09:30'), end: seoulTime('10:10') }] })],
      requests: [request('q1', 'c', 'b1'), request('q2', 'c', 'b2')],
    }));
    expect(p.placed).toBe(0);
    expect(p.unplaced.map((u) => u.reason.code)).toEqual(['no-room', 'no-room']);
    expect(p.bound).toBe(0);
  });

  it('names distinct rooms when several meetings share an hour', async () => {
    const companies = [0, 1, 2].map((k) => company(`c${k}`, { hours: seoulHours('09:00', '10:00') }));
    const instance = oneDay({
      companies, buyers: [0, 1, 2].map((k) => buyer(`b${k}`)), rooms: [room('a'), room('b', { hours: seoulHours('10:00', '20:00') }), room('c')],
      requests: [0, 1, 2].map((k) => request(`q${k}`, `c${k}`, `b${k}`)),
    });
    const p = await plan(instance);
    expect(p.placements.map((x) => x.roomId).sort()).toEqual(['a', 'c']);
    expect(checkPlan(instance, p.placements, NOW)).toEqual([]);
  });

  it('rejects an instance with duplicate ids or an out-of-range priority', async () => {
    await expect(plan(oneDay({ buyers: [buyer('b'), buyer('b')] }))).rejects.toThrow(PlannerInputError);
    const bad = oneDay({ companies: [company('c')], buyers: [buyer('b')], requests: [request('q', 'c', 'b', { preferences: [{ start: 0, end: 1, priority: 10 }] })] });
    await expect(plan(bad)).rejects.toThrow(/priority/);
  });

  it('an empty week is an empty, optimal plan', async () => {
    const p = await plan(oneDay({}));
    expect([p.placed, p.objective, p.bound, p.gap, p.optimal]).toEqual([0, 0, 0, 0, true]);
  });
});
