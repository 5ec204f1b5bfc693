// Writes generated demo data to the database: the catalogue (pavilions, companies, rooms,
// interpreters, hours, holidays) in one transaction, then products in batches of their own
// transactions, generated lazily so 100,000 products stay within modest memory. Generated
// natural keys (slugs, room names, e-mails) are mapped to database ids via RETURNING.
import { type Kysely, type Transaction, sql } from 'kysely';
import type { Database } from '../db/schema.ts';
import { generateCatalogue, generateProducts } from './generate.ts';
import { insertQueuedRequests } from './queued-requests.ts';
import type { DemoCatalogue, DemoDataOptions, DemoProductBatch } from './types.ts';

export type SeedOptions = DemoDataOptions & {
  /** Products per transaction (default 500). */
  batchSize?: number;
};

export type SeedProgress = { phase: 'catalogue' | 'products'; done: number; total: number };

export type SeedSummary = {
  pavilions: number;
  categories: number;
  companies: number;
  companyTexts: number;
  products: number;
  productTexts: number;
  rooms: number;
  interpreters: number;
  interpreterLanguages: number;
  availabilityRules: number;
  blackouts: number;
};

type Ids = {
  pavilions: Map<string, string>;
  /** Keyed by `${pavilion_slug}/${category_slug}`. */
  categories: Map<string, string>;
  companies: Map<string, string>;
  rooms: Map<string, string>;
  interpreters: Map<string, string>;
};

// PostgreSQL allows 65,535 bind parameters per statement; stay well below.
const MAX_PARAMETERS = 60_000;

function chunks<T>(rows: readonly T[], columns: number, wanted = 1000): T[][] {
  const size = Math.max(1, Math.min(wanted, Math.floor(MAX_PARAMETERS / columns)));
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += size) out.push(rows.slice(i, i + size));
  return out;
}

function idOf(map: Map<string, string>, key: string | null, what: string): string | null {
  if (key === null) return null;
  const id = map.get(key);
  if (id === undefined) throw new Error(`Seed data refers to an unknown ${what}: ${key}`);
  return id;
}

function need(map: Map<string, string>, key: string, what: string): string {
  return idOf(map, key, what)!;
}

async function insertCatalogue(trx: Transaction<Database>, c: DemoCatalogue): Promise<Ids> {
  const ids: Ids = {
    pavilions: new Map(), categories: new Map(), companies: new Map(), rooms: new Map(), interpreters: new Map(),
  };

  for (const rows of chunks(c.pavilions, 7)) {
    const inserted = await trx
      .insertInto('pavilions')
      .values(rows.map((p) => ({
        slug: p.slug,
        names: JSON.stringify(p.names),
        stories: JSON.stringify(p.stories),
        sort_order: p.sort_order,
        retired_at: p.retired_at,
        created_at: p.created_at,
        updated_at: p.updated_at,
      })))
      .returning(['id', 'slug'])
      .execute();
    for (const r of inserted) ids.pavilions.set(r.slug, r.id);
  }

  for (const rows of chunks(c.categories, 4)) {
    const inserted = await trx
      .insertInto('categories')
      .values(rows.map((cat) => ({
        pavilion_id: need(ids.pavilions, cat.pavilion_slug, 'pavilion'),
        slug: cat.slug,
        names: JSON.stringify(cat.names),
        sort_order: cat.sort_order,
      })))
      .returning(['id', 'slug', 'pavilion_id'])
      .execute();
    const slugById = new Map([...ids.pavilions].map(([slug, id]) => [id, slug]));
    for (const r of inserted) ids.categories.set(`${slugById.get(r.pavilion_id)}/${r.slug}`, r.id);
  }

  for (const rows of chunks(c.companies, 14)) {
    const inserted = await trx
      .insertInto('companies')
      .values(rows.map((co) => ({
        slug: co.slug,
        founded_year: co.founded_year,
        employees: co.employees,
        region: co.region,
        website: co.website,
        logo_key: co.logo_key,
        languages: co.languages,
        export_markets: co.export_markets,
        certifications: co.certifications,
        time_zone: co.time_zone,
        requires_confirmation: co.requires_confirmation,
        status: co.status,
        created_at: co.created_at,
        updated_at: co.updated_at,
      })))
      .returning(['id', 'slug'])
      .execute();
    for (const r of inserted) ids.companies.set(r.slug, r.id);
  }

  for (const rows of chunks(c.companyTexts, 4)) {
    await trx
      .insertInto('company_texts')
      .values(rows.map((t) => ({
        company_id: need(ids.companies, t.company_slug, 'company'),
        locale: t.locale,
        name: t.name,
        description: t.description,
      })))
      .execute();
  }

  for (const rows of chunks(c.rooms, 8)) {
    const inserted = await trx.insertInto('rooms').values(rows).returning(['id', 'name']).execute();
    for (const r of inserted) ids.rooms.set(r.name, r.id);
  }

  for (const rows of chunks(c.interpreters, 4)) {
    const inserted = await trx.insertInto('interpreters').values(rows).returning(['id', 'email']).execute();
    for (const r of inserted) ids.interpreters.set(r.email, r.id);
  }

  for (const rows of chunks(c.interpreterLanguages, 2)) {
    await trx
      .insertInto('interpreter_languages')
      .values(rows.map((l) => ({ interpreter_id: need(ids.interpreters, l.interpreter_email, 'interpreter'), language: l.language })))
      .execute();
  }

  for (const rows of chunks(c.availabilityRules, 7)) {
    await trx
      .insertInto('availability_rules')
      .values(rows.map((r) => ({
        company_id: idOf(ids.companies, r.company_slug, 'company'),
        room_id: idOf(ids.rooms, r.room_name, 'room'),
        interpreter_id: idOf(ids.interpreters, r.interpreter_email, 'interpreter'),
        weekday: r.weekday,
        start_time: r.start_time,
        end_time: r.end_time,
        time_zone: r.time_zone,
      })))
      .execute();
  }

  for (const rows of chunks(c.blackouts, 6)) {
    await trx
      .insertInto('blackouts')
      .values(rows.map((b) => ({
        company_id: idOf(ids.companies, b.company_slug, 'company'),
        room_id: idOf(ids.rooms, b.room_name, 'room'),
        interpreter_id: idOf(ids.interpreters, b.interpreter_email, 'interpreter'),
        starts_at: b.starts_at,
        ends_at: b.ends_at,
        reason: b.reason,
      })))
      .execute();
  }
  return ids;
}

