// Small pieces every route file uses: OpenAPI content entries, and the sub-app behind a
// sign-in (portal) or a staff role (control tower) with the API's validation problems and no caching.
import { OpenAPIHono, type z } from '@hono/zod-openapi';
import type { Auth } from '../auth/auth.ts';
import { requireStaff } from '../auth/user.ts';
import { ProblemSchema, validationProblem } from './problem.ts';
import { requireUser, type SessionEnv } from './session.ts';

export const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { 'application/json': { schema } } });
export const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ProblemSchema } } });
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });

/** Routes for signed-in users only: 401 before anything else is looked at; answers never cached. */
export function signedInApp(auth: Auth): OpenAPIHono<SessionEnv> {
  const app = new OpenAPIHono<SessionEnv>({
    strict: false,
    defaultHook: (result) => {
      if (!result.success) return validationProblem(result.error, result.target === 'json' ? 'body' : result.target);
    },
  });
  app.use('*', async (c, next) => {
    c.header('Cache-Control', 'no-store');
    await next();
  });
  app.use('*', requireUser(auth));
  return app;
}

/** Routes for staff only: 401, then 403, before any input is looked at. */
export function staffApp(auth: Auth): OpenAPIHono<SessionEnv> {
  const app = signedInApp(auth);
  app.use('*', async (c, next) => {
    requireStaff(c.var.user);
    await next();
  });
  return app;
}
