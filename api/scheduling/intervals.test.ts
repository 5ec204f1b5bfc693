import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { covers, intersect, isClear, normalise, subtract, type Interval } from './intervals.ts';

const iv = (start: number, end: number): Interval => ({ start, end });

describe('normalise', () => {
  it.each([
    { input: [], out: [] },
    { input: [iv(5, 5)], out: [] },
    { input: [iv(3, 4), iv(1, 2)], out: [iv(1, 2), iv(3, 4)] },
    { input: [iv(1, 3), iv(2, 5)], out: [iv(1, 5)] },
    { input: [iv(1, 2), iv(2, 3)], out: [iv(1, 3)] }, // touching intervals merge
    { input: [iv(1, 10), iv(2, 3)], out: [iv(1, 10)] },
  ])('$input -> $out', ({ input, out }) => expect(normalise(input)).toEqual(out));
});

describe('intersect and subtract', () => {
  it.each([
    { a: [iv(0, 10)], b: [iv(5, 15)], and: [iv(5, 10)], minus: [iv(0, 5)] },
    { a: [iv(0, 10)], b: [iv(2, 3), iv(6, 7)], and: [iv(2, 3), iv(6, 7)], minus: [iv(0, 2), iv(3, 6), iv(7, 10)] },
    { a: [iv(0, 2), iv(4, 6)], b: [iv(1, 5)], and: [iv(1, 2), iv(4, 5)], minus: [iv(0, 1), iv(5, 6)] },
    { a: [iv(0, 10)], b: [iv(10, 20)], and: [], minus: [iv(0, 10)] },
    { a: [iv(0, 10)], b: [iv(-5, 15)], and: [iv(0, 10)], minus: [] },
  ])('$a with $b', ({ a, b, and, minus }) => {
    expect(intersect(a, b)).toEqual(and);
    expect(subtract(a, b)).toEqual(minus);
  });
});

describe('covers and isClear', () => {
  const list = [iv(0, 10), iv(20, 30)];
  it.each([
    { probe: iv(0, 10), covered: true, clear: false },
    { probe: iv(5, 15), covered: false, clear: false },
    { probe: iv(10, 20), covered: false, clear: true },
    { probe: iv(12, 18), covered: false, clear: true },
    { probe: iv(25, 26), covered: true, clear: false },
    { probe: iv(30, 40), covered: false, clear: true },
  ])('$probe', ({ probe, covered, clear }) => {
    expect(covers(list, probe)).toBe(covered);
    expect(isClear(list, probe)).toBe(clear);
  });
});

// Set semantics checked point by point against a brute-force model.
const intervals = fc.array(
  fc.tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 0, max: 20 })).map(([s, l]) => iv(s, s + l)),
  { maxLength: 8 },
);
const inAny = (list: Interval[], t: number) => list.some((i) => i.start <= t && t < i.end);

describe('properties', () => {
  it('intersect and subtract agree with point membership', () => {
    fc.assert(
      fc.property(intervals, intervals, (x, y) => {
        const a = normalise(x);
        const b = normalise(y);
        const and = intersect(a, b);
        const minus = subtract(a, b);
        for (let t = 0; t < 85; t++) {
          expect(inAny(and, t)).toBe(inAny(a, t) && inAny(b, t));
          expect(inAny(minus, t)).toBe(inAny(a, t) && !inAny(b, t));
        }
        expect(normalise(minus)).toEqual(minus);
      }),
    );
  });
});
