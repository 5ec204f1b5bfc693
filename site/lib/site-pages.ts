// Every page of the site and the locales it exists in. The catalogue is read once per build
// and shared by the page routes (one path per locale), the sitemap and the search island's
// index of localized product pages.
import { allCompanies, approvedProducts, type CompanyPage, type ProductPage } from './catalogue.ts';
import { pavilionPages, pavilionPath } from './pavilion-pages.ts';
import { pageLocales } from './localized.ts';
import { locales, type Locale } from '../i18n/index.ts';
import { perBuild } from './db.ts';
import { planSitemap, sitemapEntries, type Range, type SitemapEntry } from './sitemap.ts';

export function productPages(): Promise<ProductPage[]> {
  return perBuild('products', async () => {
    const all: ProductPage[] = [];
    for await (const page of approvedProducts()) all.push(...page);
    return all;
  });
}

export function companyPages(): Promise<CompanyPage[]> {
  return perBuild('companies', allCompanies);
}

export type SitePage = { path: string; locales: readonly Locale[] };

/** Every public page (404 aside) by its path without locale prefix, with the locales it is built in. */
export async function sitePages(): Promise<SitePage[]> {
  const pages: SitePage[] = ['/', '/search/', '/about/'].map((path) => ({ path, locales }));
  for (const p of await pavilionPages()) pages.push({ path: pavilionPath(p.pavilion.slug, p.page), locales });
  for (const p of await productPages()) pages.push({ path: `/products/${p.slug}/`, locales: pageLocales(p.texts) });
  for (const c of await companyPages()) pages.push({ path: `/companies/${c.slug}/`, locales: pageLocales(c.texts) });
  return pages;
}

export type SitemapPlan = { entries: SitemapEntry[]; ranges: Range[] };

/** The sitemap's URLs and how they split into files, worked out once per build for the index and its parts. */
export function sitemapPlan(base: URL): Promise<SitemapPlan> {
  return perBuild(`sitemap-plan:${base.href}`, async () => {
    const entries = [...sitemapEntries(await sitePages())];
    return { entries, ranges: planSitemap(base, entries) };
  });
}
