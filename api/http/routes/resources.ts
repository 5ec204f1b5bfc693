// The control tower's Resources API under /api/control (staff only): pavilions (create,
// edit, order, retire), rooms and booths (closures for repairs), interpreters with their
// languages, weekly hours and leave. Handlers stay thin; the rules live in services/resources.ts.
import { json, jsonBody, problem, staffApp } from '../route-helpers.ts';
import { createRoute, z, type OpenAPIHono as App } from '@hono/zod-openapi';
import type { Auth } from '../../auth/auth.ts';
import {
  ActiveSchema, InterpreterSchema, LeaveSchema, NewPavilionSchema, PavilionOrderSchema, PavilionTextsSchema, RetiredSchema,
  RoomSchema, WeeklyHoursSchema,
} from '../../control/resource-schemas.ts';
import * as resources from '../../services/resources.ts';

const denied = { 401: problem('Not signed in'), 403: problem('Staff only') };
const Any = z.object({}).passthrough();
const Items = z.object({ items: z.array(Any) });
const Id = (what: string) => z.string().regex(/^[1-9][0-9]{0,17}$/, `Not a ${what} id`);
const param = (what: string) => ({ params: z.object({ id: Id(what) }) });
const write = (what: string, extra: Record<number, ReturnType<typeof problem>> = {}) => ({
  200: json(Any, `The ${what} as it is now`), 400: problem('Invalid input'), 404: problem(`No such ${what}`), ...extra, ...denied,
});
const stranded = problem('Live consultations need it: the problem names them (count, consultations)');

const routes = {
  pavilions: createRoute({
    method: 'get', path: '/pavilions', tags: ['Resources'], summary: 'Every pavilion in order, retired ones included',
    responses: { 200: json(Items, 'The pavilions'), ...denied },
  }),
  createPavilion: createRoute({
    method: 'post', path: '/pavilions', tags: ['Resources'], summary: 'A new pavilion, last in the order (site and search follow)',
    request: jsonBody(NewPavilionSchema),
    responses: { 201: json(Any, 'The pavilion'), 400: problem('Invalid input'), 409: problem('The address is taken'), ...denied },
  }),
  editPavilion: createRoute({
    method: 'put', path: '/pavilions/{id}', tags: ['Resources'], summary: 'Replace a pavilion\'s names and stories (the address stays)',
    request: { ...param('pavilion'), ...jsonBody(PavilionTextsSchema) },
    responses: write('pavilion'),
  }),
  reorderPavilions: createRoute({
    method: 'post', path: '/pavilions/reorder', tags: ['Resources'], summary: 'Set the order of all pavilions at once',
    request: jsonBody(PavilionOrderSchema),
    responses: { 200: json(Items, 'The pavilions in their new order'), 400: problem('Invalid or unknown ids'), 409: problem('Pavilions were added meanwhile'), ...denied },
  }),
  retirePavilion: createRoute({
    method: 'put', path: '/pavilions/{id}/retired', tags: ['Resources'], summary: 'Retire a pavilion (off the site and search, products kept) or restore it',
    request: { ...param('pavilion'), ...jsonBody(RetiredSchema) },
    responses: write('pavilion'),
  }),
  rooms: createRoute({
    method: 'get', path: '/rooms', tags: ['Resources'], summary: 'Every room and booth with its hours and live consultations ahead',
    responses: { 200: json(Items, 'The rooms'), ...denied },
  }),
  createRoom: createRoute({
    method: 'post', path: '/rooms', tags: ['Resources'], summary: 'A new room or booth (default hours until given its own)',
    request: jsonBody(RoomSchema),
    responses: { 201: json(Any, 'The room'), 400: problem('Invalid input'), 409: problem('The name is taken'), ...denied },
  }),
  editRoom: createRoute({
    method: 'put', path: '/rooms/{id}', tags: ['Resources'], summary: 'Replace a room\'s details',
    request: { ...param('room'), ...jsonBody(RoomSchema) },
    responses: write('room', { 409: problem('The name is taken') }),
  }),
  roomHours: createRoute({
    method: 'put', path: '/rooms/{id}/hours', tags: ['Resources'], summary: 'Replace a room\'s weekly hours (none: the default hours); outsideHours names the live consultations ahead they leave outside',
    request: { ...param('room'), ...jsonBody(WeeklyHoursSchema) },
    responses: write('room'),
  }),
  roomActive: createRoute({
    method: 'put', path: '/rooms/{id}/active', tags: ['Resources'], summary: 'Take a room out of service or back; refused while live consultations are booked in it',
    request: { ...param('room'), ...jsonBody(ActiveSchema) },
    responses: write('room', { 409: stranded }),
  }),
  addRoomClosure: createRoute({
    method: 'post', path: '/rooms/{id}/closures', tags: ['Resources'], summary: 'Close a room for whole days (repairs, another event); refused over live consultations',
    request: { ...param('room'), ...jsonBody(LeaveSchema) },
    responses: { 201: json(Any, 'The room with the closure'), 400: problem('Invalid dates'), 404: problem('No such room'), 409: stranded, ...denied },
  }),
  removeRoomClosure: createRoute({
    method: 'delete', path: '/rooms/{id}/closures/{closureId}', tags: ['Resources'], summary: 'Reopen a room: remove a closure',
    request: { params: z.object({ id: Id('room'), closureId: Id('closure') }) },
    responses: write('room'),
  }),
  interpreters: createRoute({
    method: 'get', path: '/interpreters', tags: ['Resources'], summary: 'Every interpreter with languages, hours and leave (e-mails are staff data)',
    responses: { 200: json(Items, 'The interpreters'), ...denied },
  }),
  createInterpreter: createRoute({
    method: 'post', path: '/interpreters', tags: ['Resources'], summary: 'A new interpreter',
    request: jsonBody(InterpreterSchema),
    responses: { 201: json(Any, 'The interpreter'), 400: problem('Invalid input'), 409: problem('The e-mail address is taken'), ...denied },
  }),
  editInterpreter: createRoute({
    method: 'put', path: '/interpreters/{id}', tags: ['Resources'], summary: 'Replace an interpreter\'s details and languages',
    request: { ...param('interpreter'), ...jsonBody(InterpreterSchema) },
    responses: write('interpreter', { 409: problem('The e-mail address is taken, or a live consultation needs a language removed') }),
  }),
  interpreterHours: createRoute({
    method: 'put', path: '/interpreters/{id}/hours', tags: ['Resources'], summary: 'Replace an interpreter\'s weekly hours (none: the default hours); outsideHours names the live consultations ahead they leave outside',
    request: { ...param('interpreter'), ...jsonBody(WeeklyHoursSchema) },
    responses: write('interpreter'),
  }),
  addLeave: createRoute({
    method: 'post', path: '/interpreters/{id}/leave', tags: ['Resources'], summary: 'Add whole days of leave; refused over live consultations',
    request: { ...param('interpreter'), ...jsonBody(LeaveSchema) },
    responses: { 201: json(Any, 'The interpreter with the leave'), 400: problem('Invalid dates'), 404: problem('No such interpreter'), 409: stranded, ...denied },
  }),
  removeLeave: createRoute({
    method: 'delete', path: '/interpreters/{id}/leave/{leaveId}', tags: ['Resources'], summary: 'Remove a period of leave',
    request: { params: z.object({ id: Id('interpreter'), leaveId: Id('leave') }) },
    responses: write('interpreter'),
  }),
  interpreterActive: createRoute({
    method: 'put', path: '/interpreters/{id}/active', tags: ['Resources'], summary: 'Take an interpreter off the roster or back; refused while live consultations need them',
    request: { ...param('interpreter'), ...jsonBody(ActiveSchema) },
    responses: write('interpreter', { 409: stranded }),
  }),
};

