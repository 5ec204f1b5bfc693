// The consultation-week planner under /api/control/planner (staff and admins): a proposal
// for a week of queued requests, which changes nothing, and its commit in one transaction.
import { createRoute, z, type OpenAPIHono as App } from '@hono/zod-openapi';
import type { Auth } from '../../auth/auth.ts';
import type { BookingDeps } from '../../services/booking.ts';
import { commitProposal, MAX_PLANNED_REQUESTS, proposeWeek } from '../../services/planner.ts';
import { json, jsonBody, problem, staffApp } from '../route-helpers.ts';

const denied = { 401: problem('Not signed in'), 403: problem('Staff only') };
const Any = z.object({}).passthrough();
const Id = (what: string) => z.string().regex(/^[1-9][0-9]{0,17}$/, `Not a ${what} id`);
// The API takes JSON bodies up to 64 KiB: about 650 placements. A larger proposal is
// committed in parts, each part all-or-nothing.
const MAX_COMMIT = 600;

const routes = {
  propose: createRoute({
    method: 'post', path: '/proposals', tags: ['Control'],
    summary: 'Plan the seven Korean days from `week`: as many queued requests (all, or those named) as every rule allows, with what could not be placed and why. Nothing is booked.',
    request: jsonBody(z.object({
      week: z.iso.date(),
      requestIds: z.array(Id('request')).min(1).max(MAX_PLANNED_REQUESTS).optional(),
      timeLimitSeconds: z.number().int().min(1).max(60).optional(),
    })),
    responses: {
      200: json(Any, 'The proposal: placements with both sides\' local times, the unplaced with reasons, the objective, a proved upper bound and the gap'),
      400: problem('Invalid input'), 404: problem('No such request'), ...denied,
    },
  }),
  commit: createRoute({
    method: 'post', path: '/commit', tags: ['Control'],
    summary: 'Book a proposal\'s placements in one transaction: all of them, or none when any has become impossible (409)',
    request: jsonBody(z.object({
      placements: z.array(z.object({
        requestId: Id('request'),
        start: z.iso.datetime({ offset: true }),
        roomId: Id('room'),
        interpreterId: Id('interpreter').nullable(),
      })).min(1).max(MAX_COMMIT),
    })),
    responses: {
      200: json(Any, 'Booked: each placement with its consultation'),
      400: problem('Invalid input'), 404: problem('No such request'), 409: problem('A placement is no longer possible; nothing was booked'), ...denied,
    },
  }),
};

export const PLANNER_ROUTES = Object.values(routes).map((r) => [r.method.toUpperCase(), `/control/planner${r.path}`] as const);

export function registerPlannerRoutes(app: App, auth: Auth, deps: BookingDeps) {
  const planner = staffApp(auth);
  planner.openapi(routes.propose, async (c) => c.json(await proposeWeek(deps, c.var.user, c.req.valid('json')), 200));
  planner.openapi(routes.commit, async (c) => {
    const placements = c.req.valid('json').placements.map((p) => ({ ...p, start: new Date(p.start) }));
    return c.json(await commitProposal(deps, c.var.user, placements), 200);
  });
  app.route('/control/planner', planner);
}
