import { describe, expect, it } from 'vitest';
import { hashBody } from './hash-body.ts';

describe('hashBody', () => {
  it('ignores key order and undefined members', () => {
    expect(hashBody({ a: 1, b: [1, { c: 2, d: 3 }] })).toBe(hashBody({ b: [1, { d: 3, c: 2 }], a: 1, e: undefined }));
  });
  it.each([
    [{ a: 1 }, { a: 2 }],
    [{ a: [1, 2] }, { a: [2, 1] }],
    [{ a: '1' }, { a: 1 }],
    [{ a: null }, {}],
  ])('tells %j from %j', (x, y) => expect(hashBody(x)).not.toBe(hashBody(y)));
});
