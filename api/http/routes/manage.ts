// The buyer's private manage link: GET shows the consultation (HTML, or JSON for
// Accept: application/json); reschedule and cancel are POSTs beside it, taking JSON or a
// plain HTML form (then answering with a redirect back to the page).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { InvalidInputError } from '../../errors.ts';
import type { BookingDeps } from '../../services/booking.ts';
import { answerProposal, cancelByToken, rescheduleByToken, rescheduleOptions, viewByToken } from '../../services/manage.ts';
import { consultationJson } from '../consultation-json.ts';
import { ConsultationSchema, SlotSchema } from '../schemas.ts';
import { ProblemSchema } from '../problem.ts';
import { renderManagePage } from '../views/manage-page.ts';
import { consultationIcs } from '../../services/invitation.ts';

const Token = z.object({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/) });
const RescheduleBody = z.object({ start: z.iso.datetime({ offset: true }) });
const problems = {
  400: { description: 'Invalid input', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: { description: 'No such link', content: { 'application/problem+json': { schema: ProblemSchema } } },
  410: { description: 'The meeting has ended; the link no longer works', content: { 'application/problem+json': { schema: ProblemSchema } } },
};
const both = {
  200: { description: 'The consultation', content: { 'application/json': { schema: ConsultationSchema } } },
  303: { description: 'For HTML forms: back to the manage page' },
};

const viewRoute = createRoute({
  method: 'get', path: '/manage/{token}', tags: ['Meetings'],
  summary: 'The buyer\'s private view of a consultation (HTML, or JSON with Accept: application/json)',
  request: { params: Token },
  responses: { 200: { description: 'The consultation', content: { 'application/json': { schema: ConsultationSchema }, 'text/html': { schema: z.string() } } }, ...problems },
});
const optionsRoute = createRoute({
  method: 'get', path: '/manage/{token}/slots', tags: ['Meetings'], summary: 'Times the consultation can be moved to',
  request: { params: Token },
  responses: { 200: { description: 'Free slots', content: { 'application/json': { schema: z.object({ slots: z.array(SlotSchema) }) } } }, ...problems },
});
const rescheduleRoute = createRoute({
  method: 'post', path: '/manage/{token}/reschedule', tags: ['Meetings'],
  summary: 'Move the consultation; the old time is released in the same transaction',
  request: {
    params: Token,
    // Not `required`: with two media types, only the one the request uses is validated.
    body: { content: { 'application/json': { schema: RescheduleBody }, 'application/x-www-form-urlencoded': { schema: RescheduleBody } } },
  },
  responses: { ...both, ...problems, 409: { description: 'That time is taken; alternatives attached', content: { 'application/problem+json': { schema: ProblemSchema } } } },
});
const inviteRoute = createRoute({
  method: 'get', path: '/manage/{token}/invite.ics', tags: ['Meetings'],
  summary: 'The calendar invitation (iCalendar; METHOD:CANCEL once cancelled)',
  request: { params: Token },
  responses: { 200: { description: 'text/calendar', content: { 'text/calendar': { schema: z.string() } } }, ...problems },
});
const cancelRoute = createRoute({
  method: 'post', path: '/manage/{token}/cancel', tags: ['Meetings'], summary: 'Cancel the consultation',
  request: { params: Token },
  responses: { ...both, ...problems },
});

const answerRoutes = (['accept', 'decline'] as const).map((answer) => createRoute({
  method: 'post', path: `/manage/{token}/${answer}`, tags: ['Meetings'],
  summary: answer === 'accept' ? 'Accept the time the company proposed' : 'Decline the time the company proposed',
  request: { params: Token },
  responses: { ...both, ...problems, 409: { description: 'No proposal waiting', content: { 'application/problem+json': { schema: ProblemSchema } } } },
}));

const wantsHtml = (c: Context) => !(c.req.header('content-type') ?? '').includes('application/json')
  && !(c.req.header('accept') ?? '').includes('application/json');

export function registerManageRoutes(app: OpenAPIHono, deps: BookingDeps) {
  const privateHeaders = (c: Context) => {
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer'); // the token is in the URL: never leak it onwards
    // Plain HTML with its own <style>: no script at all, forms only back to us.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
  };

  app.openapi(viewRoute, async (c) => {
    const { token } = c.req.valid('param');
    privateHeaders(c);
    const view = consultationJson(await viewByToken(deps, token), deps.config.videoBaseUrl);
    if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(view, 200);
    const notice = {
      moved: 'Your meeting has been moved.', cancelled: 'Your meeting has been cancelled.',
      accepted: 'You accepted the new time: your meeting is scheduled.', declined: 'You declined the proposed time.',
    }[c.req.query('done') ?? ''];
    return c.html(renderManagePage(view, token, await rescheduleOptions(deps, token), notice), 200);
  });

  app.openapi(inviteRoute, async (c) => {
    const { token } = c.req.valid('param');
    privateHeaders(c);
    const ics = consultationIcs(await viewByToken(deps, token), deps.config);
    return c.body(ics, 200, {
      'Content-Type': 'text/calendar; charset=utf-8; method=' + (ics.includes('METHOD:CANCEL') ? 'CANCEL' : 'REQUEST'),
      'Content-Disposition': 'attachment; filename="pavilion-meeting.ics"',
    });
  });

  app.openapi(optionsRoute, async (c) => {
    const { token } = c.req.valid('param');
    privateHeaders(c);
    return c.json({ slots: await rescheduleOptions(deps, token) }, 200);
  });

  app.openapi(rescheduleRoute, async (c) => {
    const { token } = c.req.valid('param');
    const isJson = (c.req.header('content-type') ?? '').includes('application/json');
    const body: { start?: string } = isJson ? c.req.valid('json') : c.req.valid('form');
    if (!body.start) throw new InvalidInputError('Send { "start": "<ISO time>" } as JSON or a form.');
    privateHeaders(c);
    const view = consultationJson(await rescheduleByToken(deps, token, new Date(body.start)), deps.config.videoBaseUrl);
    if (wantsHtml(c)) return c.redirect(`/api/manage/${token}?done=moved`, 303);
    return c.json(view, 200);
  });

  for (const [i, answer] of (['accept', 'decline'] as const).entries()) {
    app.openapi(answerRoutes[i]!, async (c) => {
      const { token } = c.req.valid('param');
      privateHeaders(c);
      const view = consultationJson(await answerProposal(deps, token, answer), deps.config.videoBaseUrl);
      if (wantsHtml(c)) return c.redirect(`/api/manage/${token}?done=${answer === 'accept' ? 'accepted' : 'declined'}`, 303);
      return c.json(view, 200);
    });
  }

  app.openapi(cancelRoute, async (c) => {
    const { token } = c.req.valid('param');
    privateHeaders(c);
    const view = consultationJson(await cancelByToken(deps, token), deps.config.videoBaseUrl);
    if (wantsHtml(c)) return c.redirect(`/api/manage/${token}?done=cancelled`, 303);
    return c.json(view, 200);
  });
}
