// The images of a product: up to 8, in order, each a set of stored variants. product_images
// holds what the product shows; an edit of a published product proposes its list in
// product_revisions.images (products.ts), and those files belong to no row until approval.
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';
import type { StagedImage } from '../db/schema.ts';
import type { StoredImage } from '../images/store.ts';

export const MAX_PRODUCT_IMAGES = 8;

export async function listProductImages(db: Db, productId: string): Promise<StagedImage[]> {
  return db.selectFrom('product_images')
    .select(['position', 'storage_key as storageKey', 'width', 'height', 'variants', 'alt'])
    .where('product_id', '=', productId)
    .orderBy('position')
    .execute();
}

/** The first of the 8 positions the list leaves free; undefined when all are taken. */
export function freePosition(images: { position: number }[]): number | undefined {
  const taken = new Set(images.map((i) => i.position));
  return Array.from({ length: MAX_PRODUCT_IMAGES }, (_, i) => i).find((i) => !taken.has(i));
}

/** Adds the image in the first free position; undefined when all 8 are taken. */
export async function insertProductImage(db: Db, productId: string, image: StoredImage, alt: Record<string, string>): Promise<number | undefined> {
  // Serialise additions to one product so two uploads cannot take the same position.
  await db.selectFrom('products').select('id').where('id', '=', productId).forUpdate().execute();
  const position = freePosition(await listProductImages(db, productId));
  if (position === undefined) return undefined;
  await db.insertInto('product_images').values({
    product_id: productId, position, storage_key: image.storageKey, width: image.width, height: image.height,
    variants: JSON.stringify(image.variants), alt: JSON.stringify(alt),
  }).execute();
  return position;
}

/**
 * Removes the image at `position`. Returns whether there was one, and its storage key when
 * nothing else uses the same files (demo pictures are shared), for deletion after commit.
 */
export async function deleteProductImage(db: Db, productId: string, position: number): Promise<{ removed: boolean; unusedKey?: string }> {
  const row = await db.deleteFrom('product_images').where('product_id', '=', productId).where('position', '=', position)
    .returning('storage_key').executeTakeFirst();
  if (!row) return { removed: false };
  const [unusedKey] = await unusedStorageKeys(db, [row.storage_key]);
  return unusedKey ? { removed: true, unusedKey } : { removed: true };
}

/** Puts an approved edit's list in place of the product's images; returns the keys it let go of. */
export async function replaceProductImages(db: Db, productId: string, images: StagedImage[]): Promise<string[]> {
  const old = await db.deleteFrom('product_images').where('product_id', '=', productId).returning('storage_key').execute();
  if (images.length > 0) {
    await db.insertInto('product_images').values(images.map((i) => ({
      product_id: productId, position: i.position, storage_key: i.storageKey, width: i.width, height: i.height,
      variants: JSON.stringify(i.variants), alt: JSON.stringify(i.alt),
    }))).execute();
  }
  const kept = new Set(images.map((i) => i.storageKey));
  return old.map((r) => r.storage_key).filter((k) => !kept.has(k));
}

/**
 * Of `keys`, those no product image and no waiting edit uses: their files may be deleted
 * once the transaction that let go of them has committed.
 */
export async function unusedStorageKeys(db: Db, keys: string[]): Promise<string[]> {
  const wanted = [...new Set(keys)];
  if (wanted.length === 0) return [];
  const { rows } = await sql<{ key: string }>`
    select storage_key as key from product_images where storage_key in (${sql.join(wanted)})
    union
    select e->>'storageKey' from product_revisions r, jsonb_array_elements(r.images) e
    where r.status = 'submitted' and r.images is not null and e->>'storageKey' in (${sql.join(wanted)})`.execute(db);
  const used = new Set(rows.map((r) => r.key));
  return wanted.filter((k) => !used.has(k));
}
