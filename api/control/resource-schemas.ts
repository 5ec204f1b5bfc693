// What staff may say about pavilions, rooms and interpreters: one schema for the API and the
// Resources screen, so both say the same thing about the same mistake. Plain zod and Intl
// only (no server imports), so the browser island can import it.
import { z } from 'zod';
import { plainText } from '../lib/plain-text.ts';

/** The hall's locales: a pavilion's name is required in English and Korean, the rest optional. */
export const HALL_LOCALES = ['en', 'ko', 'ja', 'zh', 'ru', 'vi'] as const;
export type HallLocale = (typeof HALL_LOCALES)[number];

const text = (max: number) => plainText(max, `At most ${max} characters`);
const required = (max: number) => text(max).pipe(z.string().min(1, 'Required'));
/** An optional text: empty means "not given" and is left out. */
const optional = (max: number) => text(max).optional().transform((s) => (s ? s : undefined));

/** A real IANA zone name (not an offset like +09:00), in its canonical spelling. */
export function canonicalTimeZone(zone: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/.test(zone)) return undefined;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return undefined;
  }
}
export const TimeZoneName = z.string().max(64).transform((zone, ctx) => {
  const canonical = canonicalTimeZone(zone.trim());
  if (!canonical) {
    ctx.addIssue({ code: 'custom', message: 'Not a known IANA time zone, e.g. Asia/Seoul or Europe/Berlin' });
    return z.NEVER;
  }
  return canonical;
});

const languageNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });
/** ISO 639-1: two lower-case letters naming a language the runtime knows. */
export const LanguageCode = z.string().regex(/^[a-z]{2}$/, 'A two-letter ISO 639-1 code, e.g. ja')
  // The refinement runs even when the pattern failed, and Intl throws on a malformed tag
  // ("", "a", "0000-00-00"): ask it only about two letters.
  .refine((code) => /^[a-z]{2}$/.test(code) && languageNames.of(code) !== undefined, 'Not an ISO 639-1 language code');

// ---------------------------------------------------------------- pavilions

export const PavilionTextsSchema = z.object({
  names: z.strictObject({ en: required(80), ko: required(80), ja: optional(80), zh: optional(80), ru: optional(80), vi: optional(80) }),
  stories: z.strictObject({ en: optional(2000), ko: optional(2000), ja: optional(2000), zh: optional(2000), ru: optional(2000), vi: optional(2000) }).prefault({}),
});
export const NewPavilionSchema = PavilionTextsSchema.extend({
  slug: z.string().trim().min(2, 'At least 2 characters').max(60, 'At most 60 characters')
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Lower-case letters and digits joined by single hyphens, e.g. medical-bio'),
});
export type PavilionTexts = z.infer<typeof PavilionTextsSchema>;
export type NewPavilion = z.infer<typeof NewPavilionSchema>;

const Id = z.string().regex(/^[1-9][0-9]{0,17}$/, 'Not an id');
export const PavilionOrderSchema = z.object({
  ids: z.array(Id).min(1).max(500).refine((ids) => new Set(ids).size === ids.length, 'Each pavilion once'),
});

// ---------------------------------------------------------------- weekly hours

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'A time as HH:MM, e.g. 09:00');
export const WeeklyHoursSchema = z.object({
  timeZone: TimeZoneName,
  /** ISO weekdays (1 = Monday); several ranges a day are allowed. Empty: the default hours. */
  hours: z.array(z.object({ weekday: z.number().int().min(1).max(7), start: time, end: time })
    .refine((r) => r.start < r.end, { message: 'Must end after it starts', path: ['end'] }))
    .max(50)
    .superRefine((rows, ctx) => {
      // Two ranges of one day that overlap are a typo, not a wish for more hours.
      rows.forEach((r, i) => {
        const clash = rows.findIndex((o, j) => j !== i && o.weekday === r.weekday && o.start < r.end && r.start < o.end);
        if (clash !== -1 && clash < i) ctx.addIssue({ code: 'custom', path: [i, 'start'], message: 'Overlaps another range of the same day' });
      });
    }),
});
export type WeeklyHours = z.infer<typeof WeeklyHoursSchema>;

// ---------------------------------------------------------------- rooms and interpreters

export const ROOM_KINDS = ['room', 'booth'] as const;
export const RoomSchema = z.object({
  name: required(80),
  kind: z.enum(ROOM_KINDS),
  location: required(160),
  region: required(60),
  timeZone: TimeZoneName,
  bufferMinutes: z.number().int('Whole minutes').min(0, 'At least 0').max(120, 'At most 120'),
  equipment: z.array(required(60)).max(20, 'At most 20 items')
    .refine((e) => new Set(e.map((x) => x.toLowerCase())).size === e.length, 'Each item once'),
});
export type RoomInput = z.infer<typeof RoomSchema>;

export const InterpreterSchema = z.object({
  name: required(120),
  email: z.string().trim().toLowerCase().max(254).pipe(z.email('An e-mail address, e.g. name@example.org')),
  timeZone: TimeZoneName,
  languages: z.array(LanguageCode).min(1, 'At least one language').max(12)
    .refine((l) => new Set(l).size === l.length, 'Each language once'),
});
export type InterpreterInput = z.infer<typeof InterpreterSchema>;

/** Whole days off, in the interpreter's own zone, both ends included. */
export const LeaveSchema = z.object({
  from: z.iso.date('A date as YYYY-MM-DD'),
  to: z.iso.date('A date as YYYY-MM-DD'),
  reason: text(200).default(''),
}).refine((l) => l.from <= l.to, { message: 'Must not be before the first day', path: ['to'] })
  .refine((l) => Date.parse(l.to) - Date.parse(l.from) <= 366 * 86_400_000, { message: 'At most a year at a time', path: ['to'] });
export type LeaveInput = z.infer<typeof LeaveSchema>;

export const ActiveSchema = z.object({ active: z.boolean() });
export const RetiredSchema = z.object({ retired: z.boolean() });
