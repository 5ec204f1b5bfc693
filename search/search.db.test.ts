// End to end against the real engine: PGlite catalogue -> reindexAll -> searchProducts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { openDatabase, type DatabaseHandle } from '../api/db/database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { clean, productDocuments, truncate } from './documents.ts';
import { startTestEngine, type TestEngine } from './test-engine.ts';
import { searchProducts } from './query.ts';
import { reindexAll } from './reindex.ts';
import { INDEXES, applySettings, loadSynonyms, productSettings } from './settings.ts';
import { APPROVED_SLUGS, seedCatalogue } from './test-fixtures.ts';

let testEngine: TestEngine;
let client: Meilisearch;
let database: DatabaseHandle;

beforeAll(async () => {
  testEngine = await startTestEngine('search');
  ({ client } = testEngine);
  database = await openDatabase({});
  await migrateToLatest(database.db);
  await seedCatalogue(database.db);
}, 60_000);

afterAll(async () => {
  await testEngine?.stop();
  await database?.close();
});

const slugs = async (q: string, locale?: 'en' | 'ko') =>
  (await searchProducts(client, { q, limit: 20, offset: 0, locale })).hits.map((h) => h.slug);

describe('search', () => {
  it('answers "nothing found" before the first reindex', async () => {
    const res = await searchProducts(client, { q: 'mask', limit: 10, offset: 0 });
    expect(res).toEqual({ hits: [], estimatedTotalHits: 0, processingTimeMs: 0 });
    // A query of kanji goes as a federated search of two readings: the same answer.
    const kanji = await searchProducts(client, { q: '焼酎', limit: 10, offset: 0, locale: 'ja', facets: ['category'] });
    expect(kanji).toEqual({ hits: [], estimatedTotalHits: 0, processingTimeMs: 0, facets: { category: {} } });
  });

  it('reindexes exactly the approved products of active companies', async () => {
    const progress: number[] = [];
    const result = await reindexAll(database.db, client, { batchSize: 3, onProgress: (p) => progress.push(p.documents) });
    expect(result).toMatchObject({ indexUid: INDEXES.products, documents: APPROVED_SLUGS.length, batches: 2 });
    expect(progress).toEqual([3, 4]);
    const { results } = await client.index(INDEXES.products).getDocuments({ limit: 100 });
    expect(results.map((d) => d.slug).sort()).toEqual([...APPROVED_SLUGS].sort());
  });

  it('swaps a second reindex in place and leaves no build index behind', async () => {
    const result = await reindexAll(database.db, client);
    expect(result.documents).toBe(APPROVED_SLUGS.length);
    const { results } = await client.getRawIndexes();
    expect(results.map((i) => i.uid)).toEqual([INDEXES.products]);
    expect((await client.index(INDEXES.products).getStats()).numberOfDocuments).toBe(APPROVED_SLUGS.length);
  });

  it('puts no e-mail address, phone number or buyer data in any document', async () => {
    const { results } = await client.index(INDEXES.products).getDocuments({ limit: 100 });
    const text = JSON.stringify(results);
    expect(text).not.toContain('@');
    expect(text).not.toContain('4567');
    expect(text).not.toMatch(/buyer|owner kim/i);
    expect(results.find((d) => d.slug === 'oil-immersed-transformer')?.description_en).toBe(
      'Hermetically sealed, ONAN cooling. For quotes write to or call .',
    );
  });

  it('finds a product despite one typo', async () => {
    expect(await slugs('transfromer')).toContain('oil-immersed-transformer');
    expect(await slugs('switchgaer')).toContain('gas-insulated-switchgear');
  });

  it('finds Korean names with Korean queries', async () => {
    expect(await slugs('마스크')).toEqual(['kf94-mask']);
    expect(await slugs('변압기')).toEqual(['oil-immersed-transformer']);
    expect(await slugs('홍삼')).toContain('red-ginseng-cream');
  });

  it('applies synonyms across languages', async () => {
    expect(await slugs('respirator')).toEqual(['kf94-mask']);
    expect(await slugs('red ginseng')).toContain('red-ginseng-cream'); // -> 홍삼
    const broad = await slugs('power equipment');
    expect(broad).toEqual(expect.arrayContaining(['oil-immersed-transformer', 'gas-insulated-switchgear']));
    // One-way: a transformer search does not pull in switchgear.
    expect(await slugs('transformer')).toEqual(['oil-immersed-transformer']);
  });

  it('returns texts in the requested locale, falling back to English, then any', async () => {
    const [ko] = (await searchProducts(client, { q: 'transformer', limit: 1, offset: 0, locale: 'ko' })).hits;
    expect(ko).toMatchObject({ name: '유입식 변압기', summary: '22.9 kV 배전용 변압기', companyName: '한일전기', pavilionName: '에너지·전력' });
    const [en] = (await searchProducts(client, { q: 'switchgear', limit: 1, offset: 0, locale: 'ko' })).hits;
    expect(en).toMatchObject({ name: '가스절연 개폐장치', summary: 'Compact 24 kV GIS.', moq: 2, moqUnit: 'pcs' });
    const [koOnly] = (await searchProducts(client, { q: '홍삼', limit: 1, offset: 0, locale: 'en' })).hits;
    expect(koOnly).toMatchObject({ slug: 'red-ginseng-cream', name: '홍삼 영양 크림', companyName: 'Seoul Care' });
    // The Korean name is the fallback copy for an English reader: still highlighted.
    expect(koOnly!.nameSegments).toContainEqual({ text: '홍삼', match: true });
    const [forJapanese] = (await searchProducts(client, { q: '홍삼', limit: 1, offset: 0, locale: 'ja' })).hits;
    expect(forJapanese).toMatchObject({ name: '홍삼 영양 크림', summary: koOnly!.summary });
    expect(Object.keys(ko!)).not.toContain('_formatted');
  });

  it('copies a text to <field>_fallback only where the product has no English', async () => {
    const { documents } = await productDocuments(database.db, { limit: 100 });
    const koOnly = documents.find((d) => d.slug === 'red-ginseng-cream')!;
    expect(koOnly).toMatchObject({ name_fallback: '홍삼 영양 크림', name_ko: '홍삼 영양 크림' });
    expect(koOnly.companyName_fallback).toBeUndefined(); // the company has an English name
    const withEnglish = documents.filter((d) => d.name_en);
    expect(withEnglish.length).toBeGreaterThan(0);
    for (const d of withEnglish) expect(d.name_fallback).toBeUndefined();
  });

  it('pages and counts, and lists newest first without words', async () => {
    const all = await searchProducts(client, { q: '', limit: 2, offset: 0 });
    expect(all.estimatedTotalHits).toBe(APPROVED_SLUGS.length);
    expect(all.hits).toHaveLength(2);
    const rest = await searchProducts(client, { q: '', limit: 10, offset: 2 });
    expect([...all.hits, ...rest.hits].map((h) => h.slug)).toEqual([...APPROVED_SLUGS].reverse());
  });

  it('applies settings twice without error or change', async () => {
    await applySettings(client);
    const first = await client.index(INDEXES.products).getSettings();
    await applySettings(client);
    const second = await client.index(INDEXES.products).getSettings();
    expect(second).toEqual(first);
    expect(second.searchableAttributes).toEqual(productSettings().searchableAttributes);
    expect(second.synonyms).toEqual(loadSynonyms());
  });
});

describe('documents', () => {
  it('pages by products.id', async () => {
    const first = await productDocuments(database.db, { limit: 3 });
    const second = await productDocuments(database.db, { afterId: first.lastId, limit: 3 });
    expect([...first.documents, ...second.documents].map((d) => d.slug)).toEqual(APPROVED_SLUGS);
    expect(await productDocuments(database.db, { afterId: second.lastId, limit: 3 })).toEqual({ documents: [], lastId: null });
  });

  it('cleans and truncates texts', () => {
    expect(clean('Mail a.b+c@x.co.kr or 010-1234-5678 now')).toBe('Mail or now');
    expect(clean('22.9 kV, IEC 60076-1, +5% tolerance')).toBe('22.9 kV, IEC 60076-1, +5% tolerance');
    expect(truncate('가'.repeat(1200), 1000)).toHaveLength(1001);
    expect(truncate('😀'.repeat(600), 1000).at(-2)).not.toMatch(/[\uD800-\uDBFF]/);
  });
});
