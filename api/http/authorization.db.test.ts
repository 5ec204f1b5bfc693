// Who may do what in the portal: every portal route tried as a visitor, as another
// company's member, as the company's owner, as a plain member (everything but managing
// members) and as staff, each with the expected status and, when refused, nothing changed.
// Both companies hold real data (a published product with images and a pending edit, a held
// meeting, a logo, a member, an open invitation), and every route taking an id is tried with
// one's own company and the other company's ids. Then garbage at every portal and account route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';
import { PORTAL_ROUTES } from './routes/portal.ts';
import { CONTROL_ROUTES } from './routes/moderation.ts';
import { RESOURCE_ROUTES } from './routes/resources.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { photoLike } from '../images/test-images.ts';
import { fileImageStore } from '../images/store.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 'y'.repeat(40) });
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
const who: Record<'visitor' | 'other' | 'member' | 'colleague' | 'staff', string> = { visitor: '', other: '', member: '', colleague: '', staff: '' };
/** A member of the target company whom the owner's and staff's runs may remove. */
let spareId = '';
let n = 0;
let imageDir = '';

/** The ids a route template takes, for one company. */
type Ids = { slug: string; product: string; consultation: string; invitation: string; user: string };
/** What the matrix runs use: the target's draft product, and its held meeting, invitation and spare member. */
const matrix: Ids = { slug: 'target-company', product: 'matrix-product', consultation: '', invitation: '', user: '' };
/** Each company's published product (with an image at position 0), held meeting, open invitation and non-owner member. */
const seeded: Record<'target' | 'other', Ids> = {
  target: { slug: 'target-company', product: 'target-showcase', consultation: '', invitation: '', user: '' },
  other: { slug: 'other-company', product: 'other-showcase', consultation: '', invitation: '', user: '' },
};

