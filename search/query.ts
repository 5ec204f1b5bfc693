// Product search for the site and API: plain text fields in the reader's language
// (English when the product has no text in it), no highlight markup yet. Optional filters,
// facet counts and sort orders; filter expressions are built here from a whitelist of
// attributes with every value quoted, never from text a user typed. A query of kanji is
// read both as Japanese and as Chinese (queryReadings), with an edge for the reader's language.
import type { FederatedMultiSearchParams, Meilisearch } from 'meilisearch';
import { DISPLAY_FIELDS, type DisplayField, type ProductDocument } from './documents.ts';
import { INDEXES, LOCALES, type Locale } from './settings.ts';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, segments, type Segment } from './highlight.ts';

export type ProductHit = {
  slug: string;
  name: string;
  summary: string;
  companyName: string;
  companySlug: string;
  pavilion: string;
  pavilionName: string;
  category: string | null;
  moq: number | null;
  moqUnit: string | null;
  certifications: string[];
  exportMarkets: string[];
  /** The name split into plain and matched parts (no markup), for highlighting. */
  nameSegments: Segment[];
};

/** Attributes with facet counts; each value -> number of matching products. */
export const FACETS = ['pavilion', 'category', 'certifications', 'exportMarkets', 'companyRegion', 'companyLanguages'] as const;
export type FacetName = (typeof FACETS)[number];
export type FacetDistribution = Partial<Record<FacetName, Record<string, number>>>;

export type ProductSearchResult = {
  hits: ProductHit[];
  estimatedTotalHits: number;
  processingTimeMs: number;
  /** Only when facets were asked for. Counts are over all matches, not just this page. */
  facets?: FacetDistribution;
};

/**
 * Each given filter narrows the result. Within one filter: every certification must be
 * held (a buyer needs all of them), while markets and languages match when any one does
 * (a buyer in Germany or France; a company speaking English or Japanese).
 */
export type ProductFilters = {
  pavilion?: string | undefined;
  category?: string | undefined;
  certifications?: readonly string[] | undefined;
  exportMarkets?: readonly string[] | undefined;
  companyRegion?: string | undefined;
  companyLanguages?: readonly string[] | undefined;
  /** Products whose minimum order is at most this; products without a stated MOQ drop out. */
  moqMax?: number | undefined;
};

export const SORTS = ['relevance', 'newest', 'moq'] as const;
export type ProductSort = (typeof SORTS)[number];

export type ProductSearchOptions = {
  q: string;
  limit: number;
  offset: number;
  /** Language of the returned texts; default and fallback English. */
  locale?: Locale | undefined;
  filters?: ProductFilters | undefined;
  /** true for every facet in FACETS, or the ones wanted. */
  facets?: boolean | readonly FacetName[] | undefined;
  /** relevance (default; newest first when there are no words), newest, or smallest MOQ first. */
  sort?: ProductSort | undefined;
};

const MAX_LIMIT = 100;
const MAX_TOTAL_HITS = 1_000; // Meilisearch's default pagination.maxTotalHits

export async function searchProducts(client: Meilisearch, opts: ProductSearchOptions): Promise<ProductSearchResult> {
  const locale = opts.locale ?? 'en';
  const { q, limit, offset, ...params } = productSearchRequest(opts);
  const facets = params.facets ?? [];
  // Under an asked-for sort the readings weigh the same: with unequal weights the engine's
  // merge put one reading's products ahead of the sort order (readings.db.test.ts).
  const readings = queryReadings(q, locale).map((r) => (params.sort ? { ...r, weight: 1 } : r));
  try {
    if (readings.length === 1) {
      const res = await client.index<ProductDocument>(INDEXES.products).search(q, { limit, offset, ...params });
      return {
        hits: res.hits.map((doc) => toHit(doc, locale)),
        estimatedTotalHits: res.estimatedTotalHits ?? 0,
        processingTimeMs: res.processingTimeMs,
        ...(facets.length > 0 ? { facets: facetCounts(facets, res.facetDistribution) } : {}),
      };
    }
    // Several readings: one federated search, so the engine merges them by ranking score (or
    // by the asked-for sort), counts a product matched by both once, and pages and counts
    // facets over the merged list.
    const { facets: _, ...perQuery } = params;
    const res = await client.multiSearch<FederatedMultiSearchParams, ProductDocument>({
      federation: { limit, offset, ...(facets.length > 0 ? { facetsByIndex: { [INDEXES.products]: facets } } : {}) },
      queries: readings.map((r) => ({ indexUid: INDEXES.products, q, ...perQuery, ...readingOptions(r) })),
    });
    return {
      hits: res.hits.map((doc) => toHit(doc, locale)),
      estimatedTotalHits: res.estimatedTotalHits ?? 0,
      processingTimeMs: res.processingTimeMs,
      ...(facets.length > 0 ? { facets: facetCounts(facets, res.facetsByIndex?.[INDEXES.products]?.distribution) } : {}),
    };
  } catch (err) {
    // Before the first reindex there is no index: that is "nothing found", not a failure.
    if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') {
      return {
        hits: [], estimatedTotalHits: 0, processingTimeMs: 0,
        ...(facets.length > 0 ? { facets: facetCounts(facets, undefined) } : {}),
      };
    }
    throw err;
  }
}

