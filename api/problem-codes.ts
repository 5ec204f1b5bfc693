// The machine-readable names of the API's refusals (a problem document's `code` member), one
// list for the API, which attaches them to domain errors (api/errors.ts), and for the portal,
// which says each in the company's language (site/i18n: "portal.problem.code.<code>"). Pure:
// the browser bundle imports it. A code, once out, stays: clients branch on it. Add a code
// here, then its sentence to every site/i18n/<locale>.json (a unit test checks both ways).
export const PROBLEM_CODES = [
  // Who may act
  'signed-out',
  'email-unverified',
  'company-unknown',
  'not-member',
  'owners-only',
  'staff-only',
  'company-only',
  'company-suspended',
  // Products
  'product-unknown',
  'product-name-taken',
  'under-review',
  'not-submittable',
  'not-withdrawable',
  'not-submitted',
  'product-changed',
  'no-pending-edit',
  'edit-changed',
  // Images (the first six are api/images/process.ts's ImageErrorCode)
  'empty',
  'too-large',
  'unsupported-type',
  'too-many-pixels',
  'corrupt',
  'hidden-content',
  'no-file',
  'too-many-images',
  'image-unknown',
  'uploads-unconfigured',
  // Meetings
  'meeting-unknown',
  'company-not-bookable',
  'not-booked-yet',
  'meeting-not-changeable',
  'meeting-started',
  'meeting-changed',
  'proposal-pending',
  'slot-unavailable',
  'slot-taken',
  'not-awaiting-answer',
  'no-outcome',
  'outcome-too-early',
  // Members and invitations
  'member-unknown',
  'already-member',
  'too-many-invitations',
  'not-open',
  'last-owner',
  'invitation-unknown',
  'invitation-used',
  'invitation-revoked',
  'invitation-expired',
  'invitation-other-email',
  'invitation-failed',
  // Any request: refused before it reached a route, or the service briefly down
  'malformed-request',
  'body-too-large',
  'too-many-requests',
  'unavailable',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

const known: ReadonlySet<string> = new Set(PROBLEM_CODES);

export const isProblemCode = (value: unknown): value is ProblemCode => typeof value === 'string' && known.has(value);

/** The i18n key of a code's sentence. */
export const problemCodeKey = (code: ProblemCode) => `portal.problem.code.${code}`;
