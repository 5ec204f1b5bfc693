// Drift between index and database, detected against the real engine: a document deleted
// from the index, a product changed, withdrawn or suspended in the database, a setting
// changed on the index. Each case is undone by a reindex.
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import type { DatabaseHandle } from '../api/db/database.ts';
import { createTestDatabase } from '../api/test-support/test-database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { waitOk } from './client.ts';
import { productDocumentId } from './documents.ts';
import { checkDrift, formatDriftReport, sampleOf, settingsDifferences } from './drift.ts';
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

const idOf = async (slug: string) =>
  productDocumentId((await database.db.selectFrom('products').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()).id);

describe('checkDrift', () => {
  it('reports a missing index as drift', async () => {
    const report = await checkDrift(database.db, client);
    expect(report).toMatchObject({ inStep: false, indexExists: false, databaseCount: APPROVED_SLUGS.length });
    expect(report.missing).toHaveLength(APPROVED_SLUGS.length);
    expect(formatDriftReport(report)).toMatch(/does not exist[\s\S]*DRIFT/);
  });

  describe('with a fresh index', () => {
    beforeEach(async () => {
      await reindexAll(database.db, client);
    });

    it('finds a freshly built index in step', async () => {
      const report = await checkDrift(database.db, client);
      expect(report).toMatchObject({
        inStep: true, indexExists: true, databaseCount: 4, indexCount: 4, missing: [], stale: [], differing: [], settings: [],
      });
      expect(report.sampled).toBe(4);
      expect(formatDriftReport(report)).toMatch(/In step\.$/);
    });

    it('reports a document deleted from the index', async () => {
      const id = await idOf('kf94-mask');
      await waitOk(client.index(INDEXES.products).deleteDocument(id));
      const report = await checkDrift(database.db, client);
      expect(report).toMatchObject({ inStep: false, databaseCount: 4, indexCount: 3, missing: [id], stale: [] });
      expect(formatDriftReport(report)).toContain(`missing from the index:            1  ${id}`);
    });

    it('reports a product changed in the database, field by field', async () => {
      const { id } = await database.db.selectFrom('products').select('id').where('slug', '=', 'gas-insulated-switchgear').executeTakeFirstOrThrow();
      await database.db.updateTable('products').set({ moq: 7, certifications: ['KEMA'] }).where('id', '=', id).execute();
      await database.db.updateTable('product_texts').set({ name: 'Gas-insulated switchgear, 36 kV' })
        .where('product_id', '=', id).where('locale', '=', 'en').execute();
      try {
        const report = await checkDrift(database.db, client);
        expect(report.inStep).toBe(false);
        expect(report.missing).toEqual([]);
        expect(report.differing).toEqual([{
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
      await database.db.updateTable('products').set({ status: 'withdrawn' }).where('slug', '=', 'kf94-mask').execute();
      await sql`update companies set status = 'suspended' where slug = 'hanil-electric'`.execute(database.db);
      try {
        const report = await checkDrift(database.db, client);
        expect(report).toMatchObject({ inStep: false, databaseCount: 1, indexCount: 4, missing: [] });
        expect(report.stale).toContain(mask);
        expect(report.stale).toContain(transformer);
        expect(report.stale).toHaveLength(3);
      } finally {
        await database.db.updateTable('products').set({ status: 'approved' }).where('slug', '=', 'kf94-mask').execute();
        await sql`update companies set status = 'active' where slug = 'hanil-electric'`.execute(database.db);
      }
    });

    it('reports index settings that differ from settings.ts', async () => {
      await waitOk(client.index(INDEXES.products).updateSettings({ synonyms: {}, sortableAttributes: ['moq'] }));
      const report = await checkDrift(database.db, client);
      expect(report.inStep).toBe(false);
      expect(report.settings).toEqual(['sortableAttributes', 'synonyms']);
    });

    it('is back in step after a reindex', async () => {
      expect((await checkDrift(database.db, client)).inStep).toBe(true);
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
      filterableAttributes: [...(wanted.filterableAttributes as string[])].reverse(),
      typoTolerance: { ...wanted.typoTolerance, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 } },
      pagination: { maxTotalHits: 1000 },
    };
    expect(settingsDifferences(wanted, actual)).toEqual([]);
    expect(settingsDifferences(wanted, { ...actual, searchableAttributes: [...(wanted.searchableAttributes as string[])].reverse() }))
      .toEqual(['searchableAttributes']);
  });
});
