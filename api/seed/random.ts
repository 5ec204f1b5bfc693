// A small seeded PRNG (sfc32, seeded through splitmix32) so demo data is reproducible:
// the same seed gives the same sequence on every machine. Never reads Math.random or the clock.

export type Random = {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  float(min: number, max: number): number;
  /** A float spread evenly over orders of magnitude between min and max (min > 0). */
  logUniform(min: number, max: number): number;
  /** A standard normal deviate (Box-Muller). */
  normal(): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Up to `count` distinct items, in random order. */
  pickMany<T>(items: readonly T[], count: number): T[];
  /** One item, chosen with probability proportional to its weight. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Up to `count` distinct items, each draw proportional to the remaining weights. */
  weightedMany<T>(items: readonly T[], weights: readonly number[], count: number): T[];
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** An independent stream derived from this one's seed and a label. */
  fork(label: string): Random;
};

/** 32-bit FNV-1a over the parts, for deriving seeds from labels. */
export function hashSeed(...parts: ReadonlyArray<string | number>): number {
  let h = 0x811c9dc5;
  const text = parts.join('\u0000');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

function sfc32(seed: number): () => number {
  const init = splitmix32(seed);
  let a = init();
  let b = init();
  let c = init();
  let d = init();
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) step(); // let the state mix before use
  return step;
}

export function createRandom(seed: number | string): Random {
  const seed32 = typeof seed === 'number' && Number.isInteger(seed) ? seed >>> 0 : hashSeed(String(seed));
  const next = sfc32(seed32);

  const int = (min: number, max: number): number => {
    if (max < min) throw new RangeError(`int(${min}, ${max}): max < min`);
    return min + Math.floor(next() * (max - min + 1));
  };

  const weightedIndex = (weights: readonly number[]): number => {
    let total = 0;
    for (const w of weights) total += w > 0 ? w : 0;
    if (!(total > 0)) throw new RangeError('weighted(): no positive weight');
    let r = next() * total;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (w <= 0) continue;
      r -= w;
      if (r < 0) return i;
    }
    // Rounding can leave r at ~0: fall back to the last positive weight.
    for (let i = weights.length - 1; i >= 0; i--) if (weights[i]! > 0) return i;
    return 0;
  };

  const random: Random = {
    next,
    int,
    float: (min, max) => min + next() * (max - min),
    logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
    normal: () => {
      const u = 1 - next(); // (0, 1], so log(u) is finite
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new RangeError('pick(): empty list');
      return items[Math.floor(next() * items.length)]!;
    },
    pickMany: (items, count) => {
      const copy = items.slice();
      const n = Math.max(0, Math.min(count, copy.length));
      for (let i = 0; i < n; i++) {
        const j = int(i, copy.length - 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, n);
    },
    weighted: (items, weights) => {
      if (items.length !== weights.length) throw new RangeError('weighted(): lengths differ');
      return items[weightedIndex(weights)]!;
    },
    weightedMany: (items, weights, count) => {
      if (items.length !== weights.length) throw new RangeError('weightedMany(): lengths differ');
      const pool = items.slice();
      const w = weights.slice();
      const chosen: (typeof items)[number][] = [];
      while (chosen.length < count && w.some((x) => x > 0)) {
        const i = weightedIndex(w);
        chosen.push(pool[i]!);
        pool.splice(i, 1);
        w.splice(i, 1);
      }
      return chosen;
    },
    shuffle: (items) => random.pickMany(items, items.length),
    fork: (label) => createRandom(hashSeed(seed32, label)),
  };
  return random;
}
