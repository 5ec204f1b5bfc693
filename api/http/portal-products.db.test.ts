// Products through the portal and staff review: states, revisions, images and the search
// and site jobs each public change enqueues, on a real database and the real job queue.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import sharp from 'sharp';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { fileImageStore } from '../images/store.ts';
import { pngBomb, photoLike } from '../images/test-images.ts';
import { createApi } from './app.ts';
import { unusedStorageKeys } from '../repositories/product-images.ts';
import { approveProduct, rejectProduct } from '../services/portal-products.ts';
import type { SessionUser } from '../auth/user.ts';

const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 'p'.repeat(40) });
const imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-images-'));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;
let owner = '';
let staff = '';
let n = 0;

const product = (name = 'Hyaluronic Ampoule') => ({
  pavilion: 'beauty', category: null,
  texts: {
    ko: { name: '히알루론 앰플', summary: '수분 앰플', description: '피부 보습', keywords: ['앰플'] },
    en: { name, summary: 'Hydrating ampoule', description: 'Deep moisture for dry skin.', keywords: ['ampoule', 'serum'] },
  },
  specifications: [{ key: 'Volume', value: '30 ml' }],
  certifications: ['CPNP'], moq: 500, moqUnit: 'bottles', leadTimeDays: 21,
  priceTerms: { incoterm: 'FOB', currency: 'USD', min: 3.2, max: 4.1, unit: 'bottle' },
  hsCode: '330499', exportMarkets: ['US', 'VN'],
});
const base = '/portal/companies/hanbit-beauty/products';
const send = (method: string, p: string, cookie: string, body?: unknown) =>
  app.request(p, { method, headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const upload = (p: string, cookie: string, bytes: Uint8Array, name = 'photo.jpg', type = 'image/jpeg') => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(bytes)], name, { type }));
  form.set('altEn', 'The ampoule on a white table');
  return app.request(`${base}/${p}/images`, { method: 'POST', headers: { origin: ORIGIN, cookie }, body: form });
};
const queued = async (queue: string) =>
  (await sql<{ data: { productId?: string } }>`select data from pgboss.job where name = ${queue} order by created_on`.execute(handle.db)).rows;
const publicName = async (slug: string) =>
  (await handle.db.selectFrom('product_texts as t').innerJoin('products as p', 'p.id', 't.product_id')
    .select('t.name').where('p.slug', '=', slug).where('t.locale', '=', 'en').executeTakeFirst())?.name;

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  jobs = await startJobQueue(handle, silentLogger); // enqueue only: no workers here
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
  fs.rmSync(imageDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await sql`truncate users, companies, pavilions, rooms, interpreters, auth_rate_limits restart identity cascade`.execute(handle.db);
  await insertFixtureCatalogue(handle.db);
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: mail.send, images: fileImageStore(imageDir), clientIp: () => `10.2.${++n % 250}.1` });
  const id = n;
  owner = await signedInUser(app, mail, `owner${id}@hanbit.example`);
  staff = await signedInUser(app, mail, `staff${id}@pavilion.example`);
  await setRole(handle.db, `staff${id}@pavilion.example`, 'staff');
  const created = await app.request('/portal/companies', jsonPost({ names: { ko: '한빛 뷰티', en: 'Hanbit Beauty' }, region: 'Seoul', languages: ['ko', 'en'] }, owner));
  expect(created.status).toBe(201);
  // Registering the company enqueued its own jobs; each test watches only what follows.
  await sql`delete from pgboss.job where name in ('search-sync', 'site-build')`.execute(handle.db);
});

