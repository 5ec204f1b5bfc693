import type { InterpreterPreference } from '../db/schema.ts';

/** 'en-US' -> 'en': interpreters and company languages are kept as primary subtags. */
export function primaryLanguage(tag: string): string {
  return tag.split('-')[0]!.toLowerCase();
}

/**
 * The language an interpreter must cover, or null when none is needed: with 'auto', only
 * when the buyer's language is not among the company's languages.
 */
export function interpreterLanguage(
  preference: InterpreterPreference,
  buyerLanguage: string,
  companyLanguages: readonly string[],
): string | null {
  const lang = primaryLanguage(buyerLanguage);
  if (preference === 'none') return null;
  if (preference === 'required') return lang;
  return companyLanguages.map(primaryLanguage).includes(lang) ? null : lang;
}
