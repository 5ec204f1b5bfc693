// The API application: every route under /api, one error shape.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../lib/logger.ts';
import { errorHandler, problem, validationProblem } from './problem.ts';
import { registerHealthRoute, type HealthSources } from './routes/health.ts';
import { registerSearchRoute, type ProductSearch } from './routes/search.ts';
import { registerHallSearchRoute } from './routes/search-all.ts';
import type { HallSearch } from '../runtime/search-runtime.ts';
import { registerMeetingRoutes } from './routes/meetings.ts';
import { registerDocs } from './routes/docs.ts';
import { registerManageRoutes } from './routes/manage.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { registerOutbox, servesOutbox } from './routes/outbox.ts';
import { createAuth, type Auth, type SendAccountMail } from '../auth/auth.ts';
import { registerAuthRoutes } from './routes/auth.ts';
import { clientAddress } from './client-address.ts';
import { rateLimiter, tokenMissLimiter } from './rate-limit.ts';
import { registerPortalRoutes } from './routes/portal.ts';
import { registerModerationRoutes } from './routes/moderation.ts';
import { registerControlRoutes } from './routes/control.ts';
import { registerPlannerRoutes } from './routes/planner.ts';
import { registerResourceRoutes } from './routes/resources.ts';
import { registerCompanyControlRoutes } from './routes/companies-control.ts';
import { imageRoutes } from './routes/images.ts';
import type { ImageStore } from '../images/store.ts';
import { MAX_UPLOAD_BYTES } from '../images/process.ts';
import type { Context } from 'hono';
import { appSecret } from '../lib/manage-token.ts';
import { transportSecurity } from './transport-security.ts';

export type ApiDeps = {
  db: Kysely<Database>;
  dbKind: 'postgres' | 'pglite';
  config: Config;
  log: Logger;
  now?: () => number;
  search?: () => ProductSearch;
  /** Products, companies and pavilions in one search. */
  searchHall?: () => HallSearch;
  /** The job queue; without it no e-mails are sent (tests of other things). */
  jobs?: JobQueue;
  /** Where e-mails are written when no SMTP server is configured: listed at /api/dev/outbox where servesOutbox allows. */
  outboxDir?: string | undefined;
  health?: Partial<Pick<HealthSources, 'search' | 'site'>>;
  /** Sends account e-mails (verification, password reset); the runtime queues them. */
  sendAccountMail?: SendAccountMail;
  /** Where product images are kept; without it uploads are refused. */
  images?: ImageStore;
  /** The client's address for rate limits; default: the socket's. */
  clientIp?: (c: Context) => string | undefined;
};

export type Api = OpenAPIHono & { auth: Auth };

export function createApi(deps: ApiDeps): Api {
  const app = new OpenAPIHono({
    strict: false,
    defaultHook: (result) => {
      if (!result.success) return validationProblem(result.error, result.target === 'json' ? 'body' : result.target);
    },
  });
  app.onError(errorHandler(deps.log));
  app.notFound((c) => problem(404, 'Not found', `No API route ${c.req.method} ${new URL(c.req.url).pathname}.`));
  // Image uploads may be up to 10 MB (plus the form's framing); every other body 64 KiB.
  const isUpload = (path: string, method: string) => method === 'POST' && /\/portal\/companies\/[^/]+\/(products\/[^/]+\/images|logo)$/.test(path);
  const smallBodies = bodyLimit({ maxSize: 64 * 1024, onError: () => problem(413, 'Request too large', 'The body may be at most 64 KiB.', { code: 'body-too-large' }) });
  const uploads = bodyLimit({ maxSize: MAX_UPLOAD_BYTES + 64 * 1024, onError: () => problem(413, 'Request too large', 'An image may be at most 10 MB.', { code: 'too-large' }) });
  app.use('*', transportSecurity(deps.config.publicUrl));
  app.use('*', (c, next) => (isUpload(c.req.path, c.req.method) ? uploads(c, next) : smallBodies(c, next)));
  app.use('*', async (c, next) => {
    await next();
    // Data, not documents: nothing in an API answer may run or be framed. (HTML pages the
    // API serves, like the manage page, set their own policy.)
    const headers = c.res.headers;
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
    if (!headers.has('X-Content-Type-Options')) headers.set('X-Content-Type-Options', 'nosniff');
    if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  });
  const clientIp = deps.clientIp ?? clientAddress(deps.config.trustProxyHops);
  app.use('*', rateLimiter(deps.config.rateLimits, clientIp));
  app.use('*', tokenMissLimiter(deps.config.rateLimits.tokenMissesPerMinute, clientIp));
  app.use('*', async (c, next) => {
    // JSON in (and plain HTML forms on the manage page, which works without JavaScript):
    // a write with another content type is refused before any work is done.
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
      const type = (c.req.header('content-type') ?? '').toLowerCase();
      const form = type.startsWith('application/x-www-form-urlencoded') && c.req.path.includes('/manage/');
      const bodyless = /\/(cancel|submit|withdraw|approve|accept|decline|reinstate)$/.test(c.req.path);
      const multipart = type.startsWith('multipart/form-data') && isUpload(c.req.path, c.req.method);
      if (!bodyless && !form && !multipart && !type.startsWith('application/json')) {
        return problem(415, 'Unsupported media type', 'Send the body as application/json.');
      }
    }
    await next();
  });

  registerHealthRoute(app, {
    db: deps.db,
    dbKind: deps.dbKind,
    search: deps.health?.search ?? (async () => ({ ok: false, status: 'off', detail: 'not configured' })),
    site: deps.health?.site ?? (() => ({ ok: false, status: 'not built' })),
  });
  registerSearchRoute(app, deps.search ?? (() => null));
  registerHallSearchRoute(app, deps.searchHall ?? (() => null));
  const booking = { db: deps.db, config: deps.config, now: deps.now ?? Date.now, jobs: deps.jobs };
  registerMeetingRoutes(app, booking);
  registerManageRoutes(app, booking);
  if (deps.outboxDir && servesOutbox(deps.config)) registerOutbox(app, deps.outboxDir);
  // Without a configured secret (tests), the fixed development one (see lib/manage-token.ts).
  const config = { ...deps.config, auth: { secret: appSecret(deps.config) } };
  const sendAccountMail = deps.sendAccountMail ?? (async () => deps.log.warn('An account e-mail was not sent: no mail sender configured.'));
  const auth = createAuth({ db: deps.db, config, log: deps.log, sendMail: sendAccountMail });
  registerAuthRoutes(app, auth, { publicUrl: config.publicUrl, clientIp });
  registerPortalRoutes(app, { db: deps.db, auth, jobs: deps.jobs, now: deps.now ?? Date.now, images: deps.images, config });
  registerModerationRoutes(app, auth, { db: deps.db, jobs: deps.jobs, now: deps.now ?? Date.now, images: deps.images });
  registerControlRoutes(app, auth, booking);
  registerPlannerRoutes(app, auth, booking);
  registerResourceRoutes(app, auth, booking);
  registerCompanyControlRoutes(app, auth, booking);
  if (deps.images) app.route('/', imageRoutes(deps.images));
  registerDocs(app);
  return Object.assign(app, { auth });
}
