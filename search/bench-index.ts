// Measures engine start-up and a full reindex of generated products, end to end
// (PGlite -> documents -> Meilisearch). Run: node search/bench-index.ts [count]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../api/db/database.ts';
import { migrateToLatest } from '../api/db/migrate.ts';
import type { Database } from '../api/db/schema.ts';
import type { Kysely } from 'kysely';
import { createSearchClient } from './client.ts';
import { isSearchOff, startSearchEngine } from './engine.ts';
import { searchProducts } from './query.ts';
import { reindexAll } from './reindex.ts';

const count = Number(process.argv[2] ?? 2_000);
const NOUNS = ['transformer', 'switchgear', 'mask', 'cream', 'serum', 'pump', 'valve', 'cable', 'battery',
  'charger', 'camera', 'drone', 'noodles', 'kimchi', 'ginseng', 'sensor', 'robot', 'lamp', 'panel', 'motor'];
const ADJECTIVES = ['compact', 'industrial', 'organic', 'waterproof', 'smart', 'portable', 'premium',
  'low-noise', 'high-voltage', 'eco-friendly', 'medical-grade', 'heavy-duty'];
const KO = ['변압기', '개폐기', '마스크', '크림', '세럼', '펌프', '밸브', '케이블', '배터리', '충전기',
  '카메라', '드론', '라면', '김치', '인삼', '센서', '로봇', '조명', '패널', '모터'];
const pick = <T>(list: T[], i: number) => list[i % list.length]!;

async function seed(db: Kysely<Database>, n: number): Promise<void> {
  const pv = await db.insertInto('pavilions').values({ slug: 'bench', names: JSON.stringify({ en: 'Bench', ko: '벤치' }), retired_at: null })
    .returning('id').executeTakeFirstOrThrow();
  const co = await db.insertInto('companies').values({ slug: 'bench-co', region: 'Seoul', founded_year: null, employees: null, website: null, logo_key: null })
    .returning('id').executeTakeFirstOrThrow();
  await db.insertInto('company_texts').values([{ company_id: co.id, locale: 'en', name: 'Bench Co' }, { company_id: co.id, locale: 'ko', name: '벤치' }]).execute();
  for (let start = 0; start < n; start += 500) {
    const rows = Array.from({ length: Math.min(500, n - start) }, (_, k) => start + k);
    const ids = await db.insertInto('products').values(rows.map((i) => ({
      slug: `product-${i}`, company_id: co.id, pavilion_id: pv.id, category_id: null, status: 'approved' as const,
      moq: 1 + (i % 1000), moq_unit: 'pcs', certifications: i % 3 ? ['KC'] : ['CE', 'ISO 9001'], export_markets: ['US'],
      published_at: new Date(Date.UTC(2026, 0, 1) + i * 60_000), rejection_reason: null, lead_time_days: null,
      price_terms: null, hs_code: null,
    }))).returning('id').execute();
    await db.insertInto('product_texts').values(ids.flatMap(({ id }, k) => {
      const i = rows[k]!;
      const name = `${pick(ADJECTIVES, i)} ${pick(NOUNS, i * 7)} ${i}`;
      return [
        { product_id: id, locale: 'en', name, summary: `A ${name} for export.`,
          description: Array.from({ length: 12 }, (_, j) => `${pick(ADJECTIVES, i + j)} ${pick(NOUNS, i + j * 3)} with long service life.`).join(' '),
          keywords: [pick(NOUNS, i), pick(NOUNS, i + 1)] },
        { product_id: id, locale: 'ko', name: `${pick(KO, i * 7)} ${i}`, summary: `수출용 ${pick(KO, i * 7)}`,
          description: Array.from({ length: 6 }, (_, j) => `${pick(KO, i + j)} 제품입니다.`).join(' '), keywords: [pick(KO, i)] },
      ];
    })).execute();
  }
}

function rssMb(pid: number): string {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
  return `RSS ${kb('VmRSS').toFixed(0)} MB, peak ${kb('VmHWM').toFixed(0)} MB`;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-bench-'));
const database = await openDatabase({});
try {
  let t = performance.now();
  const engine = await startSearchEngine({ dataDir, log: { info: () => {}, warn: console.warn } });
  if (isSearchOff(engine)) throw new Error(engine.reason);
  console.log(`engine start (fresh data dir): ${(performance.now() - t).toFixed(0)} ms, ${rssMb(engine.pid!)}`);
  try {
    await migrateToLatest(database.db);
    t = performance.now();
    await seed(database.db, count);
    console.log(`seed ${count} products into PGlite: ${(performance.now() - t).toFixed(0)} ms`);
    const client = createSearchClient(engine);
    for (const run of ['first', 'second']) {
      t = performance.now();
      const result = await reindexAll(database.db, client);
      console.log(`reindex ${run}: ${result.documents} documents in ${(performance.now() - t).toFixed(0)} ms, ${rssMb(engine.pid!)}`);
    }
    t = performance.now();
    for (const q of ['transfromer', 'waterproof mask', '마스크', 'respirator', 'ginseng 12']) {
      await searchProducts(client, { q, limit: 20, offset: 0 });
    }
    console.log(`5 searches: ${(performance.now() - t).toFixed(0)} ms`);
  } finally {
    await engine.stop();
  }
  t = performance.now();
  const again = await startSearchEngine({ dataDir, log: { info: () => {}, warn: console.warn } });
  if (!isSearchOff(again)) {
    console.log(`engine restart (existing data): ${(performance.now() - t).toFixed(0)} ms`);
    await again.stop();
  }
} finally {
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
