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
    expect((await send('PUT', `${base}/hyaluronic-ampoule`, owner, product('Changed'))).status).toBe(409);

    const queue = await (await send('GET', '/control/moderation', staff)).json();
    expect(queue).toMatchObject({ items: [{ kind: 'product', slug: 'hyaluronic-ampoule', companySlug: 'hanbit-beauty' }] });
    // A company user cannot approve, not even their own product.
    expect((await send('POST', '/control/products/hyaluronic-ampoule/approve', owner)).status).toBe(403);

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
    expect((await send('POST', `${base}/hyaluronic-ampoule/withdraw`, owner)).status).toBe(409);
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
  ])('refuses %s with a clear message and stores nothing', async (_label, bytes, name, type) => {
    await send('POST', base, owner, product());
    const filesBefore = fs.readdirSync(imageDir, { recursive: true }).length;
    const res = await upload('hyaluronic-ampoule', owner, await bytes(), name, type);
    expect(res.status).toBe(400);
    const problem = (await res.json()) as { detail: string; code: string };
    expect(problem.detail.split(' ').length).toBeGreaterThan(4); // a sentence, not a code
    expect(problem.code).toMatch(/unsupported-type|too-many-pixels|corrupt/);
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
    expect(await removed.json()).toEqual({ images: [] });
    expect((await app.request(url)).status).toBe(404);
  });
});
