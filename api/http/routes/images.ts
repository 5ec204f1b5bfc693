// Product image variants, served from the image store. Uploaded files never get here as they
// were sent: only re-encoded variants, under a generated key and a generated name. The
// Content-Type comes from our own format table and the headers keep browsers from sniffing or
// running anything, should a file ever hold more than pixels.
import crypto from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { problem, ProblemSchema } from '../problem.ts';
import { STORAGE_KEY_PATTERN, VARIANT_NAME_PATTERN, type ImageStore } from '../../images/store.ts';

const notFound = () => problem(404, 'Not found', 'No such image.');

const route = createRoute({
  method: 'get',
  path: '/media/{key}/{name}',
  tags: ['Media'],
  summary: 'One variant of a product image (AVIF, WebP or JPEG), cacheable for a year',
  request: {
    params: z.object({
      key: z.string().regex(STORAGE_KEY_PATTERN).openapi({ example: '3f2a9c0d41b8e7a65c0f1e2d3b4a5968' }),
      name: z.string().regex(VARIANT_NAME_PATTERN).openapi({ example: '640.avif' }),
    }),
  },
  responses: {
    200: {
      description: 'The image',
      content: Object.fromEntries(['image/avif', 'image/webp', 'image/jpeg'].map((t) => [t, { schema: z.string().openapi({ format: 'binary' }) }])),
    },
    304: { description: 'Not modified (If-None-Match)' },
    404: { description: 'No such image', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

const safeHeaders = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'",
  // Each key/name is written once and never changed, so caches may keep it for good.
  'Cache-Control': 'public, max-age=31536000, immutable',
};

/** Weak comparison as in RFC 9110 § 13.1.2: any listed tag, `W/` or not, or `*`. */
function matchesIfNoneMatch(etag: string, header: string | undefined): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return (header.match(/(?:W\/)?"[^"]*"/g) ?? []).some((tag) => tag.replace(/^W\//, '') === etag);
}

/** Mount inside the API: `app.route('/', imageRoutes(store))` serves `/api/media/<key>/<name>`. */
export function imageRoutes(store: ImageStore): OpenAPIHono {
  const app = new OpenAPIHono();
  app.notFound(() => notFound());

  app.openapi(
    route,
    async (c) => {
      const { key, name } = c.req.valid('param');
      const file = await store.get(key, name);
      if (!file) return notFound();
      const etag = `"${crypto.createHash('sha256').update(file.data).digest('base64url').slice(0, 27)}"`;
      if (matchesIfNoneMatch(etag, c.req.header('if-none-match'))) {
        return c.body(null, 304, { ETag: etag, 'Cache-Control': safeHeaders['Cache-Control'] });
      }
      return c.body(file.data, 200, { ...safeHeaders, 'Content-Type': file.contentType, ETag: etag });
    },
    // Anything but a key and a name we could have made is simply not there: 404, not 400.
    (result) => (result.success ? undefined : notFound()),
  );
  return app;
}
