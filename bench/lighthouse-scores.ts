// What bench/lighthouse.ts reads from a Lighthouse result (LHR): the four category scores,
// the key metrics, the audits that cost a category points, the median of several runs, and
// which pages of the hall's sitemap to measure. Pure, so it is tested without a browser.

/** The part of a Lighthouse result this file reads (Lighthouse's own type is wider). */
export type LhrAudit = {
  id: string;
  title: string;
  score: number | null;
  scoreDisplayMode: string;
  numericValue?: number;
  displayValue?: string;
  details?: unknown;
};
export type Lhr = {
  finalDisplayedUrl: string;
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] } | undefined>;
  audits: Record<string, LhrAudit | undefined>;
  runWarnings?: string[];
  environment?: { benchmarkIndex?: number };
};

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];
export const METRICS = {
  LCP: 'largest-contentful-paint',
  TBT: 'total-blocking-time',
  CLS: 'cumulative-layout-shift',
  FCP: 'first-contentful-paint',
  SI: 'speed-index',
} as const;
export type Metric = keyof typeof METRICS;

export type Failing = { id: string; title: string; score: number; weight: number; value?: string; examples: string[] };
export type Summary = {
  url: string;
  /** 0–100 as Lighthouse shows them; null when the category could not be scored. */
  scores: Record<Category, number | null>;
  /** Milliseconds, except CLS (unitless). */
  metrics: Record<Metric, number | null>;
  failing: Record<Category, Failing[]>;
  warnings: string[];
  benchmarkIndex: number | null;
};

// Audits that never cost points: shown for information, or not about this page.
const UNSCORED = new Set(['notApplicable', 'manual', 'informative', 'error']);
const oneLine = (s: string, max = 160) => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
};

/** Up to `max` examples from an audit's table: the element (and why, for accessibility) or the URL. */
export function examples(details: unknown, max = 3): string[] {
  const items = (details as { items?: unknown } | undefined)?.items;
  if (!Array.isArray(items)) return [];
  const out: string[] = [];
  for (const item of items as Record<string, unknown>[]) {
    if (out.length >= max) break;
    const node = item.node as { snippet?: string; selector?: string; explanation?: string } | undefined;
    if (node && (node.snippet || node.selector)) {
      const why = node.explanation?.replace(/^Fix (any|all) of the following:\s*/i, '');
      out.push(oneLine(`${node.selector ?? node.snippet}${why ? ` — ${why}` : ''}`));
      continue;
    }
    const source = item.source as { url?: string } | undefined;
    const url = typeof item.url === 'string' ? item.url : source?.url;
    if (url) out.push(oneLine(url));
    else if (typeof item.label === 'string') out.push(oneLine(item.label));
  }
  return out;
}

/** The audits of a category that did not pass: the ones that weigh in the score first. */
export function failingAudits(lhr: Lhr, category: Category): Failing[] {
  const refs = lhr.categories[category]?.auditRefs ?? [];
  const out: Failing[] = [];
  for (const ref of refs) {
    const a = lhr.audits[ref.id];
    if (!a || a.score === null || a.score >= 1 || UNSCORED.has(a.scoreDisplayMode)) continue;
    out.push({
      id: a.id, title: a.title, score: a.score, weight: ref.weight,
      ...(a.displayValue ? { value: a.displayValue } : {}),
      examples: examples(a.details),
    });
  }
  return out.sort((x, y) => y.weight - x.weight || x.score - y.score);
}

export function summarize(lhr: Lhr): Summary {
  const score = (c: Category) => {
    const s = lhr.categories[c]?.score;
    return s === null || s === undefined ? null : Math.round(s * 100);
  };
  const metric = (m: Metric) => lhr.audits[METRICS[m]]?.numericValue ?? null;
  return {
    url: lhr.finalDisplayedUrl,
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, score(c)])) as Summary['scores'],
    metrics: Object.fromEntries(Object.keys(METRICS).map((m) => [m, metric(m as Metric)])) as Summary['metrics'],
    failing: Object.fromEntries(CATEGORIES.map((c) => [c, failingAudits(lhr, c)])) as Summary['failing'],
    warnings: lhr.runWarnings ?? [],
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
  };
}

/**
 * The median run by performance score (ties: the slower LCP), as Lighthouse advises for
 * variable machines; with an even number of runs, the worse of the two middle ones.
 */
export function medianRun<T extends Pick<Summary, 'scores' | 'metrics'>>(runs: readonly T[]): T {
  if (runs.length === 0) throw new RangeError('No runs');
  const sorted = [...runs].sort((a, b) =>
    (a.scores.performance ?? -1) - (b.scores.performance ?? -1) || (b.metrics.LCP ?? 0) - (a.metrics.LCP ?? 0));
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export type Page = { label: string; path: string; product: boolean };
const PAGE = /^\/(?:([a-z]{2})\/)?(products|companies|pavilions)\/([^/]+)\/$/;

/**
 * From the sitemap's URLs: `products` product pages spread over the catalogue (first, last and
 * evenly between), in English and in each of `locales` where the same product has a page
 * there, then the first company page and the first pavilion page (English), for comparison.
 */
export function pickPages(urls: readonly string[], products: number, locales: readonly string[] = ['ko']): Page[] {
  const byKind = new Map<string, string[]>();
  for (const u of urls) {
    const m = PAGE.exec(new URL(u).pathname);
    if (!m) continue;
    const key = `${m[1] ?? 'en'}/${m[2]}`;
    byKind.set(key, [...(byKind.get(key) ?? []), m[3]!]);
  }
  const slugs = byKind.get('en/products') ?? [];
  const chosen = products <= 1 || slugs.length <= products
    ? slugs.slice(0, Math.max(products, 0))
    : Array.from({ length: products }, (_, i) => slugs[Math.round((i * (slugs.length - 1)) / (products - 1))]!);
  const pages: Page[] = chosen.map((s) => ({ label: `product en ${s}`, path: `/products/${s}/`, product: true }));
  for (const l of locales) {
    const there = new Set(byKind.get(`${l}/products`) ?? []);
    for (const s of chosen) if (there.has(s)) pages.push({ label: `product ${l} ${s}`, path: `/${l}/products/${s}/`, product: true });
  }
  const company = byKind.get('en/companies')?.[0];
  const pavilion = byKind.get('en/pavilions')?.[0];
  if (company) pages.push({ label: `company en ${company}`, path: `/companies/${company}/`, product: false });
  if (pavilion) pages.push({ label: `pavilion en ${pavilion}`, path: `/pavilions/${pavilion}/`, product: false });
  return pages;
}

/** The <loc> addresses of a sitemap or a sitemap index. */
export function sitemapLocs(xml: string): { index: boolean; locs: string[] } {
  const locs = [...xml.matchAll(/<loc>\s*([^<\s]+)\s*<\/loc>/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  return { index: /<sitemapindex[\s>]/.test(xml), locs };
}
