// Filter expressions are built from a whitelist of attributes with every value quoted.
import { describe, expect, it } from 'vitest';
import { buildFilter, quoteFilterValue } from './query.ts';

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
