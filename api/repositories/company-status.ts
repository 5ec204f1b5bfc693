// A company's standing in the programme, as staff see and change it: active or suspended,
// with the open suspension's reason, who set it and when (company_suspensions).
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';

/** Meetings still ahead that a company's suspension leaves standing (see services/company-status.ts). */
const LIVE = ['held', 'scheduled', 'confirmed'] as const;

export type StaffCompanyRow = {
  id: string;
  slug: string;
  nameEn: string | null;
  nameKo: string | null;
  region: string;
  status: 'active' | 'suspended';
  publishedProducts: string | number;
  otherProducts: string | number;
  upcomingMeetings: string | number;
  queuedRequests: string | number;
  reason: string | null;
  suspendedAt: Date | null;
  suspendedBy: string | null;
};

/**
 * Companies for the control tower, suspended first, then by slug; `q` matches the slug or
 * either name (case-insensitive), `status` narrows to one status. At most `limit` rows;
 * `total` counts every match; `slug` picks one company.
 */
export async function listCompaniesForStaff(db: Db, opts: { now: Date; status?: 'active' | 'suspended' | undefined; q?: string | undefined; slug?: string; limit: number }) {
  const pattern = opts.q ? `%${opts.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : undefined;
  const base = db
    .selectFrom('companies as c')
    .leftJoin('company_texts as en', (j) => j.onRef('en.company_id', '=', 'c.id').on('en.locale', '=', 'en'))
    .leftJoin('company_texts as ko', (j) => j.onRef('ko.company_id', '=', 'c.id').on('ko.locale', '=', 'ko'))
    .$if(opts.slug !== undefined, (q) => q.where('c.slug', '=', opts.slug!))
    .$if(opts.status !== undefined, (q) => q.where('c.status', '=', opts.status!))
    .$if(pattern !== undefined, (q) => q.where((eb) => eb.or([
      eb('c.slug', 'ilike', pattern!), eb('en.name', 'ilike', pattern!), eb('ko.name', 'ilike', pattern!),
    ])));
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows: StaffCompanyRow[] = await base
    .leftJoin('company_suspensions as s', (j) => j.onRef('s.company_id', '=', 'c.id').on('s.reinstated_at', 'is', null))
    .leftJoin('users as u', 'u.id', 's.suspended_by')
    .select((eb) => [
      'c.id', 'c.slug', 'en.name as nameEn', 'ko.name as nameKo', 'c.region', 'c.status',
      eb.selectFrom('products as p').select(eb.fn.countAll<string>().as('n'))
        .whereRef('p.company_id', '=', 'c.id').where('p.status', '=', 'approved').as('publishedProducts'),
      eb.selectFrom('products as p').select(eb.fn.countAll<string>().as('n'))
        .whereRef('p.company_id', '=', 'c.id').where('p.status', '<>', 'approved').as('otherProducts'),
      eb.selectFrom('consultations as k').select(eb.fn.countAll<string>().as('n'))
        .whereRef('k.company_id', '=', 'c.id').where('k.status', 'in', LIVE).where('k.ends_at', '>', opts.now).as('upcomingMeetings'),
      eb.selectFrom('meeting_requests as r').select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.company_id', '=', 'c.id').where('r.status', '=', 'queued').as('queuedRequests'),
      's.reason', 's.suspended_at as suspendedAt', 'u.name as suspendedBy',
    ])
    .orderBy(sql`c.status = 'suspended'`, 'desc')
    .orderBy('c.slug')
    .limit(opts.limit)
    .execute() as StaffCompanyRow[];
  return { total: Number(total.n), rows };
}

/** The company by slug, its row locked until the transaction ends (a suspension and a reinstatement never interleave). */
export async function lockCompanyBySlug(db: Db, slug: string) {
  return db.selectFrom('companies').select(['id', 'slug', 'status']).where('slug', '=', slug).forUpdate().executeTakeFirst();
}

/** Sets the company's status; callers hold its row lock (lockCompanyBySlug). */
export async function setCompanyStatus(db: Db, companyId: string, to: 'active' | 'suspended'): Promise<void> {
  await db.updateTable('companies').set({ status: to, updated_at: sql`now()` }).where('id', '=', companyId).execute();
}

export async function openSuspension(db: Db, s: { companyId: string; reason: string; by: string }): Promise<void> {
  await db.insertInto('company_suspensions').values({ company_id: s.companyId, reason: s.reason, suspended_by: s.by }).execute();
}

/** Closes the open suspension, if one is on record (companies suspended before the table have none). */
export async function closeSuspension(db: Db, companyId: string, by: string): Promise<void> {
  await db.updateTable('company_suspensions').set({ reinstated_at: sql`now()`, reinstated_by: by })
    .where('company_id', '=', companyId).where('reinstated_at', 'is', null).execute();
}

/** The open suspension's reason and start, for the company's own portal. */
export async function findOpenSuspension(db: Db, companyId: string) {
  return db.selectFrom('company_suspensions').select(['reason', 'suspended_at as suspendedAt'])
    .where('company_id', '=', companyId).where('reinstated_at', 'is', null).executeTakeFirst();
}

/** The company's status, its row shared-locked until the transaction ends (a suspension waits for it, and it for a suspension). */
export async function companyStatusForShare(db: Db, companyId: string) {
  const row = await db.selectFrom('companies').select('status').where('id', '=', companyId).forShare().executeTakeFirst();
  return row?.status;
}
