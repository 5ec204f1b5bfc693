// A product has up to 8 images (issue 6): a 9th upload is refused with a problem, and leaves
// no row and no file behind, also when two uploads race for the last place.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { fileImageStore } from '../images/store.ts';
import { photoLike } from '../images/test-images.ts';
import { createApi } from './app.ts';

const LIMIT = 8;
const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 'i'.repeat(40) });
const imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-image-limit-'));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let owner = '';
let jpeg: Buffer;
let n = 0;

const images = `/portal/companies/limit-company/products/limit-product/images`;
const upload = (seed: number) => {
  const form = new FormData();
  form.set('file', new File([new Uint8Array(jpeg)], `photo-${seed}.jpg`, { type: 'image/jpeg' }));
  return app.request(images, { method: 'POST', headers: { origin: ORIGIN, cookie: owner }, body: form });
};
const rows = async () =>
  (await sql<{ position: number; storage_key: string }>`select position, storage_key from product_images order by position`.execute(handle.db)).rows;
const files = () => fs.readdirSync(imageDir, { recursive: true }).map(String).sort();

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  jpeg = await photoLike(320, 240).jpeg().toBuffer();
});
afterAll(async () => {
  await handle?.close();
  fs.rmSync(imageDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await sql`truncate users, pavilions, companies, rooms, interpreters, auth_rate_limits restart identity cascade`.execute(handle.db);
  fs.rmSync(imageDir, { recursive: true, force: true });
  fs.mkdirSync(imageDir);
  await insertFixtureCatalogue(handle.db);
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, sendAccountMail: mail.send, images: fileImageStore(imageDir), clientIp: () => `10.8.0.${++n % 250}` });
  owner = await signedInUser(app, mail, `owner${n}@limit.example`);
  expect((await app.request('/portal/companies', jsonPost({ names: { ko: '회사', en: 'Limit Company' }, region: 'Seoul', languages: ['ko'] }, owner))).status).toBe(201);
  const product = await app.request('/portal/companies/limit-company/products', jsonPost({ pavilion: 'beauty', texts: { ko: { name: '제품' }, en: { name: 'Limit Product' } } }, owner));
  expect(product.status).toBe(201);
});

describe(`a product's ${LIMIT} images`, () => {
  it(`refuses the ${LIMIT + 1}th upload with a problem, adding no row and no file`, async () => {
    for (let i = 0; i < LIMIT; i++) expect((await upload(i)).status).toBe(201);
    const before = { rows: await rows(), files: files() };
    expect(before.rows.map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);

    const ninth = await upload(LIMIT);
    expect([400, 409]).toContain(ninth.status);
    expect(ninth.headers.get('content-type')).toContain('application/problem+json');
    expect(((await ninth.json()) as { detail: string }).detail).toMatch(/8 images/);
    expect(await rows()).toEqual(before.rows);
    expect(files()).toEqual(before.files);

    // Room again once one is removed.
    expect((await app.request(`${images}/3`, { method: 'DELETE', headers: { origin: ORIGIN, cookie: owner } })).status).toBe(200);
    expect((await upload(LIMIT + 1)).status).toBe(201);
    expect((await rows()).map((r) => r.position)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('lets one of two uploads racing for the last place in, and leaves no file of the other', async () => {
    for (let i = 0; i < LIMIT - 1; i++) expect((await upload(i)).status).toBe(201);
    const [a, b] = await Promise.all([upload(100), upload(101)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const stored = await rows();
    expect(stored).toHaveLength(LIMIT);
    // Each image is one folder of variants under <two characters>/<key>: exactly the rows' keys.
    const folders = files().filter((f) => f.split(path.sep).length === 2).map((f) => f.split(path.sep)[1]).sort();
    expect(folders).toEqual(stored.map((r) => r.storage_key).sort());
  });
});
