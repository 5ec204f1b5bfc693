// Problem details (RFC 9457): the API's one error shape.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';
import { ConflictError, DomainError, ForbiddenError, GoneError, InvalidInputError, NotFoundError, UnauthenticatedError, UnavailableError, UnprocessableError } from '../errors.ts';
import type { Logger } from '../lib/logger.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'about:blank' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().optional().openapi({
      description: 'What was refused, by name (kebab-case, e.g. "slot-taken", "last-owner"; see api/problem-codes.ts), for a client to say in its own language. Sign-in refusals pass on the auth library\'s own codes.',
      example: 'slot-taken',
    }),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .passthrough()
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;

export function problem(status: number, title: string, detail?: string, extra: Record<string, unknown> = {}): Response {
  // The standard members last: an error's extra (say a resource's own status) never replaces them.
  const body: Problem = { ...extra, type: 'about:blank', title, status, ...(detail ? { detail } : {}) };
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

export function validationProblem(error: ZodError, where: string): Response {
  const errors = error.issues.map((i) => ({ path: i.path.map(String).join('.') || where, message: i.message }));
  return problem(400, 'Invalid request', `The request ${where} is not valid.`, { errors });
}

const statusOf = (err: DomainError): [number, string] => {
  if (err instanceof NotFoundError) return [404, 'Not found'];
  if (err instanceof InvalidInputError) return [400, 'Invalid request'];
  if (err instanceof UnauthenticatedError) return [401, 'Not signed in'];
  if (err instanceof ForbiddenError) return [403, 'Forbidden'];
  if (err instanceof ConflictError) return [409, 'Conflict'];
  if (err instanceof GoneError) return [410, 'Gone'];
  if (err instanceof UnprocessableError) return [422, 'Unprocessable request'];
  if (err instanceof UnavailableError) return [503, 'Service unavailable'];
  return [500, 'Internal error'];
};

/** The status and problem document of a domain error (also stored for idempotent replays). */
export function domainProblem(err: DomainError): { status: number; body: Problem } {
  const [status, title] = statusOf(err);
  return { status, body: { ...err.extra, type: 'about:blank', title, status, detail: err.message } };
}

/** app.onError: domain errors and HTTP exceptions become problems; anything else is a logged 500. */
export function errorHandler(log: Logger) {
  return (err: Error, _c: Context): Response => {
    if (err instanceof DomainError) {
      const { status, body } = domainProblem(err);
      return problem(status, body.title, body.detail, err.extra);
    }
    if (err instanceof HTTPException) {
      // Hono raises these for malformed JSON bodies and similar client mistakes.
      const status = err.status;
      const title = status === 400 ? 'Invalid request' : status === 413 ? 'Request too large' : 'Request failed';
      const code = status === 400 ? 'malformed-request' : status === 413 ? 'body-too-large' : undefined;
      return problem(status, title, err.message || undefined, code ? { code } : {});
    }
    if (isDatabaseUnavailable(err)) {
      // Down or restarting: say so and when to retry; the pool reconnects by itself.
      log.warn(`Database unreachable: ${err.message}`);
      const res = problem(503, 'Service unavailable', 'The database cannot be reached right now. Please try again in a few seconds.', { code: 'unavailable' });
      res.headers.set('Retry-After', '5');
      return res;
    }
    log.error('Unhandled error', err);
    return problem(500, 'Internal error', 'Something went wrong on our side. It has been logged.');
  };
}
