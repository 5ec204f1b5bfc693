// A company as its members see and edit it in the portal: membership, profile, hours.
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';
import type { CompanyProfile } from '../portal/company-schemas.ts';
import type { StoredLogo } from '../db/schema.ts';
import { listedCompany } from './listed-companies.ts';

export type Membership = { companyId: string; slug: string; role: 'owner' | 'member' | null };

/** The company by slug and the user's role in it (null: not a member); undefined if no such company. */
export async function findMembership(db: Db, slug: string, userId: string): Promise<Membership | undefined> {
  const row = await db
    .selectFrom('companies as c')
    .leftJoin('company_members as m', (j) => j.onRef('m.company_id', '=', 'c.id').on('m.user_id', '=', userId))
    .select(['c.id', 'c.slug', 'm.role'])
    .where('c.slug', '=', slug)
    .executeTakeFirst();
  return row && { companyId: row.id, slug: row.slug, role: row.role ?? null };
}

export async function listUserCompanies(db: Db, userId: string) {
  return db
    .selectFrom('company_members as m')
    .innerJoin('companies as c', 'c.id', 'm.company_id')
    .leftJoin('company_texts as en', (j) => j.onRef('en.company_id', '=', 'c.id').on('en.locale', '=', 'en'))
    .leftJoin('company_texts as ko', (j) => j.onRef('ko.company_id', '=', 'c.id').on('ko.locale', '=', 'ko'))
    .leftJoin('company_suspensions as s', (j) => j.onRef('s.company_id', '=', 'c.id').on('s.reinstated_at', 'is', null))
    .select(['c.slug', 'm.role', 'en.name as nameEn', 'ko.name as nameKo', 'c.status', 's.reason as suspensionReason'])
    .select(listedCompany('c').as('listed'))
    .where('m.user_id', '=', userId)
    .orderBy('c.id')
    .execute();
}

export async function slugTaken(db: Db, slug: string): Promise<boolean> {
  return Boolean(await db.selectFrom('companies').select('id').where('slug', '=', slug).executeTakeFirst());
}

const columns = (p: CompanyProfile) => ({
  founded_year: p.foundedYear,
  employees: p.employees,
  region: p.region,
  website: p.website,
  languages: p.languages,
  export_markets: p.exportMarkets,
  certifications: p.certifications,
});

