// Products in the portal: companies register and edit them, staff review them. Every
// change of what the public sees enqueues its search and site jobs in the same transaction.
// Each transition locks the product row first, so transitions of one product never
// interleave: approve racing withdraw (or an edit) acts on the state the other one left.
// An edit of a published product, text or images, waits in one revision until staff decide.
import type { Kysely } from 'kysely';
import type { Database, ProductStatus } from '../db/schema.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { isStaff, requireStaff, type SessionUser } from '../auth/user.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { ImageStore } from '../images/store.ts';
import { enqueueCatalogueChange } from '../jobs/catalogue-jobs.ts';
import type { ProductInput } from '../portal/product-schemas.ts';
import { transition, type ProductAction } from '../portal/product-states.ts';
import {
  closeRevision, discardPendingRevisions, findLastReviewedRevision, findPavilionCategory, findPendingRevision, findProduct, insertProduct,
  listCompanyProducts, listModerationQueue, productSlugTaken, readProductInput, saveRevision, setProductStatus, writeProductContent,
  type ProductRow,
} from '../repositories/products.ts';
import { listProductImages, replaceProductImages, unusedStorageKeys } from '../repositories/product-images.ts';
import { companyAccess, slugify, type PortalDeps } from './portal-company.ts';
import { imageView } from './image-view.ts';
import { requireCompanyActive } from './company-status.ts';

/** `images`: where image files live; without it, files an approval or rejection lets go of stay on disk. */
export type ProductDeps = PortalDeps & { jobs?: JobQueue | undefined; images?: ImageStore | undefined };
type Db = Kysely<Database>;

async function placement(db: Db, p: ProductInput) {
  const ids = await findPavilionCategory(db, p.pavilion, p.category);
  if (!ids) throw new InvalidInputError(`No pavilion "${p.pavilion}"${p.category ? ` with category "${p.category}"` : ''}.`, { errors: [{ path: p.category ? 'category' : 'pavilion', message: 'Unknown' }] });
  // Buyers narrow a pavilion's products by category (the search filter): a product filed under
  // none drops out of every such view. A pavilion staff have not divided yet takes any product.
  if (ids.pavilionHasCategories && ids.categoryId === null) {
    throw new InvalidInputError('Choose the category this product belongs to in its pavilion.', { errors: [{ path: 'category', message: 'Required' }] });
  }
  return { pavilionId: ids.pavilionId, categoryId: ids.categoryId };
}

async function freeProductSlug(db: Db, base: string): Promise<string> {
  for (let n = 1; n <= 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await productSlugTaken(db, slug))) return slug;
  }
  throw new ConflictError('Too many products with this name; change the English name a little.', { code: 'product-name-taken' });
}

/**
 * The product if it belongs to the company in the URL (else 404: no peeking across companies).
 * `lock` inside a transaction: see findProduct.
 */
export async function companyProduct(db: Db, companyId: string, slug: string, opts: { lock?: boolean } = {}): Promise<ProductRow> {
  const product = await findProduct(db, slug, opts);
  if (!product || product.companyId !== companyId) throw new NotFoundError(`No product "${slug}" in this company.`, { code: 'product-unknown' });
  return product;
}

function allowed(status: ProductStatus, action: ProductAction, user: SessionUser) {
  const t = transition(status, action, action === 'approve' || action === 'reject' ? (isStaff(user) ? 'staff' : 'company') : 'company');
  if (!t.ok) throw new ConflictError(t.reason, { code: t.code, state: status });
  return t;
}

/** Moves the locked product on; the status guard makes a lost race a 409, never a silent overwrite. */
async function move(trx: Db, product: ProductRow, next: ProductStatus, opts: { reason?: string } = {}) {
  if (!(await setProductStatus(trx, product.id, product.status, next, opts))) {
    throw new ConflictError('The product changed meanwhile; reload it and try again.', { code: 'product-changed', state: product.status });
  }
}

/** Deletes image files nothing names any more: after commit, so a rolled-back change never loses a picture. */
export async function deleteImageFiles(deps: ProductDeps, keys: string[]): Promise<void> {
  for (const key of keys) await deps.images?.delete(key).catch(() => {});
}