export const RESOURCE_ROUTES = Object.values(routes).map((r) => [r.method.toUpperCase(), `/control${r.path}`] as const);

export function registerResourceRoutes(app: App, auth: Auth, deps: resources.ResourceDeps) {
  const r = staffApp(auth);
  const id = (c: { req: { valid: (t: 'param') => { id: string } } }) => c.req.valid('param').id;
  r.openapi(routes.pavilions, async (c) => c.json(await resources.listPavilions(deps, c.var.user), 200));
  r.openapi(routes.createPavilion, async (c) => c.json(await resources.createPavilion(deps, c.var.user, c.req.valid('json')), 201));
  r.openapi(routes.reorderPavilions, async (c) => c.json(await resources.reorderPavilions(deps, c.var.user, c.req.valid('json').ids), 200));
  r.openapi(routes.editPavilion, async (c) => c.json(await resources.editPavilion(deps, c.var.user, id(c), c.req.valid('json')), 200));
  r.openapi(routes.retirePavilion, async (c) => c.json(await resources.setPavilionRetired(deps, c.var.user, id(c), c.req.valid('json').retired), 200));
  r.openapi(routes.rooms, async (c) => c.json(await resources.listRooms(deps, c.var.user), 200));
  r.openapi(routes.createRoom, async (c) => c.json(await resources.createRoom(deps, c.var.user, c.req.valid('json')), 201));
  r.openapi(routes.editRoom, async (c) => c.json(await resources.editRoom(deps, c.var.user, id(c), c.req.valid('json')), 200));
  r.openapi(routes.roomHours, async (c) => c.json(await resources.setRoomHours(deps, c.var.user, id(c), c.req.valid('json')), 200));
  r.openapi(routes.roomActive, async (c) => c.json(await resources.setRoomActive(deps, c.var.user, id(c), c.req.valid('json').active), 200));
  r.openapi(routes.addRoomClosure, async (c) => c.json(await resources.addRoomClosure(deps, c.var.user, id(c), c.req.valid('json')), 201));
  r.openapi(routes.removeRoomClosure, async (c) => {
    const p = c.req.valid('param');
    return c.json(await resources.removeRoomClosure(deps, c.var.user, p.id, p.closureId), 200);
  });
  r.openapi(routes.interpreters, async (c) => c.json(await resources.listInterpreters(deps, c.var.user), 200));
  r.openapi(routes.createInterpreter, async (c) => c.json(await resources.createInterpreter(deps, c.var.user, c.req.valid('json')), 201));
  r.openapi(routes.editInterpreter, async (c) => c.json(await resources.editInterpreter(deps, c.var.user, id(c), c.req.valid('json')), 200));
  r.openapi(routes.interpreterHours, async (c) => c.json(await resources.setInterpreterHours(deps, c.var.user, id(c), c.req.valid('json')), 200));
  r.openapi(routes.addLeave, async (c) => c.json(await resources.addLeave(deps, c.var.user, id(c), c.req.valid('json')), 201));
  r.openapi(routes.removeLeave, async (c) => {
    const p = c.req.valid('param');
    return c.json(await resources.removeLeave(deps, c.var.user, p.id, p.leaveId), 200);
  });
  r.openapi(routes.interpreterActive, async (c) => c.json(await resources.setInterpreterActive(deps, c.var.user, id(c), c.req.valid('json').active), 200));
  app.route('/control', r);
}
