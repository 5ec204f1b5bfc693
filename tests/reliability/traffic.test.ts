import { describe, expect, it } from 'vitest';
import { MIX, pickKind, searchQueries, typo } from './traffic.ts';

describe('the load test traffic', () => {
  it('is nine tenths page and search reads, the shares adding up to one', () => {
    expect(MIX.reduce((n, [, s]) => n + s, 0)).toBeCloseTo(1);
    const counts = { page: 0, search: 0, slots: 0, booking: 0 };
    for (let i = 0; i < 10_000; i++) counts[pickKind(i / 10_000)]++;
    expect((counts.page + counts.search) / 10_000).toBeCloseTo(0.9, 2);
    expect(counts.booking).toBe(300);
    expect(pickKind(0.999999)).toBe('booking');
  });

  it('searches for product words in their language, with typos and filters', () => {
    const queries = searchQueries([
      { locale: 'en', name: 'Vitamin C serum' },
      { locale: 'ko', name: '비타민 C 세럼' },
      { locale: 'ru', name: 'Сыворотка с витамином C' },
      { locale: 'en', name: 'Transformer oil' },
    ]);
    expect(queries).toContain('q=Vitamin&locale=en&facets=1&certification=CE');
    expect(queries).toContain(`q=${encodeURIComponent('비타민 C')}&locale=ko`);
    expect(queries).toContain(`q=${encodeURIComponent('Сыворотка')}&locale=ru`);
    expect(queries).toContain(`q=${typo('Vitamin')}&locale=en`);
    expect(typo('Vitamin')).toBe('Vitmain');
    expect(typo('oil')).toBe('oil');
  });
});
