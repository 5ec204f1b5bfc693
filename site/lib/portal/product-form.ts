// The product form's state (strings, as typed) and its mapping to and from the API's
// ProductInput, so the same zod schema validates what the company typed.
import { PRODUCT_LOCALES, type ProductInput } from '../../../api/portal/product-schemas.ts';
import { foldListPaths, splitList } from './validation.ts';

export type ProductLocale = (typeof PRODUCT_LOCALES)[number];
export const OPTIONAL_LOCALES = PRODUCT_LOCALES.filter((l) => l !== 'ko' && l !== 'en');

export type TextForm = { name: string; summary: string; description: string; keywords: string };
export type SpecRow = { key: string; value: string };
export type PriceForm = { incoterm: string; currency: string; min: string; max: string; unit: string };
export type ProductForm = {
  pavilion: string;
  category: string;
  texts: Record<ProductLocale, TextForm>;
  specifications: SpecRow[];
  certifications: string;
  moq: string;
  moqUnit: string;
  leadTimeDays: string;
  price: PriceForm;
  hsCode: string;
  exportMarkets: string;
};

const emptyText = (): TextForm => ({ name: '', summary: '', description: '', keywords: '' });

export function emptyProductForm(): ProductForm {
  return {
    pavilion: '', category: '',
    texts: Object.fromEntries(PRODUCT_LOCALES.map((l) => [l, emptyText()])) as Record<ProductLocale, TextForm>,
    specifications: [], certifications: '', moq: '', moqUnit: '', leadTimeDays: '',
    price: { incoterm: 'FOB', currency: 'USD', min: '', max: '', unit: '' },
    hsCode: '', exportMarkets: '',
  };
}

const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));
const orNull = (s: string) => (s.trim() === '' ? null : s);
const hasText = (t: TextForm) => Boolean(t.name.trim() || t.summary.trim() || t.description.trim() || t.keywords.trim());
const textInput = (t: TextForm) => ({ name: t.name, summary: t.summary, description: t.description, keywords: splitList(t.keywords) });

/** What the form would send: the schema then says what is wrong with it. */
export function toProductInput(f: ProductForm): unknown {
  const texts: Record<string, unknown> = { ko: textInput(f.texts.ko), en: textInput(f.texts.en) };
  for (const l of OPTIONAL_LOCALES) if (hasText(f.texts[l])) texts[l] = textInput(f.texts[l]);
  const p = f.price;
  const noPrice = !p.min.trim() && !p.max.trim() && !p.unit.trim();
  return {
    pavilion: f.pavilion,
    category: orNull(f.category),
    texts,
    specifications: f.specifications.map((s) => ({ key: s.key, value: s.value })),
    certifications: splitList(f.certifications),
    moq: numberOrNull(f.moq),
    moqUnit: orNull(f.moqUnit),
    leadTimeDays: numberOrNull(f.leadTimeDays),
    priceTerms: noPrice ? null : { incoterm: p.incoterm, currency: p.currency, min: numberOrNull(p.min), max: numberOrNull(p.max), unit: p.unit },
    hsCode: orNull(f.hsCode.trim()),
    exportMarkets: splitList(f.exportMarkets, true),
  };
}

export function fromProductInput(p: ProductInput): ProductForm {
  const f = emptyProductForm();
  for (const l of PRODUCT_LOCALES) {
    const t = p.texts[l];
    if (t) f.texts[l] = { name: t.name, summary: t.summary, description: t.description, keywords: t.keywords.join(', ') };
  }
  const num = (n: number | null) => (n === null ? '' : String(n));
  return {
    ...f,
    pavilion: p.pavilion, category: p.category ?? '',
    specifications: p.specifications.map((s) => ({ ...s })),
    certifications: p.certifications.join(', '),
    moq: num(p.moq), moqUnit: p.moqUnit ?? '', leadTimeDays: num(p.leadTimeDays),
    price: p.priceTerms
      ? { incoterm: p.priceTerms.incoterm, currency: p.priceTerms.currency, min: String(p.priceTerms.min), max: String(p.priceTerms.max), unit: p.priceTerms.unit }
      : f.price,
    hsCode: p.hsCode ?? '', exportMarkets: p.exportMarkets.join(', '),
  };
}

/** Lists typed into one input carry their errors on that input. */
export const foldProductPaths = foldListPaths(['certifications', 'exportMarkets', ...PRODUCT_LOCALES.map((l) => `texts.${l}.keywords`)]);
