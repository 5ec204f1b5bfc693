// Drift between the indexes and the database, detected against the real engine, for each
// of the three indexes: a document deleted from the index or added to it, a row changed,
// withdrawn, suspended or retired in the database, a setting changed on the index. Each
// case is undone by a reindex.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import type { DatabaseHandle } from '../api/db/database.ts';
import { createTestDatabase } from '../api/test-support/test-database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { waitOk } from './client.ts';
import { companyDocumentId, pavilionDocumentId, reindexDirectory } from './directory.ts';
import { productDocumentId } from './documents.ts';
import { checkDrift, sampleOf, settingsDifferences, type IndexDrift } from './drift.ts';
import { formatDriftReport } from './drift-report.ts';
import { startTestEngine, type TestEngine } from './test-engine.ts';
import { reindexAll } from './reindex.ts';
import { INDEXES, productSettings } from './settings.ts';
import { APPROVED_SLUGS, seedCatalogue } from './test-fixtures.ts';

let testEngine: TestEngine;
let client: Meilisearch;
let database: DatabaseHandle;

beforeAll(async () => {
  testEngine = await startTestEngine('drift');
  ({ client } = testEngine);
  database = await createTestDatabase(); // PostgreSQL with TEST_DATABASE_URL, else PGlite
  await migrateToLatest(database.db);
  await seedCatalogue(database.db);
}, 60_000);

afterAll(async () => {
  await testEngine?.stop();
  await database?.close();
});

