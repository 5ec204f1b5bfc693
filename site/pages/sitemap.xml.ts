// Every public page of the hall in every language it exists in, for search engines: each
// <url> names its alternates (xhtml:link hreflang, x-default English), as the pages do.
import type { APIRoute } from 'astro';
import { sitePages } from '../lib/site-pages.ts';
import { defaultLocale, langTag, localePath } from '../i18n/index.ts';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export const GET: APIRoute = async ({ site }) => {
  const base = site ?? new URL('http://localhost:4321');
  const href = (path: string) => xmlEscape(new URL(path, base).href);
  const urls: string[] = [];
  for (const page of await sitePages()) {
    const alternates = page.locales.map((l) => `    <xhtml:link rel="alternate" hreflang="${langTag(l)}" href="${href(localePath(l, page.path))}"/>`);
    if (page.locales.includes(defaultLocale)) alternates.push(`    <xhtml:link rel="alternate" hreflang="x-default" href="${href(localePath(defaultLocale, page.path))}"/>`);
    for (const l of page.locales) urls.push(`  <url>\n    <loc>${href(localePath(l, page.path))}</loc>\n${alternates.join('\n')}\n  </url>`);
  }
  return new Response(
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n${urls.join('\n')}\n</urlset>\n`,
    { headers: { 'Content-Type': 'application/xml; charset=utf-8' } },
  );
};