/**
 * The product as its company and staff see it: `product` and `images` as published (or as
 * they are, when not published), `pendingRevision` the edit waiting for review, whose
 * `images` is the list it proposes (null: the images stay as they are).
 */
export async function productView(db: Db, product: ProductRow) {
  const [revision, last, company, images] = await Promise.all([
    findPendingRevision(db, product.id),
    findLastReviewedRevision(db, product.id),
    db.selectFrom('companies').select('slug').where('id', '=', product.companyId).executeTakeFirstOrThrow(),
    listProductImages(db, product.id),
  ]);
  return {
    slug: product.slug,
    companySlug: company.slug,
    status: product.status,
    rejectionReason: product.rejectionReason,
    product: await readProductInput(db, product.id),
    images: images.map(imageView),
    pendingRevision: revision ? {
      submittedAt: revision.submittedAt.toISOString(),
      product: revision.data as ProductInput,
      images: revision.images ? revision.images.map(imageView) : null,
    } : null,
    lastRevision: last ? { status: last.status, reason: last.reason, decidedAt: last.reviewedAt?.toISOString() ?? null } : null,
  };
}

export async function listProducts(deps: ProductDeps, companySlug: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  const rows = await listCompanyProducts(deps.db, m.companyId);
  return {
    products: rows.map((r) => ({
      slug: r.slug, status: r.status, rejectionReason: r.rejectionReason, updatedAt: r.updatedAt.toISOString(),
      names: { en: r.nameEn ?? '', ko: r.nameKo ?? '' }, revisionPending: Boolean(r.revisionPending),
    })),
  };
}

export async function createProduct(deps: ProductDeps, companySlug: string, user: SessionUser, input: ProductInput) {
  const m = await companyAccess(deps, companySlug, user);
  return deps.db.transaction().execute(async (trx) => {
    const ids = await placement(trx, input);
    const slug = await freeProductSlug(trx, slugify(input.texts.en.name));
    await insertProduct(trx, m.companyId, slug, input, ids);
    return productView(trx, (await findProduct(trx, slug))!);
  });
}

export async function viewProduct(deps: ProductDeps, companySlug: string, slug: string, user: SessionUser) {
  const m = await companyAccess(deps, companySlug, user);
  return productView(deps.db, await companyProduct(deps.db, m.companyId, slug));
}

export async function editProduct(deps: ProductDeps, companySlug: string, slug: string, user: SessionUser, input: ProductInput) {
  const m = await companyAccess(deps, companySlug, user);
  return deps.db.transaction().execute(async (trx) => {
    const product = await companyProduct(trx, m.companyId, slug, { lock: true });
    const t = allowed(product.status, 'edit', user);
    const ids = await placement(trx, input);
    if (t.revision) {
      // A suspended company keeps working on its drafts, but an edit of a published product
      // goes to review, which it cannot send anything to until it is reinstated.
      await requireCompanyActive(trx, m.companyId);
      // The new text replaces the waiting one; image changes already staged stay with it.
      const pending = await findPendingRevision(trx, product.id);
      await saveRevision(trx, product.id, user.id, input, pending?.images ?? null);
    } else {
      await writeProductContent(trx, product.id, input, ids);
    }
    return productView(trx, (await findProduct(trx, slug))!);
  });
}

/** submit or withdraw, by the company. */
export async function changeProductState(deps: ProductDeps, companySlug: string, slug: string, user: SessionUser, action: 'submit' | 'withdraw') {
  const m = await companyAccess(deps, companySlug, user);
  const { view, unused } = await deps.db.transaction().execute(async (trx) => {
    const product = await companyProduct(trx, m.companyId, slug, { lock: true });
    const t = allowed(product.status, action, user);
    if (action === 'submit') await requireCompanyActive(trx, m.companyId); // withdrawing stays open
    await move(trx, product, t.next);
    // A withdrawn product's waiting edit goes with it: left behind, it could come back after a
    // later publication and overwrite newer text. Its staged images go too.
    const unused = action === 'withdraw' ? await unusedStorageKeys(trx, await discardPendingRevisions(trx, product.id)) : [];
    // A published product withdrawn leaves the site and the index.
    if (product.status === 'approved') await enqueueCatalogueChange(deps.jobs, trx, { productIds: [product.id] });
    return { view: await productView(trx, (await findProduct(trx, slug))!), unused };
  });
  await deleteImageFiles(deps, unused);
  return view;
}