export type ProductSearchRequest = {
  q: string;
  limit: number;
  offset: number;
  sort?: string[];
  filter?: string[];
  facets?: FacetName[];
  attributesToRetrieve: string[];
  attributesToHighlight?: string[];
  highlightPreTag?: string;
  highlightPostTag?: string;
};

/** The body of POST /indexes/products/search for these options (also used by the benchmark). */
export function productSearchRequest(opts: ProductSearchOptions): ProductSearchRequest {
  const limit = Math.max(0, Math.min(MAX_LIMIT, Math.trunc(opts.limit)));
  const offset = Math.max(0, Math.min(MAX_TOTAL_HITS, Math.trunc(opts.offset)));
  const q = opts.q.trim();
  const locale = opts.locale ?? 'en';
  const filter = buildFilter(opts.filters ?? {});
  const facets = facetList(opts.facets);
  const sort = sortOf(opts.sort ?? 'relevance', q);
  return {
    q,
    limit,
    offset,
    ...(sort ? { sort } : {}),
    ...(filter.length > 0 ? { filter } : {}),
    ...(facets.length > 0 ? { facets } : {}),
    attributesToRetrieve: retrievedFields(locale),
    ...(q ? { attributesToHighlight: displayFields('name', locale), highlightPreTag: HIGHLIGHT_PRE, highlightPostTag: HIGHLIGHT_POST } : {}),
  };
}

// ---------------------------------------------------------------- the query's language

/** One way for the engine to read the query: as `locales` (ISO 639-3), or as it guesses by itself. */
export type QueryReading = { locales?: (typeof LOCALES)[Locale][]; weight: number };

const HAN = /\p{Script=Han}/u;
const KANA_OR_HANGUL = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** The reader's own language wins a near tie between the readings of an ambiguous query. */
const READER_EDGE = 1.1;

/**
 * How the engine is to read (tokenise) a query; each reading is one search, merged.
 *
 * Only a query of Chinese characters (with or without Latin letters and digits) is ambiguous:
 * the engine reads it as Chinese, and a Japanese word in kanji (焼酎, 美顔器, 外観検査) is
 * then cut apart differently from the Japanese names, which are indexed as Japanese, and often
 * not found. Read as Japanese (locales: jpn) it finds them, but only that reading would lose
 * what the Chinese one brings: synonyms (変圧器 finds transformers only so) and the
 * traditional and Japanese forms folded into simplified Chinese. So such a query is read both
 * ways and the results merged; the reader's locale gives its own reading a small edge (ja:
 * Japanese, zh: Chinese). Kana or Hangul make the language plain to the engine, and in every
 * other script the hint changes nothing (tested against the engine on the relevance set), while
 * a hint in another script than the query's (kor for 口罩) finds nothing: those get the
 * engine's own reading alone, as before.
 */
export function queryReadings(q: string, reader: Locale): QueryReading[] {
  if (!HAN.test(q) || KANA_OR_HANGUL.test(q)) return [{ weight: 1 }];
  return [
    { locales: [LOCALES.ja], weight: reader === 'ja' ? READER_EDGE : 1 },
    { weight: reader === 'zh' ? READER_EDGE : 1 }, // the engine's own reading: Chinese, as before
  ];
}

/** A reading's part of one query of a federated multi-search. */
export function readingOptions(r: QueryReading): { locales?: string[]; federationOptions: { weight: number } } {
  return { ...(r.locales ? { locales: [...r.locales] } : {}), federationOptions: { weight: r.weight } };
}

// ---------------------------------------------------------------- filters, facets, sort

/**
 * A Meilisearch string literal: double quotes, with backslash and quote escaped. Whatever
 * the value holds (quotes, brackets, "OR", newlines), it stays one value.
 */
