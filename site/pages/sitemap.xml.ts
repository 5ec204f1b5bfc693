// Every public page of the hall in every language it exists in, for search engines: each
// <url> names its alternates (xhtml:link hreflang, x-default English), as the pages do.
// Within the protocol's limits (50,000 URLs, 50 MB) this is the sitemap itself; past them it
// is a sitemap index of /sitemap-1.xml, /sitemap-2.xml, ... (sitemap-[n].xml.ts), and
// robots.txt names this file either way.
import type { APIRoute } from 'astro';
import { sitemapPlan } from '../lib/site-pages.ts';
import { sitemapIndex, urlset } from '../lib/sitemap.ts';

export const GET: APIRoute = async ({ site }) => {
  const base = site ?? new URL('http://localhost:4321');
  const { entries, ranges } = await sitemapPlan(base);
  const body = ranges.length === 1 ? urlset(base, entries) : sitemapIndex(base, ranges.length);
  return new Response(body, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
