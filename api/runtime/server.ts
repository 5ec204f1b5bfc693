// One process serves the static site and the API (/api/...).
import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { transportSecurity } from '../http/transport-security.ts';

/** `publicUrl`: the hall's public address; an https one means it is served over TLS (HSTS). */
export function createHallApp(api: OpenAPIHono, siteDir: string, publicUrl = 'http://localhost'): Hono {
  const app = new Hono();
  // Before the API's routes, so its answers carry these too; a header a route chose itself
  // (the manage page's no-referrer) is kept.
  app.use('*', transportSecurity(publicUrl));
  app.use('*', async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (!headers.has('X-Content-Type-Options')) headers.set('X-Content-Type-Options', 'nosniff');
    if (!headers.has('Referrer-Policy')) headers.set('Referrer-Policy', 'strict-origin-when-cross-origin');
    if (!headers.has('X-Frame-Options')) headers.set('X-Frame-Options', 'DENY');
    // Pages carry their script policy in a <meta> tag, where frame-ancestors is ignored.
    if (!headers.has('Content-Security-Policy')) headers.set('Content-Security-Policy', "frame-ancestors 'none'");
  });
  app.route('/api', api);
  app.use('*', serveStatic({ root: siteDir }));
  app.notFound((c) => {
    // Under /ko/, /ja/, ... the visitor reads that language: its own 404 page.
    const locale = /^\/(ko|ja|zh|ru|vi)\//.exec(c.req.path)?.[1];
    const localized = locale && path.join(siteDir, locale, '404', 'index.html');
    if (localized && fs.existsSync(localized)) return c.html(fs.readFileSync(localized, 'utf8'), 404);
    const page = path.join(siteDir, '404.html');
    if (fs.existsSync(page)) return c.html(fs.readFileSync(page, 'utf8'), 404);
    return c.text('The site is being built. Try again in a moment.', 503, { 'Retry-After': '5' });
  });
  return app;
}

export function listen(app: Hono, port: number, hostname: string): Promise<{ close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname }, () =>
      resolve({
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
          }),
      }),
    );
    server.on('error', reject);
  });
}
