// What a localized page shows of the catalogue's data: which locales a product or company
// has a page in, and data values (units, regions, country and language codes) in the
// reader's language. A value the dictionaries do not know stays as the data has it, with
// its language, so the page can mark it.
import { completeLocales, formatNumber, intlTag, langTag, locales, type Locale, type T } from '../i18n/index.ts';
import type { Texts } from './catalogue.ts';

/** A text and the language it is in (a data locale such as 'en', not always the page's). */
export type InLanguage = { text: string; locale: string };

/**
 * Locales with a page for a product or company: the complete ones (English, Korean) for
 * all, any other only where the exporter wrote a name in it.
 */
export function pageLocales(texts: Texts): Locale[] {
  return locales.filter((l) => completeLocales.includes(l) || Boolean(texts[l]?.name));
}

// The catalogue's units as stored (the MOQ in the plural, the price unit in the singular).
const UNITS: Record<string, string> = {
  piece: 'piece', pieces: 'piece', box: 'box', boxes: 'box', unit: 'unit', units: 'unit', test: 'test', tests: 'test',
  bottle: 'bottle', bottles: 'bottle', carton: 'carton', cartons: 'carton', metre: 'metre', metres: 'metre',
  set: 'set', sets: 'set', kg: 'kg', tonne: 'tonne', tonnes: 'tonne', pair: 'pair', pairs: 'pair', licence: 'licence', licences: 'licence',
};

/** "2,000 pieces" / "2,000개" / "2 000 штук"; an unknown unit stays English after the number. */
export function quantity(t: T, count: number, unit: string | null): InLanguage {
  const key = `unit.${UNITS[(unit ?? '').toLowerCase()] ?? ''}`;
  if (unit && t.has(key)) return { text: t(key, { count }), locale: t.locale };
  return { text: `${formatNumber(t.locale, count)} ${unit ?? ''}`.trim(), locale: unit ? 'en' : t.locale };
}

/** A price unit ("piece") in the reader's language. */
export function unitName(t: T, unit: string): InLanguage {
  const key = `unitName.${UNITS[unit.toLowerCase()] ?? ''}`;
  return t.has(key) ? { text: t(key), locale: t.locale } : { text: unit, locale: 'en' };
}

/** A Korean region as stored (English romanisation) in the reader's language. */
export function regionName(t: T, region: string): InLanguage {
  const key = `region.${region}`;
  return t.has(key) ? { text: t(key), locale: t.locale } : { text: region, locale: 'en' };
}

const displayNames = new Map<string, Intl.DisplayNames>();
function display(locale: string, type: 'region' | 'language'): Intl.DisplayNames {
  const id = `${locale}:${type}`;
  let names = displayNames.get(id);
  if (!names) displayNames.set(id, (names = new Intl.DisplayNames([locale], { type, fallback: 'code' })));
  return names;
}

// Naming a code through Intl.DisplayNames costs more than a page's other formatting; the
// names a build uses are few (codes times locales), so each is looked up once.
const names = new Map<string, string>();
function nameOf(locale: Locale, type: 'region' | 'language', code: string): string {
  const key = `${locale}:${type}:${code}`;
  let name = names.get(key);
  if (name === undefined) names.set(key, (name = display(intlTag(locale), type).of(code) ?? code));
  return name;
}

/** Country codes (US, JP) as names in the reader's language. */
export function countryNames(locale: Locale, codes: string[]): string[] {
  return codes.map((c) => nameOf(locale, 'region', c));
}

/** Language codes (ko, en) as names in the reader's language. */
export function languageNames(locale: Locale, codes: string[]): string[] {
  return codes.map((c) => nameOf(locale, 'language', c));
}

/** A language named in itself, capitalised the way a menu shows it (Español, Русский). */
export function nativeLanguageName(code: string): string {
  const name = display(code, 'language').of(code) ?? code;
  return name.charAt(0).toLocaleUpperCase(code) + name.slice(1);
}

// Making a formatter costs far more than using one, and a build lists on every page.
const listFormats = new Map<Locale, Intl.ListFormat>();

/** A list the way the reader's language writes one: "Japan, India and Mongolia" / "日本、インド、モンゴル". */
export function list(locale: Locale, items: string[]): string {
  let format = listFormats.get(locale);
  if (!format) listFormats.set(locale, (format = new Intl.ListFormat(intlTag(locale), { style: 'long', type: 'conjunction' })));
  return format.format(items);
}

/** The lang attribute for a text shown on a page: none when it is in the page's language. */
export function langOf(value: InLanguage, locale: Locale): string | undefined {
  return value.locale === locale ? undefined : langTag(value.locale);
}

/** "(in English)" for a text in another language than the page's; null when it is in the page's. */
export function fallbackNote(t: T, lang: string): string | null {
  if (lang === t.locale) return null;
  if (lang === 'en') return t('fallback.inEnglish');
  if (lang === 'ko') return t('fallback.inKorean');
  return t('fallback.inLanguage', { language: languageNames(t.locale, [lang])[0]! });
}
