import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

export type ComponentState = { ok: boolean; status: string; detail?: string | undefined };
export type HealthSources = {
  db: Kysely<Database>;
  dbKind: 'postgres' | 'pglite';
  search: () => Promise<ComponentState>;
  site: () => ComponentState & { builtAt?: string | undefined };
};

const Component = z.object({ ok: z.boolean(), status: z.string(), detail: z.string().optional() }).passthrough();
const route = createRoute({
  method: 'get',
  path: '/health',
  tags: ['Operations'],
  summary: 'Database, search and site state',
  responses: {
    200: { description: 'All parts up (search may be off by configuration)', content: { 'application/json': { schema: z.object({ status: z.string(), database: Component, search: Component, site: Component }).openapi('Health') } } },
    503: { description: 'The database is down', content: { 'application/json': { schema: z.object({ status: z.string() }).passthrough() } } },
  },
});

export function registerHealthRoute(app: OpenAPIHono, src: HealthSources) {
  app.openapi(route, async (c) => {
    const database: ComponentState = await sql`select 1`
      .execute(src.db)
      .then(() => ({ ok: true, status: src.dbKind }))
      .catch((err: Error) => ({ ok: false, status: 'down', detail: err.message }));
    const search = await src.search();
    const site = src.site();
    const status = database.ok ? (search.ok && site.ok ? 'ok' : 'degraded') : 'down';
    c.header('Cache-Control', 'no-store');
    return c.json({ status, database, search, site }, database.ok ? 200 : 503);
  });
}
