// The digests the incremental rebuild compares: each moves exactly when something its pages
// show changes, whichever table the change is in.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { readCatalogueDigests, type CatalogueDigests } from './site-changes.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let ids: Awaited<ReturnType<typeof insertFixtureCatalogue>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  ids = await insertFixtureCatalogue(handle.db);
});
afterAll(async () => handle?.close());

const product = (d: CatalogueDigests) => d.products.find((p) => p.id === ids.productId);
const company = (d: CatalogueDigests) => d.companies.find((c) => c.id === ids.companyId);

describe('readCatalogueDigests', () => {
  it('lists the products with a page, every company, and the pavilions', async () => {
    const d = await readCatalogueDigests(handle.db);
    expect(d.products.map((p) => p.slug)).toEqual(['vitamin-c-serum']); // not the draft
    expect(product(d)).toMatchObject({ slug: 'vitamin-c-serum', pavilionId: ids.pavilionId, companyId: ids.companyId });
    expect(company(d)).toMatchObject({ slug: 'hanbit-cosmetics', active: true });
    expect(d.pavilions).toEqual([{ id: ids.pavilionId, slug: 'beauty' }]);
  });

  it('moves a product\'s digest with its texts and images, not with its time of change alone', async () => {
    const db = handle.db;
    let before = await readCatalogueDigests(db);
    await db.updateTable('products').set({ updated_at: sql`now() + interval '1 minute'` }).where('id', '=', ids.productId).execute();
    expect(product(await readCatalogueDigests(db))!.digest).toBe(product(before)!.digest);

    await db.updateTable('product_texts').set({ summary: 'Brighter' }).where('product_id', '=', ids.productId).where('locale', '=', 'ko').execute();
    let after = await readCatalogueDigests(db);
    expect(product(after)!.digest).not.toBe(product(before)!.digest);
    expect(company(after)!.digest).toBe(company(before)!.digest);

    before = after;
    await db.insertInto('product_images').values({ product_id: ids.productId, position: 0, storage_key: 'k', width: 10, height: 10, variants: '[]', alt: '{}' }).execute();
    after = await readCatalogueDigests(db);
    expect(product(after)!.digest).not.toBe(product(before)!.digest);
    expect(after.structure).toBe(before.structure);
  });

  it('moves a company\'s digest with its texts and profile, not with its meeting settings', async () => {
    const db = handle.db;
    const before = await readCatalogueDigests(db);
    await db.updateTable('companies').set({ requires_confirmation: true, updated_at: sql`now()` }).where('id', '=', ids.companyId).execute();
    expect(company(await readCatalogueDigests(db))!.digest).toBe(company(before)!.digest);
    await db.updateTable('company_texts').set({ description: 'Since 1998' }).where('company_id', '=', ids.companyId).where('locale', '=', 'en').execute();
    expect(company(await readCatalogueDigests(db))!.digest).not.toBe(company(before)!.digest);
  });

  it('leaves out a suspended company\'s products (they have no pages), and has them back on reinstatement', async () => {
    const db = handle.db;
    const before = await readCatalogueDigests(db);
    await db.updateTable('companies').set({ status: 'suspended' }).where('id', '=', ids.companyId).execute();
    const suspended = await readCatalogueDigests(db);
    expect(company(suspended)).toMatchObject({ active: false });
    expect(product(suspended)).toBeUndefined();
    await db.updateTable('companies').set({ status: 'active' }).where('id', '=', ids.companyId).execute();
    const back = await readCatalogueDigests(db);
    expect(product(back)).toEqual(product(before));
    expect(company(back)).toEqual(company(before));
  });

  it('drops a withdrawn product and moves the structure with a category', async () => {
    const db = handle.db;
    const before = await readCatalogueDigests(db);
    await db.insertInto('categories').values({ pavilion_id: ids.pavilionId, slug: 'serums', names: JSON.stringify({ en: 'Serums' }) }).execute();
    await db.updateTable('products').set({ status: 'withdrawn' }).where('id', '=', ids.productId).execute();
    const after = await readCatalogueDigests(db);
    expect(after.structure).not.toBe(before.structure);
    expect(product(after)).toBeUndefined();
  });
});
