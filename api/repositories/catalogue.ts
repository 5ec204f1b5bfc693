// Catalogue reads the API needs (the site has its own build-time reads in site/lib).
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export type Db = Kysely<Database>;

export type BookableCompany = {
  id: string;
  slug: string;
  name: string;
  languages: string[];
  timeZone: string;
  productId: string | null;
};

async function companyName(db: Db, companyId: string): Promise<string> {
  const rows = await db
    .selectFrom('company_texts')
    .select(['locale', 'name'])
    .where('company_id', '=', companyId)
    .execute();
  return (rows.find((r) => r.locale === 'en') ?? rows[0])?.name ?? '';
}

/** The company behind an approved product, for booking. */
export async function findBookableByProductSlug(db: Db, slug: string): Promise<BookableCompany | undefined> {
  const row = await db
    .selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .select(['p.id as productId', 'c.id', 'c.slug', 'c.languages', 'c.time_zone'])
    .where('p.slug', '=', slug)
    .where('p.status', '=', 'approved')
    .where('c.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    slug: row.slug,
    name: await companyName(db, row.id),
    languages: row.languages,
    timeZone: row.time_zone,
    productId: row.productId,
  };
}

export async function findBookableByCompanySlug(db: Db, slug: string): Promise<BookableCompany | undefined> {
  const row = await db
    .selectFrom('companies')
    .select(['id', 'slug', 'languages', 'time_zone'])
    .where('slug', '=', slug)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    slug: row.slug,
    name: await companyName(db, row.id),
    languages: row.languages,
    timeZone: row.time_zone,
    productId: null,
  };
}

export async function findBookableByCompanyId(db: Db, id: string): Promise<BookableCompany | undefined> {
  const row = await db.selectFrom('companies').select('slug').where('id', '=', id).executeTakeFirst();
  return row ? findBookableByCompanySlug(db, row.slug) : undefined;
}
