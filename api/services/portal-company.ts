// The company portal's rules: who may see and change a company, and what changing it does.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ForbiddenError, NotFoundError } from '../errors.ts';
import { isStaff, type SessionUser } from '../auth/user.ts';
import type { Availability, CompanyProfile } from '../portal/company-schemas.ts';
import {
  publishedProductIds,
  findCompanyAvailability, findCompanyProfile, findMembership, insertCompany, listUserCompanies,
  replaceCompanyAvailability, slugTaken, updateCompany, type Membership,
} from '../repositories/companies.ts';
import { localDate, localDay } from '../scheduling/weekly-hours.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { logoView } from './logo-view.ts';
import { enqueueCatalogueChange } from '../jobs/catalogue-jobs.ts';
import { findOpenSuspension } from '../repositories/company-status.ts';

export type PortalDeps = { db: Kysely<Database>; now: () => number; jobs?: JobQueue | undefined };

/**
 * The company if the user may act for it: its members, and staff. Another company's
 * member gets 403 (company pages are public, so its existence is no secret); an unknown
 * slug 404.
 */
export async function companyAccess(deps: PortalDeps, slug: string, user: SessionUser): Promise<Membership> {
  const m = await findMembership(deps.db, slug, user.id);
  if (!m) throw new NotFoundError(`No company "${slug}".`, { code: 'company-unknown' });
  if (!m.role && !isStaff(user)) throw new ForbiddenError('You are not a member of this company.', { code: 'not-member' });
  return m;
}

export async function myAccount(deps: PortalDeps, user: SessionUser) {
  const companies = await listUserCompanies(deps.db, user.id);
  return {
    user: { id: user.id, name: user.name, email: user.email, role: user.role, locale: user.locale, emailVerified: user.emailVerified },
    companies: companies.map((c) => ({
      slug: c.slug, role: c.role, names: { en: c.nameEn ?? '', ko: c.nameKo ?? '' },
      // Members of a suspended company still sign in; the portal says so, with staff's reason.
      status: c.status, suspension: c.status === 'suspended' ? { reason: c.suspensionReason } : null,
      // Public (page, search, requests to it) only from its first approved product: listed-companies.ts.
      listed: c.listed,
    })),
  };
}

/** A URL name from the English name: ASCII letters and digits joined by hyphens. */
export function slugify(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'company';
}

async function freeSlug(db: Kysely<Database>, base: string): Promise<string> {
  for (let n = 1; n <= 20; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (!(await slugTaken(db, slug))) return slug;
  }
  return `${base}-${randomBytes(3).toString('hex')}`;
}

export async function registerCompany(deps: PortalDeps, user: SessionUser, profile: CompanyProfile) {
  if (!user.emailVerified) throw new ForbiddenError('Confirm your e-mail address first.', { code: 'email-unverified' });
  // A race for the same slug ends in the unique index: the loser's transaction fails
  // and is retried once with a fresh look at what is taken.
  for (let attempt = 0; ; attempt++) {
    try {
      return await deps.db.transaction().execute(async (trx) => {
        const slug = await freeSlug(trx, slugify(profile.names.en));
        const companyId = await insertCompany(trx, slug, profile, user.id);
        await enqueueCatalogueChange(deps.jobs, trx, { companyIds: [companyId], reason: `company ${slug} registered` });
        return companyView(trx, slug);
      });
    } catch (err) {
      if (attempt < 1 && (err as { code?: string }).code === '23505') continue;
      throw err;
    }
  }
}

async function companyView(db: Kysely<Database>, slug: string) {
  const m = await db.selectFrom('companies').select('id').where('slug', '=', slug).executeTakeFirstOrThrow();
  const { company: c, texts } = await findCompanyProfile(db, m.id);
  const t = (locale: string) => texts.find((x) => x.locale === locale);
  // A suspended company's members still sign in; the portal tells them why (the reason staff gave).
  const open = c.status === 'suspended' ? await findOpenSuspension(db, m.id) : undefined;
  return {
    slug: c.slug,
    status: c.status,
    suspension: c.status === 'suspended' ? { reason: open?.reason ?? null, since: open?.suspendedAt.toISOString() ?? null } : null,
    logo: logoView(c.logo_key, c.logo),
    profile: {
      names: { ko: t('ko')?.name ?? '', en: t('en')?.name ?? '' },
      descriptions: { ko: t('ko')?.description ?? '', en: t('en')?.description ?? '' },
      foundedYear: c.founded_year,
      employees: c.employees,
      region: c.region,
      languages: c.languages,
      exportMarkets: c.export_markets,
      certifications: c.certifications,
      website: c.website,
    },
  };
}

export async function viewCompany(deps: PortalDeps, slug: string, user: SessionUser) {
  await companyAccess(deps, slug, user);
  return companyView(deps.db, slug);
}

export async function editCompany(deps: PortalDeps, slug: string, user: SessionUser, profile: CompanyProfile) {
  const m = await companyAccess(deps, slug, user);
  return deps.db.transaction().execute(async (trx) => {
    await updateCompany(trx, m.companyId, profile);
    // The company's name, region and languages are in its products' pages and documents.
    await enqueueCatalogueChange(deps.jobs, trx, { productIds: await publishedProductIds(trx, m.companyId), companyIds: [m.companyId], reason: `company ${slug} edited` });
    return companyView(trx, slug);
  });
}

export async function viewAvailability(deps: PortalDeps, slug: string, user: SessionUser) {
  const m = await companyAccess(deps, slug, user);
  return availabilityView(await findCompanyAvailability(deps.db, m.companyId));
}

function availabilityView(a: Awaited<ReturnType<typeof findCompanyAvailability>>) {
  return {
    timeZone: a.timeZone,
    requiresConfirmation: a.requiresConfirmation,
    weeklyHours: a.weeklyHours,
    blackoutDates: a.blackouts.map((b) => ({ date: localDate(b.startsAt.getTime(), a.timeZone), reason: b.reason })),
  };
}

export async function setAvailability(deps: PortalDeps, slug: string, user: SessionUser, a: Availability) {
  const m = await companyAccess(deps, slug, user);
  return deps.db.transaction().execute(async (trx) => {
    const { timeZone } = await findCompanyAvailability(trx, m.companyId);
    await replaceCompanyAvailability(trx, m.companyId, {
      requiresConfirmation: a.requiresConfirmation,
      timeZone,
      weeklyHours: a.weeklyHours,
      blackouts: a.blackoutDates.map((b) => {
        const day = localDay(b.date, timeZone);
        return { startsAt: new Date(day.start), endsAt: new Date(day.end), reason: b.reason };
      }),
    });
    return availabilityView(await findCompanyAvailability(trx, m.companyId));
  });
}
