// The portal's meeting routes: the company's inbox and its answers to held requests.
import { json, jsonBody, problem, signedInApp } from '../route-helpers.ts';
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import { plainText } from '../../lib/plain-text.ts';
import { accept, decline, inbox, outcome, type InboxDeps } from '../../services/company-inbox.ts';
import { cancelMeeting, optionsFor, proposeFor } from '../../services/company-meetings.ts';
import { OUTCOMES, OUTCOMES_WITH_VALUE } from '../../repositories/inbox.ts';
import type { SessionEnv } from '../session.ts';
import { Slug, SlotSchema } from '../schemas.ts';

const denied = { 401: problem('Not signed in'), 403: problem('Not a member of this company'), 404: problem('No such company or meeting') };

const CompanyParam = z.object({ slug: Slug });
const MeetingParam = z.object({ slug: Slug, id: z.string().regex(/^[1-9][0-9]{0,17}$/, 'Not a meeting id') });
const Meeting = z.object({}).passthrough().openapi('InboxMeeting');
const Queued = z.object({
  id: z.string(), requestedAt: z.string(), product: z.string().nullable(),
  buyer: z.object({ name: z.string(), company: z.string(), country: z.string() }),
}).openapi('InboxQueuedRequest');
const conflict = { 409: problem('Not waiting for your answer any more, or the time is taken') };

export const inboxRoutes = {
  inbox: createRoute({
    method: 'get', path: '/companies/{slug}/consultations', tags: ['Portal'],
    summary: 'Requests waiting for the company\'s answer, its consultations (last 60 days and ahead) and its requests waiting for the programme team to place',
    request: { params: CompanyParam },
    responses: {
      200: json(z.object({ waitingForYou: z.array(Meeting), consultations: z.array(Meeting), waitingForProgramme: z.array(Queued) }), 'The inbox'), ...denied,
    },
  }),
  accept: createRoute({
    method: 'post', path: '/companies/{slug}/consultations/{id}/accept', tags: ['Portal'], summary: 'Accept a held request: everyone gets the invitation',
    request: { params: MeetingParam }, responses: { 200: json(Meeting, 'Scheduled'), ...conflict, ...denied },
  }),
  decline: createRoute({
    method: 'post', path: '/companies/{slug}/consultations/{id}/decline', tags: ['Portal'], summary: 'Decline a held request with a reason the buyer sees',
    request: { params: MeetingParam, ...jsonBody(z.object({ reason: plainText(500).pipe(z.string().min(1)) })) },
    responses: { 200: json(Meeting, 'Declined'), 400: problem('No reason'), ...conflict, ...denied },
  }),
  cancel: createRoute({
    method: 'post', path: '/companies/{slug}/consultations/{id}/cancel', tags: ['Portal'],
    summary: 'Cancel a booked meeting that has not begun, with a reason the buyer reads; everyone is told',
    request: { params: MeetingParam, ...jsonBody(z.object({ reason: plainText(500).pipe(z.string().min(1)) })) },
    responses: { 200: json(Meeting, 'Cancelled'), 400: problem('No reason'), 409: problem('Not booked, begun, or changed meanwhile'), ...denied },
  }),
  options: createRoute({
    method: 'get', path: '/companies/{slug}/consultations/{id}/proposal-options', tags: ['Portal'],
    summary: 'Times that could be proposed instead of a held request\'s, or to move a booked meeting to',
    request: { params: MeetingParam }, responses: { 200: json(z.object({ slots: z.array(SlotSchema) }), 'Free times'), ...conflict, ...denied },
  }),
  propose: createRoute({
    method: 'post', path: '/companies/{slug}/consultations/{id}/propose', tags: ['Portal'],
    summary: 'Propose another time; it is held while the buyer accepts or declines it through their link. A booked meeting keeps its time unless the buyer accepts',
    request: { params: MeetingParam, ...jsonBody(z.object({ start: z.iso.datetime({ offset: true }) })) },
    responses: { 200: json(Meeting, 'Proposed'), 400: problem('Not a time'), ...conflict, ...denied },
  }),
  outcome: createRoute({
    method: 'post', path: '/companies/{slug}/consultations/{id}/outcome', tags: ['Portal'], summary: 'Record how a meeting went, and any deal value in USD',
    request: {
      params: MeetingParam,
      ...jsonBody(z.object({ outcome: z.enum(OUTCOMES), dealValueUsd: z.number().min(0).max(1e12).nullable().default(null) })
        .refine((o) => o.dealValueUsd === null || OUTCOMES_WITH_VALUE.includes(o.outcome), {
          message: 'A deal value goes with a sample sent, a negotiation or a contract', path: ['dealValueUsd'],
        })),
    },
    responses: { 200: json(Meeting, 'Recorded'), 400: problem('Invalid outcome'), ...conflict, ...denied },
  }),
};

export function registerInboxRoutes(portal: OpenAPIHono<SessionEnv>, deps: InboxDeps) {
  portal.openapi(inboxRoutes.inbox, async (c) => c.json(await inbox(deps, c.req.valid('param').slug, c.var.user), 200));
  portal.openapi(inboxRoutes.accept, async (c) => {
    const p = c.req.valid('param');
    return c.json(await accept(deps, p.slug, p.id, c.var.user), 200);
  });
  portal.openapi(inboxRoutes.decline, async (c) => {
    const p = c.req.valid('param');
    return c.json(await decline(deps, p.slug, p.id, c.var.user, c.req.valid('json').reason), 200);
  });
  portal.openapi(inboxRoutes.cancel, async (c) => {
    const p = c.req.valid('param');
    return c.json(await cancelMeeting(deps, p.slug, p.id, c.var.user, c.req.valid('json').reason), 200);
  });
  portal.openapi(inboxRoutes.options, async (c) => {
    const p = c.req.valid('param');
    return c.json(await optionsFor(deps, p.slug, p.id, c.var.user), 200);
  });
  portal.openapi(inboxRoutes.propose, async (c) => {
    const p = c.req.valid('param');
    return c.json(await proposeFor(deps, p.slug, p.id, c.var.user, new Date(c.req.valid('json').start)), 200);
  });
  portal.openapi(inboxRoutes.outcome, async (c) => {
    const p = c.req.valid('param');
    const o = c.req.valid('json');
    return c.json(await outcome(deps, p.slug, p.id, c.var.user, { outcome: o.outcome, dealValueUsd: o.dealValueUsd }), 200);
  });
}
