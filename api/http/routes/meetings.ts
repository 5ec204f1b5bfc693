// Slots, meeting requests and the buyer's private manage link.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { escapeHtml } from '../../lib/html.ts';
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../../errors.ts';
import { listSlots, requestMeeting, slotView, type BookingDeps, type MeetingRequestResult } from '../../services/booking.ts';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../../repositories/idempotency.ts';
import { hashBody } from '../../lib/hash-body.ts';
import { findConsultationByToken, type ConsultationView } from '../../repositories/bookings.ts';
import {
  ConsultationSchema, MeetingRequestBody, QueuedSchema, SlotSchema, SlotsQuery, Slug,
} from '../schemas.ts';
import { domainProblem, problem, ProblemSchema } from '../problem.ts';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const QUEUED_MESSAGE = 'No time is free right now. Your request is queued and our staff will schedule it.';

const problemResponses = {
  400: { description: 'Invalid input', content: { 'application/problem+json': { schema: ProblemSchema } } },
  404: { description: 'Not found', content: { 'application/problem+json': { schema: ProblemSchema } } },
};

const slotsRoute = (kind: 'products' | 'companies') =>
  createRoute({
    method: 'get',
    path: `/${kind}/{slug}/slots`,
    tags: ['Meetings'],
    summary: `Bookable video-meeting slots for a ${kind === 'products' ? 'product' : 'company'}`,
    request: { params: z.object({ slug: Slug }), query: SlotsQuery },
    responses: {
      200: { description: 'Slots, each in UTC, the buyer\'s zone and Korea\'s', content: { 'application/json': { schema: z.object({ slots: z.array(SlotSchema) }) } } },
      ...problemResponses,
    },
  });

const requestRoute = createRoute({
  method: 'post',
  path: '/meeting-requests',
  tags: ['Meetings'],
  summary: 'Request a video meeting; books company, buyer, room and interpreter at once',
  request: {
    body: { required: true, content: { 'application/json': { schema: MeetingRequestBody } } },
    headers: z.object({
      'idempotency-key': z.string().optional().openapi({ description: 'Makes retries safe: the first answer is replayed for the same key and body; another body with the key is 422; a concurrent duplicate is 409.' }),
    }),
  },
  responses: {
    201: { description: 'Scheduled', content: { 'application/json': { schema: ConsultationSchema } } },
    202: { description: 'No slot free now: queued for staff', content: { 'application/json': { schema: QueuedSchema } } },
    409: { description: 'The preferred slots are taken (alternatives attached), or a request with the same Idempotency-Key is in progress', content: { 'application/problem+json': { schema: ProblemSchema } } },
    422: { description: 'The Idempotency-Key was used with another body', content: { 'application/problem+json': { schema: ProblemSchema } } },
    ...problemResponses,
  },
});

const manageRoute = createRoute({
  method: 'get',
  path: '/manage/{token}',
  tags: ['Meetings'],
  summary: 'The buyer\'s private view of a consultation (HTML, or JSON with Accept: application/json)',
  request: { params: z.object({ token: z.string().min(20).max(100).regex(/^[A-Za-z0-9_-]+$/) }) },
  responses: {
    200: { description: 'The consultation', content: { 'application/json': { schema: ConsultationSchema }, 'text/html': { schema: z.string() } } },
    ...problemResponses,
  },
});

export function consultationJson(c: ConsultationView, videoBaseUrl: string, manageUrl?: string) {
  const times = slotView({ start: c.startsAt.getTime(), end: c.endsAt.getTime() }, c.buyerTimeZone, c.companyTimeZone);
  return {
    id: c.meetingRequestId,
    status: c.status,
    startsAt: times.start,
    endsAt: times.end,
    buyerTime: times.buyerTime,
    koreaTime: times.koreaTime,
    company: { slug: c.companySlug, name: c.companyName },
    room: { name: c.roomName, location: c.roomLocation },
    interpreter: c.interpreterLanguage ? { language: c.interpreterLanguage } : null,
    videoUrl: `${videoBaseUrl}${c.videoRoom}`,
    ...(manageUrl ? { manageUrl } : {}),
  };
}