/** A new company with the user as its owner. Returns the company's id. */
export async function insertCompany(db: Db, slug: string, p: CompanyProfile, ownerId: string): Promise<string> {
  const { id } = await db.insertInto('companies').values({ slug, ...columns(p) }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('company_members').values({ company_id: id, user_id: ownerId, role: 'owner' }).execute();
  await upsertCompanyTexts(db, id, p);
  // Bookable from the start: weekdays 09:00-18:00 Korea time until the company says otherwise.
  await db.insertInto('availability_rules')
    .values([1, 2, 3, 4, 5].map((weekday) => ({ company_id: id, weekday, start_time: '09:00:00', end_time: '18:00:00', time_zone: 'Asia/Seoul' })))
    .execute();
  return id;
}

export async function updateCompany(db: Db, id: string, p: CompanyProfile): Promise<void> {
  await db.updateTable('companies').set({ ...columns(p), updated_at: sql`now()` }).where('id', '=', id).execute();
  await upsertCompanyTexts(db, id, p);
}

async function upsertCompanyTexts(db: Db, id: string, p: CompanyProfile): Promise<void> {
  await db
    .insertInto('company_texts')
    .values((['ko', 'en'] as const).map((locale) => ({ company_id: id, locale, name: p.names[locale], description: p.descriptions[locale] })))
    .onConflict((oc) => oc.columns(['company_id', 'locale']).doUpdateSet((eb) => ({ name: eb.ref('excluded.name'), description: eb.ref('excluded.description') })))
    .execute();
}

export async function findCompanyProfile(db: Db, id: string) {
  const [company, texts] = await Promise.all([
    db.selectFrom('companies')
      .select(['slug', 'founded_year', 'employees', 'region', 'website', 'languages', 'export_markets', 'certifications', 'status', 'requires_confirmation', 'logo_key', 'logo'])
      .where('id', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('company_texts').select(['locale', 'name', 'description']).where('company_id', '=', id).execute(),
  ]);
  return { company, texts };
}

export type StoredAvailability = {
  timeZone: string;
  requiresConfirmation: boolean;
  weeklyHours: { weekday: number; start: string; end: string }[];
  blackouts: { startsAt: Date; endsAt: Date; reason: string }[];
};

export async function findCompanyAvailability(db: Db, id: string): Promise<StoredAvailability> {
  const [company, rules, blackouts] = await Promise.all([
    db.selectFrom('companies').select(['time_zone', 'requires_confirmation']).where('id', '=', id).executeTakeFirstOrThrow(),
    db.selectFrom('availability_rules').select(['weekday', 'start_time', 'end_time'])
      .where('company_id', '=', id).orderBy('weekday').orderBy('start_time').execute(),
    db.selectFrom('blackouts').select(['starts_at', 'ends_at', 'reason'])
      .where('company_id', '=', id).orderBy('starts_at').execute(),
  ]);
  return {
    timeZone: company.time_zone,
    requiresConfirmation: company.requires_confirmation,
    weeklyHours: rules.map((r) => ({ weekday: r.weekday, start: r.start_time.slice(0, 5), end: r.end_time.startsWith('24') ? '24:00' : r.end_time.slice(0, 5) })),
    blackouts: blackouts.map((b) => ({ startsAt: b.starts_at, endsAt: b.ends_at, reason: b.reason })),
  };
}

/** Replaces the company's hours and days off wholesale (the form always sends all of them). */
export async function replaceCompanyAvailability(
  db: Db,
  id: string,
  a: { requiresConfirmation: boolean; timeZone: string; weeklyHours: { weekday: number; start: string; end: string }[]; blackouts: { startsAt: Date; endsAt: Date; reason: string }[] },
): Promise<void> {
  await db.updateTable('companies').set({ requires_confirmation: a.requiresConfirmation, updated_at: sql`now()` }).where('id', '=', id).execute();
  await db.deleteFrom('availability_rules').where('company_id', '=', id).execute();
  if (a.weeklyHours.length > 0) {
    await db.insertInto('availability_rules')
      .values(a.weeklyHours.map((h) => ({ company_id: id, weekday: h.weekday, start_time: h.start === '24:00' ? '24:00:00' : `${h.start}:00`, end_time: h.end === '24:00' ? '24:00:00' : `${h.end}:00`, time_zone: a.timeZone })))
      .execute();
  }
  await db.deleteFrom('blackouts').where('company_id', '=', id).execute();
  if (a.blackouts.length > 0) {
    await db.insertInto('blackouts')
      .values(a.blackouts.map((b) => ({ company_id: id, starts_at: b.startsAt, ends_at: b.endsAt, reason: b.reason })))
      .execute();
  }
}

export async function publishedProductIds(db: Db, companyId: string): Promise<string[]> {
  const rows = await db.selectFrom('products').select('id').where('company_id', '=', companyId).where('status', '=', 'approved').execute();
  return rows.map((r) => r.id);
}

export async function findCompanyLogo(db: Db, companyId: string) {
  const row = await db.selectFrom('companies').select(['logo_key', 'logo']).where('id', '=', companyId).executeTakeFirst();
  return row?.logo_key && row.logo ? { key: row.logo_key, logo: row.logo } : undefined;
}

export async function setCompanyLogo(db: Db, companyId: string, value: { key: string; logo: StoredLogo } | null): Promise<void> {
  await db.updateTable('companies')
    .set({ logo_key: value?.key ?? null, logo: value ? JSON.stringify(value.logo) : null, updated_at: sql`now()` })
    .where('id', '=', companyId).execute();
}
