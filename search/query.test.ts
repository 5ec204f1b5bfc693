// Filter expressions are built from a whitelist of attributes with every value quoted; a
// query of kanji is read both as Japanese and as the engine guesses, any other as it guesses.
import { describe, expect, it } from 'vitest';
import { buildFilter, queryReadings, quoteFilterValue } from './query.ts';

describe('quoteFilterValue', () => {
  it('quotes and escapes backslashes and double quotes', () => {
    expect(quoteFilterValue('CE')).toBe('"CE"');
    expect(quoteFilterValue('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteFilterValue('a\\')).toBe('"a\\\\"');
    expect(quoteFilterValue('\\"')).toBe('"\\\\\\""');
    expect(quoteFilterValue("Lloyd's Register")).toBe('"Lloyd\'s Register"');
  });
});

describe('buildFilter', () => {
  it('adds nothing for no filters', () => {
    expect(buildFilter({})).toEqual([]);
    expect(buildFilter({ certifications: [], exportMarkets: [] })).toEqual([]);
  });

  it('ANDs every filter, all certifications, any market or language', () => {
    expect(buildFilter({
      pavilion: 'power-equipment', category: 'transformers', companyRegion: 'Gyeonggi',
      certifications: ['CE', 'KC', 'CE'], exportMarkets: ['US', 'VN'], companyLanguages: ['en'], moqMax: 10,
    })).toEqual([
      'pavilion = "power-equipment"',
      'category = "transformers"',
      'companyRegion = "Gyeonggi"',
      'certifications = "CE"',
      'certifications = "KC"',
      'exportMarkets IN ["US", "VN"]',
      'companyLanguages IN ["en"]',
      'moq <= 10',
    ]);
  });

  it('keeps hostile values inside their quotes', () => {
    expect(buildFilter({ pavilion: 'x" OR pavilion != "y', exportMarkets: ['"]', 'US'] })).toEqual([
      'pavilion = "x\\" OR pavilion != \\"y"',
      'exportMarkets IN ["\\"]", "US"]',
    ]);
  });

  it('only ever names whitelisted attributes', () => {
    const filters = { pavilion: 'a', companySlug: 'b', 'moq = 1 OR id': 'c' } as Record<string, string>;
    expect(buildFilter(filters)).toEqual(['pavilion = "a"']);
  });

  it('refuses a moqMax that is not a finite number', () => {
    expect(() => buildFilter({ moqMax: Number.NaN })).toThrow(RangeError);
    expect(() => buildFilter({ moqMax: Infinity })).toThrow(RangeError);
  });
});

describe('queryReadings', () => {
  it('leaves every query without kanji to the engine\'s own reading', () => {
    for (const q of ['transformer', '변압기', 'трансформатор', 'máy biến áp', 'コチュジャン', 'kf94', '']) {
      for (const reader of ['en', 'ko', 'ja', 'zh', 'ru', 'vi'] as const) expect(queryReadings(q, reader), `${q} ${reader}`).toEqual([{ weight: 1 }]);
    }
  });

  it('leaves kanji with kana or Hangul to the engine, which then reads them right', () => {
    expect(queryReadings('焼酎(ソジュ)', 'ja')).toEqual([{ weight: 1 }]);
    expect(queryReadings('防犯カメラ', 'en')).toEqual([{ weight: 1 }]);
    expect(queryReadings('韓國 변압기', 'ja')).toEqual([{ weight: 1 }]);
  });

  it('reads kanji, with or without Latin letters, as Japanese and as the engine does, with an edge for the reader\'s own language', () => {
    expect(queryReadings('焼酎', 'ja')).toEqual([{ locales: ['jpn'], weight: 1.1 }, { weight: 1 }]);
    expect(queryReadings('AI外観検査', 'ja')).toEqual([{ locales: ['jpn'], weight: 1.1 }, { weight: 1 }]);
    expect(queryReadings('口罩', 'zh')).toEqual([{ locales: ['jpn'], weight: 1 }, { weight: 1.1 }]);
    for (const reader of ['en', 'ko', 'ru', 'vi'] as const) {
      expect(queryReadings('变压器', reader)).toEqual([{ locales: ['jpn'], weight: 1 }, { weight: 1 }]);
    }
  });
});
