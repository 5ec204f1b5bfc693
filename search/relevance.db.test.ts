// The relevance test set (search/relevance.json) against the real engine and the default
// demo data: one test per query, so a failure names the query, what was expected and
// what came first instead.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import type { DatabaseHandle } from '../api/db/database.ts';
import { createTestDatabase } from '../api/test-support/test-database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { seedDemoData } from '../api/seed/seed.ts';
import { startTestEngine, type TestEngine } from './test-engine.ts';
import { searchProducts, type ProductFilters, type ProductHit } from './query.ts';
import { LOCALE_CODES, type Locale } from './settings.ts';
import { reindexAll } from './reindex.ts';

type Expectation = { slug?: string[]; name?: string; nameKo?: string; category?: string; pavilion?: string };
type RelevanceCase = { q: string; filters?: ProductFilters; locale?: Locale; expect: Expectation; top?: number; why: string };

const { queries } = JSON.parse(fs.readFileSync(new URL('./relevance.json', import.meta.url), 'utf8')) as { queries: RelevanceCase[] };

let testEngine: TestEngine;
let client: Meilisearch;
let database: DatabaseHandle;

beforeAll(async () => {
  testEngine = await startTestEngine('relevance');
  ({ client } = testEngine);
  database = await createTestDatabase(); // PostgreSQL with TEST_DATABASE_URL, else PGlite
  await migrateToLatest(database.db);
  await seedDemoData(database.db, {});
  await reindexAll(database.db, client);
}, 120_000);

afterAll(async () => {
  await testEngine?.stop();
  await database?.close();
});

/**
 * What a hit fails of the expectation, or [] when it meets all of it. `hit` is from the
 * search in the case's locale (English by default), so `name` is its name in that locale.
 */
function failures(hit: ProductHit, ko: ProductHit | undefined, e: Expectation): string[] {
  const out: string[] = [];
  if (e.slug && !e.slug.includes(hit.slug)) out.push(`slug not one of ${e.slug.join(', ')}`);
  if (e.name && !new RegExp(e.name, 'i').test(hit.name)) out.push(`name does not match /${e.name}/i`);
  if (e.nameKo && !(ko && new RegExp(e.nameKo).test(ko.name))) out.push(`Korean name does not match /${e.nameKo}/`);
  if (e.category && hit.category !== e.category) out.push(`category is not ${e.category}`);
  if (e.pavilion && hit.pavilion !== e.pavilion) out.push(`pavilion is not ${e.pavilion}`);
  return out;
}

describe('relevance', () => {
  it('has at least 40 queries, each with an expectation', () => {
    expect(queries.length).toBeGreaterThanOrEqual(40);
    for (const c of queries) expect(Object.keys(c.expect).length, c.q).toBeGreaterThan(0);
    // A reader's locale other than English changes the names shown, so nameKo (read from a
    // second, Korean search paired hit by hit) is only for the default English reader.
    for (const c of queries.filter((q) => q.locale)) {
      expect(LOCALE_CODES, c.q).toContain(c.locale);
      expect(c.expect.nameKo, c.q).toBeUndefined();
    }
  });

  const title = (c: RelevanceCase) => `${c.q}${c.filters ? ` ${JSON.stringify(c.filters)}` : ''}${c.locale ? ` [${c.locale} reader]` : ''} (${c.why})`;
  it.each(queries.map((c) => [title(c), c] as const))('%s', async (_, c) => {
    const top = c.top ?? 1;
    const limit = Math.max(top, 5);
    const [main, ko] = await Promise.all(
      [c.locale ?? 'en', 'ko' as const].map((locale) => searchProducts(client, { q: c.q, limit, offset: 0, locale, filters: c.filters })),
    );
    const shown = main!.hits.map((h, i) => `${i + 1}. ${h.slug} | ${h.name} | ${c.locale ? '' : ko!.hits[i]?.name ?? ''} | ${h.category}`).join('\n');
    expect(main!.hits.length, `fewer than ${top} hits:\n${shown}`).toBeGreaterThanOrEqual(top);
    const problems = main!.hits.slice(0, top).flatMap((hit, i) => failures(hit, ko!.hits[i], c.expect).map((p) => `hit ${i + 1}: ${p}`));
    expect(problems, `expected ${JSON.stringify(c.expect)} for the first ${top}; got:\n${shown}`).toEqual([]);
  });
});
