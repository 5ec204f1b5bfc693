// The images of a product: up to 8, in order, each a set of stored variants.
import type { Db } from './catalogue.ts';
import type { StoredImage } from '../images/store.ts';

export const MAX_PRODUCT_IMAGES = 8;

export async function listProductImages(db: Db, productId: string) {
  return db.selectFrom('product_images')
    .select(['position', 'storage_key as storageKey', 'width', 'height', 'variants', 'alt'])
    .where('product_id', '=', productId)
    .orderBy('position')
    .execute();
}

/** Adds the image in the first free position; undefined when all 8 are taken. */
export async function insertProductImage(db: Db, productId: string, image: StoredImage, alt: Record<string, string>): Promise<number | undefined> {
  // Serialise additions to one product so two uploads cannot take the same position.
  await db.selectFrom('products').select('id').where('id', '=', productId).forUpdate().execute();
  const taken = new Set((await listProductImages(db, productId)).map((i) => i.position));
  const position = Array.from({ length: MAX_PRODUCT_IMAGES }, (_, i) => i).find((i) => !taken.has(i));
  if (position === undefined) return undefined;
  await db.insertInto('product_images').values({
    product_id: productId, position, storage_key: image.storageKey, width: image.width, height: image.height,
    variants: JSON.stringify(image.variants), alt: JSON.stringify(alt),
  }).execute();
  return position;
}

/**
 * Removes the image at `position`. Returns whether there was one, and its storage key when
 * no other image uses the same files (demo pictures are shared), for deletion after commit.
 */
export async function deleteProductImage(db: Db, productId: string, position: number): Promise<{ removed: boolean; unusedKey?: string }> {
  const row = await db.deleteFrom('product_images').where('product_id', '=', productId).where('position', '=', position)
    .returning('storage_key').executeTakeFirst();
  if (!row) return { removed: false };
  const shared = await db.selectFrom('product_images').select('id').where('storage_key', '=', row.storage_key).limit(1).executeTakeFirst();
  return shared ? { removed: true } : { removed: true, unusedKey: row.storage_key };
}
