// The integer program. One binary x per (request, candidate slot); rooms and interpreters are
// counted per slot, not named, which keeps the model small (they are named afterwards):
//   maximise  sum value(r,s) x(r,s)
//   each request at most once; each company and each buyer at most one meeting per slot;
//   per slot, meetings <= free rooms;
//   per slot, the meetings needing interpreters can be matched to free interpreters who speak
//   their language. One language alone: a count. Languages linked by interpreters who speak
//   several: a small flow (continuous f(i,lang) <= 1 per interpreter, sum f >= demand per
//   language), exact because bipartite flows with integral demands have integral solutions.
// Rows that can never bind are left out. Every column lies in [0, 1].
import type { CandidateSet } from './candidates.ts';

export type PlannerModel = {
  numCols: number;
  numRows: number;
  /** Columns [0, xCount) are the x(r,s), in request order. */
  xCount: number;
  colRequest: Int32Array;
  colSlot: Int32Array;
  colCost: Float64Array;
  rowUpper: Float64Array;
  /** Compressed sparse rows. */
  starts: Int32Array;
  indices: Int32Array;
  values: Float64Array;
  /** First x column of each request (its columns follow in candidate order). */
  firstCol: Int32Array;
  /** Columns from xCount on: interpreter i's share of language `language` at slot `slot`. */
  flows: Flow[];
};

export type Flow = { slot: number; interpreter: number; language: string };

type Row = { cols: number[]; coefs: number[]; upper: number };

export function buildModel(cs: CandidateSet): PlannerModel {
  const firstCol = new Int32Array(cs.requests.length + 1);
  cs.requests.forEach((c, r) => { firstCol[r + 1] = firstCol[r]! + c.slots.length; });
  const xCount = firstCol[cs.requests.length]!;
  const colRequest = new Int32Array(xCount);
  const colSlot = new Int32Array(xCount);
  const cost: number[] = [];
  cs.requests.forEach((c, r) => c.slots.forEach((s, k) => {
    colRequest[firstCol[r]! + k] = r;
    colSlot[firstCol[r]! + k] = s;
    cost.push(c.values[k]!);
  }));

  const rows: Row[] = [];
  const atMostOne = (cols: number[]) => { if (cols.length > 1) rows.push({ cols, coefs: cols.map(() => 1), upper: 1 }); };

  for (let r = 0; r < cs.requests.length; r++) {
    atMostOne(range(firstCol[r]!, firstCol[r + 1]!));
  }
  const S = cs.slots.length;
  const byCompanySlot = new Map<number, number[]>();
  const byBuyerSlot = new Map<number, number[]>();
  const bySlot: number[][] = cs.slots.map(() => []);
  for (let j = 0; j < xCount; j++) {
    const c = cs.requests[colRequest[j]!]!;
    const s = colSlot[j]!;
    push(byCompanySlot, c.company * S + s, j);
    push(byBuyerSlot, c.buyer * S + s, j);
    bySlot[s]!.push(j);
  }
  for (const cols of byCompanySlot.values()) atMostOne(cols);
  for (const cols of byBuyerSlot.values()) atMostOne(cols);

  const flows: Flow[] = [];
  bySlot.forEach((cols, s) => {
    const rooms = cs.slots[s]!.roomIds.length;
    if (cols.length > rooms) rows.push({ cols, coefs: cols.map(() => 1), upper: rooms });
    const languageOf = (j: number) => cs.requests[colRequest[j]!]!.language;
    for (const row of interpreterRows(cs, s, cols, languageOf, (flow) => xCount + flows.push(flow) - 1)) rows.push(row);
  });

  const numCols = xCount + flows.length;
  const starts = new Int32Array(rows.length + 1);
  rows.forEach((row, i) => { starts[i + 1] = starts[i]! + row.cols.length; });
  const indices = new Int32Array(starts[rows.length]!);
  const values = new Float64Array(starts[rows.length]!);
  rows.forEach((row, i) => { indices.set(row.cols, starts[i]!); values.set(row.coefs, starts[i]!); });
  return {
    numCols, numRows: rows.length, xCount, colRequest, colSlot,
    colCost: Float64Array.from([...cost, ...flows.map(() => 0)]),
    rowUpper: Float64Array.from(rows.map((r) => r.upper)),
    starts, indices, values, firstCol, flows,
  };
}