describe('a product from draft to published', () => {
  it('is a draft, is submitted, is approved by staff and only then enqueues its search and site jobs', async () => {
    const created = await send('POST', base, owner, product());
    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ slug: 'hyaluronic-ampoule', status: 'draft', product: { texts: { en: { name: 'Hyaluronic Ampoule' } }, priceTerms: { incoterm: 'FOB' } } });
    expect(await queued('search-sync')).toEqual([]);

    expect((await send('POST', `${base}/hyaluronic-ampoule/submit`, owner)).status).toBe(200);
    // While it waits for review the company cannot change it.
    const waiting = await send('PUT', `${base}/hyaluronic-ampoule`, owner, product('Changed'));
    expect(waiting.status).toBe(409);
    // Named by code, for the portal to say in the company's language; the detail stays English.
    expect(await waiting.json()).toMatchObject({ code: 'under-review', state: 'submitted', status: 409, title: 'Conflict', detail: expect.stringContaining('waiting for review') });

    const queue = await (await send('GET', '/control/moderation', staff)).json();
    // Nothing of the company is public yet: staff see this review is also the company's first.
    expect(queue).toMatchObject({ items: [{ kind: 'product', slug: 'hyaluronic-ampoule', companySlug: 'hanbit-beauty', companyStatus: 'active', companyListed: false }] });
    // A company user cannot approve, not even their own product.
    const notStaff = await send('POST', '/control/products/hyaluronic-ampoule/approve', owner);
    expect(notStaff.status).toBe(403);
    expect(await notStaff.json()).toMatchObject({ code: 'staff-only' });

    const approved = await send('POST', '/control/products/hyaluronic-ampoule/approve', staff);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved' });
    const row = await handle.db.selectFrom('products').select(['id', 'published_at']).where('slug', '=', 'hyaluronic-ampoule').executeTakeFirstOrThrow();
    expect(row.published_at).not.toBeNull();
    expect((await queued('search-sync')).map((j) => j.data.productId)).toEqual([row.id]);
    expect(await queued('site-build')).toHaveLength(1);
  });

  it('is rejected with a reason the company sees, then fixed and submitted again', async () => {
    await send('POST', base, owner, product());
    await send('POST', `${base}/hyaluronic-ampoule/submit`, owner);
    expect((await send('POST', '/control/products/hyaluronic-ampoule/reject', staff, { reason: '' })).status).toBe(400);
    const rejected = await send('POST', '/control/products/hyaluronic-ampoule/reject', staff, { reason: 'Add the INCI ingredient list.' });
    expect(await rejected.json()).toMatchObject({ status: 'rejected', rejectionReason: 'Add the INCI ingredient list.' });
    const list = await (await send('GET', base, owner)).json();
    expect(list).toMatchObject({ products: [{ slug: 'hyaluronic-ampoule', status: 'rejected', rejectionReason: 'Add the INCI ingredient list.' }] });
    expect((await send('PUT', `${base}/hyaluronic-ampoule`, owner, product())).status).toBe(200);
    expect(await (await send('POST', `${base}/hyaluronic-ampoule/submit`, owner)).json()).toMatchObject({ status: 'submitted', rejectionReason: null });
    expect(await queued('search-sync')).toEqual([]);
  });

  it('keeps the published text while an edit waits for review, and publishes the edit on approval', async () => {
    await send('POST', base, owner, product());
    await send('POST', `${base}/hyaluronic-ampoule/submit`, owner);
    await send('POST', '/control/products/hyaluronic-ampoule/approve', staff);
    await sql`delete from pgboss.job where name in ('search-sync', 'site-build')`.execute(handle.db);

    const edited = await send('PUT', `${base}/hyaluronic-ampoule`, owner, product('Hyaluronic Ampoule 2.0'));
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ status: 'approved', product: { texts: { en: { name: 'Hyaluronic Ampoule' } } }, pendingRevision: { product: { texts: { en: { name: 'Hyaluronic Ampoule 2.0' } } } } });
    expect(await publicName('hyaluronic-ampoule')).toBe('Hyaluronic Ampoule');
    expect(await queued('search-sync')).toEqual([]); // nothing public changed yet

    const queue = await (await send('GET', '/control/moderation', staff)).json();
    expect(queue).toMatchObject({ items: [{ kind: 'revision', slug: 'hyaluronic-ampoule' }] });
    await send('POST', '/control/products/hyaluronic-ampoule/approve', staff);
    expect(await publicName('hyaluronic-ampoule')).toBe('Hyaluronic Ampoule 2.0');

    // A second edit, rejected: the published text stays and the company sees why.
    await send('PUT', `${base}/hyaluronic-ampoule`, owner, product('Hyaluronic Ampoule 3.0 Miracle'));
    await send('POST', '/control/products/hyaluronic-ampoule/reject', staff, { reason: 'No medical claims, please.' });
    const view = await (await send('GET', `${base}/hyaluronic-ampoule`, owner)).json();
    expect(view).toMatchObject({ companySlug: 'hanbit-beauty', status: 'approved', pendingRevision: null, lastRevision: { status: 'rejected', reason: 'No medical claims, please.' } });
    expect(await publicName('hyaluronic-ampoule')).toBe('Hyaluronic Ampoule 2.0');
    expect(await queued('search-sync')).toHaveLength(1);
  });

  it('withdraws a published product from the hall, enqueueing its removal', async () => {
    await send('POST', base, owner, product());
    await send('POST', `${base}/hyaluronic-ampoule/submit`, owner);
    await send('POST', '/control/products/hyaluronic-ampoule/approve', staff);
    await sql`delete from pgboss.job where name in ('search-sync', 'site-build')`.execute(handle.db);
    expect(await (await send('POST', `${base}/hyaluronic-ampoule/withdraw`, owner)).json()).toMatchObject({ status: 'withdrawn' });
    expect(await queued('search-sync')).toHaveLength(1);
    expect(await queued('site-build')).toHaveLength(1);
    const twice = await send('POST', `${base}/hyaluronic-ampoule/withdraw`, owner);
    expect(twice.status).toBe(409);
    expect(await twice.json()).toMatchObject({ code: 'not-withdrawable', state: 'withdrawn' });
  });

  it('refuses a product without Korean text, in an unknown pavilion, or with a price range upside down', async () => {
    const noKorean = product();
    delete (noKorean.texts as Partial<typeof noKorean.texts>).ko;
    for (const bad of [noKorean, { ...product(), pavilion: 'no-such-pavilion' }, { ...product(), priceTerms: { ...product().priceTerms, min: 9, max: 1 } }]) {
      const res = await send('POST', base, owner, bad);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    expect(await handle.db.selectFrom('products').select('id').where('slug', 'like', 'hyaluronic%').execute()).toEqual([]);
  });

  it('asks for a category where the pavilion is divided into them, on create and on edit, and takes none where it is not', async () => {
    // The fixture pavilion has no categories yet: a product goes in without one.
    expect((await send('POST', base, owner, product('Plain Ampoule'))).status).toBe(201);
    const beauty = await handle.db.selectFrom('pavilions').select('id').where('slug', '=', 'beauty').executeTakeFirstOrThrow();
    await handle.db.insertInto('categories').values({ pavilion_id: beauty.id, slug: 'skincare', names: JSON.stringify({ en: 'Skincare', ko: '스킨케어' }), sort_order: 1 }).execute();

    const refused = await send('POST', base, owner, product());
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ errors: [{ path: 'category', message: 'Required' }] });
    expect(await handle.db.selectFrom('products').select('id').where('slug', '=', 'hyaluronic-ampoule').execute()).toEqual([]);
    // The earlier product, filed before the pavilion was divided, needs one at its next edit.
    expect((await send('PUT', `${base}/plain-ampoule`, owner, product('Plain Ampoule'))).status).toBe(400);

    const filed = await send('POST', base, owner, { ...product(), category: 'skincare' });
    expect(filed.status).toBe(201);
    expect(await filed.json()).toMatchObject({ product: { category: 'skincare' } });
    expect((await send('PUT', `${base}/plain-ampoule`, owner, { ...product('Plain Ampoule'), category: 'skincare' })).status).toBe(200);
  });

  it('does not show or touch another company\'s product through this company\'s address', async () => {
    // vitamin-c-serum belongs to the fixture company, not to hanbit-beauty.
    expect((await send('GET', `${base}/vitamin-c-serum`, owner)).status).toBe(404);
    expect((await send('POST', `${base}/vitamin-c-serum/withdraw`, owner)).status).toBe(404);
  });
});

