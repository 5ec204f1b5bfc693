// The life of a product, as a table: who may do what from which state. Pure.
//
//   draft ──submit──▶ submitted ──approve──▶ approved (published) ──withdraw──▶ withdrawn
//     ▲                 │   │                   │ edit: a revision waits for review;
//     └────withdraw─────┘   └─reject─▶ rejected │ the published text stays meanwhile
//   rejected and withdrawn are edited in place and submitted again. A withdrawal discards the
//   edit waiting for review (text and images), so it can never come back after a later approval.
import type { ProductStatus } from '../db/schema.ts';
import type { ProblemCode } from '../problem-codes.ts';

export type ProductAction = 'edit' | 'submit' | 'withdraw' | 'approve' | 'reject';
export type Actor = 'company' | 'staff';

export type Transition =
  | { ok: true; next: ProductStatus; revision: boolean }
  | { ok: false; reason: string; code: ProblemCode };

const table: Record<ProductAction, { actor: Actor; from: Partial<Record<ProductStatus, ProductStatus>> }> = {
  edit: { actor: 'company', from: { draft: 'draft', rejected: 'rejected', withdrawn: 'withdrawn', approved: 'approved' } },
  submit: { actor: 'company', from: { draft: 'submitted', rejected: 'submitted', withdrawn: 'submitted' } },
  withdraw: { actor: 'company', from: { submitted: 'draft', approved: 'withdrawn' } },
  approve: { actor: 'staff', from: { submitted: 'approved' } },
  reject: { actor: 'staff', from: { submitted: 'rejected' } },
};

const refusals: Record<ProductAction, { reason: string; code: ProblemCode }> = {
  edit: { reason: 'A product waiting for review cannot be edited; withdraw it first.', code: 'under-review' },
  submit: { reason: 'Only a draft, rejected or withdrawn product can be submitted.', code: 'not-submittable' },
  withdraw: { reason: 'Only a submitted or published product can be withdrawn.', code: 'not-withdrawable' },
  approve: { reason: 'Only a submitted product can be approved.', code: 'not-submitted' },
  reject: { reason: 'Only a submitted product can be rejected.', code: 'not-submitted' },
};

export function transition(status: ProductStatus, action: ProductAction, actor: Actor): Transition {
  const rule = table[action];
  if (rule.actor !== actor) {
    return { ok: false, reason: `Only ${rule.actor === 'staff' ? 'programme staff' : 'the company'} can ${action} a product.`, code: rule.actor === 'staff' ? 'staff-only' : 'company-only' };
  }
  const next = rule.from[status];
  if (!next) return { ok: false, ...refusals[action] };
  // Editing a published product leaves it published and files the edit for review.
  return { ok: true, next, revision: action === 'edit' && status === 'approved' };
}

/** Whether the public sees the product (site page, search). */
export const isPublished = (status: ProductStatus) => status === 'approved';
