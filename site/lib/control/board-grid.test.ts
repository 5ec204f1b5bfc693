import { describe, expect, it } from 'vitest';
import { boardColumns, clock, roomCells, spanOn } from './board-grid.ts';

const at = (date: string, start: string, end: string, id = start) =>
  ({ id, koreaTime: { start: `${date}T${start}:00+09:00`, end: `${date}T${end}:00+09:00` } });

describe('the board grid', () => {
  it('shows the rooms\' day in half hours when every meeting fits in it', () => {
    const cols = boardColumns('2026-12-01', [at('2026-12-01', '10:00', '10:30')]);
    expect(cols.map(clock)).toHaveLength(24);
    expect(clock(cols[0]!)).toBe('08:00');
    expect(clock(cols.at(-1)!)).toBe('19:30');
  });

  it('widens the day to show an early or late meeting', () => {
    const cols = boardColumns('2026-12-01', [at('2026-12-01', '06:45', '07:15'), at('2026-12-01', '21:00', '21:30')]);
    expect(clock(cols[0]!)).toBe('06:30');
    expect(clock(cols.at(-1)!)).toBe('21:00');
  });

  it('clamps a meeting that crosses midnight to the day shown', () => {
    const late = { koreaTime: { start: '2026-12-01T23:45:00+09:00', end: '2026-12-02T00:15:00+09:00' } };
    expect(spanOn('2026-12-01', late)).toEqual({ start: 23 * 60 + 45, end: 24 * 60 });
    expect(spanOn('2026-12-02', late)).toEqual({ start: 0, end: 15 });
  });

  it('lays a room out as empty cells and meetings spanning their columns', () => {
    const cols = boardColumns('2026-12-01', []);
    const cells = roomCells('2026-12-01', [at('2026-12-01', '09:00', '09:30', 'a'), at('2026-12-01', '10:00', '11:00', 'b')], cols);
    expect(cells.reduce((n, c) => n + c.span, 0)).toBe(cols.length);
    const meetings = cells.filter((c) => c.items.length);
    expect(meetings.map((c) => [clock(c.start), c.span, c.items.map((i) => i.id)])).toEqual([['09:00', 1, ['a']], ['10:00', 2, ['b']]]);
  });

  it('keeps overlapping meetings together in one cell instead of hiding one', () => {
    const cols = boardColumns('2026-12-01', []);
    const cells = roomCells('2026-12-01', [at('2026-12-01', '09:00', '09:30', 'a'), at('2026-12-01', '09:15', '09:45', 'b')], cols);
    const busy = cells.filter((c) => c.items.length);
    expect(busy).toHaveLength(1);
    expect(busy[0]).toMatchObject({ start: 9 * 60, span: 2 });
    expect(busy[0]!.items.map((i) => i.id)).toEqual(['a', 'b']);
    expect(cells.reduce((n, c) => n + c.span, 0)).toBe(cols.length);
  });

  it('puts a meeting that starts off the grid into the cell it starts in', () => {
    const cols = boardColumns('2026-12-01', []);
    const cells = roomCells('2026-12-01', [at('2026-12-01', '09:10', '09:40', 'a')], cols);
    expect(cells.find((c) => c.items.length)).toMatchObject({ start: 9 * 60, span: 2 });
  });
});
