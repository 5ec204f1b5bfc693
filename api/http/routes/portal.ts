// The company portal's API under /api/portal: every route needs a signed-in user (401
// before anything else is looked at), and every company route a member of that company
// or staff (403/404). Handlers stay thin; the rules live in services/portal-company.ts.
import { json, jsonBody, problem, signedInApp } from '../route-helpers.ts';
import { createRoute, z, type OpenAPIHono as App } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { Auth } from '../../auth/auth.ts';
import type { Database } from '../../db/schema.ts';
import type { JobQueue } from '../../jobs/queue.ts';
import { AvailabilitySchema, CompanyProfileSchema } from '../../portal/company-schemas.ts';
import {
  editCompany, myAccount, registerCompany, setAvailability, viewAvailability, viewCompany,
} from '../../services/portal-company.ts';
import { Slug } from '../schemas.ts';
import { removeLogo, setLogo } from '../../services/company-logo.ts';
import { InvalidInputError } from '../../errors.ts';
import { productRoutes, registerProductRoutes } from './portal-products.ts';
import { inboxRoutes, registerInboxRoutes } from './portal-inbox.ts';
import { memberRoutes, registerMemberRoutes } from './portal-members.ts';
import type { Config } from '../../config.ts';
import type { ImageStore } from '../../images/store.ts';

export type PortalRouteDeps = { db: Kysely<Database>; auth: Auth; jobs?: JobQueue | undefined; now: () => number; images?: ImageStore | undefined; config: Config };

const denied = { 401: problem('Not signed in'), 403: problem('Not a member of this company'), 404: problem('No such company') };

const CompanyParam = z.object({ slug: Slug });
const CompanyView = z.object({
  slug: z.string(),
  status: z.string(),
  suspension: z.object({ reason: z.string().nullable(), since: z.string().nullable() }).nullable()
    .openapi({ description: 'While staff have the company suspended: the reason they gave and since when (else null)' }),
  profile: z.object({}).passthrough(),
}).openapi('PortalCompany');
const AvailabilityView = z.object({
  timeZone: z.string(),
  requiresConfirmation: z.boolean(),
  weeklyHours: z.array(z.object({ weekday: z.number(), start: z.string(), end: z.string() })),
  blackoutDates: z.array(z.object({ date: z.string(), reason: z.string() })),
}).openapi('PortalAvailability');

const routes = {
  me: createRoute({
    method: 'get', path: '/me', tags: ['Portal'], summary: 'The signed-in user and the companies they belong to',
    responses: { 200: json(z.object({}).passthrough(), 'The account'), 401: denied[401] },
  }),
  register: createRoute({
    method: 'post', path: '/companies', tags: ['Portal'], summary: 'Register a company; the user becomes its owner',
    request: jsonBody(CompanyProfileSchema),
    responses: { 201: json(CompanyView, 'The new company'), 400: problem('Invalid profile'), 401: denied[401], 403: problem('E-mail not confirmed') },
  }),
  company: createRoute({
    method: 'get', path: '/companies/{slug}', tags: ['Portal'], summary: 'The company profile as its members edit it',
    request: { params: CompanyParam },
    responses: { 200: json(CompanyView, 'The company'), ...denied },
  }),
  edit: createRoute({
    method: 'put', path: '/companies/{slug}', tags: ['Portal'], summary: 'Replace the company profile',
    request: { params: CompanyParam, ...jsonBody(CompanyProfileSchema) },
    responses: { 200: json(CompanyView, 'The company'), 400: problem('Invalid profile'), ...denied },
  }),
  availability: createRoute({
    method: 'get', path: '/companies/{slug}/availability', tags: ['Portal'], summary: 'Weekly hours, days off and whether requests need confirming',
    request: { params: CompanyParam },
    responses: { 200: json(AvailabilityView, 'The availability'), ...denied },
  }),
  logo: createRoute({
    method: 'post', path: '/companies/{slug}/logo', tags: ['Portal'],
    summary: 'Set the company logo (multipart/form-data, field "file"): JPEG, PNG or WebP, re-encoded, metadata stripped',
    request: { params: CompanyParam, body: { required: true, content: { 'multipart/form-data': { schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }) } } } },
    responses: { 200: json(z.object({ logo: z.object({}).passthrough().nullable() }), 'The logo'), 400: problem('Not an acceptable image'), ...denied },
  }),
  removeLogo: createRoute({
    method: 'delete', path: '/companies/{slug}/logo', tags: ['Portal'], summary: 'Remove the company logo',
    request: { params: CompanyParam },
    responses: { 200: json(z.object({ logo: z.null() }), 'Removed'), ...denied },
  }),
  setAvailability: createRoute({
    method: 'put', path: '/companies/{slug}/availability', tags: ['Portal'], summary: 'Replace weekly hours (Asia/Seoul) and days off',
    request: { params: CompanyParam, ...jsonBody(AvailabilitySchema) },
    responses: { 200: json(AvailabilityView, 'The availability'), 400: problem('Invalid hours'), ...denied },
  }),
};

/** Every portal route as [method, path], for the authorisation tests. */
export const PORTAL_ROUTES = [...Object.values(routes), ...Object.values(productRoutes), ...Object.values(inboxRoutes), ...Object.values(memberRoutes)].map((r) => [r.method.toUpperCase(), `/portal${r.path}`] as const);

export function registerPortalRoutes(app: App, deps: PortalRouteDeps) {
  const portal = signedInApp(deps.auth);
  const services = { db: deps.db, now: deps.now, jobs: deps.jobs };

  portal.openapi(routes.me, async (c) => c.json(await myAccount(services, c.var.user), 200));
  portal.openapi(routes.register, async (c) => c.json(await registerCompany(services, c.var.user, c.req.valid('json')), 201));
  portal.openapi(routes.company, async (c) => c.json(await viewCompany(services, c.req.valid('param').slug, c.var.user), 200));
  portal.openapi(routes.edit, async (c) =>
    c.json(await editCompany(services, c.req.valid('param').slug, c.var.user, c.req.valid('json')), 200));
  portal.openapi(routes.availability, async (c) =>
    c.json(await viewAvailability(services, c.req.valid('param').slug, c.var.user), 200));
  portal.openapi(routes.setAvailability, async (c) =>
    c.json(await setAvailability(services, c.req.valid('param').slug, c.var.user, c.req.valid('json')), 200));

  portal.openapi(routes.logo, async (c) => {
    const file = c.req.valid('form').file;
    if (!(file instanceof File)) throw new InvalidInputError('Attach the logo as the form field "file".', { code: 'no-file' });
    return c.json(await setLogo({ ...services, images: deps.images }, c.req.valid('param').slug, c.var.user, new Uint8Array(await file.arrayBuffer())), 200);
  });
  portal.openapi(routes.removeLogo, async (c) => c.json(await removeLogo({ ...services, images: deps.images }, c.req.valid('param').slug, c.var.user), 200));
  registerProductRoutes(portal, { ...services, jobs: deps.jobs, images: deps.images });
  registerInboxRoutes(portal, { db: deps.db, now: deps.now, jobs: deps.jobs, config: deps.config });
  registerMemberRoutes(portal, { ...services, config: deps.config });
  app.route('/portal', portal);
}