export function quoteFilterValue(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

// The only attribute names that ever reach a filter expression.
const EQUALS = { pavilion: 'pavilion', category: 'category', companyRegion: 'companyRegion' } as const;
const ALL_OF = { certifications: 'certifications' } as const;
const ANY_OF = { exportMarkets: 'exportMarkets', companyLanguages: 'companyLanguages' } as const;

/**
 * The filters as Meilisearch's array form: every element must hold (AND). Values are
 * quoted; numbers must be finite. Empty lists and undefined values add nothing.
 */
export function buildFilter(filters: ProductFilters): string[] {
  const parts: string[] = [];
  for (const [key, attribute] of Object.entries(EQUALS) as [keyof typeof EQUALS, string][]) {
    const value = filters[key];
    if (value !== undefined) parts.push(`${attribute} = ${quoteFilterValue(value)}`);
  }
  for (const [key, attribute] of Object.entries(ALL_OF) as [keyof typeof ALL_OF, string][]) {
    for (const value of unique(filters[key])) parts.push(`${attribute} = ${quoteFilterValue(value)}`);
  }
  for (const [key, attribute] of Object.entries(ANY_OF) as [keyof typeof ANY_OF, string][]) {
    const values = unique(filters[key]);
    if (values.length > 0) parts.push(`${attribute} IN [${values.map(quoteFilterValue).join(', ')}]`);
  }
  if (filters.moqMax !== undefined) {
    if (!Number.isFinite(filters.moqMax)) throw new RangeError(`moqMax must be a finite number, got ${filters.moqMax}`);
    parts.push(`moq <= ${filters.moqMax}`);
  }
  return parts;
}

function unique(values: readonly string[] | undefined): string[] {
  return [...new Set(values ?? [])];
}

function facetList(facets: ProductSearchOptions['facets']): FacetName[] {
  if (facets === true) return [...FACETS];
  if (!facets) return [];
  return FACETS.filter((f) => facets.includes(f)); // whitelist, in a fixed order
}

/** Every asked-for facet is present, empty when nothing matched. */
function facetCounts(facets: FacetName[], distribution: Record<string, Record<string, number>> | undefined): FacetDistribution {
  return Object.fromEntries(facets.map((f) => [f, distribution?.[f] ?? {}]));
}

function sortOf(sort: ProductSort, q: string): string[] | undefined {
  if (sort === 'newest' || (sort === 'relevance' && q === '')) return ['publishedAt:desc']; // no words: newest first
  if (sort === 'moq') return ['moq:asc', 'publishedAt:desc'];
  return undefined;
}

// ---------------------------------------------------------------- hits

// The reader's locale, English and the fallback (documents.ts) of each shown text, not the
// other locales nor the long descriptions.
const HIT_FIELDS = ['slug', 'companySlug', 'pavilion', 'category', 'moq', 'moqUnit', 'certifications', 'exportMarkets'];

/** Where a hit's `field` is looked for, in order: the reader's locale, English, the fallback. */
function displayFields<F extends DisplayField>(field: F, locale: Locale): `${F}_${Locale | 'fallback'}`[] {
  return locale === 'en' ? [`${field}_en`, `${field}_fallback`] : [`${field}_${locale}`, `${field}_en`, `${field}_fallback`];
}

function retrievedFields(locale: Locale): string[] {
  return [...DISPLAY_FIELDS.flatMap((f) => displayFields(f, locale)), ...HIT_FIELDS];
}

/** The text in the reader's locale, else English, else the first locale the document has. */
function pick(doc: ProductDocument, field: DisplayField, locale: Locale): string {
  for (const f of displayFields(field, locale)) {
    const text = doc[f];
    if (text) return text;
  }
  return '';
}

function toHit(doc: ProductDocument & { _formatted?: Record<string, unknown> }, locale: Locale): ProductHit {
  const name = pick(doc, 'name', locale);
  const field = displayFields('name', locale).find((f) => doc[f]);
  const marked = field ? doc._formatted?.[field] : undefined;
  return {
    slug: doc.slug,
    name,
    nameSegments: typeof marked === 'string' ? segments(marked) : [{ text: name, match: false }],
    summary: pick(doc, 'summary', locale),
    companyName: pick(doc, 'companyName', locale),
    companySlug: doc.companySlug,
    pavilion: doc.pavilion,
    pavilionName: pick(doc, 'pavilionName', locale),
    category: doc.category,
    moq: doc.moq,
    moqUnit: doc.moqUnit,
    certifications: doc.certifications,
    exportMarkets: doc.exportMarkets,
  };
}
