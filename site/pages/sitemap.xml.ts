// Every public page of the hall, for search engines.
import type { APIRoute } from 'astro';
import { allCompanies, approvedProducts } from '../lib/catalogue.ts';
import { pavilionPages } from '../lib/pavilion-pages.ts';

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const GET: APIRoute = async ({ site }) => {
  const base = site ?? new URL('http://localhost:4321');
  const paths = ['/', '/search/'];
  for (const p of await pavilionPages()) paths.push(p.page === 1 ? `/pavilions/${p.pavilion.slug}/` : `/pavilions/${p.pavilion.slug}/page/${p.page}/`);
  for await (const page of approvedProducts()) for (const p of page) paths.push(`/products/${p.slug}/`);
  for (const c of await allCompanies()) paths.push(`/companies/${c.slug}/`);
  const body = paths.map((p) => `  <url><loc>${xmlEscape(new URL(p, base).href)}</loc></url>`).join('\n');
  return new Response(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${body}\n</urlset>\n`, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8' },
  });
};
