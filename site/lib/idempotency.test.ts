import { describe, expect, it } from 'vitest';
import { attemptFor, randomKey } from './idempotency.ts';

describe('the key a meeting request is sent with', () => {
  const body = JSON.stringify({ productSlug: 'vitamin-c-serum', preferredSlots: ['2026-12-07T01:00:00.000Z'] });

  it('stays the same while the same request is sent again (a retry after a lost answer)', () => {
    const first = attemptFor(null, body);
    expect(attemptFor(first, body)).toEqual(first);
    expect(attemptFor(attemptFor(first, body), body).key).toBe(first.key);
  });

  it('is new once anything in the request changed', () => {
    const first = attemptFor(null, body);
    const changed = attemptFor(first, body.replace('01:00', '02:00'));
    expect(changed.key).not.toBe(first.key);
    expect(changed.body).not.toBe(first.body);
  });

  it('is 128 random bits, never repeated, and a valid Idempotency-Key', () => {
    const keys = new Set(Array.from({ length: 1000 }, randomKey));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{32}$/);
  });
});