const profile = (en: string) => ({ names: { ko: '회사', en }, region: 'Seoul', languages: ['ko'] });
const productBody = (en: string) => ({ pavilion: 'beauty', texts: { ko: { name: '제품' }, en: { name: en } } });
const validBodies: Record<string, unknown> = {
  'POST /portal/companies': profile('Fresh Company'),
  'POST /portal/companies/{slug}/products': productBody('Fresh Product'),
  'POST /portal/companies/{slug}/logo': 'multipart',
  'DELETE /portal/companies/{slug}/logo': null,
  'PUT /portal/companies/{slug}/products/{product}': productBody('Matrix Product Edited'),
  'POST /portal/companies/{slug}/products/{product}/submit': null,
  'POST /portal/companies/{slug}/products/{product}/withdraw': null,
  'POST /portal/companies/{slug}/products/{product}/images': 'multipart',
  'DELETE /portal/companies/{slug}/products/{product}/images/{position}': null,
  'POST /portal/companies/{slug}/consultations/{id}/accept': null,
  'POST /portal/companies/{slug}/consultations/{id}/decline': { reason: 'Not that week' },
  'POST /portal/companies/{slug}/consultations/{id}/cancel': { reason: 'Our manager is ill' },
  'POST /portal/companies/{slug}/consultations/{id}/propose': { start: '2026-12-07T01:00:00Z' },
  'POST /portal/companies/{slug}/consultations/{id}/outcome': { outcome: 'follow_up', dealValueUsd: null },
  'POST /control/products/{product}/approve': null,
  'POST /control/products/{product}/reject': { reason: 'Not ready' },
  'PUT /portal/companies/{slug}': profile('Target Company Renamed'),
  'PUT /portal/companies/{slug}/availability': { requiresConfirmation: true, weeklyHours: [{ weekday: 1, start: '09:00', end: '17:00' }], blackoutDates: [] },
  'POST /portal/companies/{slug}/invitations': { email: 'new.colleague@target.example' },
  'DELETE /portal/companies/{slug}/invitations/{id}': null,
  'DELETE /portal/companies/{slug}/members/{user}': null,
  'POST /portal/invitations/lookup': { token: 'A'.repeat(43) },
  'POST /portal/invitations/accept': { token: 'A'.repeat(43) },
};
// The control tower's Resources routes, each with a body staff could send (pavilion, room
// and interpreter 1 exist in the fixture).
const resourceBodies: Record<string, unknown> = {
  'POST /control/pavilions': { slug: 'matrix-pavilion', names: { en: 'Matrix', ko: '매트릭스' } },
  'PUT /control/pavilions/{id}': { names: { en: 'Beauty renamed', ko: '뷰티' } },
  'POST /control/pavilions/reorder': { ids: ['1'] },
  'PUT /control/pavilions/{id}/retired': { retired: true },
  'POST /control/rooms': { name: 'Matrix Room', kind: 'room', location: 'HQ', region: 'Seoul', timeZone: 'Asia/Seoul', bufferMinutes: 10, equipment: [] },
  'PUT /control/rooms/{id}': { name: 'Renamed Room', kind: 'booth', location: 'HQ', region: 'Seoul', timeZone: 'Asia/Seoul', bufferMinutes: 10, equipment: [] },
  'PUT /control/rooms/{id}/hours': { timeZone: 'Asia/Seoul', hours: [{ weekday: 1, start: '09:00', end: '12:00' }] },
  'PUT /control/rooms/{id}/active': { active: false },
  'POST /control/rooms/{id}/closures': { from: '2099-01-01', to: '2099-01-02' },
  'DELETE /control/rooms/{id}/closures/{closureId}': null,
  'POST /control/interpreters': { name: 'Matrix Interpreter', email: 'matrix@interpreters.example', timeZone: 'Asia/Seoul', languages: ['ja'] },
  'PUT /control/interpreters/{id}': { name: 'Renamed', email: 'renamed@interpreters.example', timeZone: 'Asia/Seoul', languages: ['ru'] },
  'PUT /control/interpreters/{id}/hours': { timeZone: 'Asia/Seoul', hours: [] },
  'POST /control/interpreters/{id}/leave': { from: '2099-01-01', to: '2099-01-02' },
  'DELETE /control/interpreters/{id}/leave/{leaveId}': null,
  'PUT /control/interpreters/{id}/active': { active: false },
};
const resourceSnapshot = async () =>
  (await sql<{ s: string }>`select concat_ws('|',
    (select string_agg(concat_ws(',', id, slug, names::text, sort_order, retired_at), ';' order by id) from pavilions),
    (select string_agg(concat_ws(',', id, name, kind, active), ';' order by id) from rooms),
    (select string_agg(concat_ws(',', id, name, email, active), ';' order by id) from interpreters),
    (select string_agg(concat_ws(',', interpreter_id, language), ';' order by interpreter_id, language) from interpreter_languages),
    (select string_agg(concat_ws(',', room_id, interpreter_id, weekday, start_time), ';' order by id) from availability_rules),
    (select string_agg(concat_ws(',', room_id, interpreter_id, starts_at), ';' order by id) from blackouts)) as s`.execute(handle.db)).rows[0]!.s;

// Managing members is for the company's owners (and staff), not its other members.
const ownersOnly = (path: string) => /\/(members|invitations)(\/|$)/.test(path) && path.startsWith('/portal/companies/');
// Routes taking an invitation token: any signed-in user; this token exists nowhere (404).
const tokenRoutes = new Set(['POST /portal/invitations/lookup', 'POST /portal/invitations/accept']);
// Routes about no company in particular: any signed-in user may use them.
const own = new Set(['GET /portal/me', 'POST /portal/companies']);