/** Rows that keep the slot's interpreter demand matchable, per group of linked languages. */
function interpreterRows(cs: CandidateSet, s: number, cols: number[], languageOf: (j: number) => string | null, newCol: (flow: Flow) => number): Row[] {
  const demand = new Map<string, number[]>();
  for (const j of cols) {
    const lang = languageOf(j);
    if (lang !== null) push(demand, lang, j);
  }
  if (demand.size === 0) return [];
  const speaks = cs.interpreterLanguages;
  const available = cs.slots[s]!.interpreters;
  // Languages are linked when someone free at this time speaks both.
  const parent = new Map([...demand.keys()].map((l) => [l, l]));
  const root = (l: string): string => { let p = l; while (parent.get(p) !== p) p = parent.get(p)!; return p; };
  for (const i of available) {
    const ls = speaks[i]!.filter((l) => demand.has(l));
    for (const l of ls.slice(1)) parent.set(root(l), root(ls[0]!));
  }
  const groups = new Map<string, string[]>();
  for (const l of demand.keys()) push(groups, root(l), l);

  const rows: Row[] = [];
  for (const langs of groups.values()) {
    const interpreters = available.filter((i) => speaks[i]!.some((l) => langs.includes(l)));
    const wanted = langs.flatMap((l) => demand.get(l)!);
    if (langs.length === 1) {
      if (wanted.length > interpreters.length) rows.push({ cols: wanted, coefs: wanted.map(() => 1), upper: interpreters.length });
      continue;
    }
    if (matchable(langs.flatMap((l) => demand.get(l)!.map(() => l)), interpreters, speaks)) continue;
    const flowsOfLang = new Map<string, number[]>();
    for (const i of interpreters) {
      const own = speaks[i]!.filter((l) => langs.includes(l)).map((language) => {
        const f = newCol({ slot: s, interpreter: i, language });
        push(flowsOfLang, language, f);
        return f;
      });
      rows.push({ cols: own, coefs: own.map(() => 1), upper: 1 });
    }
    for (const l of langs) {
      const need = demand.get(l)!;
      const flows = flowsOfLang.get(l) ?? [];
      rows.push({ cols: [...need, ...flows], coefs: [...need.map(() => 1), ...flows.map(() => -1)], upper: 0 });
    }
  }
  return rows;
}

/** Whether every demand (one language each) gets its own interpreter: Kuhn's augmenting paths. */
function matchable(demands: string[], interpreters: number[], speaks: string[][]): boolean {
  const holder = new Map<number, number>();
  const augment = (d: number, seen: Set<number>): boolean => {
    for (const i of interpreters) {
      if (seen.has(i) || !speaks[i]!.includes(demands[d]!)) continue;
      seen.add(i);
      const h = holder.get(i);
      if (h === undefined || augment(h, seen)) { holder.set(i, d); return true; }
    }
    return false;
  };
  return demands.every((_, d) => augment(d, new Set()));
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, k) => a + k);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * What any non-negative row multipliers y prove, by weak duality with the box 0 <= x <= 1:
 * for every feasible x, c'x = y'Ax + (c - A'y)'x <= y'b + sum_j max(0, c_j - (A'y)_j).
 * It holds whatever y is, so a bound computed here from a solver's duals is proved by this
 * arithmetic, not taken on trust. Also returns the reduced costs c - A'y: a column with
 * reduced cost d < 0 can only be in plans worth at most bound + d.
 */
export function dualBound(model: PlannerModel, y: ArrayLike<number>): { bound: number; reduced: Float64Array } {
  const reduced = Float64Array.from(model.colCost);
  let bound = 0;
  for (let i = 0; i < model.numRows; i++) {
    const yi = Math.max(0, y[i] ?? 0);
    if (yi === 0) continue;
    bound += yi * model.rowUpper[i]!;
    for (let k = model.starts[i]!; k < model.starts[i + 1]!; k++) reduced[model.indices[k]!]! -= yi * model.values[k]!;
  }
  for (const d of reduced) if (d > 0) bound += d;
  return { bound, reduced };
}

/**
 * The largest integer not above a computed bound: the objective is integral. The slack covers
 * float rounding (sums of at most a few hundred thousand terms below 1e6 err far below 1e-4);
 * it can only make the bound weaker, never wrong.
 */
export function integralBound(bound: number): number {
  return Math.floor(bound + 1e-4);
}

/** The objective of a 0/1 assignment of the x columns. */
export function objectiveOf(model: PlannerModel, x: ArrayLike<number>): number {
  let total = 0;
  for (let j = 0; j < model.xCount; j++) if ((x[j] ?? 0) > 0.5) total += model.colCost[j]!;
  return total;
}
