// Does every term of synonyms.json fire in the real engine? The engine looks synonyms up
// for at most three words of a query, as it tokenised them: a longer term, or a Japanese
// kanji compound it splits character by character, is silently never used. Each term gets
// a marker word of its own as its only synonym; its query must find the marker's document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Meilisearch } from 'meilisearch';
import { waitOk } from './client.ts';
import { loadSynonyms, productSettings } from './settings.ts';
import { startTestEngine, type TestEngine } from './test-engine.ts';

let testEngine: TestEngine;
let client: Meilisearch;
const INDEX = 'synonym_terms';
const terms = Object.keys(loadSynonyms());
/** zzqmarkaaa, zzqmarkaab, …: words no text holds; typos are off, so none matches its neighbour. */
const marker = (i: number) => `zzqmark${[676, 26, 1].map((d) => String.fromCharCode(97 + (Math.floor(i / d) % 26))).join('')}`;

beforeAll(async () => {
  testEngine = await startTestEngine('synonyms');
  ({ client } = testEngine);
  await waitOk(client.createIndex(INDEX, { primaryKey: 'id' }));
  const index = client.index(INDEX);
  await waitOk(index.updateSettings({
    ...productSettings(),
    typoTolerance: { enabled: false }, // a marker must not match its neighbour's
    synonyms: Object.fromEntries(terms.map((t, i) => [t, [marker(i)]])),
  }));
  // A query's language is picked among those the index holds: one document per language.
  await waitOk(index.addDocuments([
    { id: 'en', name_en: 'Oil-immersed transformer' },
    { id: 'ko', name_ko: '유입식 변압기' },
    { id: 'ja', name_ja: 'サージカルマスク' },
    { id: 'zh', name_zh: '油浸式变压器' },
    { id: 'ru', name_ru: 'Масляный трансформатор' },
    { id: 'vi', name_vi: 'Máy biến áp ngâm dầu' },
    ...terms.map((_, i) => ({ id: `m${i}`, keywords: [marker(i)] })),
  ]));
}, 120_000);

afterAll(async () => {
  await testEngine?.stop();
});

describe('synonyms.json in the engine', () => {
  it('has terms that each fire as a synonym', async () => {
    expect(terms.length).toBeGreaterThan(300);
    const silent: string[] = [];
    for (const [i, term] of terms.entries()) {
      const { hits } = await client.index(INDEX).search(term, { limit: 50, attributesToRetrieve: ['id'] });
      if (!hits.some((h) => h.id === `m${i}`)) silent.push(term);
    }
    expect(silent).toEqual([]);
  });
});
