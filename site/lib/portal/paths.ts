// Portal addresses in the page's language, without pulling the dictionaries into an island.
import { defaultLocale, type Locale } from '../../i18n/locales.ts';

/** `/portal/` in English, `/ko/portal/` in Korean. */
export function localePath(locale: Locale, path: string): string {
  return locale === defaultLocale ? path : `/${locale}${path}`;
}

/** The portal is written in English and Korean; other page languages use the English one. */
export const PORTAL_LOCALES = ['en', 'ko'] as const satisfies readonly Locale[];
