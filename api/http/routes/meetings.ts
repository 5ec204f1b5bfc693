// Slots and meeting requests (the manage link is in manage.ts).
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { ConflictError, InvalidInputError, UnprocessableError } from '../../errors.ts';
import { listSlots, requestMeeting, type BookingDeps, type MeetingRequestResult } from '../../services/booking.ts';
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from '../../repositories/idempotency.ts';
import { hashBody } from '../../lib/hash-body.ts';
import { consultationJson } from '../consultation-json.ts';
import {
  ConsultationSchema, MeetingRequestBody, QueuedSchema, SlotSchema, SlotsQuery, Slug,
} from '../schemas.ts';
import { ProblemSchema } from '../problem.ts';

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
      // Only 201 and 202 answers are stored (a refused request leaves no key behind).
      return claim.status === 201 ? c.json(claim.body as never, 201) : c.json(claim.body as never, 202);
    }
    try {
      const result = await requestMeeting(deps, input, (trx, r) => {
        const { status, body: json } = answer(r);
        return completeIdempotencyKey(trx, key, status, json);
      });
      const r = answer(result);
      return r.status === 201 ? c.json(r.body, 201) : c.json(r.body, 202);
    } catch (err) {
      // A refused request leaves nothing behind, its key included: a retry is answered afresh.
      await releaseIdempotencyKey(deps.db, key).catch(() => {});
      throw err;
    }
  });

}
