// Demo pictures: one per pavilion through the real pipeline, shared by its products, with
// alt text; removing one product's picture keeps the files the others still show.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { fileImageStore } from '../images/store.ts';
import { deleteProductImage } from '../repositories/product-images.ts';
import { seedDemoImages } from './images.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-demo-images-'));
const store = fileImageStore(dir);

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  await insertFixtureCatalogue(handle.db);
});
afterAll(async () => {
  await handle?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('seedDemoImages', () => {
  it('gives each product its pavilion\'s picture, once, with variants on disk and alt text', async () => {
    expect(await seedDemoImages(handle.db, store)).toBe(2); // the fixture's two products
    expect(await seedDemoImages(handle.db, store)).toBe(0); // already have one
    const rows = await handle.db.selectFrom('product_images').select(['product_id', 'storage_key', 'variants', 'alt', 'width']).execute();
    expect(new Set(rows.map((r) => r.storage_key)).size).toBe(1);
    expect(rows[0]!.width).toBe(1200);
    const variants = rows[0]!.variants as { name: string; format: string }[];
    expect(new Set(variants.map((v) => v.format))).toEqual(new Set(['avif', 'webp', 'jpeg']));
    for (const v of variants) expect(await store.get(rows[0]!.storage_key, v.name)).toBeTruthy();
    expect(rows.map((r) => (r.alt as { en: string }).en).sort()).toEqual(['Illustration for Draft', 'Illustration for Vitamin C serum']);

    const first = await deleteProductImage(handle.db, rows[0]!.product_id, 0);
    expect(first).toEqual({ removed: true }); // another product still shows it
    const last = await deleteProductImage(handle.db, rows[1]!.product_id, 0);
    expect(last).toEqual({ removed: true, unusedKey: rows[0]!.storage_key });
  });
});
