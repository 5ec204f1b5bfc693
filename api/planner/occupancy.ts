// A partial plan on the planner grid that can only ever be feasible: placing a request checks
// company, buyer, room count and interpreters (a bipartite matching per slot, since one
// interpreter may speak several languages) and refuses what would break any of them.
// Used by the greedy passes, the local search and to name concrete interpreters at the end.
import type { CandidateSet } from './candidates.ts';

/** Interpreters of one slot matched to the requests placed there that need one (Kuhn's augmenting paths). */
class SlotInterpreters {
  private readonly ownerOf = new Map<number, number>(); // interpreter -> request
  readonly assigned = new Map<number, number>(); // request -> interpreter
  private readonly byLanguage = new Map<string, number[]>();
  // Adding never makes room: a language that could not be matched stays unmatchable until a removal.
  private readonly full = new Set<string>();
  private readonly languageOf: (r: number) => string;

  constructor(available: readonly number[], speaks: readonly string[][], languageOf: (r: number) => string) {
    this.languageOf = languageOf;
    for (const i of available) {
      for (const l of speaks[i]!) {
        const list = this.byLanguage.get(l);
        if (list) list.push(i);
        else this.byLanguage.set(l, [i]);
      }
    }
  }

  add(request: number): boolean {
    const lang = this.languageOf(request);
    if (this.full.has(lang)) return false;
    const speakers = this.byLanguage.get(lang) ?? [];
    const free = speakers.find((i) => !this.ownerOf.has(i));
    if (free !== undefined) {
      this.ownerOf.set(free, request);
      this.assigned.set(request, free);
      return true;
    }
    if (this.augment(request, new Set())) return true;
    this.full.add(lang);
    return false;
  }

  remove(request: number): void {
    const i = this.assigned.get(request);
    if (i === undefined) return;
    this.assigned.delete(request);
    this.ownerOf.delete(i);
    this.full.clear();
  }

  private augment(request: number, visited: Set<number>): boolean {
    for (const i of this.byLanguage.get(this.languageOf(request)) ?? []) {
      if (visited.has(i)) continue;
      visited.add(i);
      const holder = this.ownerOf.get(i);
      if (holder === undefined || this.augment(holder, visited)) {
        this.ownerOf.set(i, request);
        this.assigned.set(request, i);
        return true;
      }
    }
    return false;
  }
}

export class Occupancy {
  /** Slot index of each request, -1 when unplaced. */
  readonly slotOf: Int32Array;
  private readonly companyAt = new Map<number, number>();
  private readonly buyerAt = new Map<number, number>();
  private readonly roomsUsed: Int32Array;
  private readonly interpreters = new Map<number, SlotInterpreters>();
  readonly placedAt: Set<number>[]; // slot -> requests
  private value = 0;
  private count = 0;
  // Every change, so a tentative chain of moves can be taken back exactly (see rollback).
  private readonly journal: { placed: boolean; r: number; s: number }[] = [];

  readonly cs: CandidateSet;

  constructor(cs: CandidateSet) {
    this.cs = cs;
    this.slotOf = new Int32Array(cs.requests.length).fill(-1);
    this.roomsUsed = new Int32Array(cs.slots.length);
    this.placedAt = cs.slots.map(() => new Set<number>());
  }

  get objective(): number { return this.value; }
  get placed(): number { return this.count; }

  private key(owner: number, slot: number): number { return owner * this.cs.slots.length + slot; }

  /** What request r earns at slot s, or undefined when s is not one of its candidates. */
  valueAt(r: number, s: number): number | undefined {
    const c = this.cs.requests[r]!;
    const k = c.slots.indexOf(s);
    return k < 0 ? undefined : c.values[k];
  }

  companyHolder(r: number, s: number): number | undefined { return this.companyAt.get(this.key(this.cs.requests[r]!.company, s)); }
  buyerHolder(r: number, s: number): number | undefined { return this.buyerAt.get(this.key(this.cs.requests[r]!.buyer, s)); }
  roomsFull(s: number): boolean { return this.roomsUsed[s]! >= this.cs.slots[s]!.roomIds.length; }

  /** Places r at s if nothing would break; true when placed. */
  tryPlace(r: number, s: number): boolean {
    const value = this.valueAt(r, s);
    if (value === undefined || this.slotOf[r] !== -1) return false;
    const c = this.cs.requests[r]!;
    if (this.companyHolder(r, s) !== undefined || this.buyerHolder(r, s) !== undefined || this.roomsFull(s)) return false;
    if (c.language !== null && !this.slotInterpreters(s).add(r)) return false;
    this.companyAt.set(this.key(c.company, s), r);
    this.buyerAt.set(this.key(c.buyer, s), r);
    this.roomsUsed[s]!++;
    this.slotOf[r] = s;
    this.placedAt[s]!.add(r);
    this.value += value;
    this.count++;
    this.journal.push({ placed: true, r, s });
    return true;
  }

  remove(r: number): void {
    const s = this.slotOf[r]!;
    if (s < 0) return;
    const c = this.cs.requests[r]!;
    this.companyAt.delete(this.key(c.company, s));
    this.buyerAt.delete(this.key(c.buyer, s));
    this.roomsUsed[s]!--;
    this.interpreters.get(s)?.remove(r);
    this.slotOf[r] = -1;
    this.placedAt[s]!.delete(r);
    this.value -= this.valueAt(r, s)!;
    this.count--;
    this.journal.push({ placed: false, r, s });
  }

  /** A point to come back to with rollback(). */
  mark(): number { return this.journal.length; }

  /**
   * Undoes every change since `mark`, newest first. Each step returns to a set of placements
   * that was feasible before, and the matching finds interpreters for any feasible set, so
   * re-placing cannot fail.
   */
  rollback(mark: number): void {
    while (this.journal.length > mark) {
      const { placed, r, s } = this.journal.pop()!;
      if (placed) this.remove(r);
      else if (!this.tryPlace(r, s)) throw new Error(`rollback could not restore request ${r} at slot ${s}`);
      this.journal.pop(); // the entry the undo itself just wrote
    }
  }

  /** Forget the history (after a search step is accepted), so the journal stays small. */
  commit(): void { this.journal.length = 0; }

  /** The interpreter (index into instance.interpreters) matched to a placed request, or null. */
  interpreterOf(r: number): number | null {
    const s = this.slotOf[r]!;
    return s < 0 ? null : this.interpreters.get(s)?.assigned.get(r) ?? null;
  }

  private slotInterpreters(s: number): SlotInterpreters {
    let m = this.interpreters.get(s);
    if (!m) {
      m = new SlotInterpreters(this.cs.slots[s]!.interpreters, this.cs.interpreterLanguages, (r) => this.cs.requests[r]!.language!);
      this.interpreters.set(s, m);
    }
    return m;
  }
}
