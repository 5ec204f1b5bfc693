// The static pages of every pavilion's product grid.
import { listPavilions, productCardsForPavilion, type PavilionCard, type ProductCard } from './catalogue.ts';

export const PRODUCTS_PER_PAGE = 48;

export type PavilionPageProps = { pavilion: PavilionCard; products: ProductCard[]; page: number; pages: number };

// Both page routes ask for the same list during one build: read it once.
let pending: Promise<PavilionPageProps[]> | undefined;
export function pavilionPages(): Promise<PavilionPageProps[]> {
  pending ??= readPavilionPages();
  return pending;
}

async function readPavilionPages(): Promise<PavilionPageProps[]> {
  const out: PavilionPageProps[] = [];
  for (const pavilion of await listPavilions()) {
    const products = await productCardsForPavilion(pavilion.id);
    const pages = Math.max(1, Math.ceil(products.length / PRODUCTS_PER_PAGE));
    for (let page = 1; page <= pages; page++) {
      out.push({ pavilion, products: products.slice((page - 1) * PRODUCTS_PER_PAGE, page * PRODUCTS_PER_PAGE), page, pages });
    }
  }
  return out;
}
