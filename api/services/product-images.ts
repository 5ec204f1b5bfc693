// Product images from the portal: checked by their bytes, decoded and re-encoded (metadata
// stripped, pixel limit), stored under generated names; the row and its jobs in one
// transaction. Files of a refused or rolled-back upload are removed again.
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../errors.ts';
import type { SessionUser } from '../auth/user.ts';
import { processImage, type ImageErrorCode } from '../images/process.ts';
import { storeProcessedImage, type ImageStore } from '../images/store.ts';
import { enqueueCatalogueChange } from '../jobs/catalogue-jobs.ts';
import { findProduct } from '../repositories/products.ts';
import { deleteProductImage, insertProductImage, listProductImages, MAX_PRODUCT_IMAGES } from '../repositories/product-images.ts';
import { companyAccess } from './portal-company.ts';
import type { ProductDeps } from './portal-products.ts';

export type ImageDeps = ProductDeps & { images?: ImageStore | undefined };

const mediaUrl = (key: string, name: string) => `/api/media/${key}/${name}`;

export function imageView(row: Awaited<ReturnType<typeof listProductImages>>[number]) {
  const variants = row.variants as { format: string; width: number; height: number; name: string }[];
  return {
    position: row.position, width: row.width, height: row.height, alt: row.alt,
    variants: variants.map((v) => ({ format: v.format, width: v.width, height: v.height, url: mediaUrl(row.storageKey, v.name) })),
  };
}

async function ownProduct(deps: ImageDeps, companySlug: string, productSlug: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const product = await findProduct(deps.db, productSlug);
  if (!product || product.companyId !== m.companyId) throw new NotFoundError(`No product "${productSlug}" in this company.`);
  if (product.status === 'submitted') throw new ConflictError('A product waiting for review cannot be changed; withdraw it first.');
  return product;
}

export async function listImages(deps: ImageDeps, companySlug: string, productSlug: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const product = await findProduct(deps.db, productSlug);
  if (!product || product.companyId !== m.companyId) throw new NotFoundError(`No product "${productSlug}" in this company.`);
  return { images: (await listProductImages(deps.db, product.id)).map(imageView) };
}

export async function addImage(deps: ImageDeps, companySlug: string, productSlug: string, user: SessionUser, file: Uint8Array, alt: { en?: string; ko?: string }) {
  if (!deps.images) throw new UnprocessableError('Image uploads are not configured on this server.');
  const product = await ownProduct(deps, companySlug, productSlug, user);
  if ((await listProductImages(deps.db, product.id)).length >= MAX_PRODUCT_IMAGES) throw new ConflictError(`A product has at most ${MAX_PRODUCT_IMAGES} images; remove one first.`);
  const processed = await processImage(file);
  if (!processed.ok) throw new InvalidInputError(processed.message, { code: processed.code satisfies ImageErrorCode });
  const stored = await storeProcessedImage(deps.images, processed);
  try {
    const altText = Object.fromEntries(Object.entries(alt).filter(([, v]) => v && v.trim()).map(([k, v]) => [k, v!.trim()]));
    const position = await deps.db.transaction().execute(async (trx) => {
      const at = await insertProductImage(trx, product.id, stored, altText);
      if (at === undefined) throw new ConflictError(`A product has at most ${MAX_PRODUCT_IMAGES} images; remove one first.`);
      if (product.status === 'approved') await enqueueCatalogueChange(deps.jobs, trx, { productIds: [product.id] });
      return at;
    });
    const row = (await listProductImages(deps.db, product.id)).find((i) => i.position === position)!;
    return imageView(row);
  } catch (err) {
    await deps.images.delete(stored.storageKey).catch(() => {});
    throw err;
  }
}

export async function removeImage(deps: ImageDeps, companySlug: string, productSlug: string, user: SessionUser, position: number) {
  const product = await ownProduct(deps, companySlug, productSlug, user);
  const result = await deps.db.transaction().execute(async (trx) => {
    const r = await deleteProductImage(trx, product.id, position);
    if (r.removed && product.status === 'approved') await enqueueCatalogueChange(deps.jobs, trx, { productIds: [product.id] });
    return r;
  });
  if (!result.removed) throw new NotFoundError(`No image at position ${position}.`);
  if (result.unusedKey) await deps.images?.delete(result.unusedKey).catch(() => {}); // after commit: a rollback keeps the files
  return { images: (await listProductImages(deps.db, product.id)).map(imageView) };
}
