// The site's translations (Starlight style): one JSON file of messages per locale, read
// through t(). English is the reference: i18n.test.ts fails when another file misses one of
// its keys, adds one, leaves one empty or changes a placeholder.
import en from './en.json' with { type: 'json' };
import ko from './ko.json' with { type: 'json' };
import ja from './ja.json' with { type: 'json' };
import zh from './zh.json' with { type: 'json' };
import ru from './ru.json' with { type: 'json' };
import vi from './vi.json' with { type: 'json' };
import { createTranslator, messageParts, type Messages, type Params } from './format.ts';
import { defaultLocale, isLocale, locales, type Locale } from './locales.ts';

export { completeLocales, defaultLocale, intlTag, isLocale, langTag, localeNames, locales, type Locale } from './locales.ts';
export { formatNumber, type Messages, type Params } from './format.ts';

export type MessageKey = keyof typeof en;

export const dictionaries: Readonly<Record<Locale, Messages>> = { en, ko, ja, zh, ru, vi };

export type T = ((key: MessageKey, params?: Params) => string) & {
  locale: Locale;
  /** The message split around placeholders left unfilled, for links inside a sentence. */
  parts: (key: MessageKey, params?: Params) => (string | { slot: string })[];
  /** Whether a key built from data (a unit, a region) has a message in this locale or English. */
  has: (key: string) => key is MessageKey;
};

// One translator per locale, made once: every page and grid card asks for one.
const translators = new Map<Locale, T>();

export function useTranslations(locale: Locale): T {
  let t = translators.get(locale);
  if (t) return t;
  const messages = dictionaries[locale];
  const fallback = dictionaries[defaultLocale];
  const translate = createTranslator(locale, messages, fallback);
  t = ((key: MessageKey, params?: Params) => translate(key, params)) as T;
  t.locale = locale;
  t.parts = (key, params) => messageParts(locale, messages[key] ?? fallback[key] ?? key, params);
  t.has = (key: string): key is MessageKey => Object.hasOwn(messages, key) || Object.hasOwn(fallback, key);
  translators.set(locale, t);
  return t;
}

/** The messages whose keys start with one of the prefixes: what an island needs, no more. */
export function messagesFor(locale: Locale, ...prefixes: string[]): Messages {
  return Object.fromEntries(Object.entries(dictionaries[locale]).filter(([key]) => prefixes.some((p) => key.startsWith(p))));
}

/** `/products/x/` in a locale: unchanged for English, `/ko/products/x/` for Korean. */
export function localePath(locale: Locale, path: string): string {
  const clean = path.startsWith('/') ? path : `/${path}`;
  return locale === defaultLocale ? clean : `/${locale}${clean}`;
}

/** The locale a path or URL is in, by its first segment; English when unprefixed. */
export function localeFromUrl(url: URL | string): Locale {
  const pathname = typeof url === 'string' ? new URL(url, 'http://x').pathname : url.pathname;
  const first = pathname.split('/')[1];
  return isLocale(first) && first !== defaultLocale ? first : defaultLocale;
}

/** The path without its locale prefix: `/ko/products/x/` -> `/products/x/`. */
export function pathWithoutLocale(pathname: string): string {
  const locale = localeFromUrl(pathname);
  return locale === defaultLocale ? pathname : pathname.slice(locale.length + 1) || '/';
}

/** getStaticPaths params for a `[...locale]` route: English has no prefix. */
export function localeParam(locale: Locale): string | undefined {
  return locale === defaultLocale ? undefined : locale;
}

/** The locale of a `[...locale]` route from its param. */
export function localeOfParam(param: string | undefined): Locale {
  return isLocale(param) ? param : defaultLocale;
}


/** getStaticPaths of a `[...locale]` page that exists in every locale. */
export function everyLocale(): { params: { locale: string | undefined } }[] {
  return locales.map((l) => ({ params: { locale: localeParam(l) } }));
}
