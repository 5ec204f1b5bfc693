// Product images from the portal: checked by their bytes, decoded and re-encoded (metadata
// stripped, pixel limit), stored under generated names. A draft's (or a rejected or withdrawn
// product's) images change in place: nothing public sees them. A published product's image
// changes are staged in its waiting edit, like its text: the files are stored, the public keeps
// the published images until staff approve, and a rejection or withdrawal removes the staged
// files. Files of a refused or rolled-back change are removed again.
import { ConflictError, InvalidInputError, NotFoundError, UnprocessableError } from '../errors.ts';
import type { SessionUser } from '../auth/user.ts';
import type { Database, StagedImage } from '../db/schema.ts';
import type { Kysely } from 'kysely';
import { processImage, type ImageErrorCode } from '../images/process.ts';
import { storeProcessedImage } from '../images/store.ts';
import type { ProductInput } from '../portal/product-schemas.ts';
import { findPendingRevision, readProductInput, saveRevision, type ProductRow } from '../repositories/products.ts';
import { deleteProductImage, freePosition, insertProductImage, listProductImages, MAX_PRODUCT_IMAGES, unusedStorageKeys } from '../repositories/product-images.ts';
import { companyAccess } from './portal-company.ts';
import { companyProduct, deleteImageFiles, type ProductDeps } from './portal-products.ts';
import { imageView } from './image-view.ts';
import { requireCompanyActive } from './company-status.ts';

export type ImageDeps = ProductDeps;
export { imageView };

type Db = Kysely<Database>;
const tooMany = () => new ConflictError(`A product has at most ${MAX_PRODUCT_IMAGES} images; remove one first.`, { code: 'too-many-images', limit: MAX_PRODUCT_IMAGES });

function changeable(product: ProductRow): ProductRow {
  if (product.status === 'submitted') throw new ConflictError('A product waiting for review cannot be changed; withdraw it first.', { code: 'under-review' });
  return product;
}

/**
 * The list the company edits: a published product's waiting edit's list (staged), else its
 * images as they are. `pending` is the waiting edit, if any.
 */
async function editableImages(db: Db, product: ProductRow) {
  const pending = product.status === 'approved' ? await findPendingRevision(db, product.id) : undefined;
  if (pending?.images) return { images: pending.images, staged: true, pending };
  return { images: await listProductImages(db, product.id), staged: false, pending };
}

/** Files the published product's new image list in its waiting edit (one is opened with the published text if none waits). */
async function stage(trx: Db, product: ProductRow, user: SessionUser, pending: Awaited<ReturnType<typeof findPendingRevision>>, images: StagedImage[]) {
  // The edit goes to review, which a suspended company sends nothing to (as for a text edit).
  await requireCompanyActive(trx, product.companyId);
  const data = pending ? (pending.data as ProductInput) : await readProductInput(trx, product.id);
  await saveRevision(trx, product.id, user.id, data, images);
}

export async function listImages(deps: ImageDeps, companySlug: string, productSlug: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const { images, staged } = await editableImages(deps.db, await companyProduct(deps.db, m.companyId, productSlug));
  return { images: images.map(imageView), staged };
}

export async function addImage(deps: ImageDeps, companySlug: string, productSlug: string, user: SessionUser, file: Uint8Array, alt: { en?: string; ko?: string }) {
  if (!deps.images) throw new UnprocessableError('Image uploads are not configured on this server.', { code: 'uploads-unconfigured' });
  const m = await companyAccess(deps, companySlug, user);
  // Cheap refusals before the image is decoded; checked again under the lock below.
  const first = changeable(await companyProduct(deps.db, m.companyId, productSlug));
  if ((await editableImages(deps.db, first)).images.length >= MAX_PRODUCT_IMAGES) throw tooMany();
  const processed = await processImage(file);
  if (!processed.ok) throw new InvalidInputError(processed.message, { code: processed.code satisfies ImageErrorCode });
  const stored = await storeProcessedImage(deps.images, processed);
  try {
    const altText = Object.fromEntries(Object.entries(alt).filter(([, v]) => v && v.trim()).map(([k, v]) => [k, v!.trim()]));
    const { image, staged } = await deps.db.transaction().execute(async (trx) => {
      const product = changeable(await companyProduct(trx, m.companyId, productSlug, { lock: true }));
      if (product.status === 'approved') {
        const { images, pending } = await editableImages(trx, product);
        const position = freePosition(images);
        if (position === undefined) throw tooMany();
        const image: StagedImage = { position, storageKey: stored.storageKey, width: stored.width, height: stored.height, variants: stored.variants, alt: altText };
        await stage(trx, product, user, pending, [...images, image].sort((a, b) => a.position - b.position));
        return { image, staged: true };
      }
      const position = await insertProductImage(trx, product.id, stored, altText);
      if (position === undefined) throw tooMany();
      return { image: { position, storageKey: stored.storageKey, width: stored.width, height: stored.height, variants: stored.variants, alt: altText }, staged: false };
    });
    return { ...imageView(image), staged };
  } catch (err) {
    await deps.images.delete(stored.storageKey).catch(() => {});
    throw err;
  }
}

export async function removeImage(deps: ImageDeps, companySlug: string, productSlug: string, user: SessionUser, position: number) {
  const m = await companyAccess(deps, companySlug, user);
  const { images, staged, unused } = await deps.db.transaction().execute(async (trx) => {
    const product = changeable(await companyProduct(trx, m.companyId, productSlug, { lock: true }));
    if (product.status === 'approved') {
      const { images, pending } = await editableImages(trx, product);
      const gone = images.find((i) => i.position === position);
      if (!gone) throw new NotFoundError(`No image at position ${position}.`, { code: 'image-unknown' });
      const left = images.filter((i) => i !== gone);
      await stage(trx, product, user, pending, left);
      // A published image stays in use until the edit is approved; a staged one may be free now.
      return { images: left, staged: true, unused: await unusedStorageKeys(trx, [gone.storageKey]) };
    }
    const r = await deleteProductImage(trx, product.id, position);
    if (!r.removed) throw new NotFoundError(`No image at position ${position}.`, { code: 'image-unknown' });
    return { images: await listProductImages(trx, product.id), staged: false, unused: r.unusedKey ? [r.unusedKey] : [] };
  });
  await deleteImageFiles(deps, unused); // after commit: a rollback keeps the files
  return { images: images.map(imageView), staged };
}
