// HTTP Strict Transport Security: a browser that reached the hall over TLS keeps to https for
// a year. The hall knows it is served over TLS when its public address (PUBLIC_URL) is https,
// which is how it is published behind a proxy or CDN that ends TLS, or when a request itself
// came in over https. A hall on plain http (a laptop, localhost) never sends the header, so
// trying the hall cannot pin a browser to https. Not includeSubDomains or preload: the hall's
// operator decides that for their own domain.
import type { MiddlewareHandler } from 'hono';

export const HSTS = 'max-age=31536000';

export function servedOverTls(publicUrl: string, requestUrl: string): boolean {
  return new URL(publicUrl).protocol === 'https:' || new URL(requestUrl).protocol === 'https:';
}

/** Adds Strict-Transport-Security to every answer served over TLS. */
export function transportSecurity(publicUrl: string): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (servedOverTls(publicUrl, c.req.url)) c.res.headers.set('Strict-Transport-Security', HSTS);
  };
}
