// A query of kanji alone is read both as Japanese and as the engine reads it by itself
// (Chinese), on the real engine with a handful of documents: why both readings are needed,
// and that the merged answer is one list (each product once, counted, faceted, sorted and
// paged as one), for the product search and the whole-hall search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { waitOk } from './client.ts';
import { companySettings, pavilionSettings, type CompanyDocument, type PavilionDocument } from './directory.ts';
import type { ProductDocument } from './documents.ts';
import { searchHall } from './federated.ts';
import { searchProducts } from './query.ts';
import { applySettings, INDEXES } from './settings.ts';
import { startTestEngine, type TestEngine } from './test-engine.ts';

let testEngine: TestEngine;
let client: Meilisearch;

const product = (slug: string, names: Partial<Record<'en' | 'ko' | 'ja' | 'zh', string>>, more: Partial<ProductDocument> = {}): ProductDocument => ({
  id: `p-${slug}`, slug, keywords: [], pavilion: 'hall', category: null, companySlug: 'maker', companyRegion: 'Seoul',
  companyLanguages: ['ko'], certifications: [], exportMarkets: [], moq: null, moqUnit: null, publishedAt: 1_700_000_000,
  ...Object.fromEntries(Object.entries(names).map(([l, n]) => [`name_${l}`, n])),
  ...more,
});

const PRODUCTS: ProductDocument[] = [
  product('facial-device', { en: 'LED facial care device', ja: '美顔器' }, { category: 'beauty-devices' }),
  product('soju', { en: 'Fresh soju', ko: '참이슬 소주' }, { category: 'beverages' }), // no Japanese name
  product('transformer', { en: 'Oil-immersed transformer', ko: '유입식 변압기' }, { category: 'transformers' }),
  product('bucket-hat', { en: 'Bucket hat', zh: '渔夫帽' }, { category: 'apparel' }),
  // 真空 (vacuum): the bag found by the Chinese reading only, the tumbler by the Japanese
  // one only, the packer (named in both languages) by both.
  product('vacuum-packer', { en: 'Compact vacuum packaging machine', ja: 'コンパクト真空包装機', zh: '真空包装机' }, { category: 'machinery', moq: 5, publishedAt: 1_700_000_100 }),
  product('vacuum-bag', { en: 'Compression storage bag', zh: '抗菌真空压缩袋' }, { category: 'household', moq: 500, publishedAt: 1_700_000_200 }),
  product('vacuum-tumbler', { en: 'Vacuum tumbler', ja: '真空タンブラー' }, { category: 'household', moq: 1_000, publishedAt: 1_700_000_300 }),
];

const COMPANIES: CompanyDocument[] = [
  { id: 'c-1', slug: 'maker', region: 'Seoul', languages: ['ko', 'ja'], exportMarkets: ['JP'], certifications: [], pavilions: ['hall'], productCount: 7,
    name_en: 'Maker Co.', name_ja: 'Maker Co.', description_ja: '新規市場の販売代理店を募集しています。' },
];
const PAVILIONS: PavilionDocument[] = [{ id: 'v-1', slug: 'hall', order: 1, productCount: 7, name_en: 'Hall' }];

beforeAll(async () => {
  testEngine = await startTestEngine('readings');
  ({ client } = testEngine);
  await waitOk(client.createIndex(INDEXES.products, { primaryKey: 'id' }));
  await applySettings(client);
  await waitOk(client.index(INDEXES.products).addDocuments(PRODUCTS));
  for (const [uid, settings, docs] of [
    [INDEXES.companies, companySettings(), COMPANIES],
    [INDEXES.pavilions, pavilionSettings(), PAVILIONS],
  ] as const) {
    await waitOk(client.createIndex(uid, { primaryKey: 'id' }));
    await waitOk(client.index(uid).updateSettings(settings));
    await waitOk(client.index(uid).addDocuments([...docs]));
  }
}, 120_000);

afterAll(async () => {
  await testEngine?.stop();
});

const slugs = async (q: string, locale: 'en' | 'ja' | 'zh' | 'ko') =>
  (await searchProducts(client, { q, limit: 20, offset: 0, locale })).hits.map((h) => h.slug);
/** What the engine answers for one reading: its own guess, or the given locales. */
const engineSlugs = async (q: string, locales?: string[]) =>
  (await client.index(INDEXES.products).search(q, { limit: 20, ...(locales ? { locales } : {}) })).hits.map((h) => h.slug);

