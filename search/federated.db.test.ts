// Products, companies and pavilions searched together on the real engine: grouped hits,
// highlighted names as plain segments, suspended companies and contact details kept out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../api/db/database.ts';
import { createTestDatabase } from '../api/test-support/test-database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import { loadConfig } from '../api/config.ts';
import { silentLogger } from '../api/lib/logger.ts';
import { createApi } from '../api/http/app.ts';
import { seedCatalogue } from './test-fixtures.ts';
import { startTestEngine, type TestEngine } from './test-engine.ts';
import { reindexAll } from './reindex.ts';
import { pavilionDocuments, reindexDirectory, syncCompanies } from './directory.ts';
import { searchHall } from './federated.ts';
import { INDEXES } from './settings.ts';

let engine: TestEngine;
let database: DatabaseHandle;

beforeAll(async () => {
  engine = await startTestEngine('federated');
  database = await createTestDatabase();
  await migrateToLatest(database.db);
  await seedCatalogue(database.db);
  await reindexAll(database.db, engine.client);
  expect(await reindexDirectory(database.db, engine.client)).toEqual({ companies: 2, pavilions: 2 });
}, 120_000);
afterAll(async () => {
  await engine?.stop();
  await database?.close();
});

describe('searching the whole hall', () => {
  it('groups products, companies and pavilions for one query', async () => {
    const r = await searchHall(engine.client, { q: 'hanil', locale: 'en' });
    expect(r.companies.hits.map((h) => h.slug)).toEqual(['hanil-electric']);
    expect(r.companies.hits[0]).toMatchObject({ region: 'Gyeonggi', productCount: 2 });
    const energy = await searchHall(engine.client, { q: 'energy', locale: 'en' });
    expect(energy.pavilions.hits.map((h) => h.slug)).toEqual(['energy']);
  });

  it('finds Korean names and answers in the reader\'s language', async () => {
    const r = await searchHall(engine.client, { q: '서울케어', locale: 'ko' });
    expect(r.companies.hits[0]).toMatchObject({ slug: 'seoul-care', name: { text: '서울케어' } });
    const en = await searchHall(engine.client, { q: '서울케어', locale: 'en' });
    expect(en.companies.hits[0]?.name.text).toBe('Seoul Care');
  });

  it('marks the matched words as segments, never as markup', async () => {
    const r = await searchHall(engine.client, { q: 'transformer', locale: 'en' });
    const hit = r.products.hits.find((h) => h.slug === 'oil-immersed-transformer')!;
    expect(hit.name.segments.filter((s) => s.match).map((s) => s.text.toLowerCase())).toEqual(['transformer']);
    expect(hit.name.segments.map((s) => s.text).join('')).toBe(hit.name.text);
    expect(JSON.stringify(r)).not.toMatch(/<em>|<mark>|\u0001|\u0002/);
  });

  it('keeps suspended companies and contact details out of the directory', async () => {
    const { hits } = await engine.client.index(INDEXES.companies).search('', { limit: 100 });
    expect(hits.map((h) => h.slug).sort()).toEqual(['hanil-electric', 'seoul-care']);
    expect(JSON.stringify(hits)).not.toMatch(/@example\.com|owner@/);
  });

  it('counts in a pavilion the products the products index holds: none of a suspended company', async () => {
    const energy = await searchHall(engine.client, { q: 'energy', locale: 'en' });
    const indexed = await engine.client.index(INDEXES.products).search('', { filter: 'pavilion = "energy"', limit: 0 });
    expect(indexed.estimatedTotalHits).toBe(2); // the transformer and the switchgear, not suspended-transformer
    expect(energy.pavilions.hits[0]).toMatchObject({ slug: 'energy', productCount: 2 });
    // Suspending the company that shows both takes them out of the count too.
    const setStatus = (status: 'active' | 'suspended') =>
      database.db.updateTable('companies').set({ status }).where('slug', '=', 'hanil-electric').execute();
    await setStatus('suspended');
    try {
      expect((await pavilionDocuments(database.db)).find((d) => d.slug === 'energy')?.productCount).toBe(0);
    } finally {
      await setStatus('active');
    }
  });

  it('follows a renamed company', async () => {
    const company = await database.db.selectFrom('companies').select('id').where('slug', '=', 'seoul-care').executeTakeFirstOrThrow();
    await database.db.updateTable('company_texts').set({ name: 'Seoul Care Pharma' }).where('company_id', '=', company.id).where('locale', '=', 'en').execute();
    await syncCompanies(database.db, engine.client, [company.id]);
    const r = await searchHall(engine.client, { q: 'pharma', locale: 'en' });
    expect(r.companies.hits.map((h) => h.name.text)).toEqual(['Seoul Care Pharma']);
  });

  it('is served at /api/search/all, and refuses an empty query with a problem', async () => {
    const app = createApi({
      db: database.db, dbKind: database.kind, config: loadConfig({}), log: silentLogger,
      searchHall: () => (p) => searchHall(engine.client, { q: p.q, locale: p.locale as 'en' }),
    });
    const res = await app.request('/search/all?q=mask&locale=en');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ query: 'mask', products: { hits: [{ slug: 'kf94-mask' }] } });
    const empty = await app.request('/search/all?q=');
    expect(empty.status).toBe(400);
    expect(empty.headers.get('content-type')).toContain('application/problem+json');
  });
});
