// Build-time reads for the static pages. SQL stays here, in small functions.
import { sql, type RawBuilder } from 'kysely';
import { buildDatabase } from './db.ts';
import type { CatalogueSlice } from './build-scope.ts';
import { listedCompany } from '../../api/repositories/listed-companies.ts';
import type { LocalizedText, PriceTerms, Specification, StoredLogo } from '../../api/db/schema.ts';

export type Texts = Record<string, { name: string; summary?: string; description?: string }>;

export type PavilionCard = {
  id: string;
  slug: string;
  names: LocalizedText;
  stories: LocalizedText;
  productCount: number;
  companyCount: number;
};

export async function listPavilions(): Promise<PavilionCard[]> {
  const db = await buildDatabase();
  const rows = await db
    .selectFrom('pavilions as pv')
    .select((eb) => [
      'pv.id', 'pv.slug', 'pv.names', 'pv.stories',
      eb.selectFrom('products as p').innerJoin('companies as c', 'c.id', 'p.company_id').select(eb.fn.countAll<string>().as('n'))
        .whereRef('p.pavilion_id', '=', 'pv.id').where('p.status', '=', 'approved').where('c.status', '=', 'active').as('productCount'),
      eb.selectFrom('products as p').innerJoin('companies as c', 'c.id', 'p.company_id').select(sql<string>`count(distinct p.company_id)`.as('n'))
        .whereRef('p.pavilion_id', '=', 'pv.id').where('p.status', '=', 'approved').where('c.status', '=', 'active').as('companyCount'),
    ])
    .where('pv.retired_at', 'is', null)
    .orderBy('pv.sort_order')
    .orderBy('pv.id')
    .execute();
  return rows.map((r) => ({ ...r, productCount: Number(r.productCount ?? 0), companyCount: Number(r.companyCount ?? 0) }));
}

export type ProductCard = {
  slug: string;
  texts: Texts;
  companySlug: string;
  companyTexts: Texts;
  moq: number | null;
  moqUnit: string | null;
  certifications: string[];
};

export type ProductPage = ProductCard & {
  id: string;
  pavilion: { slug: string; names: LocalizedText };
  category: { slug: string; names: LocalizedText } | null;
  leadTimeDays: number | null;
  priceTerms: PriceTerms | null;
  hsCode: string | null;
  exportMarkets: string[];
  specifications: Specification[];
  company: { slug: string; texts: Texts; region: string; languages: string[]; foundedYear: number | null };
};

type TextRow = { owner: string; locale: string; name: string; summary?: string; description?: string };
function groupTexts(rows: TextRow[]): Map<string, Texts> {
  const map = new Map<string, Texts>();
  for (const r of rows) {
    const texts = map.get(r.owner) ?? {};
    texts[r.locale] = { name: r.name, summary: r.summary, description: r.description };
    map.set(r.owner, texts);
  }
  return map;
}

async function companyTexts(ids: string[]): Promise<Map<string, Texts>> {
  if (ids.length === 0) return new Map();
  const db = await buildDatabase();
  const rows = await db.selectFrom('company_texts')
    .select(['company_id as owner', 'locale', 'name', 'description'])
    .where('company_id', 'in', ids).execute();
  return groupTexts(rows);
}

async function productTexts(ids: string[]): Promise<Map<string, Texts>> {
  if (ids.length === 0) return new Map();
  const db = await buildDatabase();
  const rows = await db.selectFrom('product_texts')
    .select(['product_id as owner', 'locale', 'name', 'summary', 'description'])
    .where('product_id', 'in', ids).execute();
  return groupTexts(rows);
}

type CardRow = { id: string; slug: string; moq: number | null; moq_unit: string | null; certifications: string[]; company_id: string; companySlug: string };

/** A product card from its row and the texts read for its page of rows. */
function toCard(r: CardRow, pTexts: Map<string, Texts>, cTexts: Map<string, Texts>): ProductCard {
  return {
    slug: r.slug,
    texts: pTexts.get(r.id) ?? {},
    companySlug: r.companySlug,
    companyTexts: cTexts.get(r.company_id) ?? {},
    moq: r.moq,
    moqUnit: r.moq_unit,
    certifications: r.certifications,
  };
}

/**
 * A row in a slice of the catalogue: its slug among the given ones (one array parameter,
 * whatever their number: a list of them could pass PostgreSQL's 65,535), or its id in the
 * shard (ids spread evenly over the shards).
 */
function inSlice(slug: RawBuilder<unknown>, id: RawBuilder<unknown>, slice: CatalogueSlice) {
  return 'slugs' in slice
    ? sql<boolean>`${slug} = any(${slice.slugs}::text[])`
    : sql<boolean>`mod(${id}, ${slice.shards}::bigint) = ${slice.shard}::bigint`;
}

