// planWeek: the consultation-week planner's entry. Candidates -> cheap greedy -> LP relaxation
// (the bound) -> LP-guided greedy and local search -> a small integer program around the LP's
// choice -> HiGHS branch and cut over every column that could still improve the plan (the
// proof), all within the time limit; then rooms and interpreters are named, every request left
// out gets its reason, and the plan is checked independently before it is returned.
// "Optimal" means optimal among plans on the planner's grid (see candidates.ts): a company or
// buyer meets at most once per planner slot (hourly with the default 30 + 10 minutes).
import { buildCandidates, type CandidateSet, type NoCandidateReason } from './candidates.ts';
import { checkPlan } from './check.ts';
import { greedyConstruct, improve } from './heuristic.ts';
import { type PlannerInstance, validateInstance } from './instance.ts';
import { buildModel, objectiveOf } from './model.ts';
import type { Occupancy } from './occupancy.ts';
import { solveMip, solveRelaxation } from './solve.ts';
import { fromColumns, lpNeighbourhood, startVector, withoutHopeless } from './subproblem.ts';

export type Placement = { requestId: string; start: number; end: number; roomId: string; interpreterId: string | null };

export type UnplacedReason = NoCandidateReason | { code: 'outcompeted'; message: string };
export type Unplaced = { requestId: string; reason: UnplacedReason };

export type PlanResult = {
  placements: Placement[];
  unplaced: Unplaced[];
  /** Sum of what the placed meetings are worth (see MEETING_VALUE and preferences). */
  objective: number;
  placed: number;
  /** A proved upper bound on the objective of any plan of this instance (on the planner grid). */
  bound: number;
  /** (bound - objective) / bound; 0 means the plan is proved optimal. */
  gap: number;
  optimal: boolean;
  stats: {
    requests: number; candidates: number; rows: number; columns: number;
    heuristicObjective: number; lpBound: number | null; mipStatus: string | null; mipColumns: number | null; ms: number;
    /** Milliseconds spent in each stage, in order. */
    stages: Record<string, number>;
  };
};

export type PlanOptions = { now: number; timeLimitMs?: number | undefined };

export async function planWeek(instance: PlannerInstance, options: PlanOptions): Promise<PlanResult> {
  const t0 = performance.now();
  const limit = options.timeLimitMs ?? 20_000;
  const deadline = t0 + limit;
  const left = () => deadline - performance.now();
  const soon = (share: number, cap: number) => performance.now() + Math.max(0, Math.min(left() * share, cap));
  const stages: Record<string, number> = {};
  let lap = t0;
  const stage = (name: string) => { const t = performance.now(); stages[name] = Math.round(t - lap); lap = t; };
  validateInstance(instance);

  const cs = buildCandidates(instance, options.now);
  const model = buildModel(cs);
  stage('model');
  // Deliberately cheap: the LP-guided pass below is usually far better; this is the fallback.
  let best = improve(greedyConstruct(cs), { deadline: soon(0.05, 1_000), depth: 0 });
  stage('greedy');
  const heuristicObjective = best.objective;
  let bound = trivialBound(cs);
  let mipStatus: string | null = null;
  let mipColumns: number | null = null;

  const lp = await solveRelaxation(model, left() * 0.6);
  if (lp.bound !== null) bound = Math.min(bound, lp.bound);
  stage('lp');
  if (lp.x && best.objective < bound) {
    // The relaxation knows which requests to place where: follow it, then search locally.
    const x = lp.x;
    const guided = improve(greedyConstruct(cs, (r, k) => x[model.firstCol[r]! + k]!), { deadline: soon(0.05, 1_000), depth: 1 });
    if (guided.objective > best.objective) best = guided;
    stage('guided');
  }
  if (lp.x && best.objective < bound && left() > 100) {
    // A quick integer program over what the LP uses: usually closes the last few units.
    const sub = buildModel(lpNeighbourhood(cs, model, lp.x, best));
    const mip = await solveMip(sub, Math.min(left() * 0.3, 5_000), startVector(sub, best));
    if (mip.x && objectiveOf(sub, mip.x) > best.objective) best = fromColumns(cs, sub, mip.x);
    stage('neighbourhood');
  }
  if (best.objective < bound && left() > 100) {
    // The proof: branch and cut over every column that could still beat the plan in hand.
    const incumbent = best.objective;
    const sub = lp.reduced && lp.rawBound !== null ? withoutHopeless(cs, model, lp.reduced, lp.rawBound, best) : cs;
    const subModel = sub === cs ? model : buildModel(sub);
    const mip = await solveMip(subModel, left(), startVector(subModel, best));
    mipStatus = mip.status;
    mipColumns = subModel.numCols;
    // A plan using a dropped column is worth at most `incumbent`; any other lies in the sub-model.
    if (mip.bound !== null) bound = Math.min(bound, Math.max(incumbent, mip.bound));
    if (mip.x && objectiveOf(subModel, mip.x) > best.objective) best = fromColumns(cs, subModel, mip.x);
    stage('mip');
  }
  if (best.objective < bound && left() > 100) {
    // Too large to finish exactly: spend what is left on local search.
    best = improve(best, { deadline: performance.now() + left(), depth: 2 });
    stage('search');
  }
  // Whatever found the plan, nobody who still fits somewhere is left out.
  best = improve(best, { deadline: performance.now() + 200, depth: 0 });

  const placements = name(instance, cs, best);
  const violations = checkPlan(instance, placements, options.now);
  if (violations.length > 0) throw new Error(`planner produced an invalid plan: ${violations.slice(0, 3).map((v) => `${v.requestId}: ${v.message}`).join('; ')}`);
  if (best.objective > bound) throw new Error(`planner bound ${bound} is below a plan worth ${best.objective}`);
  stage('finish');
  return {
    placements,
    unplaced: explain(instance, cs, best),
    objective: best.objective,
    placed: best.placed,
    bound,
    gap: bound === 0 ? 0 : (bound - best.objective) / bound,
    optimal: best.objective === bound,
    stats: {
      requests: instance.requests.length, candidates: model.xCount, rows: model.numRows, columns: model.numCols,
      heuristicObjective, lpBound: lp.bound, mipStatus, mipColumns, ms: performance.now() - t0, stages,
    },
  };
}

