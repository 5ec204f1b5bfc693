// GET /api/search with filters, facets and sort, through the real API on the real engine
// (the small catalogue of search/test-fixtures.ts), and garbage answered with problems.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import type { DatabaseHandle } from '../db/database.ts';
import { createTestDatabase } from '../test-support/test-database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { silentLogger } from '../lib/logger.ts';
import { createSearchClient } from '../../search/client.ts';
import { isSearchOff, startSearchEngine, type SearchEngine } from '../../search/engine.ts';
import { searchProducts } from '../../search/query.ts';
import { reindexAll } from '../../search/reindex.ts';
import type { Locale } from '../../search/settings.ts';
import { seedCatalogue } from '../../search/test-fixtures.ts';
import { createApi } from './app.ts';
import type { SearchParams } from './routes/search.ts';

let dataDir: string;
let engine: SearchEngine;
let database: DatabaseHandle;
let app: ReturnType<typeof createApi>;
const received: SearchParams[] = [];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-api-search-'));
  const started = await startSearchEngine({ dataDir, log: silentLogger });
  if (isSearchOff(started)) throw new Error(`These tests need the engine: ${started.reason}`);
  engine = started;
  const client = createSearchClient(engine);
  database = await createTestDatabase(); // PostgreSQL with TEST_DATABASE_URL, else PGlite
  await migrateToLatest(database.db);
  await seedCatalogue(database.db);
  await reindexAll(database.db, client);
  app = createApi({
    db: database.db, dbKind: database.kind, config: loadConfig({}), log: silentLogger,
    search: () => (p) => {
      received.push(p);
      return searchProducts(client, { ...p, locale: p.locale as Locale });
    },
  });
}, 60_000);