describe('reading a kanji query', () => {
  it('finds a Japanese name the engine alone reads past', async () => {
    expect(await engineSlugs('美顔器')).toEqual([]); // read as Chinese
    expect(await engineSlugs('美顔器', ['jpn'])).toEqual(['facial-device']);
    expect(await slugs('美顔器', 'ja')).toEqual(['facial-device']);
    expect(await slugs('美顔器', 'en')).toEqual(['facial-device']); // the English site's reader too
  });

  it('reaches a product named only in English and Korean through the reviewed synonyms', async () => {
    for (const q of ['焼酎', 'ソジュ', '烧酒', 'соджу']) expect(await slugs(q, 'ja'), q).toEqual(['soju']);
  });

  it('keeps the engine\'s own reading: synonyms, and Chinese names', async () => {
    expect(await engineSlugs('変圧器', ['jpn'])).toEqual([]); // a Japanese reading alone loses the synonym
    expect(await slugs('変圧器', 'ja')).toEqual(['transformer']);
    expect(await engineSlugs('渔夫帽', ['jpn'])).toEqual([]);
    expect(await slugs('渔夫帽', 'ja')).toEqual(['bucket-hat']);
    expect(await slugs('渔夫帽', 'zh')).toEqual(['bucket-hat']);
  });

  it('leaves other scripts to the engine, where a hint in another script would find nothing', async () => {
    expect(await engineSlugs('渔夫帽', ['kor'])).toEqual([]);
    expect(await slugs('渔夫帽', 'ko')).toEqual(['bucket-hat']);
    expect(await slugs('변압기', 'ja')).toEqual(['transformer']);
    expect(await slugs('transformer', 'ja')).toEqual(['transformer']);
    expect(await slugs('タンブラー', 'zh')).toEqual(['vacuum-tumbler']);
  });

  it('merges the readings into one list: each product once, counted, faceted, sorted and paged', async () => {
    expect((await engineSlugs('真空')).sort()).toEqual(['vacuum-bag', 'vacuum-packer']);
    expect((await engineSlugs('真空', ['jpn'])).sort()).toEqual(['vacuum-packer', 'vacuum-tumbler']);

    const all = await searchProducts(client, { q: '真空', limit: 20, offset: 0, locale: 'ja', facets: ['category'] });
    expect(all.hits.map((h) => h.slug).sort()).toEqual(['vacuum-bag', 'vacuum-packer', 'vacuum-tumbler']);
    expect(all.estimatedTotalHits).toBe(3);
    expect(all.facets).toEqual({ category: { household: 2, machinery: 1 } });

    const byMoq = await searchProducts(client, { q: '真空', limit: 20, offset: 0, locale: 'ja', sort: 'moq' });
    expect(byMoq.hits.map((h) => h.slug)).toEqual(['vacuum-packer', 'vacuum-bag', 'vacuum-tumbler']);
    const newest = await searchProducts(client, { q: '真空', limit: 2, offset: 1, locale: 'en', sort: 'newest' });
    expect(newest.hits.map((h) => h.slug)).toEqual(['vacuum-bag', 'vacuum-packer']);
    expect(newest.estimatedTotalHits).toBe(3);

    const packer = byMoq.hits[0]!;
    expect(packer.name).toBe('コンパクト真空包装機');
    expect(packer.nameSegments).toEqual([{ text: 'コンパクト', match: false }, { text: '真空', match: true }, { text: '包装機', match: false }]);
  });

  it('filters every reading alike', async () => {
    const r = await searchProducts(client, { q: '真空', limit: 20, offset: 0, locale: 'ja', filters: { category: 'household' } });
    expect(r.hits.map((h) => h.slug).sort()).toEqual(['vacuum-bag', 'vacuum-tumbler']);
  });

  it('reads the whole-hall search the same way', async () => {
    const hall = await searchHall(client, { q: '販売代理店', locale: 'ja' });
    expect(hall.companies).toMatchObject({ total: 1, hits: [{ slug: 'maker', name: { text: 'Maker Co.' } }] });
    const vacuum = await searchHall(client, { q: '真空', locale: 'ja' });
    expect(vacuum.products.total).toBe(3);
    expect(vacuum.products.hits.map((h) => h.slug).sort()).toEqual(['vacuum-bag', 'vacuum-packer', 'vacuum-tumbler']);
    expect(vacuum.products.hits.find((h) => h.slug === 'vacuum-packer')!.name.segments.filter((s) => s.match).map((s) => s.text)).toEqual(['真空']);
    expect(vacuum.pavilions).toEqual({ total: 0, hits: [] });
    const soju = await searchHall(client, { q: '焼酎', locale: 'en' });
    expect(soju.products.hits.map((h) => h.slug)).toEqual(['soju']);
  });
});
