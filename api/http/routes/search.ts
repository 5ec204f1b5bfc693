// Product search, answered by Meilisearch through the API so the master key stays here.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { UnavailableError } from '../../errors.ts';
import { ProblemSchema } from '../problem.ts';

export const SearchHitSchema = z
  .object({
    slug: z.string(),
    name: z.string(),
    summary: z.string(),
    companyName: z.string(),
    pavilion: z.string(),
  })
  .passthrough()
  .openapi('SearchHit');

const SearchResultSchema = z
  .object({ query: z.string(), hits: z.array(SearchHitSchema), estimatedTotalHits: z.number(), processingTimeMs: z.number() })
  .openapi('SearchResult');

export type SearchParams = { q: string; limit: number; offset: number; locale: string };
export type SearchResult = z.infer<typeof SearchResultSchema>;
/** null when search is off (no engine); the reason is in /api/health. */
export type ProductSearch = ((p: SearchParams) => Promise<Omit<SearchResult, 'query'>>) | null;

const route = createRoute({
  method: 'get',
  path: '/search',
  tags: ['Catalogue'],
  summary: 'Search products (typo tolerant, English and Korean)',
  request: {
    query: z.object({
      q: z.string().max(200).default(''),
      limit: z.coerce.number().int().min(1).max(50).default(20),
      offset: z.coerce.number().int().min(0).max(10_000).default(0),
      locale: z.enum(['en', 'ko', 'ja', 'zh', 'ru', 'vi']).default('en'),
    }),
  },
  responses: {
    200: { description: 'Matching products', content: { 'application/json': { schema: SearchResultSchema } } },
    400: { description: 'Invalid query', content: { 'application/problem+json': { schema: ProblemSchema } } },
    503: { description: 'Search is off', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

export function registerSearchRoute(app: OpenAPIHono, search: () => ProductSearch) {
  app.openapi(route, async (c) => {
    const params = c.req.valid('query');
    const run = search();
    if (!run) throw new UnavailableError('Search is off on this server; see /api/health.');
    const result = await run(params);
    c.header('Cache-Control', 'public, max-age=30');
    return c.json({ query: params.q, ...result }, 200);
  });
}
