import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PROBLEM_CODES, problemCodeKey } from '../../../api/problem-codes.ts';
import { createTranslator } from '../../i18n/format.ts';
import { dictionaries, locales } from '../../i18n/index.ts';
import type { Locale } from '../../i18n/locales.ts';
import { PortalContext } from '../../components/portal/context.ts';
import { ProblemAlert } from '../../components/portal/messages.tsx';
import type { Problem } from './api.ts';
import { problemParams, refusalSentence } from './problem-text.ts';

const PREFIX = 'portal.problem.code.';
const t = (locale: Locale) => createTranslator(locale, dictionaries[locale]);
const HANGUL = /[\uac00-\ud7a3]/;

describe('refusal codes and their sentences', () => {
  it('has a sentence for every code the API can send, in Korean and English (and every portal locale)', () => {
    for (const locale of locales) {
      const missing = PROBLEM_CODES.filter((code) => typeof dictionaries[locale][problemCodeKey(code)] !== 'string' || !dictionaries[locale][problemCodeKey(code)]);
      expect(missing, locale).toEqual([]);
    }
    for (const code of PROBLEM_CODES) expect(dictionaries.ko[problemCodeKey(code)], code).toMatch(HANGUL);
  });

  it('has no sentence for a code the API does not know', () => {
    const known = new Set<string>(PROBLEM_CODES);
    for (const locale of locales) {
      const orphans = Object.keys(dictionaries[locale]).filter((k) => k.startsWith(PREFIX) && !known.has(k.slice(PREFIX.length)));
      expect(orphans, locale).toEqual([]);
    }
  });

  it('lists each code once, in kebab-case', () => {
    expect(new Set(PROBLEM_CODES).size).toBe(PROBLEM_CODES.length);
    for (const code of PROBLEM_CODES) expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });
});

describe('the sentence under a refusal', () => {
  const taken: Problem = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'That time was just taken. Pick another.', code: 'slot-taken' };

  it('says a known refusal in the portal\'s language, without the English detail', () => {
    const s = refusalSentence(t('ko'), 'ko', taken);
    expect(s).toEqual({ text: dictionaries.ko['portal.problem.code.slot-taken'], english: false });
    expect(s!.text).toMatch(HANGUL);
    expect(s!.text).not.toContain('Pick another');
  });

  it('fills in the values the problem carries', () => {
    const tooMany = { type: 'about:blank', title: 'Conflict', status: 409, detail: 'A product has at most 8 images; remove one first.', code: 'too-many-images', limit: 8 } as Problem;
    expect(problemParams(tooMany)).toEqual({ limit: 8 });
    expect(refusalSentence(t('ko'), 'ko', tooMany)!.text).toContain('8');
    expect(refusalSentence(t('ru'), 'ru', tooMany)!.text).not.toContain('{limit}');
  });

  it('says a refusal made before any route (too many requests, the service down) in the portal\'s language, with the wait', () => {
    const limited = { type: 'about:blank', title: 'Too many requests', status: 429, detail: 'At most 120 changes a minute; try again in 17 s.', code: 'too-many-requests', retryAfter: 17 } as Problem;
    for (const locale of locales) {
      const s = refusalSentence(t(locale), locale, limited)!;
      if (locale !== 'en') expect(s, locale).toEqual({ text: expect.stringContaining('17'), english: false });
      expect(s.text, locale).not.toContain('{retryAfter}');
    }
    const down = { type: 'about:blank', title: 'Service unavailable', status: 503, detail: 'The database cannot be reached right now.', code: 'unavailable' } as Problem;
    expect(refusalSentence(t('vi'), 'vi', down)).toEqual({ text: dictionaries.vi['portal.problem.code.unavailable'], english: false });
  });

  it('falls back to the English detail, marked English, only for an unknown code or none', () => {
    expect(refusalSentence(t('ko'), 'ko', { ...taken, code: 'SOMETHING_NEW' })).toEqual({ text: taken.detail, english: true });
    const { code: _code, ...uncoded } = taken;
    expect(refusalSentence(t('ko'), 'ko', uncoded)).toEqual({ text: taken.detail, english: true });
  });

  it('keeps the API\'s own sentence in English, which may say more', () => {
    expect(refusalSentence(t('en'), 'en', taken)).toEqual({ text: taken.detail, english: true });
    const { detail: _detail, ...bare } = taken;
    expect(refusalSentence(t('en'), 'en', bare)).toEqual({ text: 'That time was just taken. Pick another.', english: true });
  });

  it('says nothing for field errors (they sit under their fields) or for no answer at all', () => {
    expect(refusalSentence(t('ko'), 'ko', { title: 'Invalid request', status: 400, detail: 'x', errors: [{ path: 'name', message: 'Required' }] })).toBeUndefined();
    expect(refusalSentence(t('ko'), 'ko', { title: 'Network error', status: 0 })).toBeUndefined();
  });
});

describe('ProblemAlert in the Korean portal', () => {
  const render = (problem: Problem, text?: string) => renderToStaticMarkup(
    createElement(PortalContext.Provider, { value: { t: t('ko'), locale: 'ko' } }, createElement(ProblemAlert, { problem, text })),
  );

  it('shows a Korean headline and a Korean sentence for a coded refusal, and no English', () => {
    const html = render({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'A product can be withdrawn only while it waits for review or is published.', code: 'not-withdrawable' });
    expect(html).toContain(dictionaries.ko['portal.problem.conflict'] as string);
    expect(html).toContain(dictionaries.ko['portal.problem.code.not-withdrawable'] as string);
    expect(html).not.toContain('withdrawn');
    expect(html).not.toContain('lang="en"');
  });

  it('does not say a caller\'s coded headline twice', () => {
    const lastOwner = dictionaries.ko['portal.problem.code.last-owner'] as string;
    const html = render({ title: 'Conflict', status: 409, detail: 'A company keeps at least one owner: this is the last one.', code: 'last-owner' }, lastOwner);
    expect(html.split(lastOwner)).toHaveLength(2);
    expect(html).not.toContain('last one');
  });

  it('marks an uncoded refusal\'s English detail as English', () => {
    expect(render({ title: 'Conflict', status: 409, detail: 'Something new.' })).toContain('<p lang="en">Something new.</p>');
  });
});