async function insertProducts(trx: Transaction<Database>, batch: DemoProductBatch, ids: Ids): Promise<void> {
  const productIds = new Map<string, string>();
  for (const rows of chunks(batch.products, 17, batch.products.length)) {
    const inserted = await trx
      .insertInto('products')
      .values(rows.map((p) => ({
        slug: p.slug,
        company_id: need(ids.companies, p.company_slug, 'company'),
        pavilion_id: need(ids.pavilions, p.pavilion_slug, 'pavilion'),
        category_id: need(ids.categories, `${p.pavilion_slug}/${p.category_slug}`, 'category'),
        status: p.status,
        rejection_reason: p.rejection_reason,
        moq: p.moq,
        moq_unit: p.moq_unit,
        lead_time_days: p.lead_time_days,
        price_terms: JSON.stringify(p.price_terms),
        hs_code: p.hs_code,
        certifications: p.certifications,
        export_markets: p.export_markets,
        specifications: JSON.stringify(p.specifications),
        published_at: p.published_at,
        created_at: p.created_at,
        updated_at: p.updated_at,
      })))
      .returning(['id', 'slug'])
      .execute();
    for (const r of inserted) productIds.set(r.slug, r.id);
  }
  for (const rows of chunks(batch.productTexts, 6, batch.productTexts.length)) {
    await trx
      .insertInto('product_texts')
      .values(rows.map((t) => ({
        product_id: need(productIds, t.product_slug, 'product'),
        locale: t.locale,
        name: t.name,
        summary: t.summary,
        description: t.description,
        keywords: t.keywords,
      })))
      .execute();
  }
}

/** Seeds an empty (migrated) database; see isDatabaseEmpty and resetDemoData. */
export async function seedDemoData(
  db: Kysely<Database>,
  opts: SeedOptions = {},
  onProgress?: (progress: SeedProgress) => void,
): Promise<SeedSummary> {
  const { batchSize = 500, ...dataOptions } = opts;
  const catalogue = generateCatalogue(dataOptions);
  const total = catalogue.options.products;

  onProgress?.({ phase: 'catalogue', done: 0, total: catalogue.companies.length });
  const ids = await db.transaction().execute((trx) => insertCatalogue(trx, catalogue));
  onProgress?.({ phase: 'catalogue', done: catalogue.companies.length, total: catalogue.companies.length });

  let products = 0;
  let productTexts = 0;
  onProgress?.({ phase: 'products', done: 0, total });
  for (const batch of generateProducts(catalogue, batchSize)) {
    await db.transaction().execute((trx) => insertProducts(trx, batch, ids));
    products += batch.products.length;
    productTexts += batch.productTexts.length;
    onProgress?.({ phase: 'products', done: products, total });
  }
  await insertQueuedRequests(db, catalogue, ids.companies);
  // A bulk load leaves the planner without statistics (PGlite runs no autovacuum), and
  // every later query of the catalogue would then be planned blind.
  await sql`ANALYZE`.execute(db);

  return {
    pavilions: catalogue.pavilions.length,
    categories: catalogue.categories.length,
    companies: catalogue.companies.length,
    companyTexts: catalogue.companyTexts.length,
    products,
    productTexts,
    rooms: catalogue.rooms.length,
    interpreters: catalogue.interpreters.length,
    interpreterLanguages: catalogue.interpreterLanguages.length,
    availabilityRules: catalogue.availabilityRules.length,
    blackouts: catalogue.blackouts.length,
  };
}

/** True when no pavilion exists, i.e. the catalogue has never been seeded or was reset. */
export async function isDatabaseEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('pavilions').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}

/** Catalogue and scheduling tables; users, buyers and idempotency keys are left alone. */
export const DEMO_TABLES = [
  'consultation_events', 'consultations', 'meeting_requests', 'blackouts', 'availability_rules',
  'interpreter_languages', 'interpreters', 'rooms', 'product_images', 'product_revisions', 'product_texts',
  'products', 'company_members', 'company_texts', 'companies', 'categories', 'pavilions',
] as const;

/**
 * Deletes every catalogue and scheduling row and restarts their ids, in one statement.
 * CASCADE also empties tables added later that point at these (a company's invitations):
 * rows about companies that no longer exist.
 */
export async function resetDemoData(db: Kysely<Database>): Promise<void> {
  await sql`TRUNCATE TABLE ${sql.join(DEMO_TABLES.map((t) => sql.table(t)))} RESTART IDENTITY CASCADE`.execute(db);
}
