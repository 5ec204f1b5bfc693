// Seeds a real database: PostgreSQL when TEST_DATABASE_URL or DATABASE_URL is set (a scratch
// database created and dropped for this file), in-memory PGlite otherwise.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from '../db/migrate.ts';
import { createTestDatabase } from '../test-support/test-database.ts';
import { generateDemoData } from './generate.ts';
import { isDatabaseEmpty, resetDemoData, seedDemoData, type SeedProgress, type SeedSummary } from './seed.ts';

const OPTIONS = { seed: 3, companies: 20, products: 200 };
const expected = generateDemoData(OPTIONS);

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let summary: SeedSummary;
const progress: SeedProgress[] = [];

const count = async (table: 'pavilions' | 'categories' | 'companies' | 'company_texts' | 'products' | 'product_texts'
  | 'rooms' | 'interpreters' | 'interpreter_languages' | 'availability_rules' | 'blackouts') =>
  Number((await handle.db.selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  expect(await isDatabaseEmpty(handle.db)).toBe(true);
  summary = await seedDemoData(handle.db, { ...OPTIONS, batchSize: 64 }, (p) => progress.push(p));
}, 120_000);
afterAll(async () => handle?.close());

describe(`seedDemoData`, () => {
  it('inserts every generated row', async () => {
    expect(summary).toEqual({
      pavilions: expected.pavilions.length,
      categories: expected.categories.length,
      companies: 20,
      companyTexts: expected.companyTexts.length,
      products: 200,
      productTexts: expected.productTexts.length,
      rooms: 15,
      interpreters: 18,
      interpreterLanguages: 18,
      availabilityRules: 5 * (20 + 15 + 18),
      blackouts: expected.blackouts.length,
    });
    expect(await count('pavilions')).toBe(summary.pavilions);
    expect(await count('categories')).toBe(summary.categories);
    expect(await count('companies')).toBe(20);
    expect(await count('company_texts')).toBe(expected.companyTexts.length);
    expect(await count('products')).toBe(200);
    expect(await count('product_texts')).toBe(summary.productTexts);
    expect(await count('rooms')).toBe(15);
    expect(await count('interpreters')).toBe(18);
    expect(await count('interpreter_languages')).toBe(18);
    expect(await count('availability_rules')).toBe(summary.availabilityRules);
    expect(await count('blackouts')).toBe(summary.blackouts);
    expect(await isDatabaseEmpty(handle.db)).toBe(false);
  });

  it('reports progress per batch up to the total', () => {
    const products = progress.filter((p) => p.phase === 'products');
    expect(products.map((p) => p.done)).toEqual([0, 64, 128, 192, 200]);
    expect(products.every((p) => p.total === 200)).toBe(true);
  });

  it('links a product to its texts, company, pavilion and category', async () => {
    const generated = expected.products[17]!;
    const row = await handle.db
      .selectFrom('products as p')
      .innerJoin('companies as c', 'c.id', 'p.company_id')
      .innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
      .innerJoin('categories as cat', 'cat.id', 'p.category_id')
      .select(['p.id', 'p.status', 'p.price_terms', 'p.specifications', 'p.certifications', 'p.hs_code', 'p.published_at',
        'c.slug as company', 'pv.slug as pavilion', 'cat.slug as category', 'cat.pavilion_id as categoryPavilion', 'pv.id as pavilionId'])
      .where('p.slug', '=', generated.slug)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      status: 'approved',
      company: generated.company_slug,
      pavilion: generated.pavilion_slug,
      category: generated.category_slug,
      price_terms: generated.price_terms,
      specifications: generated.specifications,
      certifications: generated.certifications,
      hs_code: generated.hs_code,
    });
    expect(row.categoryPavilion).toBe(row.pavilionId);
    expect(new Date(row.published_at!).toISOString()).toBe(generated.published_at.toISOString());

    const texts = await handle.db.selectFrom('product_texts').selectAll().where('product_id', '=', row.id).orderBy('locale').execute();
    const want = expected.productTexts.filter((t) => t.product_slug === generated.slug);
    expect(texts.map((t) => t.locale).sort()).toEqual(want.map((t) => t.locale).sort());
    const en = texts.find((t) => t.locale === 'en')!;
    expect(en).toMatchObject({ name: want.find((t) => t.locale === 'en')!.name, keywords: want.find((t) => t.locale === 'en')!.keywords });
    expect(texts.find((t) => t.locale === 'ko')?.name).toMatch(/[가-힣]/);
  });

  it('keeps every product in a category of its own pavilion and gives each en and ko text', async () => {
    const mismatched = await handle.db
      .selectFrom('products as p')
      .innerJoin('categories as c', 'c.id', 'p.category_id')
      .whereRef('c.pavilion_id', '<>', 'p.pavilion_id')
      .select('p.id')
      .execute();
    expect(mismatched).toEqual([]);
    const withBoth = await handle.db
      .selectFrom('product_texts')
      .select('product_id')
      .where('locale', 'in', ['en', 'ko'])
      .groupBy('product_id')
      .having((eb) => eb.fn.countAll(), '=', 2)
      .execute();
    expect(withBoth).toHaveLength(200);
  });

  it('stores holidays as whole Seoul days and hours per owner', async () => {
    const chuseok = await handle.db.selectFrom('blackouts').selectAll()
      .where('starts_at', '=', new Date('2026-09-24T15:00:00Z')).executeTakeFirstOrThrow();
    expect(new Date(chuseok.ends_at).toISOString()).toBe('2026-09-25T15:00:00.000Z');
    expect([chuseok.company_id, chuseok.room_id, chuseok.interpreter_id]).toEqual([null, null, null]);
    const room = await handle.db.selectFrom('availability_rules as a').innerJoin('rooms as r', 'r.id', 'a.room_id')
      .select(['a.start_time', 'a.end_time', 'a.weekday']).where('r.name', '=', 'Seoul HQ Room 1').orderBy('a.weekday').execute();
    expect(room.map((r) => [r.weekday, r.start_time, r.end_time])).toEqual(
      [1, 2, 3, 4, 5].map((d) => [d, '08:00:00', '20:00:00']),
    );
  });

  it('resets and seeds again to the same catalogue and ids', async () => {
    const before = await handle.db.selectFrom('products').select(['id', 'slug']).orderBy('id').execute();
    await resetDemoData(handle.db);
    expect(await isDatabaseEmpty(handle.db)).toBe(true);
    expect(await count('products')).toBe(0);
    expect(await count('availability_rules')).toBe(0);
    await seedDemoData(handle.db, OPTIONS);
    const after = await handle.db.selectFrom('products').select(['id', 'slug']).orderBy('id').execute();
    expect(after).toEqual(before);
  }, 120_000);
});