describe('product images', () => {
  it('re-encodes an upload into AVIF, WebP and JPEG variants served with a safe type', async () => {
    await send('POST', base, owner, product());
    const jpeg = await photoLike(1200, 800).jpeg().withExif({ IFD0: { Artist: 'secret owner', Copyright: 'x' } }).toBuffer();
    const res = await upload('hyaluronic-ampoule', owner, jpeg);
    expect(res.status).toBe(201);
    const image = (await res.json()) as { position: number; variants: { format: string; width: number; url: string }[]; alt: Record<string, string> };
    expect(image.position).toBe(0);
    expect(image.alt).toEqual({ en: 'The ampoule on a white table' });
    expect(new Set(image.variants.map((v) => v.format))).toEqual(new Set(['avif', 'webp', 'jpeg']));
    expect(Math.max(...image.variants.map((v) => v.width))).toBeLessThanOrEqual(1200);
    const served = await app.request(image.variants.find((v) => v.format === 'jpeg')!.url.replace(/^\/api/, ''));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    const meta = await sharp(Buffer.from(await served.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
  });

  it.each([
    ['a script renamed .jpg', () => Buffer.from('<script>alert(document.cookie)</script>'), 'cat.jpg', 'image/jpeg'],
    ['an SVG', () => Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'), 'logo.svg', 'image/svg+xml'],
    ['a PNG decompression bomb', () => pngBomb(30_000, 30_000), 'bomb.png', 'image/png'],
    ['a truncated JPEG', async () => (await photoLike(400, 300).jpeg().toBuffer()).subarray(0, 300), 'half.jpg', 'image/jpeg'],
    ['a polyglot (a JPEG that is also a web page)', async () => Buffer.concat([await photoLike(400, 300).jpeg().toBuffer(), Buffer.from('<html><script>alert(1)</script></html>')]), 'poly.jpg', 'image/jpeg'],
  ])('refuses %s with a clear message and stores nothing', async (_label, bytes, name, type) => {
    await send('POST', base, owner, product());
    const filesBefore = fs.readdirSync(imageDir, { recursive: true }).length;
    const res = await upload('hyaluronic-ampoule', owner, await bytes(), name, type);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string; code: string };
    expect(problem.detail.split(' ').length).toBeGreaterThan(4); // a sentence, not a code
    expect(problem.code).toMatch(/unsupported-type|too-many-pixels|corrupt|hidden-content/);
    expect(await handle.db.selectFrom('product_images').select('id').execute()).toEqual([]);
    expect(fs.readdirSync(imageDir, { recursive: true }).length).toBe(filesBefore);
  });

  it('refuses a file over 10 MB before reading it as an image', async () => {
    await send('POST', base, owner, product());
    const res = await upload('hyaluronic-ampoule', owner, new Uint8Array(10 * 1024 * 1024 + 10));
    expect([400, 413]).toContain(res.status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('removes an image and its files', async () => {
    await send('POST', base, owner, product());
    const res = await upload('hyaluronic-ampoule', owner, await photoLike(640, 480).png().toBuffer(), 'a.png', 'image/png');
    const url = ((await res.json()) as { variants: { url: string }[] }).variants[0]!.url.replace(/^\/api/, '');
    const removed = await send('DELETE', `${base}/hyaluronic-ampoule/images/0`, owner);
    expect(await removed.json()).toEqual({ images: [], staged: false });
    expect((await app.request(url)).status).toBe(404);
  });
});

// ---- helpers for the review, concurrency and atomicity tests below ----------------------

type Img = { position: number; variants: { url: string }[] };
const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
const keyOf = (image: Img) => /\/media\/([0-9a-f]{32})\//.exec(image.variants[0]!.url)![1]!;
/** 200 while the image's files are stored, 404 once they are removed. */
const served = async (image: Img) => (await app.request(image.variants[0]!.url.replace(/^\/api/, ''))).status;
/** Whether no product image and no waiting edit names the image's files any more (they may go). */
const unnamed = async (image: Img) => (await unusedStorageKeys(handle.db, [keyOf(image)])).length === 1;
/** The signed-in staff member, for calling the review services directly. */
const staffUser = async (): Promise<SessionUser> => {
  const u = await handle.db.selectFrom('users').select(['id', 'email', 'name']).where('email', 'like', 'staff%').executeTakeFirstOrThrow();
  return { ...u, role: 'staff', emailVerified: true, locale: 'en' };
};
let seed = 10;
const picture = async () => photoLike(480, 360, ++seed).jpeg().toBuffer();
const clearJobs = () => sql`delete from pgboss.job where name in ('search-sync', 'site-build')`.execute(handle.db);
/** The images the site build and the public see: site/lib/product-images.ts reads exactly these rows. */
const publicImages = async (slug: string) =>
  (await handle.db.selectFrom('product_images as i').innerJoin('products as p', 'p.id', 'i.product_id')
    .select('i.storage_key').where('p.slug', '=', slug).where('p.status', '=', 'approved').orderBy('i.position').execute()).map((r) => r.storage_key);
const pendingRevisions = async (slug: string) =>
  (await handle.db.selectFrom('product_revisions as r').innerJoin('products as p', 'p.id', 'r.product_id')
    .select('r.id').where('p.slug', '=', slug).where('r.status', '=', 'submitted').execute()).length;
const stateOf = (slug: string) =>
  handle.db.selectFrom('products').select(['id', 'status', 'published_at']).where('slug', '=', slug).executeTakeFirstOrThrow();
/** Everything a transition may touch, as one comparable string. */
const snapshot = async () =>
  (await sql<{ s: string }>`select concat_ws('|',
    (select string_agg(concat_ws(',', slug, status, published_at, updated_at, rejection_reason), ';' order by id) from products),
    (select string_agg(concat_ws(',', product_id, locale, name), ';' order by product_id, locale) from product_texts),
    (select string_agg(concat_ws(',', product_id, position, storage_key), ';' order by product_id, position) from product_images),
    (select string_agg(concat_ws(',', id, product_id, status, data::text, images::text), ';' order by id) from product_revisions),
    (select count(*) from pgboss.job where name in ('search-sync', 'site-build'))) as s`.execute(handle.db)).rows[0]!.s;

/** A product registered with one image, submitted and approved; its jobs cleared. */
async function publish(name = 'Hyaluronic Ampoule', opts: { image?: boolean } = {}): Promise<Img | undefined> {
  const slug = slugOf(name);
  expect((await send('POST', base, owner, product(name))).status).toBe(201);
  let image: Img | undefined;
  if (opts.image !== false) {
    const res = await upload(slug, owner, await picture());
    expect(res.status).toBe(201);
    image = (await res.json()) as Img;
  }
  expect((await send('POST', `${base}/${slug}/submit`, owner)).status).toBe(200);
  expect((await send('POST', `/control/products/${slug}/approve`, staff)).status).toBe(200);
  await clearJobs();
  return image;
}

describe('images of a published product wait for review like its text', () => {
  const slug = 'hyaluronic-ampoule';

  it('stages an upload and a removal; the public keeps the published images until staff approve', async () => {
    const a = (await publish())!;
    expect(await publicImages(slug)).toEqual([keyOf(a)]);

    const added = await upload(slug, owner, await picture());
    expect(added.status).toBe(201);
    const b = (await added.json()) as Img & { staged: boolean };
    expect(b).toMatchObject({ position: 1, staged: true });
    expect(await served(b)).toBe(200); // stored, so the company and staff can look at it
    expect(await publicImages(slug)).toEqual([keyOf(a)]);

    const removed = await send('DELETE', `${base}/${slug}/images/0`, owner);
    expect(removed.status).toBe(200);
    expect(await removed.json()).toMatchObject({ staged: true, images: [{ position: 1 }] });
    expect(await served(a)).toBe(200); // still published
    expect(await publicImages(slug)).toEqual([keyOf(a)]);
    expect(await queued('search-sync')).toEqual([]);
    expect(await queued('site-build')).toEqual([]);

    // The company sees its staged list; staff see the published images beside the proposed ones.
    expect(await (await send('GET', `${base}/${slug}/images`, owner)).json()).toMatchObject({ staged: true, images: [{ position: 1 }] });
    const review = (await (await send('GET', `/control/products/${slug}`, staff)).json()) as { images: Img[]; pendingRevision: { images: Img[] } };
    expect(review).toMatchObject({ status: 'approved', images: [{ position: 0 }], pendingRevision: { images: [{ position: 1 }], product: { texts: { en: { name: 'Hyaluronic Ampoule' } } } } });
    expect(await (await send('GET', '/control/moderation', staff)).json()).toMatchObject({ items: [{ kind: 'revision', slug, companyListed: true }] });

    expect((await send('POST', `/control/products/${slug}/approve`, staff)).status).toBe(200);
    expect(await publicImages(slug)).toEqual([keyOf(b)]);
    expect(await unnamed(a)).toBe(true); // replaced: nothing names its files any more
    expect(await served(a)).toBe(404); // and they are gone from the store
    expect(await unnamed(b)).toBe(false);
    expect(await served(b)).toBe(200);
    expect(await queued('search-sync')).toHaveLength(1);
    expect(await queued('site-build')).toHaveLength(1);
    expect(await (await send('GET', `${base}/${slug}/images`, owner)).json()).toMatchObject({ staged: false, images: [{ position: 1 }] });
    expect(await (await send('GET', `${base}/${slug}`, owner)).json()).toMatchObject({ pendingRevision: null, images: [{ position: 1 }] });
  });

  it('keeps staged images and a text edit together in one revision, whichever comes first', async () => {
    const a = (await publish())!;
    await send('PUT', `${base}/${slug}`, owner, product('Hyaluronic Ampoule 2.0'));
    const b = (await (await upload(slug, owner, await picture())).json()) as Img;
    await send('PUT', `${base}/${slug}`, owner, product('Hyaluronic Ampoule 3.0'));
    expect(await pendingRevisions(slug)).toBe(1);
    expect(await (await send('GET', `${base}/${slug}`, owner)).json()).toMatchObject({
      product: { texts: { en: { name: 'Hyaluronic Ampoule' } } },
      pendingRevision: { product: { texts: { en: { name: 'Hyaluronic Ampoule 3.0' } } }, images: [{ position: 0 }, { position: 1 }] },
    });
    expect((await send('POST', `/control/products/${slug}/approve`, staff)).status).toBe(200);
    expect(await publicName(slug)).toBe('Hyaluronic Ampoule 3.0');
    expect(await publicImages(slug)).toEqual([keyOf(a), keyOf(b)]);
  });

  it('discards staged images and their files when staff reject the edit', async () => {
    const a = (await publish())!;
    const c = (await (await upload(slug, owner, await picture())).json()) as Img;
    expect((await send('POST', `/control/products/${slug}/reject`, staff, { reason: 'Blurry picture.' })).status).toBe(200);
    expect(await unnamed(c)).toBe(true);
    expect(await served(c)).toBe(404);
    expect(await unnamed(a)).toBe(false);
    expect(await served(a)).toBe(200);
    expect(await publicImages(slug)).toEqual([keyOf(a)]);
    expect(await pendingRevisions(slug)).toBe(0);
    expect(await (await send('GET', `${base}/${slug}/images`, owner)).json()).toMatchObject({ staged: false, images: [{ position: 0 }] });
    expect(await queued('search-sync')).toEqual([]);
  });

  it('deletes the files a staff decision leaves unused, given the image store', async () => {
    // The review services with the image store, as the moderation routes call them when given it.
    const deps = { db: handle.db, now: Date.now, jobs, images: fileImageStore(imageDir) };
    const a = (await publish())!;
    const b = (await (await upload(slug, owner, await picture())).json()) as Img;
    await send('DELETE', `${base}/${slug}/images/0`, owner);
    await approveProduct(deps, slug, await staffUser());
    expect(await served(a)).toBe(404); // replaced by the approved edit
    expect(await served(b)).toBe(200);

    const c = (await (await upload(slug, owner, await picture())).json()) as Img;
    await rejectProduct(deps, slug, await staffUser(), 'Blurry picture.');
    expect(await served(c)).toBe(404); // staged, then rejected
    expect(await served(b)).toBe(200);
    expect(await publicImages(slug)).toEqual([keyOf(b)]);
  });

  it('discards staged images and their files when the company withdraws the product', async () => {
    const a = (await publish())!;
    const d = (await (await upload(slug, owner, await picture())).json()) as Img;
    expect(await (await send('POST', `${base}/${slug}/withdraw`, owner)).json()).toMatchObject({ status: 'withdrawn', pendingRevision: null });
    expect(await served(d)).toBe(404);
    expect(await served(a)).toBe(200);
    expect(await pendingRevisions(slug)).toBe(0);
    expect(await (await send('GET', `${base}/${slug}/images`, owner)).json()).toMatchObject({ images: [{ position: 0 }] });
  });
});

describe('a withdrawn product leaves no edit behind', () => {
  it('approved → edit → withdraw → edit → submit → approve: nothing pending, the newest text published', async () => {
    const slug = 'hyaluronic-ampoule';
    await publish('Hyaluronic Ampoule', { image: false });
    expect((await send('PUT', `${base}/${slug}`, owner, product('Hyaluronic Ampoule Old Edit'))).status).toBe(200);
    expect((await send('POST', `${base}/${slug}/withdraw`, owner)).status).toBe(200);
    // The withdrawn product's edit is gone: nothing for staff to approve.
    expect(await (await send('GET', '/control/moderation', staff)).json()).toEqual({ items: [] });
    expect(await pendingRevisions(slug)).toBe(0);

    expect((await send('PUT', `${base}/${slug}`, owner, product('Hyaluronic Ampoule Newest'))).status).toBe(200);
    expect((await send('POST', `${base}/${slug}/submit`, owner)).status).toBe(200);
    expect(await (await send('POST', `/control/products/${slug}/approve`, staff)).json()).toMatchObject({ status: 'approved', pendingRevision: null });
    expect(await publicName(slug)).toBe('Hyaluronic Ampoule Newest');
    expect(await pendingRevisions(slug)).toBe(0);
    expect(await (await send('GET', '/control/moderation', staff)).json()).toEqual({ items: [] });
    expect((await (await send('GET', base, owner)).json()) as unknown).toMatchObject({ products: [{ slug, revisionPending: false }] });
    // Approving again has nothing to apply and cannot bring the old edit back.
    expect((await send('POST', `/control/products/${slug}/approve`, staff)).status).toBe(409);
    expect(await publicName(slug)).toBe('Hyaluronic Ampoule Newest');
  });

  it('does not queue or offer an edit of a product that is no longer published', async () => {
    await publish('Hyaluronic Ampoule', { image: false });
    await send('PUT', `${base}/hyaluronic-ampoule`, owner, product('Hyaluronic Ampoule Edit'));
    // An edit left behind by older code (before withdrawals discarded them).
    await sql`update products set status = 'withdrawn' where slug = 'hyaluronic-ampoule'`.execute(handle.db);
    expect(await (await send('GET', '/control/moderation', staff)).json()).toEqual({ items: [] });
    expect(await (await send('GET', `${base}/hyaluronic-ampoule`, owner)).json()).toMatchObject({ pendingRevision: null });
    expect((await send('POST', '/control/products/hyaluronic-ampoule/approve', staff)).status).toBe(409);
  });
});

describe('transitions racing each other', () => {
  it('approve racing withdraw of a submitted product ends in one consistent state, with jobs to match', async () => {
    for (let round = 0; round < 8; round++) {
      const name = `Race Product ${round}`;
      const slug = slugOf(name);
      await send('POST', base, owner, product(name));
      await send('POST', `${base}/${slug}/submit`, owner);
      await clearJobs();
      const [approved, withdrawn] = await Promise.all([
        send('POST', `/control/products/${slug}/approve`, staff),
        send('POST', `${base}/${slug}/withdraw`, owner),
      ]);
      const state = await stateOf(slug);
      const jobsFor = (await queued('search-sync')).filter((j) => j.data.productId === state.id);
      expect(withdrawn.status, `round ${round}`).toBe(200);
      if (approved.status === 200) {
        // Approved first, then withdrawn from the hall: its removal is queued.
        expect(state.status, `round ${round}`).toBe('withdrawn');
        expect(jobsFor.length).toBeGreaterThanOrEqual(1);
        expect((await queued('site-build')).length).toBeGreaterThanOrEqual(1);
      } else {
        // Withdrawn first: back to a draft, never published, nothing queued.
        expect(approved.status, `round ${round}`).toBe(409);
        expect(state.status, `round ${round}`).toBe('draft');
        expect(state.published_at).toBeNull();
        expect(jobsFor).toEqual([]);
      }
    }
  });

  it('approving an edit racing the withdrawal never leaves a published withdrawn product or an edit behind', async () => {
    for (let round = 0; round < 6; round++) {
      const name = `Race Edit ${round}`;
      const slug = slugOf(name);
      await publish(name, { image: false });
      await send('PUT', `${base}/${slug}`, owner, product(`${name} Changed`));
      const [approved, withdrawn] = await Promise.all([
        send('POST', `/control/products/${slug}/approve`, staff),
        send('POST', `${base}/${slug}/withdraw`, owner),
      ]);
      expect(withdrawn.status, `round ${round}`).toBe(200);
      expect([200, 409], `round ${round}`).toContain(approved.status);
      const state = await stateOf(slug);
      expect(state.status).toBe('withdrawn');
      expect(await pendingRevisions(slug)).toBe(0);
      // Approved before the withdrawal: the edit applied; after it: the edit was discarded.
      expect(await publicName(slug)).toBe(approved.status === 200 ? `${name} Changed` : name);
      expect((await queued('search-sync')).filter((j) => j.data.productId === state.id).length).toBeGreaterThanOrEqual(1);
      await clearJobs();
    }
  });
});

describe('every transition is one transaction with its jobs', () => {
  it('with a job queue that fails, approve and withdraw change nothing; an image added to a draft needs no job', async () => {
    const mail = mailbox();
    const broken: JobQueue = { ...jobs, insert: async () => { throw new Error('The job queue is down.'); } };
    const failing = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs: broken, sendAccountMail: mail.send, images: fileImageStore(imageDir), clientIp: () => `10.3.${++n % 250}.1` });
    const sendTo = (target: ReturnType<typeof createApi>, method: string, p: string, cookie: string, body?: unknown) =>
      target.request(p, { method, headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    const slug = 'hyaluronic-ampoule';
    const expectFailedUnchanged = async (res: Response, before: string) => {
      expect(res.status).toBeGreaterThanOrEqual(500);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await snapshot()).toBe(before);
    };

    // A draft's image: nothing public changes, so no job is due and the upload stands.
    await send('POST', base, owner, product());
    const form = new FormData();
    form.set('file', new File([new Uint8Array(await picture())], 'a.jpg', { type: 'image/jpeg' }));
    const added = await failing.request(`${base}/${slug}/images`, { method: 'POST', headers: { origin: ORIGIN, cookie: owner }, body: form });
    expect(added.status).toBe(201);
    const a = (await added.json()) as Img;
    await send('POST', `${base}/${slug}/submit`, owner);

    // Approval of a new product: its jobs cannot be queued, so it is not published.
    let before = await snapshot();
    await expectFailedUnchanged(await sendTo(failing, 'POST', `/control/products/${slug}/approve`, staff), before);
    expect((await stateOf(slug)).status).toBe('submitted');
    expect((await send('POST', `/control/products/${slug}/approve`, staff)).status).toBe(200);
    await clearJobs();

    // An edit with a staged image: staging needs no job, its approval does.
    const stagedForm = new FormData();
    stagedForm.set('file', new File([new Uint8Array(await picture())], 'b.jpg', { type: 'image/jpeg' }));
    const stagedRes = await failing.request(`${base}/${slug}/images`, { method: 'POST', headers: { origin: ORIGIN, cookie: owner }, body: stagedForm });
    expect(stagedRes.status).toBe(201);
    const b = (await stagedRes.json()) as Img;
    expect((await sendTo(failing, 'PUT', `${base}/${slug}`, owner, product('Hyaluronic Ampoule 2.0'))).status).toBe(200);
    before = await snapshot();
    await expectFailedUnchanged(await sendTo(failing, 'POST', `/control/products/${slug}/approve`, staff), before);
    expect(await publicName(slug)).toBe('Hyaluronic Ampoule');
    expect(await publicImages(slug)).toEqual([keyOf(a)]);
    expect(await served(a)).toBe(200);
    expect(await served(b)).toBe(200); // the staged files survive the failed approval

    // Withdrawal of the published product: its removal cannot be queued, so it stays published.
    await expectFailedUnchanged(await sendTo(failing, 'POST', `${base}/${slug}/withdraw`, owner), before);
    expect((await stateOf(slug)).status).toBe('approved');
    expect(await pendingRevisions(slug)).toBe(1);
    expect(await served(b)).toBe(200);

    // With the queue back, the withdrawal goes through with its search and site jobs.
    expect((await send('POST', `${base}/${slug}/withdraw`, owner)).status).toBe(200);
    const id = (await stateOf(slug)).id;
    expect((await queued('search-sync')).map((j) => j.data.productId)).toEqual([id]);
    expect(await queued('site-build')).toHaveLength(1);
    expect(await served(b)).toBe(404);
  });
});
