// Staff suspend a company (with a reason its members read in the portal) and reinstate it.
// A suspended company leaves the public hall: its page, its products' pages, cards and
// counts (the static site reads only active companies' products), its search documents
// and its bookability (new meeting requests answer 404 "not open for meetings", as for a
// withdrawn product: a buyer is not told why). Each change is one transaction under a lock
// on the company row, which also enqueues the search update of the company and every one
// of its published products and one site rebuild.
//
// Meetings already booked are deliberately left alone. A suspension is often temporary (a
// document to renew, a dispute to settle), and cancelling a buyer's confirmed meeting is a
// decision with consequences for a third party: staff make it meeting by meeting on the
// board (cancel with a reason, which tells everyone), or let it take place. So neither
// answer cancels anything; both carry the count of upcoming meetings and queued requests
// so staff see at once what is left to handle.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { requireStaff, type SessionUser } from '../auth/user.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { enqueueCatalogueChange } from '../jobs/catalogue-jobs.ts';
import { publishedProductIds } from '../repositories/companies.ts';
import {
  closeSuspension, companyStatusForShare, listCompaniesForStaff, lockCompanyBySlug, openSuspension, setCompanyStatus,
  type StaffCompanyRow,
} from '../repositories/company-status.ts';

export type CompanyStatusDeps = { db: Kysely<Database>; jobs?: JobQueue | undefined; now: () => number };

/** How many companies one list answer holds at most; `total` says how many matched. */
export const STAFF_COMPANY_LIMIT = 500;

function companyItem(r: StaffCompanyRow) {
  return {
    slug: r.slug,
    names: { en: r.nameEn ?? '', ko: r.nameKo ?? '' },
    region: r.region,
    status: r.status,
    publishedProducts: Number(r.publishedProducts),
    otherProducts: Number(r.otherProducts),
    upcomingMeetings: Number(r.upcomingMeetings),
    queuedRequests: Number(r.queuedRequests),
    suspension: r.status === 'suspended'
      ? { reason: r.reason, since: r.suspendedAt?.toISOString() ?? null, by: r.suspendedBy }
      : null,
  };
}

export type StaffCompany = ReturnType<typeof companyItem>;

export async function listCompanies(deps: CompanyStatusDeps, user: SessionUser, filter: { status?: 'active' | 'suspended' | undefined; q?: string | undefined } = {}) {
  requireStaff(user);
  const { total, rows } = await listCompaniesForStaff(deps.db, { now: new Date(deps.now()), ...filter, limit: STAFF_COMPANY_LIMIT });
  return { total, items: rows.map(companyItem) };
}

async function oneCompany(db: Kysely<Database>, slug: string, now: number): Promise<StaffCompany> {
  const { rows: [row] } = await listCompaniesForStaff(db, { now: new Date(now), slug, limit: 1 });
  if (!row) throw new NotFoundError(`No company "${slug}".`);
  return companyItem(row);
}

async function changeStatus(deps: CompanyStatusDeps, user: SessionUser, slug: string, to: 'active' | 'suspended', reason: string | null) {
  requireStaff(user);
  await deps.db.transaction().execute(async (trx) => {
    const company = await lockCompanyBySlug(trx, slug);
    if (!company) throw new NotFoundError(`No company "${slug}".`);
    if (company.status === to) {
      throw new ConflictError(to === 'suspended' ? `The company "${slug}" is already suspended.` : `The company "${slug}" is not suspended.`, { state: company.status });
    }
    await setCompanyStatus(trx, company.id, to);
    if (to === 'suspended') await openSuspension(trx, { companyId: company.id, reason: reason!, by: user.id });
    else await closeSuspension(trx, company.id, user.id);
    // Its published products leave (or rejoin) the products index, the company the directory,
    // and the site drops (or renders again) their pages.
    await enqueueCatalogueChange(deps.jobs, trx, {
      productIds: await publishedProductIds(trx, company.id),
      companyIds: [company.id],
      reason: `company ${slug} ${to === 'suspended' ? 'suspended' : 'reinstated'}`,
    });
  });
  return oneCompany(deps.db, slug, deps.now());
}

/** Suspends an active company; its booked meetings stay (see above): the answer counts them. */
export async function suspendCompany(deps: CompanyStatusDeps, user: SessionUser, slug: string, reason: string) {
  return changeStatus(deps, user, slug, 'suspended', reason);
}

export async function reinstateCompany(deps: CompanyStatusDeps, user: SessionUser, slug: string) {
  return changeStatus(deps, user, slug, 'active', null);
}

/**
 * For writes a suspended company may not make (submitting a product for review): a 409 with
 * a detail the portal shows. Shares the company row's lock, so a suspension in flight is
 * waited for and then seen.
 */
export async function requireCompanyActive(trx: Kysely<Database>, companyId: string): Promise<void> {
  const status = await companyStatusForShare(trx, companyId);
  if (status === 'suspended') {
    throw new ConflictError('Your company is suspended from the programme, so nothing can be sent for review until the programme team reinstates it.', { code: 'company-suspended', state: 'suspended' });
  }
}
