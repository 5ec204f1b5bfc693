// Products as companies register them and staff review them: content, state, revisions.
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';
import type { ProductStatus } from '../db/schema.ts';
import { PRODUCT_LOCALES, type ProductInput } from '../portal/product-schemas.ts';

export async function findPavilionCategory(db: Db, pavilion: string, category: string | null) {
  const pv = await db.selectFrom('pavilions').select('id').where('slug', '=', pavilion).where('retired_at', 'is', null).executeTakeFirst();
  if (!pv) return undefined;
  if (category === null) return { pavilionId: pv.id, categoryId: null };
  const cat = await db.selectFrom('categories').select('id').where('pavilion_id', '=', pv.id).where('slug', '=', category).executeTakeFirst();
  return cat ? { pavilionId: pv.id, categoryId: cat.id } : undefined;
}

export async function productSlugTaken(db: Db, slug: string): Promise<boolean> {
  return Boolean(await db.selectFrom('products').select('id').where('slug', '=', slug).executeTakeFirst());
}

const columns = (p: ProductInput, ids: { pavilionId: string; categoryId: string | null }) => ({
  pavilion_id: ids.pavilionId,
  category_id: ids.categoryId,
  moq: p.moq,
  moq_unit: p.moqUnit,
  lead_time_days: p.leadTimeDays,
  price_terms: p.priceTerms ? JSON.stringify(p.priceTerms) : null,
  hs_code: p.hsCode,
  certifications: p.certifications,
  export_markets: p.exportMarkets,
  specifications: JSON.stringify(p.specifications),
});

export async function insertProduct(db: Db, companyId: string, slug: string, p: ProductInput, ids: { pavilionId: string; categoryId: string | null }): Promise<string> {
  const { id } = await db.insertInto('products').values({ slug, company_id: companyId, ...columns(p, ids) }).returning('id').executeTakeFirstOrThrow();
  await replaceTexts(db, id, p);
  return id;
}

/** Writes the product's content (not its state) over what is there. */
export async function writeProductContent(db: Db, id: string, p: ProductInput, ids: { pavilionId: string; categoryId: string | null }): Promise<void> {
  await db.updateTable('products').set({ ...columns(p, ids), updated_at: sql`now()` }).where('id', '=', id).execute();
  await replaceTexts(db, id, p);
}

async function replaceTexts(db: Db, id: string, p: ProductInput): Promise<void> {
  await db.deleteFrom('product_texts').where('product_id', '=', id).execute();
  const rows = PRODUCT_LOCALES.flatMap((locale) => {
    const t = p.texts[locale];
    return t ? [{ product_id: id, locale, name: t.name, summary: t.summary, description: t.description, keywords: t.keywords }] : [];
  });
  await db.insertInto('product_texts').values(rows).execute();
}

