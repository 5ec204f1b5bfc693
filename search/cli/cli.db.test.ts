// The two CLIs end to end on a data folder of their own: embedded PGlite with the small
// test catalogue and the bundled engine, started and stopped by each run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../api/config.ts';
import { openDatabase } from '../../api/db/database.ts';
import { migrateToLatest } from '../../api/db/migrate.ts';
import { seedCatalogue } from '../test-fixtures.ts';
import { main as check } from './check.ts';
import { main as reindex } from './reindex.ts';

let dataDir: string;
let config: Config;

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: { stdout: { write: (s: string) => out.push(s) }, stderr: { write: (s: string) => err.push(s) } },
    stdout: () => out.join(''),
    stderr: () => err.join(''),
  };
}

async function withDatabase(fn: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<void>) {
  const handle = await openDatabase({ pgliteDir: path.join(dataDir, 'pglite') });
  try {
    await fn(handle.db);
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-search-cli-'));
  config = loadConfig({ DATA_DIR: dataDir });
  await withDatabase(async (db) => {
    await migrateToLatest(db);
    await seedCatalogue(db);
  });
}, 60_000);

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('search:reindex and search:check', () => {
  it('refuses to run without a database', async () => {
    await expect(reindex([], loadConfig({ DATA_DIR: path.join(dataDir, 'nothing') }), capture().io)).rejects.toThrow(/No database/);
  });

  it('reports drift before the first reindex (exit 1)', async () => {
    const c = capture();
    expect(await check([], config, c.io)).toBe(1);
    expect(c.stdout()).toMatch(/the index does not exist[\s\S]*DRIFT/);
  });

  it('rebuilds the index with progress on stderr (exit 0)', async () => {
    const c = capture();
    expect(await reindex([], config, c.io)).toBe(0);
    expect(c.stderr()).toContain('Reindexing 4 products from PGlite in');
    expect(c.stderr()).toMatch(/\[#{30}\] 100% 4\/4 products indexed/);
    expect(c.stdout()).toMatch(/^Indexed 4 products in [\d.]+ s .* swapped them in as "products"\.\nIndexed 2 companies and \d+ pavilions\.\n$/);
  });

  it('finds the indexes in step (exit 0), then drift once the database changes (exit 1)', async () => {
    let c = capture();
    expect(await check(['--sample', '10'], config, c.io)).toBe(0);
    expect(c.stdout()).toMatch(new RegExp([
      'Index "products"[^]*sample compared field by field: +4, 0 differ',
      'Index "companies"[^]*sample compared field by field: +2, 0 differ',
      'Index "pavilions"[^]*sample compared field by field: +2, 0 differ[^]*In step\\.\\n$',
    ].join('[^]*')));

    await withDatabase((db) => db.updateTable('products').set({ moq: 123 }).where('slug', '=', 'kf94-mask').execute().then(() => {}));
    c = capture();
    expect(await check([], config, c.io)).toBe(1);
    expect(c.stdout()).toMatch(/kf94-mask\): moq\n\s+moq: database 123, index 10000/);

    c = capture();
    expect(await reindex([], config, c.io)).toBe(0);
    expect(await check([], config, capture().io)).toBe(0);
  });

  it('reports a drifting company index by name (exit 1)', async () => {
    const rename = (name: string) => withDatabase(async (db) => {
      const { id } = await db.selectFrom('companies').select('id').where('slug', '=', 'seoul-care').executeTakeFirstOrThrow();
      await db.updateTable('company_texts').set({ name }).where('company_id', '=', id).where('locale', '=', 'en').execute();
    });
    await rename('Seoul Care Labs');
    const c = capture();
    expect(await check([], config, c.io)).toBe(1);
    expect(c.stdout()).toMatch(/Index "companies"[^]*\(seoul-care\): name_en\n\s+name_en: database "Seoul Care Labs", index "Seoul Care"/);
    expect(c.stdout()).toMatch(/DRIFT in "products", "companies": these indexes do not match the database\. Run `npm run search:reindex`\.\n$/);
    await rename('Seoul Care');
    expect(await check([], config, capture().io)).toBe(0);
  });

  it('answers usage errors with exit 2', async () => {
    const c = capture();
    expect(await check(['--sample', 'many'], config, c.io)).toBe(2);
    expect(c.stderr()).toContain('--sample must be a whole number');
    expect(await reindex(['--bogus'], config, capture().io)).toBe(2);
  });
});
