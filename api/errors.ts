// Domain errors. Domain and service code throws these; api/http/problem.ts is the one place
// that maps them to HTTP status codes and problem documents.
import type { ProblemCode } from './problem-codes.ts';

/**
 * More members for the problem document. `code` names the refusal for clients (the portal
 * says it in the company's language); values a sentence needs (a limit) go beside it.
 */
export type DomainExtra = { code?: ProblemCode; [member: string]: unknown };

export class DomainError extends Error {
  readonly extra: DomainExtra;
  constructor(message: string, extra: DomainExtra = {}) {
    super(message);
    this.name = new.target.name;
    this.extra = extra;
  }
  /** The refusal's machine-readable name, if it has one. */
  get code(): ProblemCode | undefined {
    return this.extra.code;
  }
}
export class NotFoundError extends DomainError {}
/** No signed-in user where one is needed. */
export class UnauthenticatedError extends DomainError {}
/** Signed in, but this user may not do this. */
export class ForbiddenError extends DomainError {}
export class InvalidInputError extends DomainError {}
/** The thing asked for exists but cannot be had now (e.g. a slot just taken). */
export class ConflictError extends DomainError {}
export class UnavailableError extends DomainError {}
/** Well-formed but not acceptable, e.g. an Idempotency-Key reused with another body. */
export class UnprocessableError extends DomainError {}
/** It existed but is over (e.g. a manage link after the meeting ended). */
export class GoneError extends DomainError {}
