// Catalogue reads the API needs (the site has its own build-time reads in site/lib).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { prepared } from '../db/prepared.ts';
import { listedCompany } from './listed-companies.ts';

export type Db = Kysely<Database>;

export type BookableCompany = {
  id: string;
  slug: string;
  name: string;
  languages: string[];
  timeZone: string;
  productId: string | null;
  /** New requests hold their slot until the company accepts them. */
  requiresConfirmation: boolean;
};

/** An active company with its display name (English, else any), in one query. */
function bookableCompanies(db: Db) {
  return db
    .selectFrom('companies as c')
    .select((eb) => [
      'c.id', 'c.slug', 'c.languages', 'c.time_zone as timeZone', 'c.requires_confirmation as requiresConfirmation',
      eb.selectFrom('company_texts as t').select('t.name').whereRef('t.company_id', '=', 'c.id')
        .orderBy((o) => o.case().when('t.locale', '=', 'en').then(0).else(1).end()).limit(1).as('name'),
    ])
    .where('c.status', '=', 'active');
}

type Row = { id: string; slug: string; languages: string[]; timeZone: string; name: string | null; requiresConfirmation: boolean };
const bookable = (row: Row | undefined, productId: string | null): BookableCompany | undefined =>
  row && { id: row.id, slug: row.slug, name: row.name ?? '', languages: row.languages, timeZone: row.timeZone, productId, requiresConfirmation: row.requiresConfirmation };

/** The company behind an approved product, for booking. */
export async function findBookableByProductSlug(db: Db, slug: string): Promise<BookableCompany | undefined> {
  const row = await bookableCompanies(db)
    .innerJoin('products as p', 'p.company_id', 'c.id')
    .select('p.id as productId')
    .where('p.slug', '=', slug)
    .where('p.status', '=', 'approved')
    .modifyFront(prepared('bookable-by-product'))
    .executeTakeFirst();
  return bookable(row, row?.productId ?? null);
}

/** A listed company, for requests addressed to the company itself (listed-companies.ts). */
export async function findBookableByCompanySlug(db: Db, slug: string): Promise<BookableCompany | undefined> {
  return bookable(await bookableCompanies(db).where('c.slug', '=', slug).where(listedCompany('c')).modifyFront(prepared('bookable-by-company')).executeTakeFirst(), null);
}

export async function findBookableByCompanyId(db: Db, id: string): Promise<BookableCompany | undefined> {
  return bookable(await bookableCompanies(db).where('c.id', '=', id).executeTakeFirst(), null);
}
