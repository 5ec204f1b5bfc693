// The board's grid, pure: Korean-time columns of a fixed step across the day, and each
// room's row as cells, a meeting spanning the columns it covers. Times arrive as local ISO
// strings ('2026-12-01T10:00:00+09:00'), so no time-zone arithmetic happens here.

export type Timed = { koreaTime: { start: string; end: string } };
export type Cell<T> = { start: number; span: number; items: T[] };

const minutesOf = (iso: string) => Number(iso.slice(11, 13)) * 60 + Number(iso.slice(14, 16));
const dayOf = (iso: string) => iso.slice(0, 10);

/** Minutes since local midnight of `date`, clamped to the day (a meeting may cross midnight). */
export function spanOn(date: string, t: Timed): { start: number; end: number } {
  const start = dayOf(t.koreaTime.start) < date ? 0 : minutesOf(t.koreaTime.start);
  const end = dayOf(t.koreaTime.end) > date ? 24 * 60 : minutesOf(t.koreaTime.end);
  return { start, end: Math.max(end, start + 1) };
}

/** Column start minutes: the rooms' usual day, widened to show every meeting. */
export function boardColumns(date: string, items: readonly Timed[], step = 30, open = 8 * 60, close = 20 * 60): number[] {
  let first = open;
  let last = close;
  for (const i of items) {
    const s = spanOn(date, i);
    first = Math.min(first, Math.floor(s.start / step) * step);
    last = Math.max(last, Math.ceil(s.end / step) * step);
  }
  const columns = [];
  for (let m = first; m < last; m += step) columns.push(m);
  return columns;
}

/** One room's row: empty cells, and cells holding the meetings that start in them. */
export function roomCells<T extends Timed>(date: string, items: readonly T[], columns: readonly number[], step = 30): Cell<T>[] {
  const sorted = [...items].sort((a, b) => spanOn(date, a).start - spanOn(date, b).start);
  const cells: Cell<T>[] = [];
  let next = 0;
  for (let c = 0; c < columns.length; ) {
    const colStart = columns[c]!;
    const group: T[] = [];
    let end = colStart + step;
    // Everything starting before this cell ends joins it (overlaps stay visible, never hidden).
    while (next < sorted.length && spanOn(date, sorted[next]!).start < end) {
      const s = spanOn(date, sorted[next]!);
      group.push(sorted[next]!);
      end = Math.max(end, Math.ceil(s.end / step) * step);
      next++;
    }
    const span = group.length ? Math.min(columns.length - c, (end - colStart) / step) : 1;
    cells.push({ start: colStart, span, items: group });
    c += span;
  }
  return cells;
}

export const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
