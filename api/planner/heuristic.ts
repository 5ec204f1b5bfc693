// Fast plans without a solver: the first-come-first-served pass staff would make by hand
// (the baseline the optimiser is measured against), and a smarter greedy construction with
// local search (ejection chains) that warm-starts the solver and stands in for it when an
// instance is too large to solve within the time limit.
import type { CandidateSet } from './candidates.ts';
import { Occupancy } from './occupancy.ts';

/** Queue order, each request at its earliest slot that still fits. */
export function firstComeFirstServed(cs: CandidateSet): Occupancy {
  const occ = new Occupancy(cs);
  cs.requests.forEach((c, r) => {
    for (const s of c.slots) if (occ.tryPlace(r, s)) break;
  });
  occ.commit();
  return occ;
}

export type HeuristicOptions = {
  /** Stop improving at this performance.now() reading. */
  deadline: number;
  /** Optional per-request, per-candidate weights in [0, 1] (e.g. an LP solution) to steer the choice of slot. */
  guide?: ((r: number, k: number) => number) | undefined;
  /** Depth of ejection chains in the local search. */
  depth?: number | undefined;
};

/** How contested each slot is, for each company, buyer and overall: tie-breaks that keep scarce times free. */
function pressure(cs: CandidateSet): (r: number, s: number) => number {
  const S = cs.slots.length;
  const company = new Map<number, number>();
  const buyer = new Map<number, number>();
  const slot = new Float64Array(S);
  for (const c of cs.requests) {
    for (const s of c.slots) {
      company.set(c.company * S + s, (company.get(c.company * S + s) ?? 0) + 1);
      buyer.set(c.buyer * S + s, (buyer.get(c.buyer * S + s) ?? 0) + 1);
      slot[s]! += 1;
    }
  }
  return (r, s) => {
    const c = cs.requests[r]!;
    return (company.get(c.company * S + s) ?? 0) + (buyer.get(c.buyer * S + s) ?? 0) + slot[s]! / Math.max(1, cs.slots[s]!.roomIds.length);
  };
}

/** Most constrained first; each at its best-valued slot, least contested among equals. */
export function greedyConstruct(cs: CandidateSet, guide?: HeuristicOptions['guide']): Occupancy {
  const occ = new Occupancy(cs);
  const press = pressure(cs);
  const order = cs.requests.map((_, r) => r).filter((r) => cs.requests[r]!.slots.length > 0);
  const weight = (r: number) => (guide ? Math.max(...cs.requests[r]!.slots.map((_, k) => guide(r, k))) : 0);
  const w = new Float64Array(cs.requests.length);
  for (const r of order) w[r] = weight(r);
  // With a guide, the requests the LP is surest about go first; otherwise the scarcest.
  order.sort((a, b) => (w[b]! - w[a]!) || (cs.requests[a]!.slots.length - cs.requests[b]!.slots.length) || a - b);
  for (const r of order) {
    const c = cs.requests[r]!;
    const ks = c.slots.map((_, k) => k);
    const score = (k: number) => (guide ? guide(r, k) * 1000 : 0) + c.values[k]! - press(r, c.slots[k]!) * 1e-3;
    ks.sort((a, b) => score(b) - score(a));
    for (const k of ks) if (occ.tryPlace(r, c.slots[k]!)) break;
  }
  occ.commit();
  return occ;
}

const MAX_EXTRA_EJECTIONS = 3;

/**
 * Tries to place r, moving others out of the way (each of which must find a place again,
 * recursively up to `depth`). Leaves the occupancy unchanged when it fails.
 */
function insert(occ: Occupancy, r: number, depth: number, chain: Set<number>): boolean {
  const c = occ.cs.requests[r]!;
  const byValue = c.slots.map((_, k) => k).sort((a, b) => c.values[b]! - c.values[a]!);
  for (const k of byValue) if (occ.tryPlace(r, c.slots[k]!)) return true;
  if (depth === 0) return false;
  chain.add(r);
  try {
    for (const k of byValue) {
      const s = c.slots[k]!;
      const forced = [...new Set([occ.companyHolder(r, s), occ.buyerHolder(r, s)].filter((q) => q !== undefined))];
      if (forced.some((q) => chain.has(q))) continue;
      if (tryEjecting(occ, r, s, forced, depth, chain)) return true;
      // Still no room or interpreter: also move one of the others meeting at that time.
      let tried = 0;
      for (const q of [...occ.placedAt[s]!]) {
        if (forced.includes(q) || chain.has(q)) continue;
        // Moving q frees its room, and its interpreter; anything else cannot help r.
        const helps = occ.roomsFull(s) || (c.language !== null && occ.cs.requests[q]!.language !== null);
        if (!helps) continue;
        if (tryEjecting(occ, r, s, [...forced, q], depth, chain)) return true;
        if (++tried >= MAX_EXTRA_EJECTIONS) break;
      }
    }
    return false;
  } finally {
    chain.delete(r);
  }
}

function tryEjecting(occ: Occupancy, r: number, s: number, eject: number[], depth: number, chain: Set<number>): boolean {
  const mark = occ.mark();
  for (const q of eject) occ.remove(q);
  if (occ.tryPlace(r, s) && eject.every((q) => insert(occ, q, depth - 1, chain))) return true;
  occ.rollback(mark);
  return false;
}

/** Moves placed requests to times their buyers prefer, where that costs nothing. */
function improvePreferences(occ: Occupancy): boolean {
  let better = false;
  occ.cs.requests.forEach((c, r) => {
    const s0 = occ.slotOf[r]!;
    if (s0 < 0) return;
    const v0 = occ.valueAt(r, s0)!;
    for (let k = 0; k < c.slots.length; k++) {
      if (c.values[k]! <= v0) continue;
      const mark = occ.mark();
      occ.remove(r);
      if (occ.tryPlace(r, c.slots[k]!)) { better = true; return; }
      occ.rollback(mark);
    }
  });
  return better;
}

/** Ejection-chain local search (and moves to preferred times) until no gain or the deadline. */
export function improve(occ: Occupancy, options: HeuristicOptions): Occupancy {
  const depth = options.depth ?? 2;
  const cs = occ.cs;
  const unplacedOrder = cs.requests.map((_, r) => r).filter((r) => cs.requests[r]!.slots.length > 0)
    .sort((a, b) => cs.requests[a]!.slots.length - cs.requests[b]!.slots.length);
  for (let round = 0; performance.now() < options.deadline; round++) {
    let gained = false;
    for (const r of unplacedOrder) {
      if (occ.slotOf[r] !== -1) continue;
      if (performance.now() >= options.deadline) break;
      if (insert(occ, r, depth, new Set())) gained = true;
      occ.commit();
    }
    if (improvePreferences(occ)) gained = true;
    occ.commit();
    if (!gained) break;
  }
  return occ;
}
