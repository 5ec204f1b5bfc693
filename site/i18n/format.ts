// Message formatting shared by the build (Astro pages) and the browser (React islands).
// A message is a string with {name} placeholders, or, where a count changes the words, an
// object of CLDR plural forms ("one", "few", "many", "other") chosen with Intl.PluralRules.
import { intlTag, type Locale } from './locales.ts';

export type PluralMessage = Partial<Record<Intl.LDMLPluralRule, string>>;
export type Message = string | PluralMessage;
export type Messages = Readonly<Record<string, Message>>;
/** Numbers are written the locale's way (2,000 / 2 000); pass a string to keep digits as they are (years, codes). */
export type Params = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;

const pluralRules = new Map<Locale, Intl.PluralRules>();
const numberFormats = new Map<Locale, Intl.NumberFormat>();

export function formatNumber(locale: Locale, n: number): string {
  let f = numberFormats.get(locale);
  if (!f) numberFormats.set(locale, (f = new Intl.NumberFormat(intlTag(locale))));
  return f.format(n);
}

function pluralForm(locale: Locale, message: PluralMessage, count: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(intlTag(locale))));
  return message[rules.select(count)] ?? message.other ?? '';
}

/** The placeholders a template uses, e.g. "{count} of {total}" -> ["count", "total"]. */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export function formatMessage(locale: Locale, message: Message, params: Params = {}): string {
  const count = params.count;
  const template = typeof message === 'string' ? message : pluralForm(locale, message, typeof count === 'number' ? count : Number(count ?? 0));
  if (!template.includes('{')) return template; // most messages have no placeholder
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/**
 * A template split around its placeholders, so a page can put markup (a link) where a
 * placeholder stands without ever passing text through set:html.
 */
export function messageParts(locale: Locale, message: Message, params: Params = {}): (string | { slot: string })[] {
  const template = formatMessage(locale, message, params);
  const parts: (string | { slot: string })[] = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    if (m.index > last) parts.push(template.slice(last, m.index));
    parts.push({ slot: m[1]! });
    last = m.index + m[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  return parts;
}

export type Translate = (key: string, params?: Params) => string;

/** t() over one locale's messages, falling back to the default locale's, then to the key. */
export function createTranslator(locale: Locale, messages: Messages, fallback: Messages = {}): Translate {
  return (key, params) => {
    const message = messages[key] ?? fallback[key];
    return message === undefined ? key : formatMessage(locale, message, params);
  };
}
