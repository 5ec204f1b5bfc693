import { describe, expect, it } from 'vitest';
import { planInWorker } from './run.ts';
import { buyer, company, NOW, oneDay, request } from './test-instances.ts';

describe('planInWorker', () => {
  it('plans in a worker thread and hands back plain data', async () => {
    const p = await planInWorker(oneDay({ companies: [company('c')], buyers: [buyer('b')], requests: [request('q', 'c', 'b')] }), { now: NOW, timeLimitMs: 5_000 });
    expect([p.placed, p.optimal, p.placements[0]!.requestId]).toEqual([1, true, 'q']);
  });

  it("passes the planner's refusal on as an error", async () => {
    await expect(planInWorker(oneDay({ buyers: [buyer('b'), buyer('b')] }), { now: NOW })).rejects.toThrow(/two buyer entries have the id b/i);
  });
});
