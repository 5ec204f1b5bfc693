// Staff suspend and reinstate a company through the real API on a real database: who may,
// what garbage is refused without a trace, and what a suspension does: the company and its
// products leave the site's build reads, the incremental build's digests and the search
// documents, new requests are refused, booked meetings stay (counted for staff), its members
// read the reason in the portal; the search and site jobs are enqueued with the change.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { fileImageStore } from '../images/store.ts';
import { photoLike } from '../images/test-images.ts';
import { readCatalogueDigests } from '../repositories/site-changes.ts';
import { indexableProductIds, productDocumentsByIds } from '../../search/documents.ts';
import { companyDocuments, indexableCompanyIds } from '../../search/directory.ts';
import { provideBuildDatabase } from '../../site/lib/db.ts';
import {
  allCompanies, approvedProducts, companyPageNames, listPavilions, productCardsForPavilion, productPageNames,
} from '../../site/lib/catalogue.ts';
import { createApi } from './app.ts';

// A Tuesday a week or more ahead of the real clock: the booked meeting is in the future.
const NOW = (() => {
  const d = new Date(Date.now() + 7 * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime();
})();
const config = loadConfig({ PUBLIC_URL: ORIGIN });
const onServer = Boolean(loadConfig().testDatabaseUrl);
const imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-suspension-images-'));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;
let ids: Awaited<ReturnType<typeof insertFixtureCatalogue>>;
let otherProductId = '';
let staff = '';
let member = '';
let n = 0;

const BASE = '/control/companies/hanbit-cosmetics';
const get = (p: string, cookie = staff) => app.request(p, { headers: { origin: ORIGIN, cookie } });
const post = (p: string, body: unknown, cookie = staff) => app.request(p, jsonPost(body, cookie || undefined));
const state = async () => JSON.stringify((await sql`
  select (select json_agg(json_build_object('slug', slug, 'status', status) order by id) from companies) as companies,
         (select json_agg(s order by s.id) from company_suspensions s) as suspensions,
         (select count(*) from pgboss.job where name in ('search-sync', 'site-build')) as jobs`.execute(handle.db)).rows[0]);
const queued = async () => (await sql<{ name: string; key: string }>`
  select name, singleton_key as key from pgboss.job where name in ('search-sync', 'site-build') order by name, singleton_key`.execute(handle.db)).rows;
const clearJobs = () => sql`delete from pgboss.job where name in ('search-sync', 'site-build')`.execute(handle.db);

async function siteReads() {
  provideBuildDatabase(handle.db); // a new "build": nothing memoised
  const products: string[] = [];
  for await (const page of approvedProducts(1000)) products.push(...page.map((p) => p.slug));
  const [pavilion] = await listPavilions();
  return {
    products,
    pageNames: (await productPageNames()).map((p) => p.slug),
    cards: (await productCardsForPavilion(ids.pavilionId)).map((c) => c.slug),
    counts: { products: pavilion!.productCount, companies: pavilion!.companyCount },
    companies: (await allCompanies()).map((c) => [c.slug, c.products.map((p) => p.slug)]),
    companyPages: (await companyPageNames()).map((c) => c.slug),
  };
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  ids = await insertFixtureCatalogue(handle.db);
  // A second exhibitor in the same pavilion, which a suspension of the first leaves alone.
  const other = await handle.db.insertInto('companies').values({ slug: 'daehan-foods', region: 'Busan', languages: ['ko', 'en'] }).returning('id').executeTakeFirstOrThrow();
  await handle.db.insertInto('company_texts').values({ company_id: other.id, locale: 'en', name: 'Daehan Foods' }).execute();
  otherProductId = (await handle.db.insertInto('products')
    .values({ slug: 'ginseng-cream', company_id: other.id, pavilion_id: ids.pavilionId, status: 'approved', published_at: new Date() })
    .returning('id').executeTakeFirstOrThrow()).id;
  await handle.db.insertInto('product_texts').values({ product_id: otherProductId, locale: 'en', name: 'Ginseng cream' }).execute();
  jobs = await startJobQueue(handle, silentLogger); // enqueue only: no workers here
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: mail.send, images: fileImageStore(imageDir), now: () => NOW, clientIp: () => `10.7.0.${++n % 250}` });
  staff = await signedInUser(app, mail, 'staff@suspend.example', { name: 'Programme Staff' });
  await setRole(handle.db, 'staff@suspend.example', 'staff');
  member = await signedInUser(app, mail, 'owner@hanbit.example');
  const user = await handle.db.selectFrom('users').select('id').where('email', '=', 'owner@hanbit.example').executeTakeFirstOrThrow();
  await handle.db.insertInto('company_members').values({ company_id: ids.companyId, user_id: user.id, role: 'owner' }).execute();
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
  fs.rmSync(imageDir, { recursive: true, force: true });
});

