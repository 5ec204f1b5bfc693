import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildCandidates } from './candidates.ts';
import { checkPlan } from './check.ts';
import { generateWeek } from './generate.ts';
import { planWeek } from './plan.ts';
import { bruteForceOptimum, NOW, smallDay } from './test-instances.ts';

describe('planWeek on random instances', () => {
  it('every plan passes the independent check, never beats its bound, and small ones are proved optimal', async () => {
    await fc.assert(fc.asyncProperty(smallDay, async (instance) => {
      const p = await planWeek(instance, { now: NOW, timeLimitMs: 10_000 });
      expect(checkPlan(instance, p.placements, NOW)).toEqual([]);
      expect(p.objective).toBeLessThanOrEqual(p.bound);
      // Every request is either placed or explained, once.
      expect([...p.placements.map((x) => x.requestId), ...p.unplaced.map((u) => u.requestId)].sort()).toEqual(instance.requests.map((r) => r.id).sort());
      const best = bruteForceOptimum(buildCandidates(instance, NOW));
      expect(p.bound).toBeGreaterThanOrEqual(best);
      expect(p.optimal).toBe(true);
      expect(p.objective).toBe(best);
    }), { numRuns: 80 });
  });

  it('a generated week shaped like the programme: a valid plan within its bound', async () => {
    const { instance, now } = generateWeek({ seed: 7, requests: 120, buyers: 12, companies: 24, rooms: 4, interpreters: 4 });
    const p = await planWeek(instance, { now, timeLimitMs: 20_000 });
    expect(checkPlan(instance, p.placements, now)).toEqual([]);
    expect(p.placed).toBeGreaterThan(0);
    expect(p.objective).toBeLessThanOrEqual(p.bound);
    expect(p.gap).toBeGreaterThanOrEqual(0);
  });
});
