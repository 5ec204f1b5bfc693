// Domain errors. Domain and service code throws these; api/http/problem.ts is the one place
// that maps them to HTTP status codes and problem documents.
export class DomainError extends Error {
  readonly extra: Record<string, unknown>;
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.extra = extra;
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
