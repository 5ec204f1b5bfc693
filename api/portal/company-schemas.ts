// What a company may say about itself, and when it can meet: one schema for the API and
// the portal's form, so both say the same thing about the same mistake. Plain zod (no
// server imports), so a browser island can import it.
import { z } from 'zod';
import { plainText } from '../lib/plain-text.ts';

export const REGIONS = [
  'Seoul', 'Gyeonggi', 'Incheon', 'Busan', 'Daegu', 'Daejeon', 'Gwangju', 'Ulsan', 'Sejong', 'Gangwon',
  'Chungbuk', 'Chungnam', 'Jeonbuk', 'Jeonnam', 'Gyeongbuk', 'Gyeongnam', 'Jeju',
] as const;

/** Languages a company can speak in a meeting (BCP 47 primary tags). */
export const MEETING_LANGUAGES = ['ko', 'en', 'ja', 'zh', 'ru', 'vi', 'es', 'fr', 'de', 'ar', 'id', 'th'] as const;

/** Text fields: trimmed, no control characters other than line breaks. */
const text = (max: number) => plainText(max);
const name = text(120).pipe(z.string().min(1, 'Required'));

const currentYear = new Date().getUTCFullYear();

export const CompanyProfileSchema = z.object({
  names: z.object({ ko: name, en: name }),
  descriptions: z.object({ ko: text(5000).default(''), en: text(5000).default('') }).default({ ko: '', en: '' }),
  foundedYear: z.number().int().min(1800).max(currentYear).nullable().default(null),
  employees: z.number().int().min(1).max(1_000_000).nullable().default(null),
  region: z.enum(REGIONS),
  languages: z.array(z.enum(MEETING_LANGUAGES)).min(1).max(MEETING_LANGUAGES.length)
    .refine((l) => new Set(l).size === l.length, 'Each language once'),
  exportMarkets: z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO country code, e.g. US')).max(250).default([]),
  certifications: z.array(text(40).pipe(z.string().min(1))).max(30).default([]),
  website: z.url({ protocol: /^https?$/, hostname: z.regexes.domain, error: 'A web address starting with http:// or https://' })
    .max(300).nullable().default(null),
});
export type CompanyProfile = z.infer<typeof CompanyProfileSchema>;

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const date = z.iso.date();

export const AvailabilitySchema = z.object({
  /** New requests wait for the company to accept them (the slot is held meanwhile). */
  requiresConfirmation: z.boolean(),
  /** Weekly hours in Asia/Seoul; several ranges a day are allowed (e.g. around lunch). */
  weeklyHours: z.array(z.object({ weekday: z.number().int().min(1).max(7), start: time, end: time }))
    .max(50)
    .refine((rows) => rows.every((r) => r.start < r.end), 'Each range must end after it starts'),
  /** Whole days off in Asia/Seoul (holidays, trade fairs). */
  blackoutDates: z.array(z.object({ date, reason: text(200).default('') })).max(366)
    .refine((rows) => new Set(rows.map((r) => r.date)).size === rows.length, 'Each date once'),
});
export type Availability = z.infer<typeof AvailabilitySchema>;
