// Validation messages in the portal's language. The forms validate with the API's own zod
// schemas, whose messages are English; here each issue (from zod in the browser, or from
// the API's problem document) becomes a translated message under its field's path.
import type { Translate } from '../../i18n/format.ts';
import type { FieldErrors } from './api.ts';

/** The parts of a zod issue we read (zod 4's issue union, loosely). */
export type Issue = {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  format?: string;
};

// The schemas' own English messages, as written in api/portal/*-schemas.ts and the API.
const KNOWN: Record<string, string> = {
  'Required': 'portal.error.required',
  'ISO country code, e.g. US': 'portal.error.countryCode',
  'HS code: 4 to 10 digits': 'portal.error.hsCode',
  'A web address starting with http:// or https://': 'portal.error.url',
  'One line only': 'portal.error.oneLine',
  'Contains control characters': 'portal.error.controlCharacters',
  'Not a valid slug': 'portal.error.choose',
  'Unknown': 'portal.error.choose',
  'The lowest price must not exceed the highest': 'portal.error.priceOrder',
  'Say what the MOQ counts (pieces, boxes, kg)': 'portal.error.moqUnit',
  'HH:MM': 'portal.error.time',
  'Each range must end after it starts': 'portal.error.rangeOrder',
  'Each date once': 'portal.error.dateOnce',
  'Each language once': 'portal.error.languageOnce',
};

const limit = (n: number | bigint | undefined) => String(n ?? '');

export function translateIssue(t: Translate, issue: Issue): string {
  const known = KNOWN[issue.message];
  if (known) return t(known);
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? t('portal.error.required') : t('portal.error.tooShort', { min: limit(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('portal.error.chooseAtLeast', { min: limit(issue.minimum) });
      return t('portal.error.tooSmall', { min: limit(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('portal.error.tooLong', { max: limit(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return t('portal.error.tooMany', { max: limit(issue.maximum) });
      return t('portal.error.tooBig', { max: limit(issue.maximum) });
    case 'invalid_type':
      if (issue.expected === 'number' || issue.expected === 'int') return t('portal.error.number');
      return t('portal.error.required');
    case 'invalid_value':
    case 'invalid_enum_value':
      return t('portal.error.choose');
    case 'invalid_format':
      if (issue.format === 'url') return t('portal.error.url');
      if (issue.format === 'date') return t('portal.error.date');
      if (issue.format === 'email') return t('portal.error.email');
      return t('portal.error.invalid');
    default:
      return t('portal.error.invalid');
  }
}

/** A dotted path, as the API's problem documents name fields: ["texts", "en", "name"] -> "texts.en.name". */
export const pathOf = (path: readonly PropertyKey[]) => path.map(String).join('.');

export function issuesToErrors(t: Translate, issues: readonly Issue[], fold: (path: string) => string = (p) => p): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of issues) {
    const path = fold(pathOf(issue.path));
    if (!(path in out)) out[path] = translateIssue(t, issue);
  }
  return out;
}

/** The API's field errors (English messages) in the portal's language where we know them. */
export function translateApiErrors(t: Translate, errors: FieldErrors, fold: (path: string) => string = (p) => p): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const key = fold(path);
    if (!(key in out)) out[key] = KNOWN[message] ? t(KNOWN[message]) : message;
  }
  return out;
}

/** Paths of lists typed into one input ("exportMarkets.2" -> "exportMarkets"). */
export function foldListPaths(lists: readonly string[]) {
  return (path: string) => {
    for (const l of lists) if (path.startsWith(`${l}.`) && /^\d+$/.test(path.slice(l.length + 1).split('.')[0]!)) return l;
    return path;
  };
}

/** "US, jp ,DE" -> ["US", "JP", "DE"]; blanks dropped. */
export function splitList(text: string, upper = false): string[] {
  return text.split(/[,\n]/).map((s) => (upper ? s.trim().toUpperCase() : s.trim())).filter(Boolean);
}
