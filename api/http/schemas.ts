// Request and response schemas: they validate requests and generate the OpenAPI document.
import { z } from '@hono/zod-openapi';
import { plainText } from '../lib/plain-text.ts';
import { isValidTimeZone } from '../scheduling/weekly-hours.ts';

export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine(isValidTimeZone, { message: 'Not a known IANA time zone, e.g. America/New_York' })
  .openapi({ example: 'America/New_York' });

export const Slug = z.string().min(1).max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Not a valid slug');

/** A short text value in a query (a filter): printable, trimmed, bounded. A NUL would reach PostgreSQL as an error. */
export const Label = (max: number) =>
  // eslint-disable-next-line no-control-regex
  z.string().trim().min(1).max(max).regex(/^[^\x00-\x1f\x7f]+$/, 'must not contain control characters');

const Language = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'A BCP 47 language tag, e.g. en or pt-BR')
  .max(35)
  .openapi({ example: 'en' });

export const InterpreterPreference = z.enum(['auto', 'required', 'none']);

const LocalTime = z.object({ start: z.string(), end: z.string(), timeZone: z.string() });
export const SlotSchema = z
  .object({
    start: z.string().openapi({ example: '2026-12-07T01:00:00.000Z' }),
    end: z.string(),
    buyerTime: LocalTime,
    koreaTime: LocalTime,
  })
  .openapi('Slot');

export const SlotsQuery = z.object({
  tz: TimeZone,
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  language: Language.default('en'),
  interpreter: InterpreterPreference.default('auto'),
});

export const BuyerSchema = z.object({
  name: plainText(120).pipe(z.string().min(1)),
  company: plainText(160).pipe(z.string().min(1)),
  country: z.string().regex(/^[A-Z]{2}$/, 'An ISO 3166 alpha-2 code, e.g. US').openapi({ example: 'US' }),
  email: z.email().max(254),
  language: Language,
  timeZone: TimeZone,
});

export const MeetingRequestBody = z
  .object({
    productSlug: Slug.optional(),
    companySlug: Slug.optional(),
    buyer: BuyerSchema,
    preferredSlots: z.array(z.iso.datetime({ offset: true })).max(10).default([]),
    interpreter: InterpreterPreference.default('auto'),
    message: plainText(2000).default(''),
  })
  .refine((b) => Boolean(b.productSlug) !== Boolean(b.companySlug), {
    message: 'Give exactly one of productSlug and companySlug',
    path: ['productSlug'],
  })
  .openapi('MeetingRequest');

export const ConsultationSchema = z
  .object({
    id: z.string(),
    status: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    buyerTime: LocalTime,
    koreaTime: LocalTime,
    company: z.object({ slug: z.string(), name: z.string() }),
    room: z.object({ name: z.string(), location: z.string() }),
    interpreter: z.object({ language: z.string() }).nullable(),
    videoUrl: z.string(),
    manageUrl: z.string().optional(),
    awaiting: z.enum(['company', 'buyer']).nullable().openapi({ description: 'While held: whose answer is awaited' }),
    holdExpiresAt: z.string().nullable().openapi({ description: 'While held: when the hold ends unanswered' }),
    declineReason: z.string().nullable(),
  })
  .openapi('Consultation');

export const QueuedSchema = z.object({ id: z.string(), status: z.literal('queued'), message: z.string() }).openapi('QueuedRequest');
