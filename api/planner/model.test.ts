import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidates } from './candidates.ts';
import { buildModel, dualBound, integralBound, objectiveOf } from './model.ts';
import { solveMip, solveRelaxation } from './solve.ts';
import { bruteForceOptimum, buyer, company, interpreter, NOW, oneDay, request, room, seoulHours, smallDay } from './test-instances.ts';

describe('buildModel', () => {
  it('leaves out rows that can never bind, and keeps the ones that can', () => {
    // Two requests, one company hour, two rooms: the company row binds, the room row cannot.
    const cs = buildCandidates(oneDay({
      companies: [company('c', { hours: seoulHours('09:00', '10:00') })], buyers: [buyer('b1'), buyer('b2')], rooms: [room('r1'), room('r2')],
      requests: [request('q1', 'c', 'b1'), request('q2', 'c', 'b2')],
    }), NOW);
    const m = buildModel(cs);
    expect([m.numCols, m.numRows, [...m.rowUpper]]).toEqual([2, 1, [1]]);
  });

  it('uses a flow only where interpreters link languages', () => {
    const companies = [0, 1, 2].map((k) => company(`c${k}`, { languages: ['ko'], hours: seoulHours('09:00', '10:00') }));
    const base = {
      companies, buyers: [0, 1, 2].map((k) => buyer(`b${k}`)), rooms: [room('r1'), room('r2'), room('r3')],
      requests: [request('q0', 'c0', 'b0', { language: 'ja' }), request('q1', 'c1', 'b1', { language: 'zh' }), request('q2', 'c2', 'b2', { language: 'ja' })],
    };
    const counted = buildModel(buildCandidates(oneDay({ ...base, interpreters: [interpreter('a', ['ja']), interpreter('b', ['zh'])] }), NOW));
    expect([counted.flows.length, [...counted.rowUpper]]).toEqual([0, [1]]); // two Japanese requests, one Japanese interpreter
    const linked = buildModel(buildCandidates(oneDay({ ...base, interpreters: [interpreter('a', ['ja', 'zh']), interpreter('b', ['zh'])] }), NOW));
    expect(linked.flows.map((f) => f.language)).toEqual(['ja', 'zh', 'zh']);
  });
});

describe('the integer program on HiGHS', () => {
  it('finds the same optimum as trying every assignment, and the LP never bounds below it', async () => {
    await fc.assert(fc.asyncProperty(smallDay, async (instance) => {
      const cs = buildCandidates(instance, NOW);
      const model = buildModel(cs);
      const best = bruteForceOptimum(cs);
      const mip = await solveMip(model, 10_000);
      expect(mip.status).toBe('optimal');
      expect(objectiveOf(model, mip.x!)).toBe(best);
      expect(mip.bound).toBe(best);
      const lp = await solveRelaxation(model, 10_000);
      expect(lp.bound).toBeGreaterThanOrEqual(best);
    }), { numRuns: 60 });
  });

  it('any non-negative multipliers give a bound no lower than the optimum (weak duality)', async () => {
    await fc.assert(fc.property(smallDay, fc.array(fc.double({ min: 0, max: 200, noNaN: true }), { maxLength: 40 }), (instance, y) => {
      const cs = buildCandidates(instance, NOW);
      const model = buildModel(cs);
      expect(integralBound(dualBound(model, y).bound)).toBeGreaterThanOrEqual(bruteForceOptimum(cs));
    }), { numRuns: 100 });
  });
});
