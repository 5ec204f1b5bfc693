// Products in the portal: companies register and edit them, staff review them. Every
// change of what the public sees enqueues its search and site jobs in the same transaction.
import type { Kysely } from 'kysely';
import type { Database, ProductStatus } from '../db/schema.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { isStaff, requireStaff, type SessionUser } from '../auth/user.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { enqueueCatalogueChange } from '../jobs/catalogue-jobs.ts';
import type { ProductInput } from '../portal/product-schemas.ts';
import { transition, type ProductAction } from '../portal/product-states.ts';
import {
  closeRevision, findLastReviewedRevision, findPavilionCategory, findPendingRevision, findProduct, insertProduct, insertRevision,
  listCompanyProducts, listModerationQueue, productSlugTaken, readProductInput, setProductStatus, writeProductContent,
  type ProductRow,
} from '../repositories/products.ts';
import { companyAccess, slugify, type PortalDeps } from './portal-company.ts';

export type ProductDeps = PortalDeps & { jobs?: JobQueue | undefined };
type Db = Kysely<Database>;

async function placement(db: Db, p: ProductInput) {
  const ids = await findPavilionCategory(db, p.pavilion, p.category);
  if (!ids) throw new InvalidInputError(`No pavilion "${p.pavilion}"${p.category ? ` with category "${p.category}"` : ''}.`, { errors: [{ path: p.category ? 'category' : 'pavilion', message: 'Unknown' }] });
  return ids;
}

async function freeProductSlug(db: Db, base: string): Promise<string> {
  for (let n = 1; n <= 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await productSlugTaken(db, slug))) return slug;
  }
  throw new ConflictError('Too many products with this name; change the English name a little.');
}

/** The product if it belongs to the company in the URL (else 404: no peeking across companies). */
async function companyProduct(db: Db, companyId: string, slug: string): Promise<ProductRow> {
  const product = await findProduct(db, slug);
  if (!product || product.companyId !== companyId) throw new NotFoundError(`No product "${slug}" in this company.`);
  return product;
}

function allowed(status: ProductStatus, action: ProductAction, user: SessionUser) {
  const t = transition(status, action, action === 'approve' || action === 'reject' ? (isStaff(user) ? 'staff' : 'company') : 'company');
  if (!t.ok) throw new ConflictError(t.reason, { status });
  return t;
}

export async function productView(db: Db, product: ProductRow) {
  const [revision, last, company] = await Promise.all([
    findPendingRevision(db, product.id),
    findLastReviewedRevision(db, product.id),
    db.selectFrom('companies').select('slug').where('id', '=', product.companyId).executeTakeFirstOrThrow(),
  ]);
  return {
    slug: product.slug,
    companySlug: company.slug,
    status: product.status,
    rejectionReason: product.rejectionReason,
    product: await readProductInput(db, product.id),
    pendingRevision: revision ? { submittedAt: revision.submittedAt.toISOString(), product: revision.data as ProductInput } : null,
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
    const product = await companyProduct(trx, m.companyId, slug);
    const t = allowed(product.status, 'edit', user);
    const ids = await placement(trx, input);
    if (t.revision) await insertRevision(trx, product.id, input, user.id);
    else await writeProductContent(trx, product.id, input, ids);
    return productView(trx, (await findProduct(trx, slug))!);
  });
}

/** submit or withdraw, by the company. */
export async function changeProductState(deps: ProductDeps, companySlug: string, slug: string, user: SessionUser, action: 'submit' | 'withdraw') {
  const m = await companyAccess(deps, companySlug, user);
  return deps.db.transaction().execute(async (trx) => {
    const product = await companyProduct(trx, m.companyId, slug);
    const t = allowed(product.status, action, user);
    await setProductStatus(trx, product.id, t.next);
    // A published product withdrawn leaves the site and the index.
    if (product.status === 'approved') await enqueueCatalogueChange(deps.jobs, trx, { productIds: [product.id] });
    return productView(trx, (await findProduct(trx, slug))!);
  });
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
  if (!product) throw new NotFoundError(`No product "${slug}".`);
  return productView(deps.db, product);
}

/** Approves a submitted product, or the pending edit of a published one. */
export async function approveProduct(deps: ProductDeps, slug: string, user: SessionUser) {
  requireStaff(user);
  return deps.db.transaction().execute(async (trx) => {
    const product = await findProduct(trx, slug);
    if (!product) throw new NotFoundError(`No product "${slug}".`);
    const revision = product.status === 'approved' ? await findPendingRevision(trx, product.id) : undefined;
    if (revision) {
      const input = revision.data as ProductInput;
      await writeProductContent(trx, product.id, input, await placement(trx, input));
      await closeRevision(trx, revision.id, 'approved', user.id, null);
    } else {
      await setProductStatus(trx, product.id, allowed(product.status, 'approve', user).next);
    }
    await enqueueCatalogueChange(deps.jobs, trx, { productIds: [product.id] });
    return productView(trx, (await findProduct(trx, slug))!);
  });
}

/** Rejects a submitted product, or the pending edit of a published one (which stays published). */
export async function rejectProduct(deps: ProductDeps, slug: string, user: SessionUser, reason: string) {
  requireStaff(user);
  return deps.db.transaction().execute(async (trx) => {
    const product = await findProduct(trx, slug);
    if (!product) throw new NotFoundError(`No product "${slug}".`);
    const revision = product.status === 'approved' ? await findPendingRevision(trx, product.id) : undefined;
    if (revision) await closeRevision(trx, revision.id, 'rejected', user.id, reason);
    else await setProductStatus(trx, product.id, allowed(product.status, 'reject', user).next, { reason });
    return productView(trx, (await findProduct(trx, slug))!);
  });
}