const rowId = async (table: 'products' | 'companies' | 'pavilions', slug: string) =>
  (await database.db.selectFrom(table).select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id;
const idOf = async (slug: string) => productDocumentId(await rowId('products', slug));

const IN_STEP = { inStep: true, indexExists: true, missing: [], stale: [], differing: [], settings: [] };
/** Which indexes drift, by name. */
const drifting = (indexes: Record<string, IndexDrift>) => Object.keys(indexes).filter((k) => !indexes[k]!.inStep);

describe('checkDrift', () => {
  it('reports missing indexes as drift', async () => {
    const report = await checkDrift(database.db, client);
    expect(report.inStep).toBe(false);
    const { products, companies, pavilions } = report.indexes;
    expect(products).toMatchObject({ inStep: false, indexExists: false, databaseCount: APPROVED_SLUGS.length });
    expect(products.missing).toHaveLength(APPROVED_SLUGS.length);
    expect(companies).toMatchObject({ inStep: false, indexExists: false, databaseCount: 2 });
    expect(companies.missing).toHaveLength(2);
    expect(pavilions).toMatchObject({ inStep: false, indexExists: false, databaseCount: 2 });
    expect(formatDriftReport(report)).toMatch(
      /"products"[\s\S]*does not exist[\s\S]*"companies"[\s\S]*does not exist[\s\S]*"pavilions"[\s\S]*does not exist[\s\S]*DRIFT in "products", "companies", "pavilions"/,
    );
  });

  describe('with fresh indexes', () => {
    beforeEach(async () => {
      await reindexAll(database.db, client);
      await reindexDirectory(database.db, client);
    });

    it('finds freshly built indexes in step', async () => {
      const report = await checkDrift(database.db, client);
      expect(report.inStep).toBe(true);
      expect(report.indexes.products).toMatchObject({ ...IN_STEP, databaseCount: 4, indexCount: 4, sampled: 4 });
      expect(report.indexes.companies).toMatchObject({ ...IN_STEP, databaseCount: 2, indexCount: 2, sampled: 2 });
      expect(report.indexes.pavilions).toMatchObject({ ...IN_STEP, databaseCount: 2, indexCount: 2, sampled: 2 });
      expect(formatDriftReport(report)).toMatch(/^Index "products"[\s\S]*\nIndex "companies"[\s\S]*\nIndex "pavilions"[\s\S]*\nIn step\.$/);
    });

    it('reports a product document deleted from the index', async () => {
      const id = await idOf('kf94-mask');
      await waitOk(client.index(INDEXES.products).deleteDocument(id));
      const report = await checkDrift(database.db, client);
      expect(report.indexes.products).toMatchObject({ inStep: false, databaseCount: 4, indexCount: 3, missing: [id], stale: [] });
      expect(drifting(report.indexes)).toEqual(['products']);
      expect(formatDriftReport(report)).toMatch(new RegExp(`\\n  missing from the index: +1  ${id}\\n`));
      expect(formatDriftReport(report)).toMatch(/DRIFT in "products": the index does not match/);
    });

    it('reports a product changed in the database, field by field', async () => {
      const id = await rowId('products', 'gas-insulated-switchgear');
      await database.db.updateTable('products').set({ moq: 7, certifications: ['KEMA'] }).where('id', '=', id).execute();
      await database.db.updateTable('product_texts').set({ name: 'Gas-insulated switchgear, 36 kV' })
        .where('product_id', '=', id).where('locale', '=', 'en').execute();
      try {
        const report = await checkDrift(database.db, client);
        expect(drifting(report.indexes)).toEqual(['products']);
        expect(report.indexes.products.missing).toEqual([]);
        expect(report.indexes.products.differing).toEqual([{
          id: productDocumentId(id),
          slug: 'gas-insulated-switchgear',
          fields: [
            { field: 'certifications', database: ['KEMA'], index: [] },
            { field: 'moq', database: 7, index: 2 },
            { field: 'name_en', database: 'Gas-insulated switchgear, 36 kV', index: 'Gas-insulated switchgear' },
          ],
        }]);
        expect(formatDriftReport(report)).toMatch(/1 differ\n.*gas-insulated-switchgear\): certifications, moq, name_en/);
      } finally {
        await database.db.updateTable('products').set({ moq: 2, certifications: [] }).where('id', '=', id).execute();
        await database.db.updateTable('product_texts').set({ name: 'Gas-insulated switchgear' })
          .where('product_id', '=', id).where('locale', '=', 'en').execute();
      }
    });

    it('reports documents of products withdrawn or of a suspended company', async () => {
      const mask = await idOf('kf94-mask');
      const transformer = await idOf('oil-immersed-transformer');
      const hanil = companyDocumentId(await rowId('companies', 'hanil-electric'));
      await database.db.updateTable('products').set({ status: 'withdrawn' }).where('slug', '=', 'kf94-mask').execute();
      await sql`update companies set status = 'suspended' where slug = 'hanil-electric'`.execute(database.db);
      try {
        const { products, companies } = (await checkDrift(database.db, client)).indexes;
        expect(products).toMatchObject({ inStep: false, databaseCount: 1, indexCount: 4, missing: [] });
        expect(products.stale).toContain(mask);
        expect(products.stale).toContain(transformer);
        expect(products.stale).toHaveLength(3);
        expect(companies).toMatchObject({ inStep: false, databaseCount: 1, indexCount: 2, missing: [], stale: [hanil] });
        // The other company lost a product: its count is stale in the index.
        expect(companies.differing).toEqual([expect.objectContaining({ slug: 'seoul-care', fields: [{ field: 'productCount', database: 1, index: 2 }] })]);
      } finally {
        await database.db.updateTable('products').set({ status: 'approved' }).where('slug', '=', 'kf94-mask').execute();
        await sql`update companies set status = 'active' where slug = 'hanil-electric'`.execute(database.db);
      }
    });

    it('reports index settings that differ from settings.ts', async () => {
      await waitOk(client.index(INDEXES.products).updateSettings({ synonyms: {}, sortableAttributes: ['moq'] }));
      const report = await checkDrift(database.db, client);
      expect(drifting(report.indexes)).toEqual(['products']);
      expect(report.indexes.products.settings).toEqual(['sortableAttributes', 'synonyms']);
    });

    it('reports a company document deleted from the index', async () => {
      const id = companyDocumentId(await rowId('companies', 'seoul-care'));
      await waitOk(client.index(INDEXES.companies).deleteDocument(id));
      const report = await checkDrift(database.db, client);
      expect(drifting(report.indexes)).toEqual(['companies']);
      expect(report.indexes.companies).toMatchObject({ inStep: false, databaseCount: 2, indexCount: 1, missing: [id], stale: [] });
      const text = formatDriftReport(report);
      expect(text).toMatch(new RegExp(`Index "companies"[^]*missing from the index: +1  ${id}`));
      expect(text).toMatch(/DRIFT in "companies": the index does not match/);
    });

    it('reports a company renamed in the database without a reindex, in both indexes that show the name', async () => {
      const id = await rowId('companies', 'hanil-electric');
      await database.db.updateTable('company_texts').set({ name: 'Hanil Power' }).where('company_id', '=', id).where('locale', '=', 'en').execute();
      try {
        const report = await checkDrift(database.db, client);
        expect(drifting(report.indexes)).toEqual(['products', 'companies']);
        expect(report.indexes.companies.differing).toEqual([{
          id: companyDocumentId(id), slug: 'hanil-electric', fields: [{ field: 'name_en', database: 'Hanil Power', index: 'Hanil Electric' }],
        }]);
        expect(report.indexes.products.differing.map((d) => d.fields.map((f) => f.field))).toEqual([['companyName_en'], ['companyName_en']]);
        expect(formatDriftReport(report)).toMatch(/Index "companies"[^]*c-\d+ \(hanil-electric\): name_en\n\s+name_en: database "Hanil Power", index "Hanil Electric"/);
      } finally {
        await database.db.updateTable('company_texts').set({ name: 'Hanil Electric' }).where('company_id', '=', id).where('locale', '=', 'en').execute();
      }
    });

    it('reports company index settings that differ from directory.ts', async () => {
      await waitOk(client.index(INDEXES.companies).updateSettings({ filterableAttributes: ['region'] }));
      const report = await checkDrift(database.db, client);
      expect(drifting(report.indexes)).toEqual(['companies']);
      expect(report.indexes.companies.settings).toEqual(['filterableAttributes']);
      expect(formatDriftReport(report)).toMatch(/settings differing from directory\.ts: +filterableAttributes/);
    });

    it('reports a stray pavilion document in the index', async () => {
      await waitOk(client.index(INDEXES.pavilions).addDocuments([{ id: 'v-999999', slug: 'ghost', order: 9, productCount: 0 }]));
      const report = await checkDrift(database.db, client);
      expect(drifting(report.indexes)).toEqual(['pavilions']);
      expect(report.indexes.pavilions).toMatchObject({ inStep: false, databaseCount: 2, indexCount: 3, missing: [], stale: ['v-999999'] });
      expect(formatDriftReport(report)).toMatch(/Index "pavilions"[^]*retired or deleted, still indexed: +1  v-999999[^]*DRIFT in "pavilions"/);
    });

    it('reports a pavilion renamed or retired in the database', async () => {
      const id = await rowId('pavilions', 'energy');
      const names = { en: 'Energy', ko: '에너지·전력' };
      await database.db.updateTable('pavilions').set({ names: JSON.stringify(names) }).where('id', '=', id).execute();
      try {
        let report = await checkDrift(database.db, client);
        expect(drifting(report.indexes)).toEqual(['products', 'pavilions']);
        expect(report.indexes.pavilions.differing).toEqual([{
          id: pavilionDocumentId(id), slug: 'energy', fields: [{ field: 'name_en', database: 'Energy', index: 'Energy & Power' }],
        }]);

        await database.db.updateTable('pavilions').set({ retired_at: new Date() }).where('id', '=', id).execute();
        report = await checkDrift(database.db, client);
        expect(report.indexes.pavilions).toMatchObject({ inStep: false, databaseCount: 1, indexCount: 2, stale: [pavilionDocumentId(id)] });
        expect(report.indexes.products.stale).toHaveLength(2); // its products are off the hall too
      } finally {
        await database.db.updateTable('pavilions').set({ names: JSON.stringify({ en: 'Energy & Power', ko: '에너지·전력' }), retired_at: null })
          .where('id', '=', id).execute();
      }
    });

    it('is back in step after a reindex', async () => {
      const report = await checkDrift(database.db, client);
      expect(report.inStep).toBe(true);
      expect(drifting(report.indexes)).toEqual([]);
    });
  });
});

describe('helpers', () => {
  it('samples distinct items in their order, all when asked for more', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const sample = sampleOf(items, 200, random);
    expect(new Set(sample).size).toBe(200);
    expect([...sample].sort((a, b) => a - b)).toEqual(sample);
    expect(sampleOf([1, 2, 3], 10, random)).toEqual([1, 2, 3]);
  });

  it('compares settings as the engine returns them: defaults added, unordered lists in any order', () => {
    const wanted = productSettings();
    const actual = {
      ...wanted,
      // In another order, each with its keys in another order.
      filterableAttributes: [...wanted.filterableAttributes!].reverse().map((f) => (typeof f === 'string' ? f : { features: f.features, attributePatterns: f.attributePatterns })),
      typoTolerance: { ...wanted.typoTolerance, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      pagination: { maxTotalHits: 1000 },
    };
    expect(settingsDifferences(wanted, actual)).toEqual([]);
    expect(settingsDifferences(wanted, { ...actual, searchableAttributes: [...(wanted.searchableAttributes as string[])].reverse() }))
      .toEqual(['searchableAttributes']);
  });
});
