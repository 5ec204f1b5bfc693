import { describe, expect, it } from 'vitest';
import { chunkRanges, MAX_URLS, planSitemap, sitemapEntries, sitemapIndex, urlElement, urlset, type SitemapPage } from './sitemap.ts';

const ones = (n: number) => Array.from({ length: n }, () => 1);
const base = new URL('https://hall.example');

describe('chunkRanges', () => {
  it('keeps 50,000 URLs in one file and splits 50,001 into 50,000 + 1', () => {
    expect(MAX_URLS).toBe(50_000);
    expect(chunkRanges(ones(50_000))).toEqual([{ start: 0, end: 50_000 }]);
    expect(chunkRanges(ones(50_001))).toEqual([{ start: 0, end: 50_000 }, { start: 50_000, end: 50_001 }]);
    expect(chunkRanges(ones(100_000))).toEqual([{ start: 0, end: 50_000 }, { start: 50_000, end: 100_000 }]);
    expect(chunkRanges(ones(100_001))).toHaveLength(3);
  });

  it('splits by bytes too: a file never passes the byte limit, head and tail included', () => {
    // 10 items of 100 bytes, 50 bytes of head and tail, 450 bytes per file: 4 items fit (450), not 5.
    const ranges = chunkRanges(Array.from({ length: 10 }, () => 100), { maxBytes: 450, overhead: 50 });
    expect(ranges).toEqual([{ start: 0, end: 4 }, { start: 4, end: 8 }, { start: 8, end: 10 }]);
    // Exactly at the limit stays in one file.
    expect(chunkRanges([100, 100], { maxBytes: 250, overhead: 50 })).toEqual([{ start: 0, end: 2 }]);
  });

  it('covers every item exactly once, in order, whatever the limits', () => {
    const sizes = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 97 + 1);
    for (const [maxItems, maxBytes] of [[1, 1e9], [3, 1e9], [50, 400], [1000, 1e9], [7, 60]] as const) {
      const ranges = chunkRanges(sizes, { maxItems, maxBytes });
      expect(ranges[0]!.start).toBe(0);
      expect(ranges.at(-1)!.end).toBe(sizes.length);
      for (let k = 1; k < ranges.length; k++) expect(ranges[k]!.start).toBe(ranges[k - 1]!.end);
      for (const r of ranges) {
        expect(r.end - r.start).toBeGreaterThan(0);
        expect(r.end - r.start).toBeLessThanOrEqual(maxItems);
        const bytes = sizes.slice(r.start, r.end).reduce((a, b) => a + b, 0);
        if (r.end - r.start > 1) expect(bytes).toBeLessThanOrEqual(maxBytes);
      }
    }
  });

  it('gives an oversized item a file of its own, and no items one empty file', () => {
    expect(chunkRanges([10, 500, 10], { maxBytes: 100 })).toEqual([{ start: 0, end: 1 }, { start: 1, end: 2 }, { start: 2, end: 3 }]);
    expect(chunkRanges([])).toEqual([{ start: 0, end: 0 }]);
  });
});

describe('sitemap XML', () => {
  const pages: SitemapPage[] = [
    { path: '/', locales: ['en', 'ko', 'zh'] },
    { path: '/products/a&b/', locales: ['en', 'ko'] },
  ];

  it('lists a page once per locale, each with every alternate and x-default', () => {
    const entries = [...sitemapEntries(pages)];
    expect(entries.map((e) => `${e.locale}${e.page.path}`)).toEqual(['en/', 'ko/', 'zh/', 'en/products/a&b/', 'ko/products/a&b/']);
    const zh = urlElement(base, entries[2]!);
    expect(zh).toContain('<loc>https://hall.example/zh/</loc>');
    expect(zh).toContain('hreflang="zh-Hans" href="https://hall.example/zh/"');
    expect(zh).toContain('hreflang="x-default" href="https://hall.example/"');
    expect(urlElement(base, entries[3]!)).toContain('<loc>https://hall.example/products/a&amp;b/</loc>');
    const xml = urlset(base, entries);
    expect(xml.match(/<url>/g)).toHaveLength(5);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9" xmlns:xhtml=/);
  });

  it('splits by the real byte size of each <url>, and the index names each part absolutely', () => {
    const entries = [...sitemapEntries(pages)];
    expect(planSitemap(base, entries)).toEqual([{ start: 0, end: 5 }]);
    expect(planSitemap(base, entries, { maxItems: 2 })).toEqual([{ start: 0, end: 2 }, { start: 2, end: 4 }, { start: 4, end: 5 }]);
    const parts = planSitemap(base, entries, { maxBytes: urlset(base, entries.slice(0, 3)).length });
    expect(parts[0]).toEqual({ start: 0, end: 3 });
    expect(sitemapIndex(base, 2)).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n' +
      '  <sitemap>\n    <loc>https://hall.example/sitemap-1.xml</loc>\n  </sitemap>\n' +
      '  <sitemap>\n    <loc>https://hall.example/sitemap-2.xml</loc>\n  </sitemap>\n</sitemapindex>\n',
    );
  });
});
