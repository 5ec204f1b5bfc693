// Searches keep answering while the index is rebuilt: several clients search in a loop
// while reindexAll fills a new index and swaps it in; none may fail or come back empty,
// and the loop must span the swap (searches finished both before and after it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import type { DatabaseHandle } from '../api/db/database.ts';
import { createTestDatabase } from '../api/test-support/test-database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { seedDemoData } from '../api/seed/seed.ts';
import { startTestEngine, type TestEngine } from './test-engine.ts';
import { searchProducts, type ProductSearchOptions } from './query.ts';
import { reindexAll } from './reindex.ts';
import { INDEXES } from './settings.ts';

let testEngine: TestEngine;
let client: Meilisearch;
let database: DatabaseHandle;

beforeAll(async () => {
  testEngine = await startTestEngine('reindex');
  ({ client } = testEngine);
  database = await createTestDatabase(); // PostgreSQL with TEST_DATABASE_URL, else PGlite
  await migrateToLatest(database.db);
  await seedDemoData(database.db, { products: 2_000 });
  await reindexAll(database.db, client);
}, 120_000);

afterAll(async () => {
  await testEngine?.stop();
  await database?.close();
});

const QUERIES: Omit<ProductSearchOptions, 'limit' | 'offset'>[] = [
  { q: 'mask' },
  { q: 'transfromer' },
  { q: '마스크' },
  { q: 'serum', filters: { pavilion: 'beauty-cosmetics' }, facets: true },
  { q: '', sort: 'newest' },
  { q: 'valve', filters: { exportMarkets: ['US', 'VN', 'JP', 'CN', 'DE'] }, sort: 'moq' },
];

type Sample = { startedAt: number; finishedAt: number; hits: number; error?: string };

describe('reindexAll under search load', () => {
  it('answers every search, with results, before, during and after the swap', async () => {
    const samples: Sample[] = [];
    let done = false;
    const clientLoop = async (offset: number) => {
      for (let i = offset; !done; i++) {
        const startedAt = Date.now();
        try {
          const res = await searchProducts(client, { ...QUERIES[i % QUERIES.length]!, limit: 10, offset: 0 });
          samples.push({ startedAt, finishedAt: Date.now(), hits: res.hits.length });
        } catch (err) {
          samples.push({ startedAt, finishedAt: Date.now(), hits: 0, error: (err as Error).message });
        }
      }
    };
    const loops = Array.from({ length: 4 }, (_, k) => clientLoop(k));
    await new Promise((r) => setTimeout(r, 200)); // searches are running before the reindex starts
    let result;
    try {
      result = await reindexAll(database.db, client);
      await new Promise((r) => setTimeout(r, 200)); // and go on after the swap
    } finally {
      done = true;
      await Promise.all(loops);
    }
    expect(result.documents).toBe(2_000);

    const { results: swaps } = await client.tasks.getTasks({ types: ['indexSwap'], statuses: ['succeeded'], limit: 1 });
    const swappedAt = Date.parse(swaps[0]!.finishedAt!);
    expect(samples.filter((s) => s.error)).toEqual([]);
    expect(samples.filter((s) => s.hits === 0)).toEqual([]);
    expect(samples.filter((s) => s.finishedAt < swappedAt).length).toBeGreaterThan(10);
    expect(samples.filter((s) => s.startedAt > swappedAt).length).toBeGreaterThan(10);
    const { results: indexes } = await client.getRawIndexes();
    expect(indexes.map((i) => i.uid)).toEqual([INDEXES.products]);
  }, 60_000);
});
