// Which pages a catalogue change touches. Each build keeps the digests of what it was built
// from (api/repositories/site-changes.ts); the next one compares them with the database's
// and renders only the pages whose data moved, or everything when the change is broad.
//
// What each page shows (read from site/components/pages/*):
// - a product page: the product (texts, facts, images), its company's card (texts, region,
//   languages, founding year, the locales its page is in), its pavilion's and category's names;
// - a company page: the company and a card of each of its products;
// - a pavilion page (every page of its grid, in every locale: one product more or less, or a
//   new publication date, shifts every later page): a card of each of its products, with
//   the company's name and link, and its product and company counts;
// - the home pages (pavilion counts, programme figures), the sitemap and the search island's
//   product-pages.json list every product or count them: rendered by every rebuild, as are
//   the routes without parameters (control tower, robots.txt, 404), which cost nothing.
// Pavilion and category names appear on most pages, and the site's source on all of them:
// a change to either rebuilds everything.
import type { CatalogueDigests } from '../repositories/site-changes.ts';
import type { PageScope } from '../../site/lib/build-scope.ts';
import { defaultLocale, locales } from '../../site/i18n/locales.ts';

/** What a build was made from; kept beside the served site for the next build to compare. */
export type CatalogueState = {
  /** Hash of the site's source and public URL: any change there rebuilds everything. */
  source: string;
  structure: string;
  /** Pavilion id → slug. */
  pavilions: Record<string, string>;
  /** Product id → [slug, pavilion id, company id, digest], for products with a page. */
  products: Record<string, [string, string, string, string]>;
  /** Company id → [slug, has a page (active), digest]. */
  companies: Record<string, [string, boolean, string]>;
};

/** The state as saved: which served folder it describes. */
export type SavedCatalogueState = CatalogueState & { dir: string };

export type RebuildPlan =
  | { kind: 'full'; reason: string }
  | {
    kind: 'incremental';
    reason: string;
    /** The pages to render. */
    render: PageScope;
    /** The pages to delete from the previous build first, in every locale (renamed, withdrawn, fewer grid pages, a language dropped). */
    remove: PageScope;
  };

/**
 * Past this share of the catalogue's products touched, a full build is simpler and hardly
 * slower; up to `minProducts` touched, rendering them alone is cheaper whatever the size.
 */
export const INCREMENTAL_LIMITS = { maxShare: 0.3, minProducts: 50 };

export function catalogueState(d: CatalogueDigests, source: string): CatalogueState {
  return {
    source,
    structure: d.structure,
    pavilions: Object.fromEntries(d.pavilions.map((p) => [p.id, p.slug])),
    products: Object.fromEntries(d.products.map((p) => [p.id, [p.slug, p.pavilionId, p.companyId, p.digest]])),
    companies: Object.fromEntries(d.companies.map((c) => [c.id, [c.slug, c.active, c.digest]])),
  };
}

/** Keys whose entries differ between two records, added and removed ones included. */
function changedKeys<T>(a: Record<string, T>, b: Record<string, T>): Set<string> {
  const out = new Set<string>();
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) out.add(k);
  }
  return out;
}

export function planRebuild(previous: SavedCatalogueState | undefined, next: CatalogueState, servedDir: string | undefined, limits = INCREMENTAL_LIMITS): RebuildPlan {
  if (!previous || !servedDir) return { kind: 'full', reason: 'no previous build' };
  if (previous.dir !== servedDir) return { kind: 'full', reason: 'the served build is not the one last recorded' };
  if (previous.source !== next.source) return { kind: 'full', reason: 'the site source or address changed' };
  if (previous.structure !== next.structure) return { kind: 'full', reason: 'pavilions or categories changed' };

  const companies = changedKeys(previous.companies, next.companies);
  const products = changedKeys(previous.products, next.products);
  // A product page shows its company: a changed company touches all its products, before and after.
  if (companies.size > 0) {
    for (const state of [previous, next]) {
      for (const [id, [, , companyId]] of Object.entries(state.products)) if (companies.has(companyId)) products.add(id);
    }
  }
  const total = Math.max(1, Object.keys(next.products).length);
  if (products.size > Math.max(limits.minProducts, limits.maxShare * total)) return { kind: 'full', reason: `${products.size} of ${total} products touched` };

  const render: PageScope = { products: [], companies: [], pavilions: [] };
  const remove = { products: new Set<string>(), companies: new Set<string>(), pavilions: new Set<string>() };
  const pavilionIds = new Set<string>();
  for (const id of products) {
    for (const state of [previous, next]) {
      const p = state.products[id];
      if (!p) continue;
      remove.products.add(p[0]);
      pavilionIds.add(p[1]); // its grid, before and after a move
      companies.add(p[2]); // its company's list of products, before and after a move
    }
    const now = next.products[id];
    if (now) render.products.push(now[0]);
  }
  for (const id of companies) {
    for (const state of [previous, next]) {
      const c = state.companies[id];
      if (c) remove.companies.add(c[0]);
    }
    const now = next.companies[id];
    if (now?.[1]) render.companies.push(now[0]);
  }
  for (const id of pavilionIds) {
    const slug = next.pavilions[id] ?? previous.pavilions[id];
    if (slug) {
      render.pavilions.push(slug);
      remove.pavilions.add(slug);
    }
  }
  const sorted = (s: Set<string> | string[]) => [...s].sort();
  return {
    kind: 'incremental',
    reason: `${products.size} product(s) and ${companies.size} company(ies) touched`,
    render: { products: sorted(render.products), companies: sorted(render.companies), pavilions: sorted(render.pavilions) },
    remove: { products: sorted(remove.products), companies: sorted(remove.companies), pavilions: sorted(remove.pavilions) },
  };
}

// As the schema checks slugs: a folder name, never '..' or a path.
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The folders (relative to the site's root) of a scope's pages in every locale. */
export function pageFolders(scope: PageScope): string[] {
  for (const slug of [...scope.products, ...scope.companies, ...scope.pavilions]) {
    if (!SLUG.test(slug)) throw new Error(`Not a slug: ${JSON.stringify(slug)}`);
  }
  const prefixes = locales.map((l) => (l === defaultLocale ? '' : `${l}/`));
  const paths = [
    ...scope.products.map((s) => `products/${s}`),
    ...scope.companies.map((s) => `companies/${s}`),
    ...scope.pavilions.map((s) => `pavilions/${s}`), // the grid's later pages are under it
  ];
  return prefixes.flatMap((prefix) => paths.map((p) => `${prefix}${p}`));
}
