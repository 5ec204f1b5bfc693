// Smaller integer programs cut from the full one, and moving plans between a model's columns
// and an Occupancy. Requests and slots keep their indices, so any sub-model's solution is a
// plan of the full instance.
import type { CandidateSet } from './candidates.ts';
import { integralBound, type PlannerModel } from './model.ts';
import { Occupancy } from './occupancy.ts';

/** The same instance with only the candidates `keep(r, k)` accepts (k: index in request r's list). */
export function restrict(cs: CandidateSet, keep: (r: number, k: number) => boolean): CandidateSet {
  return {
    ...cs,
    requests: cs.requests.map((c, r) => {
      const ks = c.slots.map((_, k) => k).filter((k) => keep(r, k));
      return { ...c, slots: ks.map((k) => c.slots[k]!), values: ks.map((k) => c.values[k]!) };
    }),
  };
}

/**
 * Reduced-cost fixing: a column with reduced cost d < 0 is only in plans worth at most
 * bound + d; when that is no better than the plan in hand it cannot be in a better plan, so
 * branch and cut need not see it. The plan's own columns stay, so it remains a warm start.
 * Whatever the sub-model proves holds for the full model for plans better than `plan`.
 */
export function withoutHopeless(cs: CandidateSet, model: PlannerModel, reduced: Float64Array, rawBound: number, plan: Occupancy): CandidateSet {
  return restrict(cs, (r, k) => {
    const j = model.firstCol[r]! + k;
    return plan.slotOf[r] === model.colSlot[j] || integralBound(rawBound + Math.min(0, reduced[j]!)) > plan.objective;
  });
}

/**
 * The neighbourhood of the plan in hand that the LP points at (as in RINS): candidates the
 * relaxation uses at all, or the plan uses. Small, so it solves fast; it finds plans, but
 * proves nothing about the full model.
 */
export function lpNeighbourhood(cs: CandidateSet, model: PlannerModel, x: Float64Array, plan: Occupancy): CandidateSet {
  return restrict(cs, (r, k) => {
    const j = model.firstCol[r]! + k;
    return x[j]! > 1e-6 || plan.slotOf[r] === model.colSlot[j];
  });
}

/** A full column vector (x and interpreter flows) of a plan, for a warm start. */
export function startVector(model: PlannerModel, occ: Occupancy): Float64Array {
  const v = new Float64Array(model.numCols);
  for (let j = 0; j < model.xCount; j++) if (occ.slotOf[model.colRequest[j]!] === model.colSlot[j]) v[j] = 1;
  const used = new Set<string>();
  occ.slotOf.forEach((s, r) => {
    const i = occ.interpreterOf(r);
    if (s >= 0 && i !== null) used.add(`${s}:${i}:${occ.cs.requests[r]!.language}`);
  });
  model.flows.forEach((f, k) => { if (used.has(`${f.slot}:${f.interpreter}:${f.language}`)) v[model.xCount + k] = 1; });
  return v;
}

/** A solver's 0/1 columns as a plan of the full instance; tryPlace re-checks every rule. */
export function fromColumns(cs: CandidateSet, model: PlannerModel, x: Float64Array): Occupancy {
  const occ = new Occupancy(cs);
  for (let j = 0; j < model.xCount; j++) {
    if (x[j]! > 0.5) occ.tryPlace(model.colRequest[j]!, model.colSlot[j]!);
  }
  occ.commit();
  return occ;
}
