// The companies and pavilions indexes: the hall's directory, searched beside the products.
// Small (thousands of documents at most), so a rebuild is one batch each; documents carry
// public profile data only (no member, buyer or contact fields; e-mails and phones typed
// into descriptions are dropped as for products).
import { sql, type Kysely } from 'kysely';
import type { Meilisearch, Settings } from 'meilisearch';
import type { Database, LocalizedText } from '../api/db/schema.ts';
import { listedCompany } from '../api/repositories/listed-companies.ts';
import { waitOk } from './client.ts';
import { clean, truncate } from './documents.ts';
import { INDEXES, LOCALE_CODES, LOCALES, loadSynonyms, type Locale } from './settings.ts';

export type CompanyDocument = Partial<Record<`${'name' | 'description'}_${Locale}`, string>> & {
  id: string; // `c-<companies.id>`
  slug: string;
  region: string;
  languages: string[];
  exportMarkets: string[];
  certifications: string[];
  /** Slugs of the pavilions it shows products in. */
  pavilions: string[];
  productCount: number;
};

export type PavilionDocument = Partial<Record<`${'name' | 'story'}_${Locale}`, string>> & {
  id: string; // `v-<pavilions.id>`
  slug: string;
  order: number;
  productCount: number;
};

export const companyDocumentId = (id: string) => `c-${id}`;
export const pavilionDocumentId = (id: string) => `v-${id}`;
const perLocale = (field: string) => LOCALE_CODES.map((l) => `${field}_${l}`);
const localized = LOCALE_CODES.map((l) => ({ attributePatterns: [`*_${l}`], locales: [LOCALES[l]] }));
const isLocale = (l: string): l is Locale => (LOCALE_CODES as string[]).includes(l);

export function companySettings(): Settings {
  return {
    searchableAttributes: [...perLocale('name'), 'certifications', ...perLocale('description')],
    filterableAttributes: ['region', 'languages', 'exportMarkets', 'certifications', 'pavilions'],
    sortableAttributes: ['productCount'],
    typoTolerance: { enabled: true, disableOnNumbers: true },
    localizedAttributes: localized,
    synonyms: loadSynonyms(),
  };
}

export function pavilionSettings(): Settings {
  return {
    searchableAttributes: [...perLocale('name'), ...perLocale('story')],
    sortableAttributes: ['order'],
    localizedAttributes: localized,
    synonyms: loadSynonyms(),
  };
}

/** companies.id of every company that belongs in the index (as companyDocuments picks them), ascending. */
export async function indexableCompanyIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('companies').select('id').where(listedCompany('companies')).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** pavilions.id of every pavilion that belongs in the index (as pavilionDocuments picks them), ascending. */
export async function indexablePavilionIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('pavilions').select('id').where('retired_at', 'is', null).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** Listed companies (all, or those of `ids`) as documents: active, with a published product. */
export async function companyDocuments(db: Kysely<Database>, ids?: readonly string[]): Promise<CompanyDocument[]> {
  if (ids && ids.length === 0) return [];
  const companies = await db.selectFrom('companies as c')
    .select((eb) => [
      'c.id', 'c.slug', 'c.region', 'c.languages', 'c.export_markets', 'c.certifications',
      // Products in a retired pavilion are off the site and out of search: not counted here either.
      eb.selectFrom('products as p').select(sql<string[]>`coalesce(array_agg(distinct pv.slug), '{}')`.as('s'))
        .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
        .whereRef('p.company_id', '=', 'c.id').where('p.status', '=', 'approved').where('pv.retired_at', 'is', null).as('pavilions'),
      eb.selectFrom('products as p').select(eb.fn.countAll<string>().as('n'))
        .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
        .whereRef('p.company_id', '=', 'c.id').where('p.status', '=', 'approved').where('pv.retired_at', 'is', null).as('productCount'),
    ])
    .where(listedCompany('c'))
    .$if(ids !== undefined, (qb) => qb.where('c.id', 'in', [...ids!]))
    .orderBy('c.id')
    .execute();
  if (companies.length === 0) return [];
  const texts = await db.selectFrom('company_texts').select(['company_id', 'locale', 'name', 'description'])
    .where('company_id', 'in', companies.map((c) => c.id)).execute();
  return companies.map((c) => {
    const doc: CompanyDocument = {
      id: companyDocumentId(c.id), slug: c.slug, region: c.region, languages: c.languages, exportMarkets: c.export_markets,
      certifications: c.certifications, pavilions: c.pavilions ?? [], productCount: Number(c.productCount ?? 0),
    };
    for (const t of texts) {
      if (t.company_id !== c.id || !isLocale(t.locale)) continue;
      if (t.name) doc[`name_${t.locale}`] = clean(t.name);
      const description = truncate(clean(t.description), 1_000);
      if (description) doc[`description_${t.locale}`] = description;
    }
    return doc;
  });
}