/** Every approved product of an active company with what its page shows, read page by page; only a slice of them when given. */
export async function* approvedProducts(pageSize = 1000, slice?: CatalogueSlice): AsyncGenerator<ProductPage[]> {
  const db = await buildDatabase();
  let after = '0';
  for (;;) {
    const rows = await db
      .selectFrom('products as p')
      .innerJoin('companies as c', 'c.id', 'p.company_id')
      .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
      .leftJoin('categories as cat', 'cat.id', 'p.category_id')
      .select([
        'p.id', 'p.slug', 'p.moq', 'p.moq_unit', 'p.lead_time_days', 'p.price_terms', 'p.hs_code',
        'p.certifications', 'p.export_markets', 'p.specifications', 'p.company_id',
        'c.slug as companySlug', 'c.region', 'c.languages', 'c.founded_year',
        'pv.slug as pavilionSlug', 'pv.names as pavilionNames', 'cat.slug as categorySlug', 'cat.names as categoryNames',
      ])
      .where('p.status', '=', 'approved')
      .where('c.status', '=', 'active') // a suspended company's products have no pages
      .where('pv.retired_at', 'is', null) // a retired pavilion's products stay in the database, off the site
      .where(sql<boolean>`p.id > ${after}::bigint`)
      .$if(slice !== undefined, (q) => q.where(inSlice(sql.ref('p.slug'), sql.ref('p.id'), slice!)))
      .orderBy('p.id')
      .limit(pageSize)
      .execute();
    if (rows.length === 0) return;
    after = rows.at(-1)!.id;
    const [pTexts, cTexts] = await Promise.all([
      productTexts(rows.map((r) => r.id)),
      companyTexts([...new Set(rows.map((r) => r.company_id))]),
    ]);
    yield rows.map((r) => ({
      ...toCard(r, pTexts, cTexts),
      id: r.id,
      pavilion: { slug: r.pavilionSlug, names: r.pavilionNames },
      category: r.categorySlug ? { slug: r.categorySlug, names: r.categoryNames ?? {} } : null,
      leadTimeDays: r.lead_time_days,
      priceTerms: r.price_terms,
      hsCode: r.hs_code,
      exportMarkets: r.export_markets,
      specifications: r.specifications,
      company: { slug: r.companySlug, texts: cTexts.get(r.company_id) ?? {}, region: r.region, languages: r.languages, foundedYear: r.founded_year },
    }));
  }
}

/** A page's slug and its names by locale: enough to tell the locales it has a page in. */
export type PageNames = { slug: string; texts: Texts };

function namesBySlug(rows: { id: string; slug: string; locale: string | null; name: string | null }[]): PageNames[] {
  const out: PageNames[] = [];
  let last: { id: string; page: PageNames } | undefined;
  for (const r of rows) {
    if (last?.id !== r.id) out.push((last = { id: r.id, page: { slug: r.slug, texts: {} } }).page);
    if (r.locale && r.name) last.page.texts[r.locale] = { name: r.name };
  }
  return out;
}

/**
 * Every product with a page (as approvedProducts reads them, in the same order) with its
 * names only: the sitemap and the search island's index need no more, and reading just this
 * lets a scoped build list every page without reading the whole catalogue.
 */
export async function productPageNames(): Promise<PageNames[]> {
  const db = await buildDatabase();
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
    .leftJoin('product_texts as t', 't.product_id', 'p.id')
    .select(['p.id', 'p.slug', 't.locale', 't.name'])
    .where('p.status', '=', 'approved')
    .where('c.status', '=', 'active')
    .where('pv.retired_at', 'is', null)
    .orderBy('p.id')
    .execute();
  return namesBySlug(rows);
}

/** Every company with a page (as allCompanies reads them, in the same order) with its names only. */
export async function companyPageNames(): Promise<PageNames[]> {
  const db = await buildDatabase();
  const rows = await db
    .selectFrom('companies as c')
    .leftJoin('company_texts as t', 't.company_id', 'c.id')
    .select(['c.id', 'c.slug', 't.locale', 't.name'])
    .where(listedCompany('c'))
    .orderBy('c.id')
    .execute();
  return namesBySlug(rows);
}

