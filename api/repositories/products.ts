// Products as companies register them and staff review them: content, state, revisions.
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';
import type { ProductStatus, StagedImage } from '../db/schema.ts';
import { PRODUCT_LOCALES, type ProductInput } from '../portal/product-schemas.ts';
import { listedCompany } from './listed-companies.ts';

export async function findPavilionCategory(db: Db, pavilion: string, category: string | null) {
  const pv = await db.selectFrom('pavilions').select('id').where('slug', '=', pavilion).where('retired_at', 'is', null).executeTakeFirst();
  if (!pv) return undefined;
  if (category === null) {
    const any = await db.selectFrom('categories').select('id').where('pavilion_id', '=', pv.id).limit(1).executeTakeFirst();
    return { pavilionId: pv.id, categoryId: null, pavilionHasCategories: Boolean(any) };
  }
  const cat = await db.selectFrom('categories').select('id').where('pavilion_id', '=', pv.id).where('slug', '=', category).executeTakeFirst();
  return cat ? { pavilionId: pv.id, categoryId: cat.id, pavilionHasCategories: true } : undefined;
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

/**
 * Moves the product from `from` to `status`; false when it is no longer in `from` (someone
 * else's transition got there first), and then nothing changed.
 */
export async function setProductStatus(db: Db, id: string, from: ProductStatus, status: ProductStatus, opts: { reason?: string | null } = {}): Promise<boolean> {
  const { numUpdatedRows } = await db.updateTable('products')
    .set({
      status,
      rejection_reason: status === 'rejected' ? (opts.reason ?? null) : null,
      // First publication dates the product; a re-approval after a withdrawal keeps its date.
      published_at: status === 'approved' ? sql`coalesce(published_at, now())` : sql`published_at`,
      updated_at: sql`now()`,
    })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

export type ProductRow = { id: string; slug: string; companyId: string; status: ProductStatus; rejectionReason: string | null; updatedAt: Date };

/**
 * `lock` (inside a transaction): holds the row until commit, so transitions of one product
 * (approve, withdraw, edit, an image change) happen one after the other, each on fresh state.
 */
export async function findProduct(db: Db, slug: string, opts: { lock?: boolean } = {}): Promise<ProductRow | undefined> {
  const query = db.selectFrom('products')
    .select(['id', 'slug', 'company_id as companyId', 'status', 'rejection_reason as rejectionReason', 'updated_at as updatedAt'])
    .where('slug', '=', slug);
  return (opts.lock ? query.forUpdate() : query).executeTakeFirst();
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
      eb.and([
        eb('p.status', '=', 'approved'),
        eb.exists(eb.selectFrom('product_revisions as r').select('r.id').whereRef('r.product_id', '=', 'p.id').where('r.status', '=', 'submitted')),
      ]).as('revisionPending'),
    ])
    .where('p.company_id', '=', companyId)
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute();
}

/**
 * Files an edit of a published product in place of any edit still waiting (at most one
 * waits: a unique index says so); it counts as submitted now.
 */
export async function saveRevision(db: Db, productId: string, userId: string, data: ProductInput, images: StagedImage[] | null): Promise<string> {
  await db.deleteFrom('product_revisions').where('product_id', '=', productId).where('status', '=', 'submitted').execute();
  const { id } = await db.insertInto('product_revisions')
    .values({ product_id: productId, data: JSON.stringify(data), images: images && JSON.stringify(images), submitted_by: userId })
    .returning('id').executeTakeFirstOrThrow();
  return id;
}

export type PendingRevision = { id: string; data: unknown; images: StagedImage[] | null; submittedAt: Date };

/** The edit waiting for review, if the product is published (only then can it be approved). */
export async function findPendingRevision(db: Db, productId: string): Promise<PendingRevision | undefined> {
  return db.selectFrom('product_revisions as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .select(['r.id', 'r.data', 'r.images', 'r.submitted_at as submittedAt'])
    .where('r.product_id', '=', productId).where('r.status', '=', 'submitted').where('p.status', '=', 'approved')
    .executeTakeFirst();
}

/**
 * Drops any edit still waiting (the product is withdrawn, or published anew from its own
 * text); returns the storage keys its staged images named, for the caller to clean up.
 */
export async function discardPendingRevisions(db: Db, productId: string): Promise<string[]> {
  const rows = await db.deleteFrom('product_revisions')
    .where('product_id', '=', productId).where('status', '=', 'submitted')
    .returning('images').execute();
  return rows.flatMap((r) => (r.images ?? []).map((i) => i.storageKey));
}

/** The latest reviewed edit, so the company sees why an edit was turned down. */
export async function findLastReviewedRevision(db: Db, productId: string) {
  return db.selectFrom('product_revisions')
    .select(['status', 'reason', 'reviewed_at as reviewedAt'])
    .where('product_id', '=', productId).where('status', 'in', ['approved', 'rejected'])
    .orderBy('reviewed_at', 'desc').orderBy('id', 'desc').limit(1)
    .executeTakeFirst();
}

/** Decides a waiting edit; false when it is no longer waiting (then nothing changed). */
export async function closeRevision(db: Db, id: string, status: 'approved' | 'rejected', reviewerId: string, reason: string | null): Promise<boolean> {
  const { numUpdatedRows } = await db.updateTable('product_revisions')
    .set({ status, reason, reviewed_by: reviewerId, reviewed_at: sql`now()` })
    .where('id', '=', id).where('status', '=', 'submitted')
    .executeTakeFirst();
  return numUpdatedRows > 0n;
}

/** Staff's queue: new products waiting for review and edits of published ones (only those can be approved), oldest first. */
export async function listModerationQueue(db: Db) {
  const products = await db.selectFrom('products as p')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .leftJoin('product_texts as en', (j) => j.onRef('en.product_id', '=', 'p.id').on('en.locale', '=', 'en'))
    .select(['p.slug', 'c.slug as companySlug', 'en.name as nameEn', 'p.updated_at as since', 'c.status as companyStatus'])
    .select(listedCompany('c').as('companyListed'))
    .where('p.status', '=', 'submitted')
    .execute();
  const revisions = await db.selectFrom('product_revisions as r')
    .innerJoin('products as p', 'p.id', 'r.product_id')
    .innerJoin('companies as c', 'c.id', 'p.company_id')
    .leftJoin('product_texts as en', (j) => j.onRef('en.product_id', '=', 'p.id').on('en.locale', '=', 'en'))
    .select(['p.slug', 'c.slug as companySlug', 'en.name as nameEn', 'r.submitted_at as since', 'c.status as companyStatus'])
    .select(listedCompany('c').as('companyListed'))
    .where('r.status', '=', 'submitted')
    .where('p.status', '=', 'approved')
    .execute();
  return [
    ...products.map((p) => ({ kind: 'product' as const, ...p })),
    ...revisions.map((r) => ({ kind: 'revision' as const, ...r })),
  ].sort((a, b) => a.since.getTime() - b.since.getTime());
}
