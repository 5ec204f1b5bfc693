// One query over the whole hall: products, companies and pavilions, answered together
// (one multi-search request; for a query of kanji, read two ways, one per index) and
// grouped. Matches in names come back as segments, never as markup: the engine marks them
// with control characters that cannot occur in our texts (documents are cleaned of them),
// and the page renders each segment as text.
import type { FederatedMultiSearchParams, Meilisearch } from 'meilisearch';
import type { CompanyDocument, PavilionDocument } from './directory.ts';
import type { ProductDocument } from './documents.ts';
import { INDEXES, LOCALE_CODES, type Locale } from './settings.ts';
import { HIGHLIGHT_POST as POST, HIGHLIGHT_PRE as PRE, segments, type Segment } from './highlight.ts';
import { queryReadings, readingOptions } from './query.ts';

export type { Segment };
export type Highlighted = { text: string; segments: Segment[] };

type Formatted<T> = T & { _formatted?: Partial<Record<string, unknown>> };

function pickHighlighted(doc: Formatted<Record<string, unknown>>, field: string, locale: Locale): Highlighted {
  for (const l of [locale, 'en', ...LOCALE_CODES]) {
    const text = doc[`${field}_${l}`];
    if (typeof text === 'string' && text) {
      const marked = doc._formatted?.[`${field}_${l}`];
      return { text, segments: typeof marked === 'string' ? segments(marked) : [{ text, match: false }] };
    }
  }
  return { text: '', segments: [] };
}

export type FederatedResult = {
  products: { total: number; hits: { slug: string; name: Highlighted; companySlug: string; pavilion: string }[] };
  companies: { total: number; hits: { slug: string; name: Highlighted; region: string; productCount: number }[] };
  pavilions: { total: number; hits: { slug: string; name: Highlighted; productCount: number }[] };
  processingTimeMs: number;
};

export async function searchHall(client: Meilisearch, opts: { q: string; locale: Locale; limits?: { products?: number; companies?: number; pavilions?: number } }): Promise<FederatedResult> {
  const names = (field: string) => LOCALE_CODES.map((l) => `${field}_${l}`);
  const common = { q: opts.q, attributesToHighlight: names('name'), highlightPreTag: PRE, highlightPostTag: POST };
  const started = Date.now();
  const queries = [
    { ...common, indexUid: INDEXES.products, limit: opts.limits?.products ?? 8, attributesToRetrieve: [...names('name'), 'slug', 'companySlug', 'pavilion'] },
    { ...common, indexUid: INDEXES.companies, limit: opts.limits?.companies ?? 5, attributesToRetrieve: [...names('name'), 'slug', 'region', 'productCount'] },
    { ...common, indexUid: INDEXES.pavilions, limit: opts.limits?.pavilions ?? 3, attributesToRetrieve: [...names('name'), 'slug', 'productCount'] },
  ];
  // A query the engine may misread (kanji: Chinese or Japanese, see queryReadings) is read
  // each way; per index one federated search merges the readings, so a document found by
  // both counts once. Otherwise one request for the three indexes, as the engine reads it.
  const readings = queryReadings(opts.q, opts.locale);
  const results = readings.length === 1
    ? (await client.multiSearch({ queries })).results
    : await Promise.all(queries.map(({ limit, ...query }) => client.multiSearch<FederatedMultiSearchParams>({
      federation: { limit },
      queries: readings.map((r) => ({ ...query, ...readingOptions(r) })),
    })));
  const [products, companies, pavilions] = results as unknown as [
    { hits: Formatted<ProductDocument>[]; estimatedTotalHits?: number },
    { hits: Formatted<CompanyDocument>[]; estimatedTotalHits?: number },
    { hits: Formatted<PavilionDocument>[]; estimatedTotalHits?: number },
  ];
  const hl = (doc: object) => pickHighlighted(doc as Formatted<Record<string, unknown>>, 'name', opts.locale);
  return {
    products: { total: products.estimatedTotalHits ?? 0, hits: products.hits.map((d) => ({ slug: d.slug, name: hl(d), companySlug: d.companySlug, pavilion: d.pavilion })) },
    companies: { total: companies.estimatedTotalHits ?? 0, hits: companies.hits.map((d) => ({ slug: d.slug, name: hl(d), region: d.region, productCount: d.productCount })) },
    pavilions: { total: pavilions.estimatedTotalHits ?? 0, hits: pavilions.hits.map((d) => ({ slug: d.slug, name: hl(d), productCount: d.productCount })) },
    processingTimeMs: Date.now() - started,
  };
}
