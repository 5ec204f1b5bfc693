// Staff's review of products under /api/control: the queue, a product with its pending
// edit, approve and reject. Staff and admins only (403 for company users, 401 for visitors).
// deps.images (the image store) lets a decision delete the files it leaves unused: the
// published images an approved edit replaces, the staged ones of a rejected edit.
import { json, jsonBody, problem, staffApp } from '../route-helpers.ts';
import { createRoute, z, type OpenAPIHono as App } from '@hono/zod-openapi';
import { RejectSchema } from '../../portal/product-schemas.ts';
import { approveProduct, moderationQueue, rejectProduct, reviewView, type ProductDeps } from '../../services/portal-products.ts';
import type { Auth } from '../../auth/auth.ts';
import { Slug } from '../schemas.ts';

const denied = { 401: problem('Not signed in'), 403: problem('Staff only'), 404: problem('No such product') };
const Param = z.object({ product: Slug });
const View = z.object({}).passthrough();

const routes = {
  queue: createRoute({
    method: 'get', path: '/moderation', tags: ['Control'], summary: 'Products and edits waiting for review, oldest first',
    responses: { 200: json(z.object({ items: z.array(z.object({}).passthrough()) }), 'The queue'), ...denied },
  }),
  view: createRoute({
    method: 'get', path: '/products/{product}', tags: ['Control'], summary: 'A product as submitted, with any pending edit (text and images) beside it',
    request: { params: Param }, responses: { 200: json(View, 'The product'), ...denied },
  }),
  approve: createRoute({
    method: 'post', path: '/products/{product}/approve', tags: ['Control'], summary: 'Publish a product, or apply its pending edit',
    request: { params: Param }, responses: { 200: json(View, 'Approved'), 409: problem('Nothing to approve'), ...denied },
  }),
  reject: createRoute({
    method: 'post', path: '/products/{product}/reject', tags: ['Control'], summary: 'Reject a product or its pending edit, with a reason the company sees',
    request: { params: Param, body: { required: true, content: { 'application/json': { schema: RejectSchema } } } },
    responses: { 200: json(View, 'Rejected'), 400: problem('No reason given'), 409: problem('Nothing to reject'), ...denied },
  }),
};

export const CONTROL_ROUTES = Object.values(routes).map((r) => [r.method.toUpperCase(), `/control${r.path}`] as const);

export function registerModerationRoutes(app: App, auth: Auth, deps: ProductDeps) {
  const control = staffApp(auth); // staff only, before a body is even read
  control.openapi(routes.queue, async (c) => c.json(await moderationQueue(deps, c.var.user), 200));
  control.openapi(routes.view, async (c) => c.json(await reviewView(deps, c.req.valid('param').product, c.var.user), 200));
  control.openapi(routes.approve, async (c) => c.json(await approveProduct(deps, c.req.valid('param').product, c.var.user), 200));
  control.openapi(routes.reject, async (c) =>
    c.json(await rejectProduct(deps, c.req.valid('param').product, c.var.user, c.req.valid('json').reason), 200));
  app.route('/control', control);
}
