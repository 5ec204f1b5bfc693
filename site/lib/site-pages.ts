// Every page of the site and the locales it exists in. The catalogue is read once per build
// and shared by the page routes (one path per locale), the sitemap and the search island's
// index of localized product pages. A scoped build (build-scope.ts) reads the full data of
// the pages it renders only, but still lists every page for the sitemap.
import { allCompanies, approvedProducts, companyPageNames, productPageNames, type CompanyPage, type PageNames, type ProductPage } from './catalogue.ts';
import { pavilionPagePaths } from './pavilion-pages.ts';
import { pageLocales } from './localized.ts';
import { locales, type Locale } from '../i18n/index.ts';
import { perBuild } from './db.ts';
import { catalogueSlice } from './build-scope.ts';
import { planSitemap, sitemapEntries, type Range, type SitemapEntry } from './sitemap.ts';

/** The products whose pages this build renders (all of them unless the build is scoped). */
export function productPages(): Promise<ProductPage[]> {
  return perBuild('products', async () => {
    const all: ProductPage[] = [];
    for await (const page of approvedProducts(1000, catalogueSlice('products'))) all.push(...page);
    return all;
  });
}

/** The companies whose pages this build renders (all of them unless the build is scoped). */
export function companyPages(): Promise<CompanyPage[]> {
  return perBuild('companies', () => allCompanies(catalogueSlice('companies')));
}

/** Every product with a page and its names, whatever the build renders. */
export function productNames(): Promise<PageNames[]> {
  return perBuild('product-names', productPageNames);
}

export type SitePage = { path: string; locales: readonly Locale[] };

/** Every public page (404 aside) by its path without locale prefix, with the locales it is built in. */
export async function sitePages(): Promise<SitePage[]> {
  const pages: SitePage[] = ['/', '/search/', '/about/'].map((path) => ({ path, locales }));
  for (const path of await pavilionPagePaths()) pages.push({ path, locales });
  for (const p of await productNames()) pages.push({ path: `/products/${p.slug}/`, locales: pageLocales(p.texts) });
  for (const c of await perBuild('company-names', companyPageNames)) pages.push({ path: `/companies/${c.slug}/`, locales: pageLocales(c.texts) });
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
