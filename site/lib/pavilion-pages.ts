// The static pages of every pavilion's product grid, and the pavilion list the home and
// search pages show. Each is read once per build, whatever the number of locales.
import { listPavilions, productCardsForPavilion, type PavilionCard, type ProductCard } from './catalogue.ts';
import { perBuild } from './db.ts';
import { rendersPavilion } from './build-scope.ts';

export const PRODUCTS_PER_PAGE = 48;

export type PavilionPageProps = { pavilion: PavilionCard; products: ProductCard[]; page: number; pages: number };

export function pavilions(): Promise<PavilionCard[]> {
  return perBuild('pavilions', listPavilions);
}

/** How many grid pages a pavilion of `products` products has (one even when empty). */
export function pageCount(products: number): number {
  return Math.max(1, Math.ceil(products / PRODUCTS_PER_PAGE));
}

// Both page routes ask for the same list during one build: read it once. A scoped build
// (build-scope.ts) reads the grids of its pavilions only.
export function pavilionPages(): Promise<PavilionPageProps[]> {
  return perBuild('pavilion-pages', readPavilionPages);
}

/** /pavilions/<slug>/ for page 1, /pavilions/<slug>/page/<n>/ after it (no locale prefix). */
export function pavilionPath(slug: string, page = 1): string {
  return page === 1 ? `/pavilions/${slug}/` : `/pavilions/${slug}/page/${page}/`;
}

/** Every pavilion page's path (no locale prefix), from the counts alone: for the sitemap. */
export async function pavilionPagePaths(): Promise<string[]> {
  return (await pavilions()).flatMap((p) => Array.from({ length: pageCount(p.productCount) }, (_, i) => pavilionPath(p.slug, i + 1)));
}

async function readPavilionPages(): Promise<PavilionPageProps[]> {
  const out: PavilionPageProps[] = [];
  for (const pavilion of await pavilions()) {
    if (!rendersPavilion(pavilion.slug)) continue;
    const products = await productCardsForPavilion(pavilion.id);
    const pages = pageCount(products.length);
    for (let page = 1; page <= pages; page++) {
      out.push({ pavilion, products: products.slice((page - 1) * PRODUCTS_PER_PAGE, page * PRODUCTS_PER_PAGE), page, pages });
    }
  }
  return out;
}