afterAll(async () => {
  await engine?.stop();
  await database?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Body = { query: string; hits: { slug: string }[]; estimatedTotalHits: number; facets?: Record<string, Record<string, number>> };
async function search(query: string): Promise<Body> {
  const res = await app.request(`/search?${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as Body;
}
const slugs = async (query: string) => (await search(query)).hits.map((h) => h.slug);

describe('GET /search', () => {
  it('answers a plain search as before: no filters passed on, no facets', async () => {
    const body = await search('q=transformer');
    expect(body.hits.map((h) => h.slug)).toEqual(['oil-immersed-transformer']);
    expect(body).not.toHaveProperty('facets');
    expect(received.at(-1)).toEqual({ q: 'transformer', limit: 20, offset: 0, locale: 'en' });
  });

  it('filters by pavilion and category', async () => {
    expect(await slugs('pavilion=health-beauty')).toEqual(['red-ginseng-cream', 'kf94-mask']); // newest first
    expect(await slugs('category=power-equipment&q=gas')).toEqual(['gas-insulated-switchgear']);
    expect(await slugs('pavilion=energy&q=mask')).toEqual([]);
  });

  it('requires every certification asked for', async () => {
    expect(await slugs('certification=KC')).toEqual(['oil-immersed-transformer']);
    expect(await slugs('certification=KC&certification=IEC%2060076')).toEqual(['oil-immersed-transformer']);
    expect(await slugs('certification=KC&certification=MFDS')).toEqual([]);
  });

  it('matches any of the markets or languages asked for, and filters by region and MOQ', async () => {
    expect((await slugs('market=vn'))).toHaveLength(4);
    expect(await slugs('market=DE')).toEqual([]);
    expect(await slugs('market=DE&market=us&language=en&sort=moq')).toEqual(['oil-immersed-transformer', 'gas-insulated-switchgear']);
    expect(await slugs('region=Seoul&moqMax=1000')).toEqual(['red-ginseng-cream']);
    expect(await slugs('moqMax=1')).toEqual(['oil-immersed-transformer']);
  });

  it('sorts by smallest MOQ or newest, and by relevance by default', async () => {
    expect(await slugs('sort=moq')).toEqual(['oil-immersed-transformer', 'gas-insulated-switchgear', 'red-ginseng-cream', 'kf94-mask']);
    expect(await slugs('sort=newest')).toEqual(['red-ginseng-cream', 'kf94-mask', 'gas-insulated-switchgear', 'oil-immersed-transformer']);
    expect(await slugs('q=power%20equipment&sort=newest')).toEqual(['gas-insulated-switchgear', 'oil-immersed-transformer']);
  });

  it('adds facet counts over all matches with facets=1', async () => {
    const body = await search('pavilion=energy&facets=1&limit=1');
    expect(body.hits).toHaveLength(1);
    expect(body.facets).toEqual({
      pavilion: { energy: 2 },
      category: { 'power-equipment': 2 },
      certifications: { KC: 1, 'IEC 60076': 1 },
      exportMarkets: { US: 2, VN: 2 },
      companyRegion: { Gyeonggi: 2 },
      companyLanguages: { en: 2, ko: 2 },
    });
    expect((await search('q=nothing-like-this&facets=true')).facets).toEqual({
      pavilion: {}, category: {}, certifications: {}, exportMarkets: {}, companyRegion: {}, companyLanguages: {},
    });
  });

  it('counts only the facets named, as the search page asks', async () => {
    const body = await search('pavilion=energy&facets=certifications,pavilion,certifications&limit=1');
    expect(body.facets).toEqual({ pavilion: { energy: 2 }, certifications: { KC: 1, 'IEC 60076': 1 } });
    expect(await search('pavilion=energy&facets=0')).not.toHaveProperty('facets');
  });

  it.each([
    'region=Seoul%22%20OR%20companyRegion%20!%3D%20%22x', // Seoul" OR companyRegion != "x
    'certification=%22%5D%20OR%20moq%20%3E%200%20OR%20%5B%22', // "] OR moq > 0 OR ["
    'certification=KC%5C', // KC\
    'region=%5C%22', // \"
    'certification=*',
  ])('keeps a hostile value a value: %s', async (query) => {
    const body = await search(query);
    expect(body.hits).toEqual([]);
  });

  it.each([
    ['moqMax=abc', 'moqMax'],
    ['moqMax=-5', 'moqMax'],
    ['moqMax=1.5', 'moqMax'],
    ['moqMax=', 'moqMax'],
    ['sort=price', 'sort'],
    ['sort=moq%3Adesc', 'sort'],
    ['facets=yes', 'facets'],
    ['facets=pavilion,price', 'facets'],
    ['facets=pavilion%2C', 'facets'],
    ['facets=' + 'pavilion,'.repeat(20) + 'pavilion', 'facets'],
    ['pavilion=Power%20Equipment', 'pavilion'],
    ['pavilion=a%22b', 'pavilion'],
    ['category=--', 'category'],
    ['market=USA', 'market.0'],
    ['market=US&market=1', 'market.1'],
    ['language=english', 'language.0'],
    ['certification=', 'certification.0'],
    ['certification=' + 'x'.repeat(61), 'certification.0'],
    [Array.from({ length: 11 }, (_, i) => `certification=C${i}`).join('&'), 'certification'],
    ['region=a%0Ab', 'region'],
    ['region=%00', 'region'],
    ['limit=0', 'limit'],
    ['q=a&q=b', 'q'],
    ['sort=newest&sort=moq', 'sort'],
  ])('answers %s with a 400 problem naming %s', async (query, where) => {
    const res = await app.request(`/search?${query}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { status: number; title: string; errors: { path: string }[] };
    expect(body).toMatchObject({ status: 400, title: 'Invalid request' });
    expect(body.errors.map((e) => e.path)).toContain(where);
  });

  it('documents the new parameters in OpenAPI', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { get: { parameters: { name: string }[] } }> };
    expect(doc.paths['/search']!.get.parameters.map((p) => p.name)).toEqual(expect.arrayContaining([
      'q', 'pavilion', 'category', 'certification', 'market', 'region', 'language', 'moqMax', 'sort', 'facets',
    ]));
  });
});