// Every table a portal route may write, and the image files.
const snapshot = async () =>
  (await sql<{ s: string }>`select concat_ws('|',
    (select string_agg(concat_ws(',', slug, founded_year, employees, region, website, requires_confirmation, logo_key, logo::text), ';' order by id) from companies),
    (select string_agg(concat_ws(',', company_id, locale, name, description), ';' order by company_id, locale) from company_texts),
    (select string_agg(concat_ws(',', company_id, user_id, role), ';' order by company_id, user_id) from company_members),
    (select string_agg(concat_ws(',', id, company_id, email, token_hash, accepted_at, revoked_at), ';' order by id) from company_invitations),
    (select string_agg(concat_ws(',', company_id, weekday, start_time, end_time), ';' order by id) from availability_rules),
    (select string_agg(concat_ws(',', company_id, starts_at), ';' order by id) from blackouts),
    (select string_agg(concat_ws(',', slug, status, updated_at), ';' order by id) from products),
    (select string_agg(concat_ws(',', product_id, locale, name), ';' order by product_id, locale) from product_texts),
    (select string_agg(concat_ws(',', product_id, position, storage_key, alt::text), ';' order by id) from product_images),
    (select string_agg(concat_ws(',', id, product_id, status, reason, reviewed_at, data::text), ';' order by id) from product_revisions),
    (select string_agg(concat_ws(',', id, company_id, status, updated_at), ';' order by id) from meeting_requests),
    (select string_agg(concat_ws(',', id, company_id, status, awaiting, starts_at, room_id, hold_expires_at, decline_reason, outcome, deal_value_usd, ics_sequence, updated_at), ';' order by id) from consultations),
    (select string_agg(concat_ws(',', id, consultation_id, event, actor_type, actor_id), ';' order by id) from consultation_events)) as s`.execute(handle.db)).rows[0]!.s
  + `|${fs.readdirSync(imageDir, { recursive: true }).map(String).sort().join(',')}`;

let image: Buffer;
/** A route template with a company's ids; any other {id} (the control tower's) is 1. */
const resolve = (template: string, ids: Ids = matrix, slug = ids.slug) =>
  template.replace('{slug}', slug).replace('{product}', ids.product).replace('{position}', '0')
    .replace('/consultations/{id}', `/consultations/${ids.consultation}`).replace('/invitations/{id}', `/invitations/${ids.invitation}`)
    .replace('{id}', '1').replace('{user}', ids.user);

function send(method: string, path: string, cookie: string, body?: unknown) {
  const headers: Record<string, string> = { origin: ORIGIN, ...(cookie ? { cookie } : {}) };
  if (method === 'GET') return app.request(path, { headers });
  if (body === null || body === undefined) return app.request(path, { method, headers });
  if (body === 'multipart') {
    const form = new FormData();
    form.set('file', new File([new Uint8Array(image)], 'photo.jpg', { type: 'image/jpeg' }));
    return app.request(path, { method, headers, body: form });
  }
  return app.request(path, { method, headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  await sql`truncate users, companies, auth_rate_limits restart identity cascade`.execute(handle.db);
  await insertFixtureCatalogue(handle.db);
  image = await photoLike(400, 300).jpeg().toBuffer();
  const mail = mailbox();
  imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-authz-'));
  const images = fileImageStore(imageDir);
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, sendAccountMail: mail.send, images, clientIp: () => `10.1.0.${++n % 250}` });
  who.member = await signedInUser(app, mail, 'member@target.example');
  who.other = await signedInUser(app, mail, 'member@other.example');
  who.staff = await signedInUser(app, mail, 'staff@pavilion.example');
  who.colleague = await signedInUser(app, mail, 'colleague@target.example');
  await signedInUser(app, mail, 'spare@target.example');
  await setRole(handle.db, 'staff@pavilion.example', 'staff');
  expect((await send('POST', '/portal/companies', who.member, profile('Target Company'))).status).toBe(201);
  expect((await send('POST', '/portal/companies', who.other, profile('Other Company'))).status).toBe(201);
  expect((await send('POST', '/portal/companies/target-company/products', who.member, productBody('Matrix Product'))).status).toBe(201);
  // Members as accepting an invitation makes them (that flow has its own tests in members.db.test.ts).
  const target = await handle.db.selectFrom('companies').select('id').where('slug', '=', 'target-company').executeTakeFirstOrThrow();
  for (const email of ['colleague@target.example', 'spare@target.example']) {
    const u = await handle.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
    await handle.db.insertInto('company_members').values({ company_id: target.id, user_id: u.id, role: 'member' }).execute();
    if (email.startsWith('spare')) spareId = u.id;
  }
  matrix.user = spareId;
  seeded.target.user = spareId;
  await signedInUser(app, mail, 'colleague@other.example');
  const other = await handle.db.selectFrom('companies').select('id').where('slug', '=', 'other-company').executeTakeFirstOrThrow();
  const u = await handle.db.selectFrom('users').select('id').where('email', '=', 'colleague@other.example').executeTakeFirstOrThrow();
  await handle.db.insertInto('company_members').values({ company_id: other.id, user_id: u.id, role: 'member' }).execute();
  seeded.other.user = u.id;
  await seedCompany(seeded.target, who.member, 'Target Showcase', 'buyer.one@importer.example');
  await seedCompany(seeded.other, who.other, 'Other Showcase', 'buyer.two@importer.example');
  matrix.consultation = seeded.target.consultation;
  matrix.invitation = seeded.target.invitation;
});
afterAll(async () => {
  await handle?.close();
  if (imageDir) fs.rmSync(imageDir, { recursive: true, force: true });
});

