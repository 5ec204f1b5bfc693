// A company reaches the public with its first published product, not with its registration:
// until staff approve one of its products it has no page, is not in the companies index and
// takes no meeting requests addressed to it; when its last product leaves (withdrawn, or its
// pavilion retired) it drops out again. Through the real API on a real database.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { readCatalogueDigests } from '../repositories/site-changes.ts';
import { companyDocuments, indexableCompanyIds } from '../../search/directory.ts';
import { provideBuildDatabase } from '../../site/lib/db.ts';
import { allCompanies, companyPageNames } from '../../site/lib/catalogue.ts';
import { createApi } from './app.ts';

const config = loadConfig({ PUBLIC_URL: ORIGIN });
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;
let ids: Awaited<ReturnType<typeof insertFixtureCatalogue>>;
let staff = '';
let owner = '';
let newcoId = '';
let n = 0;

const send = (method: string, p: string, cookie: string, body?: unknown) =>
  app.request(p, { method, headers: { origin: ORIGIN, cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const PRODUCTS = '/portal/companies/newco-ceramics/products';
const request = (companySlug: string) => app.request('/meeting-requests', jsonPost({
  companySlug, buyer: { name: 'Ana Buyer', company: 'Lisbon Imports', country: 'PT', email: 'ana@lisbon.example', language: 'en', timeZone: 'Europe/Lisbon' },
}));

/** Where the public could meet the company: site pages, search, the digests, requests to it. */
async function publicPresence(slug: string, id: string) {
  provideBuildDatabase(handle.db); // a new "build": nothing memoised
  const digest = (await readCatalogueDigests(handle.db)).companies.find((c) => c.id === id);
  return {
    page: (await allCompanies()).some((c) => c.slug === slug),
    pageNames: (await companyPageNames()).some((c) => c.slug === slug),
    indexed: (await indexableCompanyIds(handle.db)).includes(id),
    document: (await companyDocuments(handle.db, [id])).length === 1,
    digestHasPage: digest?.active,
    slots: (await app.request(`/companies/${slug}/slots?tz=Europe/Lisbon`)).status,
  };
}
/** What the portal tells the new company's owner. */
async function ownerSeesListed(): Promise<boolean> {
  const me = await (await send('GET', '/portal/me', owner)).json() as { companies: { slug: string; listed: boolean }[] };
  return me.companies.find((c) => c.slug === 'newco-ceramics')!.listed;
}
const LISTED = { page: true, pageNames: true, indexed: true, document: true, digestHasPage: true, slots: 200 };
const UNLISTED = { page: false, pageNames: false, indexed: false, document: false, digestHasPage: false, slots: 404 };

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  ids = await insertFixtureCatalogue(handle.db, { rooms: 2 });
  jobs = await startJobQueue(handle, silentLogger); // enqueue only: no workers here
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: mail.send, clientIp: () => `10.8.0.${++n % 250}` });
  staff = await signedInUser(app, mail, 'staff@listing.example');
  await setRole(handle.db, 'staff@listing.example', 'staff');
  owner = await signedInUser(app, mail, 'owner@newco.example');
  const registered = await app.request('/portal/companies', jsonPost({ names: { ko: '뉴코 도자기', en: 'Newco Ceramics' }, region: 'Gyeonggi', languages: ['ko', 'en'] }, owner));
  expect(registered.status).toBe(201);
  newcoId = (await handle.db.selectFrom('companies').select('id').where('slug', '=', 'newco-ceramics').executeTakeFirstOrThrow()).id;
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
});

describe('a company reaches the public with its first published product', () => {
  it('is not public on registering: no page, not in search, no requests to it; a company with a published product is', async () => {
    expect(await publicPresence('newco-ceramics', newcoId)).toEqual(UNLISTED);
    expect(await ownerSeesListed()).toBe(false);
    const refused = await request('newco-ceramics');
    expect(refused.status).toBe(404);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(await handle.db.selectFrom('meeting_requests').select('id').execute()).toEqual([]);
    // The fixture company has a published product (and a draft): it is public.
    expect(await publicPresence('hanbit-cosmetics', ids.companyId)).toEqual(LISTED);
  });

  it('stays unlisted while its product is a draft or waits for review, is listed once staff approve it, and drops out when it is withdrawn', async () => {
    const created = await send('POST', PRODUCTS, owner, {
      pavilion: 'beauty', category: null, texts: { ko: { name: '청자 화병' }, en: { name: 'Celadon Vase' } },
    });
    expect(created.status).toBe(201);
    expect((await publicPresence('newco-ceramics', newcoId)).page).toBe(false);
    expect((await send('POST', `${PRODUCTS}/celadon-vase/submit`, owner)).status).toBe(200);
    expect(await publicPresence('newco-ceramics', newcoId)).toEqual(UNLISTED);

    expect((await send('POST', '/control/products/celadon-vase/approve', staff)).status).toBe(200);
    expect(await publicPresence('newco-ceramics', newcoId)).toEqual(LISTED);
    expect(await ownerSeesListed()).toBe(true);
    expect([201, 202]).toContain((await request('newco-ceramics')).status);

    expect((await send('POST', `${PRODUCTS}/celadon-vase/withdraw`, owner)).status).toBe(200);
    expect(await publicPresence('newco-ceramics', newcoId)).toEqual(UNLISTED);
  });

  it('drops out when the pavilion of its only published products is retired', async () => {
    expect(await publicPresence('hanbit-cosmetics', ids.companyId)).toEqual(LISTED);
    await sql`update pavilions set retired_at = now() where id = ${ids.pavilionId}`.execute(handle.db);
    expect(await publicPresence('hanbit-cosmetics', ids.companyId)).toEqual(UNLISTED);
    await sql`update pavilions set retired_at = null where id = ${ids.pavilionId}`.execute(handle.db);
  });
});
