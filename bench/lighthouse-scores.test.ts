import { describe, expect, it } from 'vitest';
import { examples, failingAudits, medianRun, pickPages, sitemapLocs, summarize, type Lhr, type LhrAudit } from './lighthouse-scores.ts';

const audit = (id: string, score: number | null, extra: Partial<LhrAudit> = {}): LhrAudit =>
  ({ id, title: `Title of ${id}`, score, scoreDisplayMode: 'numeric', ...extra });

function lhr(): Lhr {
  return {
    finalDisplayedUrl: 'http://localhost:1/products/a/',
    categories: {
      performance: { score: 0.857, auditRefs: [{ id: 'first-contentful-paint', weight: 10 }, { id: 'total-blocking-time', weight: 30 }, { id: 'unused-javascript', weight: 0 }, { id: 'cumulative-layout-shift', weight: 25 }] },
      accessibility: { score: 0.96, auditRefs: [{ id: 'color-contrast', weight: 7 }, { id: 'list', weight: 7 }, { id: 'manual-check', weight: 0 }, { id: 'not-here', weight: 10 }] },
      'best-practices': { score: 1, auditRefs: [] },
      seo: { score: null, auditRefs: [] },
    },
    audits: {
      'first-contentful-paint': audit('first-contentful-paint', 0.98, { numericValue: 1282.4, displayValue: '1.3 s' }),
      'largest-contentful-paint': audit('largest-contentful-paint', 1, { numericValue: 1361 }),
      'total-blocking-time': audit('total-blocking-time', 0.53, { numericValue: 559, displayValue: '560 ms' }),
      'cumulative-layout-shift': audit('cumulative-layout-shift', 1, { numericValue: 0 }),
      'unused-javascript': audit('unused-javascript', 0.5, {
        scoreDisplayMode: 'metricSavings', displayValue: 'Est savings of 107 KiB',
        details: { items: [{ url: 'http://localhost:1/_astro/client.js' }] },
      }),
      'color-contrast': audit('color-contrast', 0, {
        scoreDisplayMode: 'binary',
        details: { items: [{ node: { selector: 'p.muted', snippet: '<p class="muted">', explanation: 'Fix any of the following:\n  Element has insufficient color contrast of 4.1' } }] },
      }),
      list: audit('list', 1, { scoreDisplayMode: 'binary' }),
      'manual-check': audit('manual-check', 0, { scoreDisplayMode: 'manual' }),
      'not-here': audit('not-here', null, { scoreDisplayMode: 'notApplicable' }),
    },
    runWarnings: ['The page loaded too slowly'],
    environment: { benchmarkIndex: 1058 },
  };
}

describe('summarize', () => {
  it('reads the four scores (0–100) and the key metrics', () => {
    const s = summarize(lhr());
    expect(s.scores).toEqual({ performance: 86, accessibility: 96, 'best-practices': 100, seo: null });
    expect(s.metrics).toEqual({ LCP: 1361, TBT: 559, CLS: 0, FCP: 1282.4, SI: null });
    expect(s.benchmarkIndex).toBe(1058);
    expect(s.warnings).toEqual(['The page loaded too slowly']);
  });

  it('lists the audits that cost points, weighted ones first, and never manual or not-applicable ones', () => {
    const perf = failingAudits(lhr(), 'performance');
    expect(perf.map((f) => [f.id, f.weight, f.score])).toEqual([['total-blocking-time', 30, 0.53], ['first-contentful-paint', 10, 0.98], ['unused-javascript', 0, 0.5]]);
    expect(perf[2]).toMatchObject({ value: 'Est savings of 107 KiB', examples: ['http://localhost:1/_astro/client.js'] });
    const a11y = failingAudits(lhr(), 'accessibility');
    expect(a11y).toEqual([{ id: 'color-contrast', title: 'Title of color-contrast', score: 0, weight: 7, examples: ['p.muted — Element has insufficient color contrast of 4.1'] }]);
    expect(failingAudits(lhr(), 'seo')).toEqual([]);
  });
});