/**
 * Real data in a company, through the API: a published product with an image and an edit
 * waiting for review, a logo, a request held for the company's answer and an open invitation.
 */
async function seedCompany(ids: Ids, owner: string, productName: string, buyerEmail: string) {
  const at = (rest: string) => `/portal/companies/${ids.slug}${rest}`;
  const ok = async (res: Response | Promise<Response>, status = 200) => {
    const r = await res;
    expect(r.status, await r.clone().text()).toBe(status);
    return r;
  };
  await ok(send('POST', at('/products'), owner, productBody(productName)), 201);
  await ok(send('POST', at(`/products/${ids.product}/images`), owner, 'multipart'), 201);
  await ok(send('POST', at(`/products/${ids.product}/submit`), owner));
  await ok(send('POST', `/control/products/${ids.product}/approve`, who.staff));
  await ok(send('PUT', at(`/products/${ids.product}`), owner, productBody(`${productName} Edited`)));
  await ok(send('POST', at('/logo'), owner, 'multipart'));
  await ok(send('PUT', at('/availability'), owner, {
    requiresConfirmation: true, weeklyHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })), blackoutDates: [],
  }));
  // A buyer speaking the company's language (Korean): no interpreter needed.
  const slots = (await (await ok(send('GET', `/products/${ids.product}/slots?tz=Asia/Seoul&language=ko`, ''))).json()) as { slots: { start: string }[] };
  const buyer = { name: 'Kim Buyer', company: 'Busan Imports', country: 'KR', email: buyerEmail, language: 'ko', timeZone: 'Asia/Seoul' };
  await ok(send('POST', '/meeting-requests', '', { productSlug: ids.product, buyer, preferredSlots: [slots.slots[0]!.start] }), 201);
  const inbox = (await (await ok(send('GET', at('/consultations'), owner))).json()) as { waitingForYou: { id: string }[] };
  expect(inbox.waitingForYou).toHaveLength(1);
  ids.consultation = inbox.waitingForYou[0]!.id;
  await ok(send('POST', at('/invitations'), owner, { email: `invited@${ids.slug}.example` }), 201);
  const invitation = await handle.db.selectFrom('company_invitations').innerJoin('companies', 'companies.id', 'company_invitations.company_id')
    .select('company_invitations.id').where('companies.slug', '=', ids.slug).executeTakeFirstOrThrow();
  ids.invitation = invitation.id;
}

/** Every route the app serves under /portal, as [method, path] with {param}s, once each. */
function servedPortalRoutes(): string[] {
  const served = app.routes
    .filter((r) => r.method !== 'ALL' && r.path.startsWith('/portal/'))
    .map((r) => `${r.method} ${r.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`);
  return [...new Set(served)].sort();
}

