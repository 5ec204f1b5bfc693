// The control tower's API under /api/control (staff and admins): the day's board and what
// staff do to a consultation on it, the queue of unplaced requests with one-step placing,
// and the programme's figures.
import { json, jsonBody, problem, staffApp } from '../route-helpers.ts';
import { createRoute, z, type OpenAPIHono as App } from '@hono/zod-openapi';
import { plainText } from '../../lib/plain-text.ts';
import type { Auth } from '../../auth/auth.ts';
import { board, placeRequest, requestQueue, statistics } from '../../services/control.ts';
import { cancelByStaff, consultationOptions, moveByStaff, reassignInterpreter, reassignRoom } from '../../services/staff-actions.ts';
import type { BookingDeps } from '../../services/booking.ts';
import { Label, Slug } from '../schemas.ts';

const denied = { 401: problem('Not signed in'), 403: problem('Staff only') };
const Day = z.iso.date();
const Any = z.object({}).passthrough();
const MAX_STATS_DAYS = 731;
const Id = (what: string) => z.string().regex(/^[1-9][0-9]{0,17}$/, `Not a ${what} id`);
const consultation = { params: z.object({ id: Id('consultation') }) };
const changed = { 200: json(Any, 'The consultation as the board shows it now'), 400: problem('Invalid input'), 404: problem('No such consultation, room or interpreter'), 409: problem('Not free, or the consultation cannot change'), ...denied };

const routes = {
  board: createRoute({
    method: 'get', path: '/board', tags: ['Control'], summary: 'One Korean day: rooms, and every consultation in them',
    request: { query: z.object({ date: Day, region: Label(60).optional(), pavilion: Slug.optional() }) },
    responses: { 200: json(Any, 'The board'), 400: problem('Invalid date or filter'), ...denied },
  }),
  requests: createRoute({
    method: 'get', path: '/requests', tags: ['Control'], summary: 'Requests nobody could place, oldest first, each with a suggested slot',
    responses: { 200: json(z.object({ items: z.array(Any) }), 'The queue'), ...denied },
  }),
  place: createRoute({
    method: 'post', path: '/requests/{id}/place', tags: ['Control'], summary: 'Place a queued request at a time (everyone gets the invitation)',
    request: {
      params: z.object({ id: Id('request') }),
      ...jsonBody(z.object({ start: z.iso.datetime({ offset: true }) })),
    },
    responses: { 200: json(Any, 'Placed'), 400: problem('Invalid time'), 404: problem('No such request'), 409: problem('Not queued, or the time is not free'), ...denied },
  }),
  options: createRoute({
    method: 'get', path: '/consultations/{id}/options', tags: ['Control'], summary: 'Rooms and interpreters free to take a consultation over, and other times for it',
    request: consultation,
    responses: { 200: json(Any, 'The choices'), 404: problem('No such consultation'), 409: problem('It cannot change'), ...denied },
  }),
  room: createRoute({
    method: 'post', path: '/consultations/{id}/room', tags: ['Control'], summary: 'Give a consultation another room at the same time',
    request: { ...consultation, ...jsonBody(z.object({ roomId: Id('room') })) },
    responses: changed,
  }),
  interpreter: createRoute({
    method: 'post', path: '/consultations/{id}/interpreter', tags: ['Control'], summary: 'Give a consultation another interpreter of its language',
    request: { ...consultation, ...jsonBody(z.object({ interpreterId: Id('interpreter') })) },
    responses: changed,
  }),
  move: createRoute({
    method: 'post', path: '/consultations/{id}/move', tags: ['Control'], summary: 'Move a consultation to another time (and room) everyone can make',
    request: { ...consultation, ...jsonBody(z.object({ start: z.iso.datetime({ offset: true }), roomId: Id('room').optional() })) },
    responses: changed,
  }),
  cancel: createRoute({
    method: 'post', path: '/consultations/{id}/cancel', tags: ['Control'], summary: 'Cancel a consultation, with the reason everyone is told',
    request: { ...consultation, ...jsonBody(z.object({ reason: plainText(500).pipe(z.string().min(3)) })) },
    responses: changed,
  }),
  stats: createRoute({
    method: 'get', path: '/stats', tags: ['Control'], summary: 'The programme in figures for a range of Korean days',
    request: {
      query: z.object({ from: Day, to: Day })
        .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
        // Open hours are counted day by day for every room and interpreter: a range of
        // centuries would keep the process busy for minutes. Two years is more than a programme.
        .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_STATS_DAYS * 86_400_000, { message: `At most ${MAX_STATS_DAYS} days at a time`, path: ['to'] }),
    },
    responses: { 200: json(Any, 'Figures'), 400: problem('Invalid range'), ...denied },
  }),
};

export const CONTROL_TOWER_ROUTES = Object.values(routes).map((r) => [r.method.toUpperCase(), `/control${r.path}`] as const);

export function registerControlRoutes(app: App, auth: Auth, deps: BookingDeps) {
  const control = staffApp(auth);
  control.openapi(routes.board, async (c) => c.json(await board(deps, c.var.user, c.req.valid('query')), 200));
  control.openapi(routes.requests, async (c) => c.json(await requestQueue(deps, c.var.user), 200));
  control.openapi(routes.place, async (c) =>
    c.json(await placeRequest(deps, c.var.user, c.req.valid('param').id, new Date(c.req.valid('json').start)), 200));
  control.openapi(routes.options, async (c) => c.json(await consultationOptions(deps, c.var.user, c.req.valid('param').id), 200));
  control.openapi(routes.room, async (c) =>
    c.json(await reassignRoom(deps, c.var.user, c.req.valid('param').id, c.req.valid('json').roomId), 200));
  control.openapi(routes.interpreter, async (c) =>
    c.json(await reassignInterpreter(deps, c.var.user, c.req.valid('param').id, c.req.valid('json').interpreterId), 200));
  control.openapi(routes.move, async (c) => {
    const to = c.req.valid('json');
    return c.json(await moveByStaff(deps, c.var.user, c.req.valid('param').id, { start: new Date(to.start), roomId: to.roomId }), 200);
  });
  control.openapi(routes.cancel, async (c) =>
    c.json(await cancelByStaff(deps, c.var.user, c.req.valid('param').id, c.req.valid('json').reason), 200));
  control.openapi(routes.stats, async (c) => c.json(await statistics(deps, c.var.user, c.req.valid('query')), 200));
  app.route('/control', control);
}
