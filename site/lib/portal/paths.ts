// Portal addresses in the page's language, without pulling the dictionaries into an island.
import { defaultLocale, locales, type Locale } from '../../i18n/locales.ts';

/** `/portal/` in English, `/ko/portal/` in Korean, `/ja/portal/` in Japanese… */
export function localePath(locale: Locale, path: string): string {
  return locale === defaultLocale ? path : `/${locale}${path}`;
}

/**
 * The portal speaks every site language. (Companies still write their texts in Korean and
 * English, account e-mails come in Korean or English, and the staff pages are English.)
 */
export const PORTAL_LOCALES: readonly Locale[] = locales;