// Runs before the matrix below changes the target's data: every id still names something.
describe('one\'s own company with another company\'s ids', () => {
  const idRoutes = () => PORTAL_ROUTES.filter(([, p]) => /\{(product|position|id|user)\}/.test(p));

  it('are tried for every route taking an id', () => {
    const templates = idRoutes().map(([, p]) => p).join(' ');
    for (const part of ['{product}', '{position}', '/consultations/{id}', '/invitations/{id}', '{user}']) expect(templates).toContain(part);
    for (const ids of Object.values(seeded)) {
      for (const key of ['product', 'consultation', 'invitation', 'user'] as const) expect(ids[key], `${ids.slug} ${key}`).toMatch(/^[a-z0-9-]+$/);
    }
  });

  // The target's owner and staff (who may open any company) with the target's address and
  // the other company's ids, and the other company's owner the other way round.
  for (const [role, slug, ids] of [['member', 'target-company', 'other'], ['staff', 'target-company', 'other'], ['other', 'other-company', 'target']] as const) {
    it(`as ${role}: ${slug} with ${ids} company ids is not found and changes nothing`, async () => {
      for (const [method, template] of idRoutes()) {
        const key = `${method} ${template}`;
        const path = resolve(template, seeded[ids], slug);
        const before = await snapshot();
        const res = await send(method, path, who[role], validBodies[key]);
        expect([403, 404], `${role} ${method} ${path}: ${await res.clone().text()}`).toContain(res.status);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await snapshot(), `${role} ${method} ${path} changed something`).toBe(before);
      }
    });
  }
});

describe('the portal authorisation matrix', () => {
  const expected = { visitor: 401, other: 403, member: 200, colleague: 200, staff: 200 } as const;

  it('lists every route the app serves under /portal', () => {
    // A route added without being listed in PORTAL_ROUTES would escape the runs below.
    expect(PORTAL_ROUTES.map(([m, p]) => `${m} ${p}`).sort()).toEqual(servedPortalRoutes());
  });

  it('covers every portal route', () => {
    for (const [method, path] of PORTAL_ROUTES) {
      if (method !== 'GET') expect(validBodies, `add a valid body for ${method} ${path}`).toHaveProperty([`${method} ${path}`]);
    }
    for (const [method, path] of CONTROL_ROUTES) {
      if (method !== 'GET') expect(validBodies, `add a valid body for ${method} ${path}`).toHaveProperty([`${method} ${path}`]);
    }
    for (const [method, path] of RESOURCE_ROUTES) {
      if (method !== 'GET') expect(resourceBodies, `add a valid body for ${method} ${path}`).toHaveProperty([`${method} ${path}`]);
    }
  });

  for (const role of ['visitor', 'other', 'member', 'staff', 'colleague'] as const) {
    it(`as ${role}`, async () => {
      for (const [method, template] of PORTAL_ROUTES) {
        const key = `${method} ${template}`;
        const path = resolve(template);
        const before = await snapshot();
        const res = await send(method, path, who[role], validBodies[key]);
        const created = key.endsWith('/products') || key.endsWith('/images') || key.endsWith('/invitations') || key === 'POST /portal/companies';
        const ok = method === 'POST' && created ? 201 : 200;
        const want = role === 'visitor' ? 401 : tokenRoutes.has(key) ? 404 : own.has(key) ? ok
          : role === 'colleague' && ownersOnly(template) ? 403 : expected[role] === 200 ? ok : expected[role];
        if ((template.includes('{id}') || template.includes('{user}')) && want === 200) {
          // Let in: the meeting, invitation or member may not exist (404; the owner's run
          // removed the spare member) or not allow this now (409).
          expect([200, 404, 409], `${role} ${key}: ${await res.clone().text()}`).toContain(res.status);
        } else {
          expect(res.status, `${role} ${key}: ${await res.clone().text()}`).toBe(want);
        }
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          expect(await snapshot(), `${role} ${key} changed something`).toBe(before);
        }
        // An unknown company is 404 for everyone signed in, whatever their role.
        if (template.includes('{slug}') && role !== 'visitor') {
          const missing = await send(method, resolve(template.replace('{slug}', 'no-such-company')), who[role], validBodies[key]);
          expect(missing.status).toBe(404);
        }
      }
    });
  }

  for (const role of ['visitor', 'other', 'member', 'staff'] as const) {
    it(`control routes as ${role}`, async () => {
      for (const [method, template] of CONTROL_ROUTES) {
        const key = `${method} ${template}`;
        const before = await snapshot();
        const res = await send(method, resolve(template), who[role], validBodies[key]);
        // Staff may look; the draft cannot be approved or rejected (409), which changes nothing too.
        const want = role === 'visitor' ? 401 : role !== 'staff' ? 403 : method === 'GET' ? 200 : 409;
        expect(res.status, `${role} ${key}: ${await res.clone().text()}`).toBe(want);
        if (res.status >= 400) expect(await snapshot(), `${role} ${key} changed something`).toBe(before);
      }
    });
  }

  // Staff's own use of these routes is tested in resources.db.test.ts.
  for (const role of ['visitor', 'other', 'member'] as const) {
    it(`resource routes as ${role}`, async () => {
      for (const [method, template] of RESOURCE_ROUTES) {
        const key = `${method} ${template}`;
        const before = await resourceSnapshot();
        const res = await send(method, resolve(template).replace('{leaveId}', '1').replace('{closureId}', '1'), who[role], resourceBodies[key]);
        expect(res.status, `${role} ${key}: ${await res.clone().text()}`).toBe(role === 'visitor' ? 401 : 403);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(await resourceSnapshot(), `${role} ${key} changed something`).toBe(before);
      }
    });
  }

  it('a forged session cookie is a visitor', async () => {
    const res = await send('GET', '/portal/me', 'pavilion.session_token=forged.value');
    expect(res.status).toBe(401);
  });
});

