// Half-open intervals [start, end) on UTC instants (epoch milliseconds).
// Every function takes and returns sorted, non-overlapping ("normalised") lists, except
// `normalise`, which makes one from anything.

export type Interval = { start: number; end: number };

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

/** Sorts, drops empty intervals and merges overlapping or touching ones. */
export function normalise(intervals: readonly Interval[]): Interval[] {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else out.push({ start: i.start, end: i.end });
  }
  return out;
}

export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i]!;
    const y = b[j]!;
    const start = Math.max(x.start, y.start);
    const end = Math.min(x.end, y.end);
    if (start < end) out.push({ start, end });
    if (x.end < y.end) i++;
    else j++;
  }
  return out;
}

export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const x of a) {
    let start = x.start;
    while (j < b.length && b[j]!.end <= start) j++;
    let k = j;
    while (k < b.length && b[k]!.start < x.end) {
      const y = b[k]!;
      if (y.start > start) out.push({ start, end: y.start });
      start = Math.max(start, y.end);
      k++;
    }
    if (start < x.end) out.push({ start, end: x.end });
  }
  return out;
}

/** True when `inner` lies wholly inside one interval of the normalised list. */
export function covers(list: readonly Interval[], inner: Interval): boolean {
  const i = lastStartingAtOrBefore(list, inner.start);
  return i >= 0 && list[i]!.end >= inner.end;
}

/** True when `probe` overlaps no interval of the normalised list. */
export function isClear(list: readonly Interval[], probe: Interval): boolean {
  const i = lastStartingAtOrBefore(list, probe.start);
  if (i >= 0 && list[i]!.end > probe.start) return false;
  const next = list[i + 1];
  return !next || next.start >= probe.end;
}

// Binary search: index of the last interval whose start <= t, or -1.
function lastStartingAtOrBefore(list: readonly Interval[], t: number): number {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.start <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