function manageHtml(v: ReturnType<typeof consultationJson>): string {
  const e = escapeHtml;
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>Your video meeting · Pavilion</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}dt{font-weight:600}</style></head>
<body><main><h1>Your video meeting with ${e(v.company.name)}</h1><dl>
<dt>Status</dt><dd>${e(v.status)}</dd>
<dt>Your time</dt><dd>${e(v.buyerTime.start)} (${e(v.buyerTime.timeZone)})</dd>
<dt>Korea time</dt><dd>${e(v.koreaTime.start)} (${e(v.koreaTime.timeZone)})</dd>
<dt>Room</dt><dd>${e(v.room.name)}, ${e(v.room.location)}</dd>
<dt>Interpreter</dt><dd>${v.interpreter ? e(v.interpreter.language) : 'none'}</dd>
<dt>Video link</dt><dd><a href="${e(v.videoUrl)}" rel="noopener">${e(v.videoUrl)}</a></dd>
</dl></main></body></html>`;
}

export function registerMeetingRoutes(app: OpenAPIHono, deps: BookingDeps) {
  const slotsHandler = (kind: 'products' | 'companies') =>
    app.openapi(slotsRoute(kind), async (c) => {
      const { slug } = c.req.valid('param');
      const q = c.req.valid('query');
      const { slots } = await listSlots(deps, {
        ...(kind === 'products' ? { productSlug: slug } : { companySlug: slug }),
        timeZone: q.tz, language: q.language, interpreter: q.interpreter,
        from: q.from ? new Date(q.from) : undefined, to: q.to ? new Date(q.to) : undefined,
      });
      return c.json({ slots }, 200);
    });
  slotsHandler('products');
  slotsHandler('companies');

  const answer = (result: MeetingRequestResult) =>
    result.status === 'queued'
      ? { status: 202 as const, body: { id: result.requestId, status: 'queued' as const, message: QUEUED_MESSAGE } }
      : {
          status: 201 as const,
          body: consultationJson(result.consultation, deps.config.videoBaseUrl, `${deps.config.publicUrl}/api/manage/${result.manageToken}`),
        };

  app.openapi(requestRoute, async (c) => {
    const body = c.req.valid('json');
    const input = {
      productSlug: body.productSlug,
      companySlug: body.companySlug,
      buyer: body.buyer,
      preferredSlots: body.preferredSlots.map((s) => new Date(s)),
      interpreter: body.interpreter,
      message: body.message,
    };
    const rawKey = c.req.header('idempotency-key');
    if (rawKey === undefined) {
      const r = answer(await requestMeeting(deps, input));
      return r.status === 201 ? c.json(r.body, 201) : c.json(r.body, 202);
    }

    if (!IDEMPOTENCY_KEY.test(rawKey)) throw new InvalidInputError('Idempotency-Key must be 1 to 200 visible ASCII characters.');
    const key = `meeting-requests:${rawKey}`;
    const claim = await claimIdempotencyKey(deps.db, key, hashBody(body));
    if (claim.state === 'mismatch') throw new UnprocessableError('This Idempotency-Key was used with a different request body.');
    if (claim.state === 'in_progress') throw new ConflictError('A request with this Idempotency-Key is still being processed. Retry shortly.');
    if (claim.state === 'done') {
      c.header('Idempotency-Replayed', 'true');
      // A replayed problem keeps its own status and shape; the typed route can't express that.
      if (claim.status >= 400) {
        const replay = problem(claim.status, (claim.body as { title: string }).title, undefined, claim.body as Record<string, unknown>);
        replay.headers.set('Idempotency-Replayed', 'true');
        return replay as never;
      }
      return c.json(claim.body as never, claim.status as 201);
    }
    try {
      const result = await requestMeeting(deps, input, (trx, r) => {
        const { status, body: json } = answer(r);
        return completeIdempotencyKey(trx, key, status, json);
      });
      const r = answer(result);
      return r.status === 201 ? c.json(r.body, 201) : c.json(r.body, 202);
    } catch (err) {
      // A definite answer about this request is replayed; anything else frees the key.
      if (err instanceof ConflictError || err instanceof NotFoundError) {
        const { status, body: problemBody } = domainProblem(err);
        await completeIdempotencyKey(deps.db, key, status, problemBody);
      } else {
        await releaseIdempotencyKey(deps.db, key).catch(() => {});
      }
      throw err;
    }
  });

  app.openapi(manageRoute, async (c) => {
    const { token } = c.req.valid('param');
    const found = await findConsultationByToken(deps.db, token);
    if (!found) throw new NotFoundError('This link is not valid.');
    const view = consultationJson(found, deps.config.videoBaseUrl);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    if ((c.req.header('accept') ?? '').includes('application/json')) return c.json(view, 200);
    return c.html(manageHtml(view), 200);
  });
}
