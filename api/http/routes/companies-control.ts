// Companies in the control tower (staff and admins): the list with each one's status,
// products and meetings still ahead, and suspending (with a reason) or reinstating one.
import { json, jsonBody, problem, staffApp } from '../route-helpers.ts';
import { createRoute, z, type OpenAPIHono as App } from '@hono/zod-openapi';
import { plainText } from '../../lib/plain-text.ts';
import type { Auth } from '../../auth/auth.ts';
import { listCompanies, reinstateCompany, suspendCompany, type CompanyStatusDeps } from '../../services/company-status.ts';
import { Label, Slug } from '../schemas.ts';

const denied = { 401: problem('Not signed in'), 403: problem('Staff only') };
const Param = z.object({ company: Slug });
const Company = z.object({}).passthrough();
export const SuspendSchema = z.object({
  reason: plainText(1000).pipe(z.string().min(3, 'Give the reason the company will read (at least 3 characters)')),
}).openapi('CompanySuspension');

const routes = {
  list: createRoute({
    method: 'get', path: '/companies', tags: ['Control'], summary: 'Companies with their status, products, upcoming meetings and any suspension',
    request: { query: z.object({ status: z.enum(['active', 'suspended']).optional(), q: Label(100).optional() }) },
    responses: { 200: json(z.object({ total: z.number().int(), items: z.array(Company) }), 'Suspended first, then by slug (at most 500)'), 400: problem('Invalid filter'), ...denied },
  }),
  suspend: createRoute({
    method: 'post', path: '/companies/{company}/suspend', tags: ['Control'],
    summary: 'Suspend a company: it leaves the site, search and booking; its booked meetings stay for staff to handle',
    request: { params: Param, ...jsonBody(SuspendSchema) },
    responses: { 200: json(Company, 'Suspended'), 400: problem('No reason given'), 404: problem('No such company'), 409: problem('Already suspended'), ...denied },
  }),
  reinstate: createRoute({
    method: 'post', path: '/companies/{company}/reinstate', tags: ['Control'], summary: 'Reinstate a suspended company',
    request: { params: Param }, responses: { 200: json(Company, 'Reinstated'), 404: problem('No such company'), 409: problem('Not suspended'), ...denied },
  }),
};

export const COMPANY_CONTROL_ROUTES = Object.values(routes).map((r) => [r.method.toUpperCase(), `/control${r.path}`] as const);

export function registerCompanyControlRoutes(app: App, auth: Auth, deps: CompanyStatusDeps) {
  const control = staffApp(auth);
  control.openapi(routes.list, async (c) => c.json(await listCompanies(deps, c.var.user, c.req.valid('query')), 200));
  control.openapi(routes.suspend, async (c) =>
    c.json(await suspendCompany(deps, c.var.user, c.req.valid('param').company, c.req.valid('json').reason), 200));
  control.openapi(routes.reinstate, async (c) => c.json(await reinstateCompany(deps, c.var.user, c.req.valid('param').company), 200));
  app.route('/control', control);
}
