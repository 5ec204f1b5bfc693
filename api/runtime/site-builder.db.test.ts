// The real Astro build from a real database: built once, reused while nothing changed,
// rebuilt into a fresh folder (and switched atomically) when the catalogue changes; a
// failed build keeps the previous site serving. (That an incremental rebuild makes the same
// site as a full one is api/site-build/incremental.db.test.ts.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { silentLogger } from '../lib/logger.ts';
import { createSiteBuilder } from './site-builder.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let dataDir: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  const { companyId } = await insertFixtureCatalogue(handle.db);
  // A buyer with a request: personal data that must never reach a built page.
  const buyer = await handle.db.insertInto('buyers')
    .values({ email: 'private.buyer@example.test', name: 'Private Buyer', company_name: 'Secret Imports', country: 'US', language: 'en', time_zone: 'UTC', phone: '+1 555 0100' })
    .returning('id').executeTakeFirstOrThrow();
  await handle.db.insertInto('meeting_requests').values({ buyer_id: buyer.id, company_id: companyId, language: 'en', time_zone: 'UTC' }).execute();
  // Outside the project, as a DATA_DIR may well be: Astro then stages the build under the
  // working directory, at the same place every time, so a rebuild in the same process gets
  // the first build's bundled modules back from Node's cache (see site/lib/db.ts perBuild).
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-test-site-'));
});
afterAll(async () => {
  await handle?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('site builder', () => {
  it('builds, reuses an unchanged site, and rebuilds into a new folder after an edit', async () => {
    const builder = createSiteBuilder({ db: handle.db, readers: handle.readers, root, dataDir, publicUrl: 'http://hall.test', log: silentLogger });
    expect(await builder.ensureBuilt()).toBe('built');
    expect(builder.lastBuild()).toMatchObject({ mode: 'full' });
    const page = () => fs.readFileSync(path.join(builder.servedDir, 'products/vitamin-c-serum/index.html'), 'utf8');
    expect(page()).toContain('Vitamin C serum');
    expect(page()).toContain('Hanbit Cosmetics');
    expect(fs.existsSync(path.join(builder.servedDir, 'products/secret-draft'))).toBe(false); // drafts are not published
    const firstDir = fs.realpathSync(builder.servedDir);

    expect(await builder.ensureBuilt()).toBe('reused');

    // A build that fails (here its database cannot be reached) leaves the served site as it
    // was, reports the failure with the last good build's time, and leaves no staging behind.
    await handle.db.updateTable('products').set({ updated_at: new Date() }).where('slug', '=', 'vitamin-c-serum').execute();
    const broken = createSiteBuilder({ db: handle.db, readers: { url: 'postgres://postgres@127.0.0.1:1/nowhere' }, root, dataDir, publicUrl: 'http://hall.test', log: silentLogger });
    const staged = () => (fs.existsSync(path.join(root, '.astro-out')) ? fs.readdirSync(path.join(root, '.astro-out')).length : 0);
    const stagedBefore = staged();
    expect(await broken.ensureBuilt()).toBe('failed');
    expect(broken.state()).toMatchObject({ ok: false, status: 'failed' });
    expect(broken.state().detail).toMatch(/ECONNREFUSED|connect/i);
    expect(broken.state().builtAt).toBeTruthy();
    expect(fs.realpathSync(broken.servedDir)).toBe(firstDir);
    expect(page()).toContain('Vitamin C serum');
    expect(staged()).toBe(stagedBefore);

    await handle.db.updateTable('product_texts').set({ name: 'Vitamin C brightening serum <b>new</b>' })
      .where('locale', '=', 'en').where('name', '=', 'Vitamin C serum').execute();
    await handle.db.updateTable('products').set({ updated_at: new Date() }).where('slug', '=', 'vitamin-c-serum').execute();
    expect(await builder.ensureBuilt()).toBe('built');
    // Only the edited product's pages and those listing it were rendered; the rest was kept.
    const rebuilt = builder.lastBuild()!;
    expect(rebuilt.mode).toBe('incremental');
    expect(rebuilt.pagesRendered).toBeLessThan(rebuilt.pages);
    expect(fs.realpathSync(builder.servedDir)).not.toBe(firstDir);
    // ... and the previous build, which requests may still be reading, is as it was.
    expect(fs.readFileSync(path.join(firstDir, 'products/vitamin-c-serum/index.html'), 'utf8')).not.toContain('brightening');
    expect(page()).toContain('Vitamin C brightening serum &lt;b&gt;new&lt;/b&gt;'); // company text is escaped
    // ... in the structured data too, which is inside a <script> element.
    const ld = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(page())![1]!;
    expect(ld).toContain('Vitamin C brightening serum \\u003cb\\u003enew\\u003c/b\\u003e');
    const [product, trail] = JSON.parse(ld) as [{ '@type': string; name: string; url: string }, { '@type': string }];
    expect(product).toMatchObject({ '@type': 'Product', name: 'Vitamin C brightening serum <b>new</b>', url: 'http://hall.test/products/vitamin-c-serum/' });
    expect(trail['@type']).toBe('BreadcrumbList');

    const sitemap = fs.readFileSync(path.join(builder.servedDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<loc>http://hall.test/products/vitamin-c-serum/</loc>');
    expect(sitemap).toContain('<loc>http://hall.test/companies/hanbit-cosmetics/</loc>');
    expect(sitemap).not.toContain('secret-draft');
    expect(fs.readFileSync(path.join(builder.servedDir, 'robots.txt'), 'utf8')).toContain('Sitemap: http://hall.test/sitemap.xml');
    expect(builder.state()).toMatchObject({ ok: true, status: 'ready' });

    // A product approved since: the next build has its page (and the per-build reads are fresh,
    // even though an in-process rebuild may get the same bundled modules back).
    const { pavilionId, companyId } = (await handle.db.selectFrom('products').select(['pavilion_id as pavilionId', 'company_id as companyId'])
      .where('slug', '=', 'vitamin-c-serum').executeTakeFirstOrThrow());
    const fresh = await handle.db.insertInto('products')
      .values({ slug: 'niacinamide-toner', company_id: companyId, pavilion_id: pavilionId, status: 'approved', published_at: new Date() })
      .returning('id').executeTakeFirstOrThrow();
    await handle.db.insertInto('product_texts').values([
      { product_id: fresh.id, locale: 'en', name: 'Niacinamide toner' }, { product_id: fresh.id, locale: 'ko', name: '나이아신아마이드 토너' },
    ]).execute();
    expect(await builder.ensureBuilt()).toBe('built');
    expect(builder.lastBuild()).toMatchObject({ mode: 'incremental' });
    expect(fs.readFileSync(path.join(builder.servedDir, 'products/niacinamide-toner/index.html'), 'utf8')).toContain('Niacinamide toner');
    expect(fs.readFileSync(path.join(builder.servedDir, 'ko/products/niacinamide-toner/index.html'), 'utf8')).toContain('나이아신아마이드 토너');

    const files = fs.readdirSync(builder.servedDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const text = fs.readFileSync(path.join(f.parentPath, f.name), 'utf8');
      for (const secret of ['private.buyer@example.test', 'Private Buyer', 'Secret Imports', '555 0100']) expect(text, f.name).not.toContain(secret);
    }
  }, 400_000); // three builds and a failed one, each in its own process
});
