import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageProblems } from './check.ts';
import { formatMessage, messageParts } from './format.ts';
import { dictionaries, localeFromUrl, localePath, locales, pathWithoutLocale, useTranslations, type Locale } from './index.ts';

const dir = path.dirname(new URL(import.meta.url).pathname);
// Read the files themselves, so a file that is not wired into index.ts is checked too.
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, string | Record<string, string>>;
const en = read('en.json');

describe('translation files', () => {
  it('exist for exactly the site locales', () => {
    expect(files).toEqual(locales.map((l) => `${l}.json`).sort());
  });

  for (const locale of locales.filter((l) => l !== 'en')) {
    it(`${locale}.json has every key of en.json, no other, none empty, the same placeholders and the right plural forms`, () => {
      expect(messageProblems(en, read(`${locale}.json`), locale)).toEqual([]);
    });
  }

  it('en.json itself has no empty message and English plural forms', () => {
    expect(messageProblems(en, en, 'en')).toEqual([]);
  });

  it('index.ts serves the same messages as the files', () => {
    for (const locale of locales) expect(dictionaries[locale]).toEqual(read(`${locale}.json`));
  });
});

describe('the check itself', () => {
  const reference = { a: 'Hello {name}', b: { one: '{count} item', other: '{count} items' }, c: 'Bye' };
  it('reports a missing key, an extra key, an empty value and a placeholder mismatch', () => {
    const problems = messageProblems(reference, { a: 'Hallo {nom}', b: { one: '{count} Stück', other: '' }, d: 'extra' }, 'en');
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringContaining('missing key "c"'),
      expect.stringContaining('extra key "d"'),
      expect.stringContaining('"b" (other) is empty'),
      expect.stringContaining('"a" has placeholders {nom}'),
    ]));
  });
  it('wants the plural forms of the language, no fewer and no more', () => {
    expect(messageProblems(reference, { ...reference, b: { one: '{count} товар', other: '{count} товара' } }, 'ru')).toEqual([
      expect.stringContaining('the language needs [one, few, many, other]'),
    ]);
    expect(messageProblems(reference, { ...reference, b: { one: '{count}개', other: '{count}개' } }, 'ko')).toEqual([
      expect.stringContaining('the language needs [other]'),
    ]);
    expect(messageProblems(reference, { ...reference, b: 'flat' }, 'ko')).toEqual([expect.stringContaining('plural forms')]);
  });
});

describe('t()', () => {
  it('fills placeholders and writes numbers the locale way', () => {
    expect(useTranslations('en')('count.products', { count: 2000 })).toBe('2,000 products');
    expect(useTranslations('en')('count.products', { count: 1 })).toBe('1 product');
    expect(useTranslations('ko')('count.products', { count: 2000 })).toBe('제품 2,000개');
    expect(useTranslations('ru')('count.products', { count: 2000 }).replace(/\s/g, ' ')).toBe('2 000 товаров');
    expect(useTranslations('ru')('count.products', { count: 22 })).toBe('22 товара');
    expect(useTranslations('ru')('count.products', { count: 21 })).toBe('21 товар');
    expect(useTranslations('en')('company.since', { year: '2003' })).toBe('since 2003');
  });
  it('splits a sentence around a placeholder left for markup', () => {
    expect(messageParts('en', 'Try the {entrance} or {search}.')).toEqual(['Try the ', { slot: 'entrance' }, ' or ', { slot: 'search' }, '.']);
    expect(formatMessage('ja', '{a}と{b}', { a: 1000, b: 'x' })).toBe('1,000とx');
  });
});

describe('locale paths', () => {
  const cases: [Locale, string, string][] = [['en', '/products/x/', '/products/x/'], ['ko', '/products/x/', '/ko/products/x/'], ['ja', '/', '/ja/']];
  it.each(cases)('%s %s -> %s and back', (locale, path, localized) => {
    expect(localePath(locale, path)).toBe(localized);
    expect(localeFromUrl(localized)).toBe(locale);
    expect(pathWithoutLocale(localized)).toBe(path);
  });
  it('reads the locale from a full URL and ignores look-alike segments', () => {
    expect(localeFromUrl(new URL('https://hall.example/zh/search/?q=x'))).toBe('zh');
    expect(localeFromUrl('/kor/')).toBe('en');
    expect(localeFromUrl('/en/')).toBe('en');
  });
});
