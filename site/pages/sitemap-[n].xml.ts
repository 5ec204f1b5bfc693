// The parts of a sitemap too large for one file (see sitemap.xml.ts): /sitemap-1.xml, ...
// each at most 50,000 URLs and 50 MB. None are built while one file holds everything.
import type { APIRoute, GetStaticPaths } from 'astro';
import { sitemapPlan } from '../lib/site-pages.ts';
import { urlset } from '../lib/sitemap.ts';

const baseUrl = () => new URL(import.meta.env.SITE ?? 'http://localhost:4321');

export const getStaticPaths = (async () => {
  const { ranges } = await sitemapPlan(baseUrl());
  return ranges.length === 1 ? [] : ranges.map((_, i) => ({ params: { n: String(i + 1) } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const base = site ?? baseUrl();
  const { entries, ranges } = await sitemapPlan(base);
  const range = ranges[Number(params.n) - 1];
  if (!range || ranges.length === 1) return new Response(null, { status: 404 });
  return new Response(urlset(base, entries.slice(range.start, range.end)), { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
