import { describe, expect, it } from 'vitest';
import type { ProductStatus } from '../db/schema.ts';
import { transition, type Actor, type ProductAction } from './product-states.ts';

describe('product states', () => {
  it.each<[ProductStatus, ProductAction, Actor, ProductStatus | null, boolean?]>([
    ['draft', 'edit', 'company', 'draft'],
    ['draft', 'submit', 'company', 'submitted'],
    ['submitted', 'edit', 'company', null],
    ['submitted', 'withdraw', 'company', 'draft'],
    ['submitted', 'approve', 'staff', 'approved'],
    ['submitted', 'reject', 'staff', 'rejected'],
    ['submitted', 'approve', 'company', null],
    ['draft', 'approve', 'staff', null],
    ['rejected', 'edit', 'company', 'rejected'],
    ['rejected', 'submit', 'company', 'submitted'],
    ['approved', 'edit', 'company', 'approved', true],
    ['approved', 'submit', 'company', null],
    ['approved', 'withdraw', 'company', 'withdrawn'],
    ['withdrawn', 'submit', 'company', 'submitted'],
    ['withdrawn', 'edit', 'company', 'withdrawn'],
    ['approved', 'reject', 'staff', null],
    ['draft', 'submit', 'staff', null],
  ])('%s --%s by %s--> %s', (from, action, actor, next, revision = false) => {
    const t = transition(from, action, actor);
    if (next === null) {
      expect(t.ok).toBe(false);
      if (!t.ok) expect(t.reason).toMatch(/\w/);
      if (!t.ok) expect(t.code).toMatch(/^[a-z-]+$/);
    } else {
      expect(t).toEqual({ ok: true, next, revision });
    }
  });

  it('names each refusal by a code the portal can say in the company\'s language', () => {
    const code = (from: ProductStatus, action: ProductAction, actor: Actor) => {
      const t = transition(from, action, actor);
      return t.ok ? null : t.code;
    };
    expect(code('submitted', 'edit', 'company')).toBe('under-review');
    expect(code('approved', 'submit', 'company')).toBe('not-submittable');
    expect(code('draft', 'withdraw', 'company')).toBe('not-withdrawable');
    expect(code('draft', 'approve', 'staff')).toBe('not-submitted');
    expect(code('submitted', 'approve', 'company')).toBe('staff-only');
    expect(code('draft', 'submit', 'staff')).toBe('company-only');
  });
});
