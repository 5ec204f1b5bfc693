// Product search for the site and API: plain text fields in the reader's language
// (English when the product has no text in it), no highlight markup yet.
import type { Meilisearch } from 'meilisearch';
import type { ProductDocument } from './documents.ts';
import { INDEXES, LOCALE_CODES, type Locale } from './settings.ts';

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
};

export type ProductSearchResult = {
  hits: ProductHit[];
  estimatedTotalHits: number;
  processingTimeMs: number;
};

export type ProductSearchOptions = {
  q: string;
  limit: number;
  offset: number;
  /** Language of the returned texts; default and fallback English. */
  locale?: Locale | undefined;
};

const MAX_LIMIT = 100;
const MAX_TOTAL_HITS = 1_000; // Meilisearch's default pagination.maxTotalHits

export async function searchProducts(client: Meilisearch, opts: ProductSearchOptions): Promise<ProductSearchResult> {
  const locale = opts.locale ?? 'en';
  const limit = Math.max(0, Math.min(MAX_LIMIT, Math.trunc(opts.limit)));
  const offset = Math.max(0, Math.min(MAX_TOTAL_HITS, Math.trunc(opts.offset)));
  const q = opts.q.trim();
  try {
    const res = await client.index<ProductDocument>(INDEXES.products).search(q, {
      limit,
      offset,
      // No words: newest first instead of an arbitrary order.
      ...(q === '' ? { sort: ['publishedAt:desc'] } : {}),
      attributesToRetrieve: RETRIEVED_FIELDS,
    });
    return {
      hits: res.hits.map((doc) => toHit(doc, locale)),
      estimatedTotalHits: res.estimatedTotalHits ?? 0,
      processingTimeMs: res.processingTimeMs,
    };
  } catch (err) {
    // Before the first reindex there is no index: that is "nothing found", not a failure.
    if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') {
      return { hits: [], estimatedTotalHits: 0, processingTimeMs: 0 };
    }
    throw err;
  }
}

type PickedField = 'name' | 'summary' | 'companyName' | 'pavilionName';
const PICKED_FIELDS: PickedField[] = ['name', 'summary', 'companyName', 'pavilionName'];

// Every locale of the shown texts (a Korean-only product still needs a name), not the
// long descriptions.
const RETRIEVED_FIELDS = [
  ...PICKED_FIELDS.flatMap((f) => LOCALE_CODES.map((l) => `${f}_${l}`)),
  'slug', 'companySlug', 'pavilion', 'category', 'moq', 'moqUnit', 'certifications', 'exportMarkets',
];

/** The text in the reader's locale, else English, else the first locale the document has. */
function pick(doc: ProductDocument, field: PickedField, locale: Locale): string {
  for (const l of [locale, 'en', ...LOCALE_CODES] as const) {
    const text = doc[`${field}_${l}`];
    if (text) return text;
  }
  return '';
}

function toHit(doc: ProductDocument, locale: Locale): ProductHit {
  return {
    slug: doc.slug,
    name: pick(doc, 'name', locale),
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
