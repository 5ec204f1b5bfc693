// Product search, answered by Meilisearch through the API so the master key stays here.
// Filters, facets and sort are validated here; search/query.ts turns them into a
// Meilisearch filter from a whitelist of attributes, with every value quoted.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { UnavailableError } from '../../errors.ts';
import { ProblemSchema } from '../problem.ts';
import { Label } from '../schemas.ts';
import { FACETS, type FacetName } from '../../../search/query.ts';

export const SearchHitSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    summary: z.string(),
    companyName: z.string(),
    pavilion: z.string(),
    nameSegments: z.array(z.object({ text: z.string(), match: z.boolean() }))
      .openapi({ description: 'The name in plain and matched parts (no markup), for highlighting.' }),
  })
  .passthrough()
  .openapi('SearchHit');

const FacetCountsSchema = z.record(z.string(), z.number().int());
const FacetsSchema = z
  .object({
    pavilion: FacetCountsSchema,
    category: FacetCountsSchema,
    certifications: FacetCountsSchema,
    exportMarkets: FacetCountsSchema,
    companyRegion: FacetCountsSchema,
    companyLanguages: FacetCountsSchema,
  })
  .partial()
  .openapi('SearchFacets', { description: 'For each facet, value -> number of matching products (with facets=1).' });

const SearchResultSchema = z
  .object({
    query: z.string(),
    hits: z.array(SearchHitSchema),
    estimatedTotalHits: z.number(),
    processingTimeMs: z.number(),
    facets: FacetsSchema.optional(),
  })
  .openapi('SearchResult');

export type SearchSort = 'relevance' | 'newest' | 'moq';
export type SearchFilters = {
  pavilion?: string | undefined;
  category?: string | undefined;
  certifications?: string[] | undefined;
  exportMarkets?: string[] | undefined;
  companyRegion?: string | undefined;
  companyLanguages?: string[] | undefined;
  moqMax?: number | undefined;
};
export type SearchParams = {
  q: string;
  limit: number;
  offset: number;
  locale: string;
  /** Present only when the request filters; all given filters must hold. */
  filters?: SearchFilters | undefined;
  sort?: SearchSort | undefined;
  /** true for every facet, or the ones asked for. */
  facets?: boolean | FacetName[] | undefined;
};
export type SearchResult = z.infer<typeof SearchResultSchema>;
/** null when search is off (no engine); the reason is in /api/health. */
export type ProductSearch = ((p: SearchParams) => Promise<Omit<SearchResult, 'query'>>) | null;

const slug = z.string().max(100).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a slug (lowercase letters, digits, hyphens)');
/** A parameter that may be repeated (?certification=CE&certification=FDA): always a list. */
const repeated = <T extends z.ZodType<string>>(item: T, max: number) =>
  z.preprocess((v) => (typeof v === 'string' ? [v] : v), z.array(item).max(max, `may be given at most ${max} times`)).optional();

const SearchQuerySchema = z.object({
  q: z.string().max(200).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  offset: z.coerce.number().int().min(0).max(10_000).default(0),
  locale: z.enum(['en', 'ko', 'ja', 'zh', 'ru', 'vi']).default('en'),
  pavilion: slug.optional().openapi({ description: 'Pavilion slug.', example: 'power-equipment' }),
  category: slug.optional().openapi({ description: 'Category slug.', example: 'transformers' }),
  certification: repeated(Label(60), 10).openapi({
    description: 'A certification the product holds; repeat for several: all must be held.', example: ['CE'],
  }),
  market: repeated(z.string().regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code').transform((c) => c.toUpperCase()), 30)
    .openapi({ description: 'Export market (ISO 3166 country code); repeat for several: any may match.', example: ['US'] }),
  region: Label(60).optional().openapi({ description: "The company's region in Korea.", example: 'Gyeonggi' }),
  language: repeated(z.string().regex(/^[a-z]{2,3}$/, 'must be a language code such as en'), 10)
    .openapi({ description: 'A language the company speaks; repeat for several: any may match.', example: ['en'] }),
  moqMax: z.coerce.number().int().min(1).max(1_000_000_000).optional()
    .openapi({ description: 'Largest acceptable minimum order quantity; products without one are left out.', example: 1000 }),
  sort: z.enum(['relevance', 'newest', 'moq']).default('relevance')
    .openapi({ description: 'relevance (newest first when q is empty), newest, or smallest MOQ first.' }),
  // Each facet costs the engine a count over every match (about 1 ms per facet for a
  // thousand matches): a page asks only for those it shows.
  facets: z.string().max(120).default('0')
    .refine((v) => ['0', '1', 'true', 'false'].includes(v) || v.split(',').every((f) => (FACETS as readonly string[]).includes(f)),
      `must be 1, 0, or facet names separated by commas (${FACETS.join(', ')})`)
    .transform((v): boolean | FacetName[] =>
      v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : [...new Set(v.split(',') as FacetName[])])
    .openapi({ description: `1 to add every facet's counts (${FACETS.join(', ')}), or the names of those wanted, separated by commas.`, example: 'pavilion,certifications' }),
});

const route = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Catalogue'],
  summary: 'Search products (typo tolerant, English and Korean), with filters, facets and sort',
  request: { query: SearchQuerySchema },
  responses: {
    200: { description: 'Matching products', content: { 'application/json': { schema: SearchResultSchema } } },
    400: { description: 'Invalid query', content: { 'application/problem+json': { schema: ProblemSchema } } },
    503: { description: 'Search is off', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

type ValidQuery = z.output<typeof SearchQuerySchema>;

/** The search parameters; filters only when one is given, so a plain search stays plain. */
export function toSearchParams(query: ValidQuery): SearchParams {
  const filters: SearchFilters = {
    pavilion: query.pavilion,
    category: query.category,
    certifications: query.certification,
    exportMarkets: query.market,
    companyRegion: query.region,
    companyLanguages: query.language,
    moqMax: query.moqMax,
  };
  const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined)) as SearchFilters;
  return {
    q: query.q,
    limit: query.limit,
    offset: query.offset,
    locale: query.locale,
    ...(Object.keys(given).length > 0 ? { filters: given } : {}),
    ...(query.sort !== 'relevance' ? { sort: query.sort } : {}),
    ...(query.facets ? { facets: query.facets } : {}), // a list is never empty: the schema refuses that
  };
}

export function registerSearchRoute(app: OpenAPIHono, search: () => ProductSearch) {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const run = search();
    if (!run) throw new UnavailableError('Search is off on this server; see /api/health.');
    const result = await run(toSearchParams(query));
    c.header('Cache-Control', 'public, max-age=30');
    return c.json({ query: query.q, ...result }, 200);
  });
}
