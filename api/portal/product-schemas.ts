// A product as a company registers it: one schema for the API and the portal's form.
// Plain zod (no server imports), so a browser island can import it.
import { z } from 'zod';
import { plainText } from '../lib/plain-text.ts';

export const PRODUCT_LOCALES = ['ko', 'en', 'ja', 'zh', 'ru', 'vi'] as const;
export const INCOTERMS = ['FOB', 'CIF', 'EXW', 'DDP'] as const;
export const CURRENCIES = ['USD', 'EUR', 'KRW', 'JPY', 'CNY'] as const;

const text = (max: number) => plainText(max);
const line = (max: number) => text(max).refine((s) => !/[\r\n]/.test(s), 'One line only');
const required = (max: number) => line(max).pipe(z.string().min(1, 'Required'));
const slug = z.string().min(1).max(120).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Not a valid slug');

const ProductText = z.object({
  name: required(120),
  summary: line(300).default(''),
  description: text(8000).default(''),
  keywords: z.array(required(40)).max(20).default([]),
});

export const ProductInputSchema = z.object({
  pavilion: slug,
  category: slug.nullable().default(null),
  // Korean and English are required; the other hall languages are welcome.
  texts: z.object({
    ko: ProductText,
    en: ProductText,
    ja: ProductText.optional(),
    zh: ProductText.optional(),
    ru: ProductText.optional(),
    vi: ProductText.optional(),
  }),
  specifications: z.array(z.object({ key: required(60), value: required(300) })).max(40).default([]),
  certifications: z.array(required(40)).max(20).default([]),
  moq: z.number().int().min(1).max(100_000_000).nullable().default(null),
  moqUnit: line(30).nullable().default(null),
  leadTimeDays: z.number().int().min(0).max(730).nullable().default(null),
  priceTerms: z.object({
    incoterm: z.enum(INCOTERMS),
    currency: z.enum(CURRENCIES),
    min: z.number().positive().max(1e9),
    max: z.number().positive().max(1e9),
    unit: required(30),
  }).refine((p) => p.min <= p.max, { message: 'The lowest price must not exceed the highest', path: ['max'] }).nullable().default(null),
  hsCode: z.string().regex(/^[0-9]{4,10}$/, 'HS code: 4 to 10 digits').nullable().default(null),
  exportMarkets: z.array(z.string().regex(/^[A-Z]{2}$/, 'ISO country code, e.g. US')).max(250).default([]),
}).refine((p) => p.moq === null || p.moqUnit !== null, { message: 'Say what the MOQ counts (pieces, boxes, kg)', path: ['moqUnit'] });
export type ProductInput = z.infer<typeof ProductInputSchema>;

export const RejectSchema = z.object({ reason: required(500) });