export async function pavilionDocuments(db: Kysely<Database>): Promise<PavilionDocument[]> {
  const rows = await db.selectFrom('pavilions as pv')
    .select((eb) => [
      'pv.id', 'pv.slug', 'pv.names', 'pv.stories', 'pv.sort_order',
      // As the products index has them: approved, and not of a suspended company.
      eb.selectFrom('products as p').select(eb.fn.countAll<string>().as('n'))
        .innerJoin('companies as c', 'c.id', 'p.company_id')
        .whereRef('p.pavilion_id', '=', 'pv.id').where('p.status', '=', 'approved').where('c.status', '=', 'active').as('productCount'),
    ])
    .where('pv.retired_at', 'is', null)
    .orderBy('pv.sort_order').orderBy('pv.id')
    .execute();
  return rows.map((r) => {
    const doc: PavilionDocument = { id: pavilionDocumentId(r.id), slug: r.slug, order: r.sort_order, productCount: Number(r.productCount ?? 0) };
    for (const l of LOCALE_CODES) {
      const name = (r.names as LocalizedText)[l];
      const story = (r.stories as LocalizedText)[l];
      if (name) doc[`name_${l}`] = clean(name);
      if (story) doc[`story_${l}`] = truncate(clean(story), 1_000);
    }
    return doc;
  });
}

/** Rebuilds one small index into a fresh one and swaps it in, so searches never see it half-built. */
async function rebuild(client: Meilisearch, live: string, settings: Settings, documents: object[]): Promise<number> {
  const fresh = `${live}_${Date.now()}`;
  await waitOk(client.createIndex(fresh, { primaryKey: 'id' }));
  try {
    await waitOk(client.index(fresh).updateSettings(settings), 600_000);
    if (documents.length > 0) await waitOk(client.index(fresh).addDocuments(documents as Record<string, unknown>[]), 600_000);
    const exists = await client.getRawIndex(live).then(() => true, () => false);
    await waitOk(client.swapIndexes([{ indexes: [fresh, live], rename: !exists }]));
    if (exists) await waitOk(client.deleteIndex(fresh));
    return documents.length;
  } catch (err) {
    await waitOk(client.deleteIndex(fresh)).catch(() => {});
    throw err;
  }
}

export async function reindexDirectory(db: Kysely<Database>, client: Meilisearch): Promise<{ companies: number; pavilions: number }> {
  const [companies, pavilions] = await Promise.all([companyDocuments(db), pavilionDocuments(db)]);
  return {
    companies: await rebuild(client, INDEXES.companies, companySettings(), companies),
    pavilions: await rebuild(client, INDEXES.pavilions, pavilionSettings(), pavilions),
  };
}

/** Writes the companies as they are now (deleting those no longer shown), and the pavilions. */
export async function syncCompanies(db: Kysely<Database>, client: Meilisearch, companyIds: readonly string[]): Promise<void> {
  if (companyIds.length > 0) {
    const docs = await companyDocuments(db, companyIds);
    const present = new Set(docs.map((d) => d.id));
    const gone = companyIds.map(companyDocumentId).filter((id) => !present.has(id));
    const index = client.index(INDEXES.companies);
    if (docs.length > 0) await waitOk(index.addDocuments(docs));
    if (gone.length > 0) await waitOk(index.deleteDocuments(gone));
  }
  await syncPavilions(db, client);
}

/**
 * Every pavilion as it is now (names, stories, order, counts), retired ones deleted. A few
 * dozen documents: cheaper to rewrite them all than to track which changed.
 */
export async function syncPavilions(db: Kysely<Database>, client: Meilisearch): Promise<void> {
  const [pavilions, retired] = await Promise.all([
    pavilionDocuments(db),
    db.selectFrom('pavilions').select('id').where('retired_at', 'is not', null).execute(),
  ]);
  const index = client.index(INDEXES.pavilions);
  if (pavilions.length > 0) await waitOk(index.addDocuments(pavilions));
  if (retired.length > 0) await waitOk(index.deleteDocuments(retired.map((r) => pavilionDocumentId(r.id))));
}
