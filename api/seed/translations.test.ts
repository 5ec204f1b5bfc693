import { describe, expect, it } from 'vitest';
import { COMPANY_CLOSINGS, MARKETS, PAVILIONS, PRODUCT_CLOSINGS, REGIONS, UNITS } from './catalogue-data.ts';
import {
  COMPANY_CLOSINGS_JA_ZH, INDUSTRIES_JA_ZH, MARKETS_RU_VI, MODIFIERS_RU_VI, NOUNS_RU_VI, PRODUCT_CLOSINGS_RU_VI, REGIONS_RU_VI, UNITS_RU_VI,
  capitaliseFirst, declineAdjective, groupDigits, priceWithComma, russianCount, russianPhrase, russianPlural, vietnamesePhrase,
} from './translations.ts';

const categories = PAVILIONS.flatMap((p) => p.categories);

describe('the translations cover the catalogue', () => {
  it('every product noun and modifier, in Russian and Vietnamese', () => {
    const nouns = new Set(categories.flatMap((c) => c.nouns.map((n) => n.en)));
    const modifiers = new Set(categories.flatMap((c) => c.modifiers.map((m) => m.en)));
    expect([...nouns].filter((n) => !NOUNS_RU_VI[n])).toEqual([]);
    expect([...modifiers].filter((m) => !MODIFIERS_RU_VI[m])).toEqual([]);
    // And nothing stale: every entry is still used.
    expect(Object.keys(NOUNS_RU_VI).filter((n) => !nouns.has(n))).toEqual([]);
    expect(Object.keys(MODIFIERS_RU_VI).filter((m) => !modifiers.has(m))).toEqual([]);
    for (const n of Object.values(NOUNS_RU_VI)) {
      expect(n.ru).toMatch(/[а-яё]/);
      expect(n.ru, 'lower case, so a modifier can go first (acronyms aside)').not.toMatch(/^[А-ЯЁ][а-яё]/);
      expect(n.vi.trim()).not.toBe('');
    }
  });

  it('every unit, region, market and closing', () => {
    expect(Object.keys(UNITS_RU_VI).sort()).toEqual(Object.keys(UNITS).sort());
    expect(Object.keys(REGIONS_RU_VI).sort()).toEqual(REGIONS.map((r) => r.code).sort());
    expect(Object.keys(MARKETS_RU_VI).sort()).toEqual(MARKETS.map((m) => m.code).sort());
    expect(Object.keys(PRODUCT_CLOSINGS_RU_VI).sort()).toEqual(PRODUCT_CLOSINGS.map((c) => c.en).sort());
    expect(Object.keys(COMPANY_CLOSINGS_JA_ZH).sort()).toEqual(COMPANY_CLOSINGS.map((c) => c.en).sort());
    expect(Object.keys(INDUSTRIES_JA_ZH).sort()).toEqual(PAVILIONS.map((p) => p.slug).sort());
  });
});

describe('Russian grammar', () => {
  it('picks one, few or many by the number', () => {
    const cases: [number, string][] = [[1, 'one'], [2, 'few'], [4, 'few'], [5, 'many'], [11, 'many'], [12, 'many'], [14, 'many'],
      [21, 'one'], [22, 'few'], [25, 'many'], [100, 'many'], [101, 'one'], [111, 'many'], [1000, 'many'], [2001, 'one']];
    for (const [n, want] of cases) expect(russianPlural(n), String(n)).toBe(want);
    // Agrees with the platform's CLDR rules.
    const cldr = new Intl.PluralRules('ru');
    for (let n = 0; n < 300; n++) expect(russianPlural(n)).toBe(cldr.select(n));
    expect(russianCount(3, UNITS_RU_VI.piece!.ru)).toBe('штуки');
    expect(russianCount(500, UNITS_RU_VI.box!.ru)).toBe('коробок');
  });

  it('declines an adjective to the noun: hard, velar, hushing and soft stems', () => {
    expect(['m', 'f', 'n', 'p'].map((g) => declineAdjective('премиальный', g as 'm'))).toEqual(['премиальный', 'премиальная', 'премиальное', 'премиальные']);
    expect(['f', 'n', 'p'].map((g) => declineAdjective('веганский', g as 'f'))).toEqual(['веганская', 'веганское', 'веганские']);
    expect(['f', 'n', 'p'].map((g) => declineAdjective('увлажняющий', g as 'f'))).toEqual(['увлажняющая', 'увлажняющее', 'увлажняющие']);
    expect(['f', 'n', 'p'].map((g) => declineAdjective('беспроводной', g as 'f'))).toEqual(['беспроводная', 'беспроводное', 'беспроводные']);
    expect(['f', 'n', 'p'].map((g) => declineAdjective('синий', g as 'f'))).toEqual(['синяя', 'синее', 'синие']);
    expect(declineAdjective('полностью автоматический', 'f')).toBe('полностью автоматическая');
  });

  it('places a modifier before the noun, agreed, or a phrase after it', () => {
    expect(capitaliseFirst(russianPhrase(NOUNS_RU_VI['Vitamin C serum']!, MODIFIERS_RU_VI.Premium!))).toBe('Премиальная сыворотка с витамином C');
    expect(russianPhrase(NOUNS_RU_VI['Cabbage kimchi']!, MODIFIERS_RU_VI.Spicy!)).toBe('острое кимчи из пекинской капусты');
    expect(russianPhrase(NOUNS_RU_VI['Wet wipes']!, MODIFIERS_RU_VI.Premium!)).toBe('премиальные влажные салфетки');
    expect(russianPhrase(NOUNS_RU_VI['Soju']!, MODIFIERS_RU_VI['Sugar-free']!)).toBe('соджу без сахара');
    expect(capitaliseFirst(russianPhrase(NOUNS_RU_VI['BB cream']!, null))).toBe('BB-крем');
  });
});

describe('Vietnamese and numbers', () => {
  it('puts the modifier after the noun', () => {
    expect(vietnamesePhrase(NOUNS_RU_VI['Vitamin C serum']!, MODIFIERS_RU_VI.Premium!)).toBe('Serum vitamin C cao cấp');
  });
  it('groups digits and writes a decimal comma', () => {
    expect(groupDigits(1234567, '.')).toBe('1.234.567');
    expect(groupDigits(500, '\u00a0')).toBe('500');
    expect(priceWithComma(2.5, '.')).toBe('2,50');
    expect(priceWithComma(1250, '\u00a0')).toBe('1\u00a0250');
    expect(priceWithComma(150, '.', 80)).toBe('150,00');
  });
});
