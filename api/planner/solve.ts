// HiGHS (compiled to WebAssembly, the `highs` package) on the planner's model: the LP
// relaxation for a bound we can check ourselves, then branch-and-cut from a warm start.
// Solves are synchronous and single-threaded once the runtime is loaded.
import loadHighs, { type Highs, type ModelData } from 'highs';
import { dualBound, integralBound, type PlannerModel } from './model.ts';

let runtime: Promise<Highs> | undefined;

/** The WebAssembly runtime, loaded once per process. */
export function highsRuntime(): Promise<Highs> {
  runtime ??= loadHighs();
  return runtime;
}

function modelData(highs: Highs, m: PlannerModel, integral: boolean): ModelData {
  const zeros = new Float64Array(m.numCols);
  return {
    numCols: m.numCols,
    numRows: m.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: m.colCost,
    colLower: zeros,
    colUpper: new Float64Array(m.numCols).fill(1),
    rowLower: new Float64Array(m.numRows).fill(-highs.infinity),
    rowUpper: m.rowUpper,
    matrix: { format: 'csr', numRows: m.numRows, numCols: m.numCols, starts: m.starts, indices: m.indices, values: m.values },
    ...(integral ? { integrality: Int32Array.from({ length: m.numCols }, (_, j) => (j < m.xCount ? 1 : 0)) } : {}),
  };
}

const QUIET = { output_flag: false, log_to_console: false } as const;

export type LpOutcome = {
  /** Proved upper bound (see dualBound), rounded down, or null when the LP did not finish. */
  bound: number | null;
  /** The relaxation's x values (fractional), when it finished. */
  x: Float64Array | null;
  /** Reduced costs under the multipliers that gave `bound`, and that bound before rounding. */
  reduced: Float64Array | null;
  rawBound: number | null;
};

/** The LP relaxation. Its bound is recomputed from the duals, so solver tolerances cannot inflate it. */
export async function solveRelaxation(m: PlannerModel, timeLimitMs: number): Promise<LpOutcome> {
  if (m.numCols === 0) return { bound: 0, x: new Float64Array(0), reduced: new Float64Array(0), rawBound: 0 };
  const highs = await highsRuntime();
  return highs.withModel(modelData(highs, m, false), (model): LpOutcome => {
    model.options.set({ ...QUIET, time_limit: Math.max(0.05, timeLimitMs / 1000) });
    model.run();
    if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return { bound: null, x: null, reduced: null, rawBound: null };
    const sol = model.getSolution();
    // Whatever sign convention the duals follow, one of y and -y is the useful one; both are valid.
    const a = dualBound(m, sol.rowDual);
    const b = dualBound(m, sol.rowDual.map((v) => -v));
    const best = a.bound <= b.bound ? a : b;
    return { bound: integralBound(best.bound), x: sol.colValue.slice(0, m.xCount), reduced: best.reduced, rawBound: best.bound };
  });
}

export type MipOutcome = {
  /** 'infeasible' only arises on sub-models with columns fixed; it means no plan there at all. */
  status: 'optimal' | 'infeasible' | 'time-limit' | 'other';
  /** Best integer x found (0/1 per x column), or null. */
  x: Float64Array | null;
  /** HiGHS's proved dual bound, rounded down (the objective is integral), or null. */
  bound: number | null;
};

/**
 * Branch and cut, warm-started from `start` (a full column vector: x and interpreter flows).
 * The gap tolerance is below one unit of an integral objective, so 'optimal' means proved optimal.
 */
export async function solveMip(m: PlannerModel, timeLimitMs: number, start?: Float64Array): Promise<MipOutcome> {
  if (m.numCols === 0) return { status: 'optimal', x: new Float64Array(0), bound: 0 };
  const highs = await highsRuntime();
  return highs.withModel(modelData(highs, m, true), (model) => {
    model.options.set({ ...QUIET, time_limit: Math.max(0.05, timeLimitMs / 1000), mip_rel_gap: 0, mip_abs_gap: 0.999 });
    if (start) model.setSolution({ colValue: start });
    model.run();
    const code = model.getModelStatus();
    const { optimal, infeasible, timeLimit } = highs.constants.modelStatus;
    const status: MipOutcome['status'] = code === optimal ? 'optimal' : code === infeasible ? 'infeasible' : code === timeLimit ? 'time-limit' : 'other';
    const hasSolution = Number(model.info.get('primal_solution_status')) === 2;
    const dual = Number(model.info.get('mip_dual_bound'));
    return {
      status,
      x: hasSolution ? model.getSolution().colValue.slice(0, m.xCount) : null,
      bound: Number.isFinite(dual) ? integralBound(dual) : null,
    };
  });
}
