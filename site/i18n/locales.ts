// The site's locales and how each is named and tagged. No dictionaries here, so the
// browser islands can import it without pulling every translation into their bundle.

export const locales = ['en', 'ko', 'ja', 'zh', 'ru', 'vi'] as const;
export type Locale = (typeof locales)[number];

/** Served unprefixed at `/`; every other locale lives under `/<locale>/`. */
export const defaultLocale: Locale = 'en';

/**
 * Locales in which every product and company has a page. The others get a product or
 * company page only where the exporter wrote text in that language.
 */
export const completeLocales: readonly Locale[] = ['en', 'ko'];

/** Each language named in itself, as the language switcher shows it. */
export const localeNames: Record<Locale, string> = {
  en: 'English',
  ko: '한국어',
  ja: '日本語',
  zh: '简体中文',
  ru: 'Русский',
  vi: 'Tiếng Việt',
};

/**
 * BCP 47 tag for lang and hreflang attributes. The Chinese texts are simplified, which
 * also tells browsers to pick simplified glyphs rather than Japanese or traditional ones.
 */
const LANG_TAGS: Record<Locale, string> = { en: 'en', ko: 'ko', ja: 'ja', zh: 'zh-Hans', ru: 'ru', vi: 'vi' };

/** Tag for Intl formatting (numbers, dates); British English keeps the day-month order. */
const INTL_TAGS: Record<Locale, string> = { en: 'en-GB', ko: 'ko-KR', ja: 'ja-JP', zh: 'zh-Hans-CN', ru: 'ru-RU', vi: 'vi-VN' };

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** The lang attribute for a locale; texts in other codes (data) pass through unchanged. */
export function langTag(locale: string): string {
  return isLocale(locale) ? LANG_TAGS[locale] : locale;
}

export function intlTag(locale: Locale): string {
  return INTL_TAGS[locale];
}
