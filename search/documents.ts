// Approved products as search documents. Only public catalogue data goes in: no user,
// buyer or contact fields are read, and e-mail addresses and phone numbers typed into
// texts are dropped so the index cannot be used to harvest them.
import { sql, type Kysely } from 'kysely';
import type { Database, LocalizedText } from '../api/db/schema.ts';
import { LOCALE_CODES, type Locale } from './settings.ts';

type LocalizedField = 'name' | 'summary' | 'description' | 'companyName' | 'pavilionName' | 'categoryName';

/**
 * The texts a hit shows. A hit needs them in the reader's locale, else English, else the
 * first locale the product has: that last one is copied to `<field>_fallback` (only when
 * there is no English), so a search retrieves three fields per text instead of all six
 * locales. Half the answer's size, and less work for the engine and the API per query.
 */
export const DISPLAY_FIELDS = ['name', 'summary', 'companyName', 'pavilionName'] as const;
export type DisplayField = (typeof DISPLAY_FIELDS)[number];

/**
 * Raised when the documents change shape (not only their data): the hall's start then
 * rebuilds the index, as it does for changed settings. 2: `<field>_fallback`.
 */
export const PRODUCT_DOCUMENT_VERSION = 2;

export type ProductDocument = Partial<Record<`${LocalizedField}_${Locale}` | `${DisplayField}_fallback`, string>> & {
  id: string; // `p-<products.id>`
  slug: string;
  keywords: string[];
  pavilion: string;
  category: string | null;
  companySlug: string;
  companyRegion: string;
  companyLanguages: string[];
  certifications: string[];
  exportMarkets: string[];
  moq: number | null;
  moqUnit: string | null;
  publishedAt: number | null; // unix seconds
};

export type ProductPage = {
  documents: ProductDocument[];
  /** products.id of the last row, to pass as afterId for the next page; null when empty. */
  lastId: string | null;
};

const DESCRIPTION_MAX = 1_000;

export const productDocumentId = (productId: string) => `p-${productId}`;

/** One page of approved products of active companies, in products.id order. */
export async function productDocuments(
  db: Kysely<Database>,
  { afterId, limit }: { afterId?: string | null | undefined; limit: number },
): Promise<ProductPage> {
  const rows = await approvedProducts(db, { afterId: afterId ?? null, limit });
  if (rows.length === 0) return { documents: [], lastId: null };
  return { documents: await toDocuments(db, rows), lastId: rows.at(-1)!.id };
}

/**
 * The documents of those of `productIds` (products.id) that belong in the index now, in
 * products.id order; ids of products that are not approved, or whose company is not
 * active, are left out.
 */
export async function productDocumentsByIds(db: Kysely<Database>, productIds: readonly string[]): Promise<ProductDocument[]> {
  if (productIds.length === 0) return [];
  const rows = await approvedProducts(db, { ids: productIds, limit: productIds.length });
  return rows.length === 0 ? [] : toDocuments(db, rows);
}

/** products.id of every product that belongs in the index, ascending. */
export async function indexableProductIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
    .where('p.status', '=', 'approved')
    .where('c.status', '=', 'active')
    .where('pv.retired_at', 'is', null) // a retired pavilion's products stay in the database, off the hall
    .select('p.id')
    .orderBy('p.id')
    .execute();
  return rows.map((r) => r.id);
}

/** How many products belong in the index (for progress and checks). */
export async function countIndexableProducts(db: Kysely<Database>): Promise<number> {
  const row = await db
    .selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
    .where('p.status', '=', 'approved')
    .where('c.status', '=', 'active')
    .where('pv.retired_at', 'is', null) // a retired pavilion's products stay in the database, off the hall
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const READ_TABLES = ['products', 'product_texts', 'companies', 'company_texts', 'pavilions', 'categories'] as const;

/**
 * Gathers planner statistics for the tables a reindex reads when they have never had any
 * (reltuples < 0). PGlite runs no autovacuum, so after a bulk load (the seed) the planner
 * guesses a handful of rows and joins 100,000 products to the companies by a nested loop:
 * each 5,000-product page then took over a second instead of 0.1 s. A server's autovacuum
 * normally does this; where the role may not ANALYZE, PostgreSQL skips with a warning.
 */
export async function ensurePlannerStatistics(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ relname: string }>`
    SELECT relname FROM pg_class
    WHERE relkind = 'r' AND reltuples < 0 AND relname IN (${sql.join(READ_TABLES.map((t) => sql.lit(t)))})
      AND relnamespace = to_regnamespace(current_schema())`.execute(db);
  if (rows.length === 0) return false;
  await sql`ANALYZE ${sql.join(rows.map((r) => sql.table(r.relname)))}`.execute(db);
  return true;
}

async function toDocuments(db: Kysely<Database>, rows: ProductRow[]): Promise<ProductDocument[]> {
  const texts = await productTexts(db, rows.map((r) => r.id));
  const companies = await companyNames(db, [...new Set(rows.map((r) => r.company_id))]);
  return rows.map((row) => toDocument(row, texts.get(row.id) ?? [], companies.get(row.company_id) ?? {}));
}

// ---------------------------------------------------------------- SQL

type ProductRow = Awaited<ReturnType<typeof approvedProducts>>[number];
type TextRow = { locale: string; name: string; summary: string; description: string; keywords: string[] };

