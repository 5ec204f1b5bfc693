// The whole hall in one search: products, companies and pavilions, grouped. Matched parts
// of names come as segments ({ text, match }), so no markup ever travels.
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { UnavailableError } from '../../errors.ts';
import type { HallSearch } from '../../runtime/search-runtime.ts';
import { ProblemSchema } from '../problem.ts';

const Highlighted = z.object({ text: z.string(), segments: z.array(z.object({ text: z.string(), match: z.boolean() })) });
const Group = <T extends z.ZodType>(hit: T) => z.object({ total: z.number(), hits: z.array(hit) });
const Result = z.object({
  query: z.string(),
  products: Group(z.object({ slug: z.string(), name: Highlighted, companySlug: z.string(), pavilion: z.string() })),
  companies: Group(z.object({ slug: z.string(), name: Highlighted, region: z.string(), productCount: z.number() })),
  pavilions: Group(z.object({ slug: z.string(), name: Highlighted, productCount: z.number() })),
  processingTimeMs: z.number(),
}).openapi('HallSearchResult');

const route = createRoute({
  method: 'get', path: '/search/all', tags: ['Catalogue'],
  summary: 'Search products, companies and pavilions together (grouped, names highlighted as segments)',
  request: {
    query: z.object({
      q: z.string().trim().min(1, 'Type something to search for').max(200),
      locale: z.enum(['en', 'ko', 'ja', 'zh', 'ru', 'vi']).default('en'),
    }),
  },
  responses: {
    200: { description: 'Grouped matches', content: { 'application/json': { schema: Result } } },
    400: { description: 'Invalid query', content: { 'application/problem+json': { schema: ProblemSchema } } },
    503: { description: 'Search is off', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

export function registerHallSearchRoute(app: OpenAPIHono, hall: () => HallSearch) {
  app.openapi(route, async (c) => {
    const { q, locale } = c.req.valid('query');
    const run = hall();
    if (!run) throw new UnavailableError('Search is off on this server; see /api/health.');
    const result = await run({ q, locale }).catch((err: Error) => {
      throw new UnavailableError(`Search is unavailable: ${err.message}`);
    });
    c.header('Cache-Control', 'public, max-age=30');
    return c.json({ query: q, ...result }, 200);
  });
}
