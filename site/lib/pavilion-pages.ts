// The static pages of every pavilion's product grid, and the pavilion list the home and
// search pages show. Each is read once per build, whatever the number of locales.
import { listPavilions, productCardsForPavilion, type PavilionCard, type ProductCard } from './catalogue.ts';
import { perBuild } from './db.ts';

export const PRODUCTS_PER_PAGE = 48;

export type PavilionPageProps = { pavilion: PavilionCard; products: ProductCard[]; page: number; pages: number };

export function pavilions(): Promise<PavilionCard[]> {
  return perBuild('pavilions', listPavilions);
}

// Both page routes (and the sitemap) ask for the same list during one build: read it once.
export function pavilionPages(): Promise<PavilionPageProps[]> {
  return perBuild('pavilion-pages', readPavilionPages);
}

/** /pavilions/<slug>/ for page 1, /pavilions/<slug>/page/<n>/ after it (no locale prefix). */
export function pavilionPath(slug: string, page = 1): string {
  return page === 1 ? `/pavilions/${slug}/` : `/pavilions/${slug}/page/${page}/`;
}

async function readPavilionPages(): Promise<PavilionPageProps[]> {
  const out: PavilionPageProps[] = [];
  for (const pavilion of await pavilions()) {
    const products = await productCardsForPavilion(pavilion.id);
    const pages = Math.max(1, Math.ceil(products.length / PRODUCTS_PER_PAGE));
    for (let page = 1; page <= pages; page++) {
      out.push({ pavilion, products: products.slice((page - 1) * PRODUCTS_PER_PAGE, page * PRODUCTS_PER_PAGE), page, pages });
    }
  }
  return out;
}
