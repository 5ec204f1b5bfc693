// The sentence under a refusal's headline. A refusal the API names by code (api/problem-codes.ts)
// is said in the portal's language; only a refusal without a known code falls back to the
// API's English detail, marked as English. Field errors sit under their fields instead.
import { isProblemCode, problemCodeKey } from '../../../api/problem-codes.ts';
import type { Params, Translate } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import type { Problem } from './api.ts';

export type RefusalSentence = { text: string; english: boolean };

const STANDARD = new Set(['type', 'title', 'status', 'detail', 'code', 'errors', 'instance']);

/** The values a sentence may name ("{limit}", "{invitedEmail}"): the problem's own plain members. */
export function problemParams(problem: Problem): Params {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(problem)) {
    if (STANDARD.has(name)) continue;
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) params[name] = value;
  }
  return params;
}

export function refusalSentence(t: Translate, locale: Locale, problem: Problem): RefusalSentence | undefined {
  if (problem.status === 0 || problem.errors?.length) return undefined;
  if (isProblemCode(problem.code)) {
    // In English the API's own sentence may say more (which kind of file was refused); it
    // is the same language, so it stays. Every other language gets the portal's sentence.
    if (locale === 'en' && problem.detail) return { text: problem.detail, english: true };
    return { text: t(problemCodeKey(problem.code), problemParams(problem)), english: locale === 'en' };
  }
  return problem.detail ? { text: problem.detail, english: true } : undefined;
}