function approvedProducts(
  db: Kysely<Database>,
  { afterId = null, ids, limit }: { afterId?: string | null; ids?: readonly string[]; limit: number },
) {
  return db
    .selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
    .leftJoin('categories as cat', 'cat.id', 'p.category_id')
    .where('p.status', '=', 'approved')
    .where('c.status', '=', 'active') // a suspended company's products are not shown
    .where('pv.retired_at', 'is', null) // nor those of a retired pavilion
    .$if(afterId !== null, (qb) => qb.where('p.id', '>', afterId!))
    .$if(ids !== undefined, (qb) => qb.where('p.id', 'in', [...ids!]))
    .select([
      'p.id', 'p.slug', 'p.company_id', 'p.moq', 'p.moq_unit', 'p.certifications',
      'p.export_markets', 'p.published_at',
      'c.slug as company_slug', 'c.region as company_region', 'c.languages as company_languages',
      'pv.slug as pavilion_slug', 'pv.names as pavilion_names',
      'cat.slug as category_slug', 'cat.names as category_names',
    ])
    .orderBy('p.id')
    .limit(limit)
    .execute();
}

async function productTexts(db: Kysely<Database>, productIds: string[]): Promise<Map<string, TextRow[]>> {
  const rows = await db
    .selectFrom('product_texts')
    .select(['product_id', 'locale', 'name', 'summary', 'description', 'keywords'])
    .where('product_id', 'in', productIds)
    .execute();
  return groupBy(rows, (r) => r.product_id);
}

/** companies.id -> { locale: name } */
async function companyNames(db: Kysely<Database>, companyIds: string[]): Promise<Map<string, LocalizedText>> {
  const rows = await db
    .selectFrom('company_texts')
    .select(['company_id', 'locale', 'name'])
    .where('company_id', 'in', companyIds)
    .execute();
  const names = new Map<string, LocalizedText>();
  for (const r of rows) names.set(r.company_id, { ...names.get(r.company_id), [r.locale]: r.name });
  return names;
}

// ---------------------------------------------------------------- mapping

function toDocument(row: ProductRow, texts: TextRow[], companyName: LocalizedText): ProductDocument {
  const doc: ProductDocument = {
    id: productDocumentId(row.id),
    slug: row.slug,
    keywords: uniqueCaseless(texts.flatMap((t) => t.keywords.map(clean)).filter(Boolean)),
    pavilion: row.pavilion_slug,
    category: row.category_slug,
    companySlug: row.company_slug,
    companyRegion: row.company_region,
    companyLanguages: row.company_languages,
    certifications: row.certifications,
    exportMarkets: row.export_markets,
    moq: row.moq,
    moqUnit: row.moq_unit,
    publishedAt: row.published_at ? Math.floor(new Date(row.published_at).getTime() / 1000) : null,
  };
  for (const t of texts) {
    if (!isLocale(t.locale)) continue;
    setText(doc, `name_${t.locale}`, clean(t.name));
    setText(doc, `summary_${t.locale}`, clean(t.summary));
    setText(doc, `description_${t.locale}`, truncate(clean(t.description), DESCRIPTION_MAX));
  }
  for (const l of LOCALE_CODES) {
    setText(doc, `companyName_${l}`, clean(companyName[l] ?? ''));
    setText(doc, `pavilionName_${l}`, clean(row.pavilion_names[l] ?? ''));
    setText(doc, `categoryName_${l}`, clean(row.category_names?.[l] ?? ''));
  }
  for (const f of DISPLAY_FIELDS) {
    if (doc[`${f}_en`]) continue;
    const first = LOCALE_CODES.map((l) => doc[`${f}_${l}`]).find(Boolean);
    if (first) doc[`${f}_fallback`] = first;
  }
  return doc;
}

function setText(doc: ProductDocument, field: `${LocalizedField}_${Locale}`, value: string): void {
  if (value) doc[field] = value; // absent rather than empty: fallbacks test for presence
}

const isLocale = (l: string): l is Locale => (LOCALE_CODES as string[]).includes(l);

const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+\.[a-z]{2,}/gi;
// Only unmistakable phone formats (international "+82 ...", Korean "010-1234-5678"):
// specifications are full of other digit runs.
const PHONE = /\+\d{1,3}(?:[ .-]?\(?\d{1,4}\)?){2,5}|\b0\d{1,2}-\d{3,4}-\d{4}\b/g;

const DOUBLE_SPACE = /[ \t]{2,}/g;

/**
 * Drops e-mail addresses and phone numbers, and the double spaces they leave. Each pattern
 * runs only where its mark is (an @, a digit): EMAIL tries every start of a run without
 * spaces, which in Chinese or Japanese text is the whole description, so running it on every
 * text was half of a reindex's reading time.
 */
export function clean(text: string): string {
  let out = text;
  if (out.includes('@')) out = out.replace(EMAIL, ' ');
  if (/\d/.test(out)) out = out.replace(PHONE, ' ');
  return out.replace(DOUBLE_SPACE, ' ').trim();
}

/** Cuts at a word boundary near `max` characters, never inside a surrogate pair. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.search(/\s\S*$/);
  return `${space > max * 0.8 ? cut.slice(0, space) : cut}…`;
}

function uniqueCaseless(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => !seen.has(v.toLowerCase()) && seen.add(v.toLowerCase()));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const list = map.get(key(item));
    if (list) list.push(item);
    else map.set(key(item), [item]);
  }
  return map;
}