describe('garbage at the portal and account routes', () => {
  const nasty = fc.oneof(
    fc.jsonValue({ maxDepth: 4 }),
    fc.string({ maxLength: 60 }),
    fc.constantFrom(null, '', '<script>alert(1)</script>', 'javascript:alert(1)', '\u0000', '9'.repeat(400), -1, 1e308),
  );

  it('portal writes: arbitrary JSON and one spoiled field', async () => {
    // The routes that take a JSON body (uploads have their own tests of hostile files).
    const routes = PORTAL_ROUTES.filter(([m, p]) => m !== 'GET' && typeof validBodies[`${m} ${p}`] === 'object' && validBodies[`${m} ${p}`] !== null);
    const spoil = (base: unknown, value: unknown, field: number) => {
      const copy = structuredClone(base) as Record<string, unknown>;
      const keys = Object.keys(copy);
      copy[keys[field % keys.length]!] = value;
      return copy;
    };
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), fc.oneof(nasty, fc.tuple(nasty, fc.nat()).map(([v, i]) => ({ spoiled: [v, i] }))), async ([method, template], body) => {
        const key = `${method} ${template}`;
        const payload = body && typeof body === 'object' && 'spoiled' in body ? spoil(validBodies[key], ...(body.spoiled as [unknown, number])) : body;
        const before = await snapshot();
        const res = await send(method, resolve(template), who.member, payload ?? 'null');
        expect(res.status, await res.clone().text()).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          expect(await snapshot()).toBe(before);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('account endpoints never fail with a 5xx', async () => {
    const paths = fc.constantFrom('/auth/sign-up/email', '/auth/sign-in/email', '/auth/request-password-reset', '/auth/reset-password', '/auth/sign-out');
    await fc.assert(
      fc.asyncProperty(paths, nasty, async (path, body) => {
        const users = await handle.db.selectFrom('users').select('id').execute();
        const res = await app.request(path, jsonPost(body));
        expect(res.status, await res.clone().text()).toBeLessThan(500);
        if (res.status >= 400) {
          expect(res.headers.get('content-type')).toContain('application/problem+json');
          expect(await handle.db.selectFrom('users').select('id').execute()).toEqual(users);
        }
      }),
      { numRuns: 80 },
    );
  });

  it.each([
    ['a form body', 'application/x-www-form-urlencoded', 'names=x'],
    ['invalid UTF-8', 'application/json', new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d])],
    ['deep nesting', 'application/json', '['.repeat(20_000) + ']'.repeat(20_000)],
    ['an oversized body', 'application/json', JSON.stringify({ pad: 'x'.repeat(200_000) })],
  ])('portal: %s', async (_name, type, body) => {
    const before = await snapshot();
    const res = await app.request('/portal/companies/target-company', { method: 'PUT', headers: { origin: ORIGIN, cookie: who.member, 'content-type': type }, body });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(await snapshot()).toBe(before);
  });
});