export async function setProductStatus(db: Db, id: string, status: ProductStatus, opts: { reason?: string | null } = {}): Promise<void> {
  await db.updateTable('products')
    .set({
      status,
      rejection_reason: status === 'rejected' ? (opts.reason ?? null) : null,
      // First publication dates the product; a re-approval after a withdrawal keeps its date.
      published_at: status === 'approved' ? sql`coalesce(published_at, now())` : sql`published_at`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .execute();
}

export type ProductRow = { id: string; slug: string; companyId: string; status: ProductStatus; rejectionReason: string | null; updatedAt: Date };

export async function findProduct(db: Db, slug: string): Promise<ProductRow | undefined> {
  return db.selectFrom('products')
    .select(['id', 'slug', 'company_id as companyId', 'status', 'rejection_reason as rejectionReason', 'updated_at as updatedAt'])
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** The product's content in the shape the form and the API take. */
export async function readProductInput(db: Db, id: string): Promise<ProductInput> {
  const [p, texts] = await Promise.all([
    db.selectFrom('products as p')
      .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
      .leftJoin('categories as c', 'c.id', 'p.category_id')
      .select(['pv.slug as pavilion', 'c.slug as category', 'p.moq', 'p.moq_unit', 'p.lead_time_days', 'p.price_terms', 'p.hs_code', 'p.certifications', 'p.export_markets', 'p.specifications'])
      .where('p.id', '=', id)
      .executeTakeFirstOrThrow(),
    db.selectFrom('product_texts').select(['locale', 'name', 'summary', 'description', 'keywords']).where('product_id', '=', id).execute(),
  ]);
  const byLocale = Object.fromEntries(texts.map((t) => [t.locale, { name: t.name, summary: t.summary, description: t.description, keywords: t.keywords }]));
  return {
    pavilion: p.pavilion,
    category: p.category,
    texts: byLocale as ProductInput['texts'],
    specifications: p.specifications,
    certifications: p.certifications,
    moq: p.moq,
    moqUnit: p.moq_unit,
    leadTimeDays: p.lead_time_days,
    priceTerms: p.price_terms as ProductInput['priceTerms'],
    hsCode: p.hs_code,
    exportMarkets: p.export_markets,
  };
}

export async function listCompanyProducts(db: Db, companyId: string) {
  return db.selectFrom('products as p')
    .leftJoin('product_texts as en', (j) => j.onRef('en.product_id', '=', 'p.id').on('en.locale', '=', 'en'))
    .leftJoin('product_texts as ko', (j) => j.onRef('ko.product_id', '=', 'p.id').on('ko.locale', '=', 'ko'))
    .select((eb) => [
      'p.slug', 'p.status', 'p.rejection_reason as rejectionReason', 'p.updated_at as updatedAt', 'en.name as nameEn', 'ko.name as nameKo',
      eb.exists(eb.selectFrom('product_revisions as r').select('r.id').whereRef('r.product_id', '=', 'p.id').where('r.status', '=', 'submitted')).as('revisionPending'),
    ])
    .where('p.company_id', '=', companyId)
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

/** Files an edit of a published product; it replaces any edit still waiting. */
export async function insertRevision(db: Db, productId: string, data: ProductInput, userId: string): Promise<string> {
  await db.deleteFrom('product_revisions').where('product_id', '=', productId).where('status', '=', 'submitted').execute();
  const { id } = await db.insertInto('product_revisions')
    .values({ product_id: productId, data: JSON.stringify(data), submitted_by: userId })
    .returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findPendingRevision(db: Db, productId: string) {
  return db.selectFrom('product_revisions')
    .select(['id', 'data', 'submitted_at as submittedAt'])
    .where('product_id', '=', productId).where('status', '=', 'submitted')
    .executeTakeFirst();
}

/** The latest reviewed edit, so the company sees why an edit was turned down. */
export async function findLastReviewedRevision(db: Db, productId: string) {
  return db.selectFrom('product_revisions')
    .select(['status', 'reason', 'reviewed_at as reviewedAt'])
    .where('product_id', '=', productId).where('status', 'in', ['approved', 'rejected'])
    .orderBy('reviewed_at', 'desc').orderBy('id', 'desc').limit(1)
    .executeTakeFirst();
}

export async function closeRevision(db: Db, id: string, status: 'approved' | 'rejected', reviewerId: string, reason: string | null): Promise<void> {
  await db.updateTable('product_revisions')
    .set({ status, reason, reviewed_by: reviewerId, reviewed_at: sql`now()` })
    .where('id', '=', id).execute();
}

/** Staff's queue: new products waiting for review and edits of published ones, oldest first. */
export async function listModerationQueue(db: Db) {
  const products = await db.selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .leftJoin('product_texts as en', (j) => j.onRef('en.product_id', '=', 'p.id').on('en.locale', '=', 'en'))
    .select(['p.slug', 'c.slug as companySlug', 'en.name as nameEn', 'p.updated_at as since'])
    .where('p.status', '=', 'submitted')
    .execute();
  const revisions = await db.selectFrom('product_revisions as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .leftJoin('product_texts as en', (j) => j.onRef('en.product_id', '=', 'p.id').on('en.locale', '=', 'en'))
    .select(['p.slug', 'c.slug as companySlug', 'en.name as nameEn', 'r.submitted_at as since'])
    .where('r.status', '=', 'submitted')
    .execute();
  return [
    ...products.map((p) => ({ kind: 'product' as const, ...p })),
    ...revisions.map((r) => ({ kind: 'revision' as const, ...r })),
  ].sort((a, b) => a.since.getTime() - b.since.getTime());
}