/** Each request at its best slot: holds for any plan, and needs no solver. */
function trivialBound(cs: CandidateSet): number {
  return cs.requests.reduce((sum, c) => sum + (c.values.length ? Math.max(...c.values) : 0), 0);
}

/** Concrete rooms (any free one: they are interchangeable within a planner slot) and interpreters. */
function name(instance: PlannerInstance, cs: CandidateSet, occ: Occupancy): Placement[] {
  const out: Placement[] = [];
  occ.placedAt.forEach((requests, s) => {
    const slot = cs.slots[s]!;
    [...requests].sort((a, b) => a - b).forEach((r, k) => {
      const i = occ.interpreterOf(r);
      out.push({
        requestId: instance.requests[r]!.id, start: slot.start, end: slot.end, roomId: slot.roomIds[k]!,
        interpreterId: i === null ? null : instance.interpreters[i]!.id,
      });
    });
  });
  return out;
}

/** Why each request was left out: no possible time at all, or what took each of its times. */
function explain(instance: PlannerInstance, cs: CandidateSet, occ: Occupancy): Unplaced[] {
  const out: Unplaced[] = [];
  cs.requests.forEach((c, r) => {
    if (occ.slotOf[r] !== -1) return;
    const requestId = instance.requests[r]!.id;
    if (c.reason) { out.push({ requestId, reason: c.reason }); return; }
    const taken = { company: 0, buyer: 0, rooms: 0, interpreters: 0 };
    for (const s of c.slots) {
      if (occ.companyHolder(r, s) !== undefined) taken.company++;
      else if (occ.buyerHolder(r, s) !== undefined) taken.buyer++;
      else if (occ.roomsFull(s)) taken.rooms++;
      else taken.interpreters++;
    }
    const parts = [
      taken.company && `the company is meeting someone else at ${taken.company}`,
      taken.buyer && `the buyer is meeting another company at ${taken.buyer}`,
      taken.rooms && `every room is in use at ${taken.rooms}`,
      taken.interpreters && `every ${c.language} interpreter is in use at ${taken.interpreters}`,
    ].filter(Boolean);
    const n = c.slots.length;
    out.push({ requestId, reason: { code: 'outcompeted', message: `All ${n} possible time${n === 1 ? '' : 's'} went to other requests: ${parts.join('; ')}.` } });
  });
  return out;
}
