// The oracle for incremental rebuilds: after each kind of catalogue change, the site the
// builder makes from its previous build (rendering only the pages it decided were touched)
// must be byte for byte the site a full build makes from scratch. A page whose dependency
// the builder missed keeps its old bytes and shows up here as a difference.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { seedDemoData } from '../seed/seed.ts';
import { silentLogger } from '../lib/logger.ts';
import { readProductInput, setProductStatus, writeProductContent } from '../repositories/products.ts';
import { replaceProductImages } from '../repositories/product-images.ts';
import { createSiteBuilder, type BuildReport } from '../runtime/site-builder.ts';
import { listFiles } from './overlay.ts';

const project = fileURLToPath(new URL('../..', import.meta.url));
let root: string;
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;
let builder: ReturnType<typeof createSiteBuilder>;
let first: BuildReport;
/** The pavilion with the most products, topped up to 49: one product less or more moves its second grid page. */
let busy: { id: string; slug: string; n: string };

const newBuilder = (dir: string) => createSiteBuilder({ db: handle.db, readers: handle.readers, root, dataDir: dir, publicUrl: 'http://hall.test', log: silentLogger });
const served = (file: string) => path.join(builder.servedDir, file);

/** Files only in one folder, and files whose bytes differ. */
function differences(a: string, b: string): string[] {
  const inA = new Set(listFiles(a));
  const inB = new Set(listFiles(b));
  const out: string[] = [];
  for (const f of inA) if (!inB.has(f)) out.push(`only in the incremental build: ${f}`);
  for (const f of inB) if (!inA.has(f)) out.push(`only in the full build: ${f}`);
  for (const f of inA) {
    if (inB.has(f) && !fs.readFileSync(path.join(a, f)).equals(fs.readFileSync(path.join(b, f)))) out.push(`differs: ${f}`);
  }
  return out.sort();
}

/**
 * Rebuilds incrementally after `change`, then builds everything afresh in another folder,
 * and compares. Returns the incremental build's report.
 */
async function rebuildAndCompare(change: () => Promise<unknown>): Promise<BuildReport> {
  await change();
  expect(await builder.ensureBuilt()).toBe('built');
  const incremental = builder.lastBuild()!;
  expect(incremental.mode, incremental.reason).toBe('incremental');

  const freshDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-test-full-'));
  try {
    // The fresh build in shards of at most 40 products, two processes at a time: merged, they
    // must make the site the incremental one is, which descends from a build in one process.
    const fresh = createSiteBuilder({ db: handle.db, readers: handle.readers, root, dataDir: freshDir, publicUrl: 'http://hall.test', log: silentLogger, processes: 2, productsPerShard: 40 });
    expect(await fresh.ensureBuilt()).toBe('built');
    expect(fresh.lastBuild()!.mode).toBe('full');
    expect(fresh.lastBuild()!.shards).toBeGreaterThanOrEqual(3);
    expect(differences(fs.realpathSync(builder.servedDir), fs.realpathSync(fresh.servedDir))).toEqual([]);
    // The sharded build counts what its processes say they rendered; the folder agrees.
    const htmlFiles = fs.readdirSync(fresh.servedDir, { recursive: true }).filter((f) => String(f).endsWith('.html')).length;
    expect(fresh.lastBuild()!.pages).toBe(htmlFiles);
    expect(incremental.pages).toBe(htmlFiles);
  } finally {
    fs.rmSync(freshDir, { recursive: true, force: true });
  }
  return incremental;
}

async function addProduct(slug: string, pavilionId: string, companyId: string, status: 'approved' | 'submitted', texts: Record<string, string>) {
  const p = await handle.db.insertInto('products')
    .values({ slug, company_id: companyId, pavilion_id: pavilionId, status, published_at: status === 'approved' ? new Date() : null, moq: 100, moq_unit: 'pieces' })
    .returning('id').executeTakeFirstOrThrow();
  await handle.db.insertInto('product_texts').values(Object.entries(texts).map(([locale, name]) => ({ product_id: p.id, locale, name, summary: `${name}, in short` }))).execute();
  return p.id;
}

async function touchProduct(id: string) {
  await handle.db.updateTable('products').set({ updated_at: sql`now()` }).where('id', '=', id).execute();
}

/**
 * The site's source as it is now, in a folder of its own: the builds here take minutes, and
 * an edit saved in the working tree meanwhile (a changed source means a full build, and
 * different bytes) must not change what they compare.
 */
function copyOfProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-test-project-'));
  for (const entry of ['api', 'site', 'search', 'astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    if (fs.existsSync(path.join(project, entry))) fs.cpSync(path.join(project, entry), path.join(dir, entry), { recursive: true });
  }
  fs.symlinkSync(path.join(project, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

beforeAll(async () => {
  root = copyOfProject();
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  await seedDemoData(handle.db, { pavilions: 2, products: 90, companies: 18 });
  const counts = await handle.db.selectFrom('products as p').innerJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
    .select(['pv.id', 'pv.slug', handle.db.fn.countAll<string>().as('n')]).where('p.status', '=', 'approved')
    .groupBy(['pv.id', 'pv.slug']).orderBy('n', 'desc').execute();
  busy = counts[0]!;
  const company = await handle.db.selectFrom('products').select('company_id').where('pavilion_id', '=', busy.id).executeTakeFirstOrThrow();
  for (let i = Number(busy.n); i < 49; i++) {
    await addProduct(`extra-product-${i}`, busy.id, company.company_id, 'approved', { en: `Extra product ${i}`, ko: `추가 제품 ${i}` });
  }
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-test-incremental-'));
  builder = newBuilder(dataDir);
  expect(await builder.ensureBuilt()).toBe('built');
  first = builder.lastBuild()!;
  expect(first.mode).toBe('full');
  expect(fs.existsSync(served(`pavilions/${busy.slug}/page/2/index.html`))).toBe(true);
}, 300_000);

afterAll(async () => {
  await handle?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('incremental site rebuild', () => {
  it('one product\'s text edited (and its Japanese text dropped): the same site as a full build', async () => {
    const product = await handle.db.selectFrom('products as p').innerJoin('product_texts as t', 't.product_id', 'p.id')
      .select(['p.id', 'p.slug', 'p.pavilion_id', 'p.category_id']).where('p.status', '=', 'approved').where('t.locale', '=', 'ja')
      .orderBy('p.id').executeTakeFirstOrThrow();
    expect(fs.existsSync(served(`ja/products/${product.slug}/index.html`))).toBe(true);
    const report = await rebuildAndCompare(async () => {
      const input = await readProductInput(handle.db, product.id);
      input.texts.en = { ...input.texts.en!, name: 'Renamed by the oracle', description: 'A new description.' };
      delete input.texts.ja;
      await writeProductContent(handle.db, product.id, input, { pavilionId: product.pavilion_id, categoryId: product.category_id });
    });
    expect(fs.readFileSync(served(`products/${product.slug}/index.html`), 'utf8')).toContain('Renamed by the oracle');
    expect(fs.existsSync(served(`ja/products/${product.slug}/index.html`))).toBe(false);
    expect(report.pagesRendered, `${report.pagesRendered} of ${first.pagesRendered} pages`).toBeLessThan(first.pagesRendered / 10);
  }, 300_000);

  it('a product withdrawn (its pavilion loses its second page): the same site as a full build', async () => {
    const product = await handle.db.selectFrom('products').select(['id', 'slug']).where('pavilion_id', '=', busy.id)
      .where('status', '=', 'approved').orderBy('id', 'desc').executeTakeFirstOrThrow();
    const report = await rebuildAndCompare(() => setProductStatus(handle.db, product.id, 'approved', 'withdrawn'));
    expect(fs.existsSync(served(`products/${product.slug}/index.html`))).toBe(false);
    expect(fs.existsSync(served(`ko/pavilions/${busy.slug}/page/2/index.html`))).toBe(false);
    expect(report.pagesRendered, `${report.pagesRendered} of ${first.pagesRendered} pages`).toBeLessThan(first.pagesRendered / 10);
  }, 300_000);

  it('a new product approved (first in its pavilion\'s grid, which gets its second page back): the same site as a full build', async () => {
    const company = await handle.db.selectFrom('companies').select('id').orderBy('id').executeTakeFirstOrThrow();
    const id = await addProduct('oracle-approved-product', busy.id, company.id, 'submitted', { en: 'Oracle product', ko: '오라클 제품', vi: 'Sản phẩm' });
    const report = await rebuildAndCompare(() => setProductStatus(handle.db, id, 'submitted', 'approved'));
    expect(fs.readFileSync(served('vi/products/oracle-approved-product/index.html'), 'utf8')).toContain('Sản phẩm');
    expect(fs.existsSync(served(`ko/pavilions/${busy.slug}/page/2/index.html`))).toBe(true);
    expect(report.pagesRendered, `${report.pagesRendered} of ${first.pagesRendered} pages`).toBeLessThan(first.pagesRendered / 10);
  }, 300_000);

  it('a company\'s profile text changed (its name shows on its products\' pages and cards): the same site as a full build', async () => {
    const company = await handle.db.selectFrom('companies as c').innerJoin('products as p', 'p.company_id', 'c.id')
      .select(['c.id', 'c.slug', handle.db.fn.countAll<string>().as('n')]).where('p.status', '=', 'approved')
      .groupBy(['c.id', 'c.slug']).orderBy('n', 'desc').executeTakeFirstOrThrow();
    const report = await rebuildAndCompare(async () => {
      await handle.db.updateTable('company_texts').set({ name: 'Oracle Trading Co.', description: 'Renamed for the oracle.' })
        .where('company_id', '=', company.id).where('locale', '=', 'en').execute();
      await handle.db.updateTable('companies').set({ updated_at: sql`now()` }).where('id', '=', company.id).execute();
    });
    expect(fs.readFileSync(served(`companies/${company.slug}/index.html`), 'utf8')).toContain('Renamed for the oracle.');
    expect(report.pagesRendered, `${report.pagesRendered} of ${first.pagesRendered} pages`).toBeLessThan(first.pagesRendered / 5);
  }, 300_000);

  it('a product\'s image changed: the same site as a full build', async () => {
    const product = await handle.db.selectFrom('products').select(['id', 'slug']).where('pavilion_id', '<>', busy.id)
      .where('status', '=', 'approved').orderBy('id').executeTakeFirstOrThrow();
    const report = await rebuildAndCompare(async () => {
      await replaceProductImages(handle.db, product.id, [{
        position: 0, storageKey: 'oracle/picture', width: 1200, height: 900, alt: { en: 'The oracle picture' },
        variants: [
          { format: 'avif', width: 640, height: 480, name: 'w640.avif' },
          { format: 'webp', width: 640, height: 480, name: 'w640.webp' },
          { format: 'jpeg', width: 1200, height: 900, name: 'w1200.jpg' },
        ],
      }]);
      await touchProduct(product.id);
    });
    expect(fs.readFileSync(served(`products/${product.slug}/index.html`), 'utf8')).toContain('/api/media/oracle/picture/w640.avif 640w');
    expect(report.pagesRendered, `${report.pagesRendered} of ${first.pagesRendered} pages`).toBeLessThan(first.pagesRendered / 10);
  }, 300_000);

  it('only the programme figures changed (a new buyer asked for a meeting): the home pages, the same site as a full build', async () => {
    const company = await handle.db.selectFrom('companies').select('id').orderBy('id').executeTakeFirstOrThrow();
    const report = await rebuildAndCompare(async () => {
      const buyer = await handle.db.insertInto('buyers')
        .values({ email: 'oracle.buyer@example.test', name: 'Oracle', company_name: 'Oracle Imports', country: 'BR', language: 'en', time_zone: 'UTC' })
        .returning('id').executeTakeFirstOrThrow();
      await handle.db.insertInto('meeting_requests').values({ buyer_id: buyer.id, company_id: company.id, language: 'en', time_zone: 'UTC' }).execute();
    });
    expect(report.pagesRendered, `${report.pagesRendered} of ${first.pagesRendered} pages`).toBeLessThan(first.pagesRendered / 20);
  }, 300_000);

  it('a company suspended (its page and its products\' pages go, its pavilions\' cards and counts shrink), then reinstated: each the same site as a full build', async () => {
    // The exhibitor with the fewest published products, so the change stays incremental.
    const company = await handle.db.selectFrom('companies as c').innerJoin('products as p', 'p.company_id', 'c.id')
      .select(['c.id', 'c.slug', handle.db.fn.countAll<string>().as('n')]).where('p.status', '=', 'approved').where('c.status', '=', 'active')
      .groupBy(['c.id', 'c.slug']).orderBy('n').orderBy('c.id').executeTakeFirstOrThrow();
    const product = await handle.db.selectFrom('products').select('slug').where('company_id', '=', company.id).where('status', '=', 'approved').executeTakeFirstOrThrow();
    const setStatus = (status: 'active' | 'suspended') => handle.db.updateTable('companies').set({ status, updated_at: sql`now()` }).where('id', '=', company.id).execute();
    expect(fs.existsSync(served(`ko/products/${product.slug}/index.html`))).toBe(true);
    await rebuildAndCompare(() => setStatus('suspended'));
    expect(fs.existsSync(served(`products/${product.slug}/index.html`))).toBe(false);
    expect(fs.existsSync(served(`ko/products/${product.slug}/index.html`))).toBe(false);
    expect(fs.existsSync(served(`companies/${company.slug}/index.html`))).toBe(false);
    await rebuildAndCompare(() => setStatus('active'));
    expect(fs.existsSync(served(`ko/products/${product.slug}/index.html`))).toBe(true);
    expect(fs.existsSync(served(`companies/${company.slug}/index.html`))).toBe(true);
  }, 600_000);
});
