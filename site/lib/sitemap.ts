// The sitemap protocol's limits: one file holds at most 50,000 URLs and 50 MB (52,428,800
// bytes) uncompressed. Past that, /sitemap.xml becomes a sitemap index pointing at
// /sitemap-1.xml, /sitemap-2.xml, ... each within the limits. Pure functions here; the
// routes in site/pages/ read the pages and write the responses.
import { defaultLocale, langTag, localePath, type Locale } from '../i18n/index.ts';

export const MAX_URLS = 50_000;
export const MAX_BYTES = 52_428_800;

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n';
const TAIL = '</urlset>\n';

export type Range = { start: number; end: number };

/**
 * Cuts a run of items into consecutive ranges [start, end) of at most `maxItems` items whose
 * sizes plus `overhead` (a file's head and tail) stay within `maxBytes`. An item larger than
 * a file on its own still gets a range of its own rather than being lost. At least one range,
 * empty when there are no items.
 */
export function chunkRanges(sizes: Iterable<number>, opts: { maxItems?: number; maxBytes?: number; overhead?: number } = {}): Range[] {
  const maxItems = opts.maxItems ?? MAX_URLS;
  const maxBytes = opts.maxBytes ?? MAX_BYTES;
  const overhead = opts.overhead ?? 0;
  if (!(maxItems >= 1)) throw new RangeError(`maxItems must be at least 1, got ${maxItems}`);
  const ranges: Range[] = [];
  let start = 0;
  let i = 0;
  let bytes = overhead;
  for (const size of sizes) {
    if (i > start && (i - start >= maxItems || bytes + size > maxBytes)) {
      ranges.push({ start, end: i });
      start = i;
      bytes = overhead;
    }
    bytes += size;
    i++;
  }
  ranges.push({ start, end: i });
  return ranges;
}

export type SitemapPage = { path: string; locales: readonly Locale[] };
/** One <url>: a page in one of its locales. */
export type SitemapEntry = { page: SitemapPage; locale: Locale };

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every page once per locale it exists in, in the pages' order. */
export function* sitemapEntries(pages: Iterable<SitemapPage>): Generator<SitemapEntry> {
  for (const page of pages) for (const locale of page.locales) yield { page, locale };
}

/** One <url> element with the page's alternates (hreflang per locale, x-default English), newline-terminated. */
export function urlElement(base: URL, { page, locale }: SitemapEntry): string {
  const href = (l: Locale) => xmlEscape(new URL(localePath(l, page.path), base).href);
  const alternates = page.locales.map((l) => `    <xhtml:link rel="alternate" hreflang="${langTag(l)}" href="${href(l)}"/>\n`);
  if (page.locales.includes(defaultLocale)) alternates.push(`    <xhtml:link rel="alternate" hreflang="x-default" href="${href(defaultLocale)}"/>\n`);
  return `  <url>\n    <loc>${href(locale)}</loc>\n${alternates.join('')}  </url>\n`;
}

export function urlset(base: URL, entries: Iterable<SitemapEntry>): string {
  let body = '';
  for (const entry of entries) body += urlElement(base, entry);
  return HEAD + body + TAIL;
}

/** The address of the n-th (1-based) part of a split sitemap. */
export const sitemapPartPath = (n: number) => `/sitemap-${n}.xml`;

export function sitemapIndex(base: URL, parts: number): string {
  const items = Array.from({ length: parts }, (_, i) => `  <sitemap>\n    <loc>${xmlEscape(new URL(sitemapPartPath(i + 1), base).href)}</loc>\n  </sitemap>\n`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${items.join('')}</sitemapindex>\n`;
}

/** How the entries split into files: one range means a plain sitemap, more an index. */
export function planSitemap(base: URL, entries: readonly SitemapEntry[], limits: { maxItems?: number; maxBytes?: number } = {}): Range[] {
  const sizes = (function* () {
    for (const e of entries) yield Buffer.byteLength(urlElement(base, e), 'utf8');
  })();
  return chunkRanges(sizes, { ...limits, overhead: Buffer.byteLength(HEAD + TAIL, 'utf8') });
}