// ---- staff ----------------------------------------------------------------------------

export async function moderationQueue(deps: ProductDeps, user: SessionUser) {
  requireStaff(user);
  const items = await listModerationQueue(deps.db);
  return { items: items.map((i) => ({ ...i, since: i.since.toISOString() })) };
}

export async function reviewView(deps: ProductDeps, slug: string, user: SessionUser) {
  requireStaff(user);
  const product = await findProduct(deps.db, slug);
  if (!product) throw new NotFoundError(`No product "${slug}".`, { code: 'product-unknown' });
  return productView(deps.db, product);
}

/** The published product's waiting edit, locked with its product; 409 when there is none. */
async function revisionToDecide(trx: Db, product: ProductRow, action: 'approve' | 'reject') {
  const revision = await findPendingRevision(trx, product.id);
  if (!revision) throw new ConflictError(`Nothing to ${action}: the product is published and no edit of it is waiting.`, { code: 'no-pending-edit', state: product.status });
  return revision;
}

async function closeOrConflict(trx: Db, revisionId: string, status: 'approved' | 'rejected', user: SessionUser, reason: string | null) {
  if (!(await closeRevision(trx, revisionId, status, user.id, reason))) throw new ConflictError('The edit was changed or decided meanwhile; reload it and review it again.', { code: 'edit-changed' });
}

/** Approves a submitted product, or the pending edit (text and images) of a published one. */
export async function approveProduct(deps: ProductDeps, slug: string, user: SessionUser) {
  requireStaff(user);
  const { view, unused } = await deps.db.transaction().execute(async (trx) => {
    const product = await findProduct(trx, slug, { lock: true });
    if (!product) throw new NotFoundError(`No product "${slug}".`, { code: 'product-unknown' });
    let released: string[];
    if (product.status === 'approved') {
      const revision = await revisionToDecide(trx, product, 'approve');
      await closeOrConflict(trx, revision.id, 'approved', user, null);
      const input = revision.data as ProductInput;
      await writeProductContent(trx, product.id, input, await placement(trx, input));
      released = revision.images ? await replaceProductImages(trx, product.id, revision.images) : [];
    } else {
      await move(trx, product, allowed(product.status, 'approve', user).next);
      // Published from its own text: no older edit may linger to be applied later.
      released = await discardPendingRevisions(trx, product.id);
    }
    await enqueueCatalogueChange(deps.jobs, trx, { productIds: [product.id] });
    return { view: await productView(trx, (await findProduct(trx, slug))!), unused: await unusedStorageKeys(trx, released) };
  });
  await deleteImageFiles(deps, unused);
  return view;
}

/** Rejects a submitted product, or the pending edit of a published one (which stays published as it was). */
export async function rejectProduct(deps: ProductDeps, slug: string, user: SessionUser, reason: string) {
  requireStaff(user);
  const { view, unused } = await deps.db.transaction().execute(async (trx) => {
    const product = await findProduct(trx, slug, { lock: true });
    if (!product) throw new NotFoundError(`No product "${slug}".`, { code: 'product-unknown' });
    let released: string[] = [];
    if (product.status === 'approved') {
      const revision = await revisionToDecide(trx, product, 'reject');
      await closeOrConflict(trx, revision.id, 'rejected', user, reason);
      released = (revision.images ?? []).map((i) => i.storageKey); // the published ones stay in use
    } else {
      await move(trx, product, allowed(product.status, 'reject', user).next, { reason });
    }
    return { view: await productView(trx, (await findProduct(trx, slug))!), unused: await unusedStorageKeys(trx, released) };
  });
  await deleteImageFiles(deps, unused);
  return view;
}