describe('suspending and reinstating a company', () => {
  it('is for staff only: 401 for visitors and 403 for the company\'s own members, changing nothing', async () => {
    const before = await state();
    for (const [cookie, want] of [['', 401], [member, 403]] as const) {
      expect((await get('/control/companies', cookie)).status).toBe(want);
      const suspend = await post(`${BASE}/suspend`, { reason: 'Expired export licence' }, cookie);
      expect(suspend.status).toBe(want);
      expect(suspend.headers.get('content-type')).toContain('application/problem+json');
      expect((await post(`${BASE}/reinstate`, {}, cookie)).status).toBe(want);
    }
    expect(await state()).toBe(before);
  });

  it('lists companies for staff with their status, products and upcoming meetings', async () => {
    const res = await get('/control/companies');
    expect(res.status).toBe(200);
    const body = await res.json() as { total: number; items: Record<string, unknown>[] };
    expect(body.total).toBe(2);
    expect(body.items.find((c) => c.slug === 'hanbit-cosmetics')).toEqual({
      slug: 'hanbit-cosmetics', names: { en: 'Hanbit Cosmetics', ko: '한빛화장품' }, region: 'Seoul', status: 'active',
      publishedProducts: 1, otherProducts: 1, upcomingMeetings: 0, queuedRequests: 0, suspension: null,
    });
    expect((await (await get('/control/companies?q=DAEHAN')).json() as { items: { slug: string }[] }).items.map((c) => c.slug)).toEqual(['daehan-foods']);
    expect((await (await get('/control/companies?status=suspended')).json() as { total: number }).total).toBe(0);
    expect((await get('/control/companies?status=gone')).status).toBe(400);
  });

  it('refuses garbage with a 400 problem and changes nothing; an unknown company is 404', async () => {
    const before = await state();
    const bodies: unknown[] = [{}, { reason: '' }, { reason: '   ' }, { reason: 'no' }, { reason: 42 }, { reason: null }, { reason: ['Expired'] },
      { reason: 'Expired\u0000licence' }, { reason: 'Bad \ud800 text' }, { reason: 'x'.repeat(1001) }, [], 'Expired licence', null];
    for (const body of bodies) {
      const res = await post(`${BASE}/suspend`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const raw = await app.request(`${BASE}/suspend`, { method: 'POST', headers: { origin: ORIGIN, cookie: staff, 'content-type': 'application/json' }, body: '{"reason": "Expired' });
    expect(raw.status).toBe(400);
    for (const slug of ['Hanbit', 'a b', '-x-', 'x'.repeat(200)]) {
      expect((await post(`/control/companies/${encodeURIComponent(slug)}/suspend`, { reason: 'Expired export licence' })).status).toBe(400);
    }
    const missing = await post('/control/companies/no-such-company/suspend', { reason: 'Expired export licence' });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ status: 404, detail: 'No company "no-such-company".' });
    expect((await post('/control/companies/no-such-company/reinstate', {})).status).toBe(404);
    expect(await state()).toBe(before);
  });

  it('reinstating an active company is a 409 that changes nothing', async () => {
    const before = await state();
    const res = await post(`${BASE}/reinstate`, {});
    expect(res.status).toBe(409);
    expect(await res.json()).toMatchObject({ status: 409, detail: 'The company "hanbit-cosmetics" is not suspended.' });
    expect(await state()).toBe(before);
  });

  it('suspends: off the site, the digests, search and booking; booked meetings stay and are counted; jobs enqueued', async () => {
    // A meeting booked before the suspension.
    const booked = await post('/meeting-requests', {
      productSlug: 'vitamin-c-serum', interpreter: 'none', preferredSlots: [],
      buyer: { name: 'Aiko', email: 'aiko@buyer.example', company: 'Trading Co', country: 'JP', language: 'en', timeZone: 'Asia/Tokyo' },
    }, '');
    expect(booked.status, await booked.clone().text()).toBe(201);
    const siteBefore = await siteReads();
    expect(siteBefore).toMatchObject({ products: ['vitamin-c-serum', 'ginseng-cream'], counts: { products: 2, companies: 2 } });
    await clearJobs();

    const res = await post(`${BASE}/suspend`, { reason: '  Export licence expired; send the renewed one.  ' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({
      slug: 'hanbit-cosmetics', status: 'suspended', publishedProducts: 1, upcomingMeetings: 1,
      suspension: { reason: 'Export licence expired; send the renewed one.', since: expect.any(String), by: 'Programme Staff' },
    });
    const row = await handle.db.selectFrom('company_suspensions').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ company_id: ids.companyId, reinstated_at: null, reason: 'Export licence expired; send the renewed one.' });
    // The company, its published product (not the draft) and one site rebuild.
    expect(await queued()).toEqual([
      { name: 'search-sync', key: `company:${ids.companyId}` },
      { name: 'search-sync', key: `product:${ids.productId}` },
      { name: 'site-build', key: 'site' },
    ]);

    // The meeting stands: staff decide about it on the board.
    const consultation = await handle.db.selectFrom('consultations').select('status').executeTakeFirstOrThrow();
    expect(consultation.status).toBe('scheduled');

    // The static site: no page, card, count or link for its products; no company page.
    expect(await siteReads()).toEqual({
      products: ['ginseng-cream'], pageNames: ['ginseng-cream'], cards: ['ginseng-cream'],
      counts: { products: 1, companies: 1 }, companies: [['daehan-foods', ['ginseng-cream']]], companyPages: ['daehan-foods'],
    });
    // The incremental build's digests agree, so it deletes those pages.
    const digests = await readCatalogueDigests(handle.db);
    expect(digests.products.map((p) => p.slug)).toEqual(['ginseng-cream']);
    expect(digests.companies.find((c) => c.id === ids.companyId)).toMatchObject({ active: false });
    // Search: the sync job finds no documents for them, so it deletes them.
    expect(await productDocumentsByIds(handle.db, [ids.productId, otherProductId])).toMatchObject([{ slug: 'ginseng-cream' }]);
    expect(await indexableProductIds(handle.db)).toEqual([otherProductId]);
    expect(await companyDocuments(handle.db, [ids.companyId])).toEqual([]);
    expect(await indexableCompanyIds(handle.db)).not.toContain(ids.companyId);

    // New requests are refused with a problem; the buyer is not told why.
    const refused = await post('/meeting-requests', {
      productSlug: 'vitamin-c-serum', interpreter: 'none', preferredSlots: [],
      buyer: { name: 'Boris', email: 'boris@buyer.example', company: 'Import Co', country: 'RU', language: 'en', timeZone: 'Europe/Moscow' },
    }, '');
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ detail: 'No product "vitamin-c-serum" is open for meetings.' });
    expect((await get('/products/vitamin-c-serum/slots?tz=Asia/Tokyo', '')).status).toBe(404);

    // The list shows it first, with the reason and the meeting left to handle.
    const list = await (await get('/control/companies?status=suspended')).json() as { items: Record<string, unknown>[] };
    expect(list.items).toMatchObject([{ slug: 'hanbit-cosmetics', upcomingMeetings: 1, suspension: { reason: 'Export licence expired; send the renewed one.' } }]);
  });

  it('lets its members sign in and read why, and refuses to suspend it twice', async () => {
    const me = await (await get('/portal/me', member)).json() as { companies: unknown[] };
    expect(me.companies).toMatchObject([{ slug: 'hanbit-cosmetics', status: 'suspended', suspension: { reason: 'Export licence expired; send the renewed one.' } }]);
    expect(await (await get('/portal/companies/hanbit-cosmetics', member)).json()).toMatchObject({
      status: 'suspended', suspension: { reason: 'Export licence expired; send the renewed one.', since: expect.any(String) },
    });
    // Nothing goes to review while suspended: not a draft, not an edit of a published product.
    const products = '/portal/companies/hanbit-cosmetics/products';
    const submit = await post(`${products}/secret-draft/submit`, {}, member);
    expect(submit.status).toBe(409);
    expect(await submit.json()).toMatchObject({ code: 'company-suspended', state: 'suspended', detail: expect.stringMatching(/suspended/) });
    const input = { pavilion: 'beauty', texts: { ko: { name: '비타민C 세럼' }, en: { name: 'Vitamin C serum, brighter' } } };
    const edit = await app.request(`${products}/vitamin-c-serum`, { ...jsonPost(input, member), method: 'PUT' });
    expect(edit.status, await edit.clone().text()).toBe(409);
    // Nor a new picture for a published product (it would wait for review with the edit); the file is not kept.
    const form = new FormData();
    form.set('file', new File([new Uint8Array(await photoLike(400, 300).jpeg().toBuffer())], 'photo.jpg', { type: 'image/jpeg' }));
    const picture = await app.request(`${products}/vitamin-c-serum/images`, { method: 'POST', headers: { origin: ORIGIN, cookie: member }, body: form });
    expect(picture.status, await picture.clone().text()).toBe(409);
    expect(await picture.json()).toMatchObject({ code: 'company-suspended' });
    expect(fs.readdirSync(imageDir, { recursive: true }).filter((f) => String(f).endsWith('.jpg'))).toEqual([]);
    // Its drafts stay its own to work on.
    const draft = await app.request(`${products}/secret-draft`, { ...jsonPost({ ...input, texts: { ko: { name: '초안' }, en: { name: 'Draft, reworked' } } }, member), method: 'PUT' });
    expect(draft.status, await draft.clone().text()).toBe(200);
    expect(await handle.db.selectFrom('product_revisions').select('id').execute()).toEqual([]);
    expect((await handle.db.selectFrom('products').select('status').where('slug', '=', 'secret-draft').executeTakeFirstOrThrow()).status).toBe('draft');

    const before = await state();
    const again = await post(`${BASE}/suspend`, { reason: 'Another reason' });
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ status: 409, detail: 'The company "hanbit-cosmetics" is already suspended.' });
    expect(await state()).toBe(before);
  });

  it('reinstates: its products come back on the site, in the digests and in search; the suspension is closed, not forgotten', async () => {
    await clearJobs();
    const res = await post(`${BASE}/reinstate`, {});
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ slug: 'hanbit-cosmetics', status: 'active', suspension: null, upcomingMeetings: 1 });
    expect((await queued()).map((j) => j.key)).toEqual([`company:${ids.companyId}`, `product:${ids.productId}`, 'site']);
    const row = await handle.db.selectFrom('company_suspensions').selectAll().executeTakeFirstOrThrow();
    expect(row.reinstated_at).toBeInstanceOf(Date);
    expect(row.reinstated_by).not.toBeNull();
    expect(await siteReads()).toMatchObject({ products: ['vitamin-c-serum', 'ginseng-cream'], counts: { products: 2, companies: 2 } });
    expect((await readCatalogueDigests(handle.db)).products.map((p) => p.slug)).toEqual(['vitamin-c-serum', 'ginseng-cream']);
    expect(await indexableProductIds(handle.db)).toEqual([ids.productId, otherProductId]);
    expect(await (await get('/portal/me', member)).json()).toMatchObject({ companies: [{ status: 'active', suspension: null }] });
    expect((await post('/portal/companies/hanbit-cosmetics/products/secret-draft/submit', {}, member)).status).toBe(200);
    // A reinstatement without a body at all is fine too (nothing to send): the second one is a 409.
    const again = await app.request(`${BASE}/reinstate`, { method: 'POST', headers: { origin: ORIGIN, cookie: staff } });
    expect(again.status).toBe(409);
  });

  // PGlite is a single session: nothing runs concurrently there.
  it.runIf(onServer)('a request in flight while the company is being suspended waits for the decision: refused if it is suspended, booked if not', async () => {
    const requests = async () => Number((await sql<{ n: string }>`select count(*) as n from meeting_requests`.execute(handle.db)).rows[0]!.n);
    const inFlight = (name: string) => {
      const state = { settled: false };
      const answer = Promise.resolve(post('/meeting-requests', {
        productSlug: 'vitamin-c-serum', interpreter: 'none', preferredSlots: [],
        buyer: { name, email: `${name.toLowerCase()}@buyer.example`, company: 'Late Co', country: 'DE', language: 'en', timeZone: 'Europe/Berlin' },
      }, '')).finally(() => { state.settled = true; });
      return { answer, state };
    };
    // A suspension under way, as the staff action makes it: the company's row locked, its status changed.
    const suspending = async () => {
      const trx = await handle.db.startTransaction().execute();
      await sql`select id from companies where id = ${ids.companyId} for update`.execute(trx);
      await sql`update companies set status = 'suspended' where id = ${ids.companyId}`.execute(trx);
      return trx;
    };
    const before = await requests();

    const suspension = await suspending();
    const late = inFlight('Carla');
    await new Promise((r) => setTimeout(r, 300));
    expect(late.state.settled).toBe(false); // waiting for the suspension to commit or not
    await suspension.commit().execute();
    const refused = await late.answer;
    expect(refused.status).toBe(404);
    expect(await refused.json()).toMatchObject({ detail: 'No product "vitamin-c-serum" is open for meetings.' });
    expect(await requests()).toBe(before); // nothing stored: no request, no buyer, no booking
    expect(await handle.db.selectFrom('buyers').select('id').where('email', '=', 'carla@buyer.example').execute()).toEqual([]);
    await sql`update companies set status = 'active' where id = ${ids.companyId}`.execute(handle.db);

    const abandoned = await suspending();
    const lucky = inFlight('Dora');
    await new Promise((r) => setTimeout(r, 300));
    expect(lucky.state.settled).toBe(false);
    await abandoned.rollback().execute();
    expect((await lucky.answer).status).toBe(201);
    expect(await requests()).toBe(before + 1);
  });
});