export async function productCardsForPavilion(pavilionId: string): Promise<ProductCard[]> {
  const db = await buildDatabase();
  const rows = await db
    .selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .select(['p.id', 'p.slug', 'p.moq', 'p.moq_unit', 'p.certifications', 'p.company_id', 'c.slug as companySlug'])
    .where('p.pavilion_id', '=', pavilionId)
    .where('p.status', '=', 'approved')
    .where('c.status', '=', 'active')
    .orderBy('p.published_at', 'desc')
    .orderBy('p.id')
    .execute();
  const [pTexts, cTexts] = await Promise.all([
    productTexts(rows.map((r) => r.id)),
    companyTexts([...new Set(rows.map((r) => r.company_id))]),
  ]);
  return rows.map((r) => toCard(r, pTexts, cTexts));
}

export type CompanyPage = {
  id: string;
  slug: string;
  texts: Texts;
  region: string;
  foundedYear: number | null;
  employees: number | null;
  languages: string[];
  exportMarkets: string[];
  certifications: string[];
  website: string | null;
  /** The logo's JPEG variant (made at upload time), for link previews; null without a logo. */
  logo: { url: string; width: number; height: number } | null;
  products: ProductCard[];
};

/** The JPEG among a stored logo's variants, as a /api/media URL. */
export function logoJpeg(key: string | null, logo: StoredLogo | null): CompanyPage['logo'] {
  const jpeg = key && logo ? logo.variants.filter((v) => v.format === 'jpeg').sort((a, b) => b.width - a.width)[0] : undefined;
  return jpeg ? { url: `/api/media/${key}/${jpeg.name}`, width: jpeg.width, height: jpeg.height } : null;
}

/** Every listed company (active, with a published product) and its products; only a slice of them when given. */
export async function allCompanies(slice?: CatalogueSlice): Promise<CompanyPage[]> {
  const db = await buildDatabase();
  const companies = await db
    .selectFrom('companies')
    .select(['id', 'slug', 'region', 'founded_year', 'employees', 'languages', 'export_markets', 'certifications', 'website', 'logo_key', 'logo'])
    .where(listedCompany('companies'))
    .$if(slice !== undefined, (q) => q.where(inSlice(sql.ref('slug'), sql.ref('id'), slice!)))
    .orderBy('id')
    .execute();
  const ids = companies.map((c) => c.id);
  const products = await db
    .selectFrom('products as p')
    .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .select(['p.id', 'p.slug', 'p.company_id', 'p.moq', 'p.moq_unit', 'p.certifications'])
    .where('p.status', '=', 'approved')
    .where('c.status', '=', 'active') // only active companies have pages; no need to read the others' products
    .where('pv.retired_at', 'is', null) // their pages are not built: no links to them
    .$if(slice !== undefined, (q) => q.where(sql<boolean>`p.company_id = any(${ids}::bigint[])`))
    .orderBy('p.id')
    .execute();
  const [cTexts, pTexts] = await Promise.all([companyTexts(companies.map((c) => c.id)), productTexts(products.map((p) => p.id))]);
  const byCompany = new Map<string, ProductCard[]>();
  const slugOf = new Map(companies.map((c) => [c.id, c.slug]));
  for (const p of products) {
    const list = byCompany.get(p.company_id) ?? [];
    list.push(toCard({ ...p, companySlug: slugOf.get(p.company_id) ?? '' }, pTexts, cTexts));
    byCompany.set(p.company_id, list);
  }
  return companies.map((c) => ({
    id: c.id, slug: c.slug, texts: cTexts.get(c.id) ?? {}, region: c.region, foundedYear: c.founded_year,
    employees: c.employees, languages: c.languages, exportMarkets: c.export_markets, certifications: c.certifications,
    website: c.website, logo: logoJpeg(c.logo_key, c.logo), products: byCompany.get(c.id) ?? [],
  }));
}

/** Which field of a text row to read; LocalizedText (pavilion names, stories) has only one. */
export type TextField = 'name' | 'summary' | 'description';

/**
 * Text in the wanted locale, else English, else anything; `locale` says which was used, so
 * a page can mark a fallback (lang attribute, "in English" note).
 */
export function pick(texts: Texts | LocalizedText, locale = 'en', field: TextField = 'name'): { text: string; locale: string } {
  const get = (l: string) => {
    const v = (texts as Record<string, unknown>)[l];
    return typeof v === 'string' ? v : (v as Partial<Record<TextField, string>> | undefined)?.[field];
  };
  for (const l of [locale, 'en', ...Object.keys(texts)]) {
    const v = get(l);
    if (v) return { text: v, locale: l };
  }
  return { text: '', locale };
}

export type CategoryRow = { pavilionId: string; slug: string; names: LocalizedText };

/** Every pavilion's categories, in their order: the portal's product form offers them. */
export async function listCategories(): Promise<CategoryRow[]> {
  const db = await buildDatabase();
  return db.selectFrom('categories').select(['pavilion_id as pavilionId', 'slug', 'names']).orderBy('sort_order').orderBy('id').execute();
}