describe('examples', () => {
  it('takes at most the given number, and shortens long ones to one line', () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ source: { url: `http://x/${i}` } }));
    expect(examples({ items }, 2)).toEqual(['http://x/0', 'http://x/1']);
    const [long] = examples({ items: [{ label: `a\n${'b'.repeat(300)}` }] });
    expect(long!.length).toBe(160);
    expect(long).toMatch(/^a b+…$/);
    expect(examples(undefined)).toEqual([]);
    expect(examples({ type: 'list' })).toEqual([]);
  });
});

describe('medianRun', () => {
  const run = (performance: number, LCP: number) => ({ scores: { performance, accessibility: 100, 'best-practices': 100, seo: 100 }, metrics: { LCP, TBT: 0, CLS: 0, FCP: 0, SI: 0 } });
  it('takes the middle run by performance score, the worse middle one of an even number', () => {
    expect(medianRun([run(90, 1), run(70, 1), run(80, 1)]).scores.performance).toBe(80);
    expect(medianRun([run(90, 1), run(70, 1), run(80, 1), run(100, 1)]).scores.performance).toBe(80);
    expect(medianRun([run(75, 1)]).scores.performance).toBe(75);
  });
  it('breaks ties by the slower LCP', () => {
    expect(medianRun([run(80, 1000), run(80, 3000), run(80, 2000)]).metrics.LCP).toBe(2000);
    expect(medianRun([run(80, 1000), run(80, 3000)]).metrics.LCP).toBe(3000);
  });
  it('refuses no runs', () => {
    expect(() => medianRun([])).toThrow(RangeError);
  });
});

describe('pickPages', () => {
  const origin = 'http://example.test';
  const products = ['p1', 'p2', 'p3', 'p4', 'p5'];
  const urls = [
    `${origin}/`,
    ...products.map((p) => `${origin}/products/${p}/`),
    ...['p1', 'p5'].map((p) => `${origin}/ko/products/${p}/`),
    `${origin}/ja/products/p3/`,
    `${origin}/companies/c1/`, `${origin}/companies/c2/`, `${origin}/ko/companies/c1/`,
    `${origin}/pavilions/beauty/`, `${origin}/pavilions/beauty/page/2/`,
    `${origin}/search/`,
  ];

  it('spreads the products over the catalogue, in English and where they exist in Korean, then a company and a pavilion', () => {
    expect(pickPages(urls, 3)).toEqual([
      { label: 'product en p1', path: '/products/p1/', product: true },
      { label: 'product en p3', path: '/products/p3/', product: true },
      { label: 'product en p5', path: '/products/p5/', product: true },
      { label: 'product ko p1', path: '/ko/products/p1/', product: true },
      { label: 'product ko p5', path: '/ko/products/p5/', product: true },
      { label: 'company en c1', path: '/companies/c1/', product: false },
      { label: 'pavilion en beauty', path: '/pavilions/beauty/', product: false },
    ]);
  });

  it('takes every product when there are fewer than asked, and the first when one is asked', () => {
    expect(pickPages(urls, 9, []).filter((p) => p.product).map((p) => p.path)).toEqual(products.map((p) => `/products/${p}/`));
    expect(pickPages(urls, 1, ['ja']).filter((p) => p.product).map((p) => p.path)).toEqual(['/products/p1/']);
    expect(pickPages(urls, 2, ['ja']).filter((p) => p.product).map((p) => p.path)).toEqual(['/products/p1/', '/products/p5/']);
  });

  it('finds nothing to measure in a sitemap without those pages', () => {
    expect(pickPages([`${origin}/`, `${origin}/about/`], 3)).toEqual([]);
  });
});

describe('sitemapLocs', () => {
  it('reads the addresses of a sitemap, and tells an index from one', () => {
    const set = '<?xml version="1.0"?><urlset><url><loc>http://h/a/?x=1&amp;y=2</loc><xhtml:link rel="alternate" href="http://h/ko/a/"/></url><url><loc> http://h/b/ </loc></url></urlset>';
    expect(sitemapLocs(set)).toEqual({ index: false, locs: ['http://h/a/?x=1&y=2', 'http://h/b/'] });
    expect(sitemapLocs('<sitemapindex xmlns="x"><sitemap><loc>http://h/sitemap-1.xml</loc></sitemap></sitemapindex>'))
      .toEqual({ index: true, locs: ['http://h/sitemap-1.xml'] });
  });
});
