// What the React islands get from the build in a locale: their messages only (not the
// whole dictionary) and the country and language names, written once here so the server
// render and the browser's hydration show exactly the same text.
import { messagesFor, type Locale, type Messages } from '../i18n/index.ts';
import { intlTag } from '../i18n/locales.ts';
import { wallTimeFormat, type WallTimeFormat } from '../i18n/wall-time.ts';
import { countryNames, languageNames, nativeLanguageName } from './localized.ts';

// The buyers' countries, most frequent first (the programme's figures).
const COUNTRIES = [
  'US', 'JP', 'CN', 'VN', 'RU', 'DE', 'GB', 'FR', 'IN', 'ID', 'TH', 'MY', 'PH', 'SG', 'AU', 'CA', 'MX', 'BR',
  'AE', 'SA', 'TR', 'KZ', 'UZ', 'ES', 'IT', 'NL', 'PL', 'EG', 'NG', 'CL',
];
// The languages a buyer can meet in: the interpreters' six, Spanish and Korean.
const LANGUAGES = ['en', 'ja', 'zh', 'ru', 'vi', 'es', 'ko'];

export type MeetingRequestStrings = {
  locale: Locale;
  messages: Messages;
  countries: [string, string][];
  languages: [string, string][];
  /** How slot times are written (the browser fills it in without loading Intl's date data). */
  dateFormat: WallTimeFormat;
};

const meeting = new Map<Locale, MeetingRequestStrings>();
export function meetingRequestStrings(locale: Locale): MeetingRequestStrings {
  let strings = meeting.get(locale);
  if (!strings) {
    const countries = countryNames(locale, COUNTRIES);
    const inLocale = languageNames(locale, LANGUAGES);
    strings = {
      locale,
      messages: messagesFor(locale, 'meeting.'),
      countries: COUNTRIES.map((code, i) => [code, countries[i]!]),
      // Each language named in itself, and in the reader's language where that differs: "日本語 (Japanese)".
      languages: LANGUAGES.map((code, i) => [code, code === locale ? nativeLanguageName(code) : `${nativeLanguageName(code)} (${inLocale[i]})`]),
      dateFormat: wallTimeFormat(intlTag(locale)),
    };
    meeting.set(locale, strings);
  }
  return strings;
}

export function searchStrings(locale: Locale): { locale: Locale; messages: Messages } {
  return { locale, messages: messagesFor(locale, 'search.') };
}
