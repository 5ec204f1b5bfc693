// Accounts and the company portal through the real API on a real database.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { cookiesOf, jsonPost, mailbox, ORIGIN, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileImageStore } from '../images/store.ts';
import { photoLike } from '../images/test-images.ts';

const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 'x'.repeat(40) });
const imageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-logos-'));
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let mail: ReturnType<typeof mailbox>;
let ip = 0;

const profile = {
  names: { ko: '한빛 뷰티', en: 'Hanbit Beauty' },
  descriptions: { ko: '화장품 제조', en: 'Cosmetics maker' },
  foundedYear: 2004, employees: 120, region: 'Gyeonggi', languages: ['ko', 'en'],
  exportMarkets: ['US', 'VN'], certifications: ['ISO 22716'], website: 'https://hanbit.example',
};
const put = (body: unknown, cookie: string): RequestInit => ({ ...jsonPost(body, cookie), method: 'PUT' });
const get = (cookie?: string): RequestInit => ({ headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) } });

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
});
afterAll(async () => {
  await handle?.close();
  fs.rmSync(imageDir, { recursive: true, force: true });
});
beforeEach(async () => {
  await sql`truncate users, companies, auth_rate_limits restart identity cascade`.execute(handle.db);
  mail = mailbox();
  // Each test its own client address, so rate limits count per test.
  const address = `10.0.0.${++ip}`;
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, sendAccountMail: mail.send, clientIp: () => address, images: fileImageStore(imageDir) });
});

describe('accounts', () => {
  it('signs up, refuses sign-in until the e-mail is confirmed, then signs in with an HttpOnly SameSite cookie', async () => {
    const up = await app.request('/auth/sign-up/email', jsonPost({ email: 'Owner@Hanbit.example', password: 'correct horse battery', name: 'Kim Owner' }));
    expect(up.status).toBe(200);
    expect(mail.sent).toHaveLength(1);
    expect(mail.sent[0]!.to).toBe('owner@hanbit.example');
    expect(mail.sent[0]!.text).toContain('/api/auth/verify-email?token=');

    const early = await app.request('/auth/sign-in/email', jsonPost({ email: 'owner@hanbit.example', password: 'correct horse battery' }));
    expect(early.status).toBe(403);
    expect(early.headers.get('content-type')).toContain('application/problem+json');

    const verified = await app.request(mail.lastLink('owner@hanbit.example'), get());
    expect([200, 302]).toContain(verified.status);

    const signIn = await app.request('/auth/sign-in/email', jsonPost({ email: 'owner@hanbit.example', password: 'correct horse battery' }));
    expect(signIn.status).toBe(200);
    const setCookie = signIn.headers.getSetCookie().find((c) => c.startsWith('pavilion.session_token='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    const me = await app.request('/portal/me', get(cookiesOf(signIn)));
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email: 'owner@hanbit.example', role: 'company', emailVerified: true }, companies: [] });

    // The password is stored as argon2id, never in the users table.
    const stored = await sql<{ password: string }>`select password from auth_accounts`.execute(handle.db);
    expect(stored.rows[0]!.password).toMatch(/^\$argon2id\$/);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    await signedInUser(app, mail, 'known@hanbit.example');
    const wrong = await app.request('/auth/sign-in/email', jsonPost({ email: 'known@hanbit.example', password: 'not the password' }));
    const unknown = await app.request('/auth/sign-in/email', jsonPost({ email: 'nobody@hanbit.example', password: 'not the password' }));
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const [a, b] = [await wrong.json(), await unknown.json()];
    expect(a).toEqual(b);
    expect(a).toMatchObject({ status: 401, code: 'INVALID_EMAIL_OR_PASSWORD' });
  });

  it('does not tell whether an e-mail is registered: sign-up, sign-in, reset and a new confirmation link answer alike', async () => {
    await signedInUser(app, mail, 'taken@hanbit.example');
    const pending = await app.request('/auth/sign-up/email', jsonPost({ email: 'pending@hanbit.example', password: 'correct horse battery', name: 'Not Yet' }));
    expect(pending.status).toBe(200);
    // Status, headers (a cookie for one address and not another would tell as well) and the whole body.
    const answer = async (res: Response) => ({ status: res.status, headers: [...res.headers.entries()].sort(), body: await res.text() });
    const alike = async (path: string, bodies: object[]) => {
      const answers = [];
      for (const body of bodies) answers.push(await answer(await app.request(path, jsonPost(body))));
      for (const a of answers.slice(1)) expect(a, `${path} ${JSON.stringify(bodies)}`).toEqual(answers[0]);
      return answers[0]!;
    };
    const signUp = (email: string) => ({ email, password: 'another password 1', name: 'Someone' });
    // Registered and confirmed, registered and waiting, new: better-auth made up a user with a
    // random id for the first two where a new account shows its serial one.
    const up = await alike('/auth/sign-up/email', [signUp('taken@hanbit.example'), signUp('pending@hanbit.example'), signUp('fresh@hanbit.example')]);
    expect(up.status).toBe(200);
    expect(JSON.parse(up.body)).toEqual({ status: true });
    expect(up.headers.map(([name]) => name)).not.toContain('set-cookie');

    const signIn = (email: string) => ({ email, password: 'not the password' });
    const inAnswer = await alike('/auth/sign-in/email', [signIn('taken@hanbit.example'), signIn('pending@hanbit.example'), signIn('nobody@hanbit.example')]);
    expect(inAnswer.status).toBe(401);

    const reset = (email: string) => ({ email, redirectTo: '/portal/reset/' });
    expect((await alike('/auth/request-password-reset', [reset('taken@hanbit.example'), reset('pending@hanbit.example'), reset('ghost@hanbit.example')])).status).toBe(200);

    const resend = (email: string) => ({ email, callbackURL: '/portal/' });
    expect((await alike('/auth/send-verification-email', [resend('taken@hanbit.example'), resend('pending@hanbit.example'), resend('ghost@hanbit.example')])).status).toBe(200);
    // What differs goes by e-mail to the address itself; the new account's confirmation is the only one among these.
    expect(mail.sent.filter((m) => /fresh@|ghost@|nobody@/.test(m.to)).map((m) => m.to)).toEqual(['fresh@hanbit.example']);
  });

  it('resets a password through the mailed link and ends the old sessions', async () => {
    const oldCookie = await signedInUser(app, mail, 'reset@hanbit.example');
    await app.request('/auth/request-password-reset', jsonPost({ email: 'reset@hanbit.example', redirectTo: `${ORIGIN}/portal/reset/` }));
    const link = mail.lastLink('reset@hanbit.example');
    // The link leads through the API to the portal's reset page with the token.
    const hop = await app.request(link, get());
    expect(hop.status).toBe(302);
    const token = new URL(hop.headers.get('location')!, ORIGIN).searchParams.get('token');
    expect(token).toBeTruthy();
    const reset = await app.request('/auth/reset-password', jsonPost({ token, newPassword: 'a brand new password' }));
    expect(reset.status).toBe(200);
    expect((await app.request('/portal/me', get(oldCookie))).status).toBe(401);
    const signIn = await app.request('/auth/sign-in/email', jsonPost({ email: 'reset@hanbit.example', password: 'a brand new password' }));
    expect(signIn.status).toBe(200);
    const reuse = await app.request('/auth/reset-password', jsonPost({ token, newPassword: 'yet another password' }));
    expect(reuse.status).toBe(400);
  });

  it('rate limits sign-in attempts per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await app.request('/auth/sign-in/email', jsonPost({ email: 'guess@hanbit.example', password: `guess number ${i}` }));
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });

  it('writes no e-mail address to the log, even at debug level', async () => {
    const lines: string[] = [];
    const keep = (msg: string, err?: unknown) => void lines.push(`${msg} ${err ?? ''}`);
    const log = { debug: keep, info: keep, warn: keep, error: keep };
    const chatty = createApi({
      db: handle.db, dbKind: handle.kind, config: { ...config, logLevel: 'debug' }, log, sendAccountMail: mail.send, clientIp: () => '10.1.9.9',
    });
    await signedInUser(chatty, mail, 'known.person@hanbit.example');
    await chatty.request('/auth/sign-up/email', jsonPost({ email: 'Known.Person@hanbit.example', password: 'another password 1', name: 'Someone' }));
    await chatty.request('/auth/sign-in/email', jsonPost({ email: 'nobody@hanbit.example', password: 'not the password' }));
    await chatty.request('/auth/sign-in/email', jsonPost({ email: 'known.person@hanbit.example', password: 'not the password' }));
    await chatty.request('/auth/request-password-reset', jsonPost({ email: 'ghost@hanbit.example', redirectTo: '/portal/reset/' }));
    // better-auth did have something to say about the repeated sign-up, with the address left out.
    expect(lines.some((l) => l.includes('existing email: [e-mail]'))).toBe(true);
    for (const l of lines) expect(l.toLowerCase()).not.toMatch(/known\.person|nobody@|ghost@/);
  });

  it('signs out', async () => {
    const cookie = await signedInUser(app, mail, 'out@hanbit.example');
    const out = await app.request('/auth/sign-out', jsonPost({}, cookie));
    expect(out.status).toBe(200);
    expect((await app.request('/portal/me', get(cookie))).status).toBe(401);
  });
});

describe('company profile and hours', () => {
  it('registers a company with the user as owner, edits its profile and hours', async () => {
    const cookie = await signedInUser(app, mail, 'owner@hanbit.example');
    const created = await app.request('/portal/companies', jsonPost(profile, cookie));
    expect(created.status).toBe(201);
    const company = (await created.json()) as { slug: string };
    expect(company).toMatchObject({ slug: 'hanbit-beauty', profile: { names: profile.names, region: 'Gyeonggi' } });

    const me = await (await app.request('/portal/me', get(cookie))).json();
    expect(me).toMatchObject({ companies: [{ slug: 'hanbit-beauty', role: 'owner', names: profile.names }] });

    // A new company is bookable at once: weekdays 09:00-18:00 Korea time until it says otherwise.
    const start = await (await app.request('/portal/companies/hanbit-beauty/availability', get(cookie))).json();
    expect(start).toMatchObject({ timeZone: 'Asia/Seoul', requiresConfirmation: false, blackoutDates: [] });
    expect((start as { weeklyHours: unknown[] }).weeklyHours).toEqual([1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '18:00' })));

    const edited = await app.request('/portal/companies/hanbit-beauty', put({ ...profile, employees: 130, website: null }, cookie));
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ profile: { employees: 130, website: null } });

    const hours = {
      requiresConfirmation: true,
      weeklyHours: [1, 2, 3, 4, 5].flatMap((weekday) => [{ weekday, start: '09:00', end: '12:00' }, { weekday, start: '13:00', end: '18:00' }]),
      blackoutDates: [{ date: '2026-12-25', reason: 'Christmas' }],
    };
    const set = await app.request('/portal/companies/hanbit-beauty/availability', put(hours, cookie));
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({ timeZone: 'Asia/Seoul', ...hours });
    // The day off is the whole Korean day.
    const b = await handle.db.selectFrom('blackouts').select(['starts_at', 'ends_at']).executeTakeFirstOrThrow();
    expect(b.starts_at.toISOString()).toBe('2026-12-24T15:00:00.000Z');
    expect(b.ends_at.toISOString()).toBe('2026-12-25T15:00:00.000Z');
  });

  it('gives a second company with the same name its own address', async () => {
    const a = await signedInUser(app, mail, 'a@one.example');
    const b = await signedInUser(app, mail, 'b@two.example');
    expect((await (await app.request('/portal/companies', jsonPost(profile, a))).json())).toMatchObject({ slug: 'hanbit-beauty' });
    expect((await (await app.request('/portal/companies', jsonPost(profile, b))).json())).toMatchObject({ slug: 'hanbit-beauty-2' });
  });

  it.each([
    ['a javascript: website', { website: 'javascript:alert(1)' }],
    ['a data: website', { website: 'data:text/html,<script>alert(1)</script>' }],
    ['no Korean name', { names: { en: 'Only English' } }],
    ['an unknown region', { region: 'Atlantis' }],
    ['no language', { languages: [] }],
    ['a founding year in the future', { foundedYear: 3000 }],
    ['a lower-case market code', { exportMarkets: ['us'] }],
    ['a control character in the name', { names: { ko: '한빛\u0000', en: 'Hanbit' } }],
  ])('refuses %s with a problem and stores nothing', async (_label, change) => {
    const cookie = await signedInUser(app, mail, 'bad@hanbit.example');
    const res = await app.request('/portal/companies', jsonPost({ ...profile, ...change }, cookie));
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await handle.db.selectFrom('companies').select('id').execute()).toEqual([]);
  });

  it.each([
    ['an hour range that ends before it starts', { weeklyHours: [{ weekday: 1, start: '18:00', end: '09:00' }] }],
    ['weekday 8', { weeklyHours: [{ weekday: 8, start: '09:00', end: '18:00' }] }],
    ['25:00', { weeklyHours: [{ weekday: 1, start: '09:00', end: '25:00' }] }],
    ['a date that does not exist', { blackoutDates: [{ date: '2026-02-30' }] }],
  ])('refuses hours with %s', async (_label, change) => {
    const cookie = await signedInUser(app, mail, 'hours@hanbit.example');
    await app.request('/portal/companies', jsonPost(profile, cookie));
    const before = await handle.db.selectFrom('availability_rules').selectAll().orderBy('id').execute();
    const res = await app.request('/portal/companies/hanbit-beauty/availability', put({ requiresConfirmation: false, weeklyHours: [], blackoutDates: [], ...change }, cookie));
    expect(res.status).toBe(400);
    expect(await handle.db.selectFrom('availability_rules').selectAll().orderBy('id').execute()).toEqual(before); // the default hours, untouched
  });
});

describe('company logo', () => {
  it('is re-encoded at logo sizes, shown on the profile, replaced and removed with its files', async () => {
    const cookie = await signedInUser(app, mail, 'logo@hanbit.example');
    await app.request('/portal/companies', jsonPost(profile, cookie));
    const upload = async (bytes: Uint8Array, name = 'logo.png') => {
      const form = new FormData();
      form.set('file', new File([new Uint8Array(bytes)], name));
      return app.request('/portal/companies/hanbit-beauty/logo', { method: 'POST', headers: { origin: ORIGIN, cookie }, body: form });
    };
    const res = await upload(await photoLike(800, 400).png().toBuffer());
    expect(res.status).toBe(200);
    const { logo } = (await res.json()) as { logo: { variants: { width: number; url: string }[] } };
    expect(Math.max(...logo.variants.map((v) => v.width))).toBe(640);
    const view = await (await app.request('/portal/companies/hanbit-beauty', get(cookie))).json();
    expect(view).toMatchObject({ logo: { width: 800, height: 400 } });

    const second = await upload(await photoLike(300, 300).jpeg().toBuffer(), 'logo.jpg');
    expect(second.status).toBe(200);
    expect((await app.request(logo.variants[0]!.url.replace(/^\/api/, ''))).status).toBe(404); // the old files are gone

    const bad = await upload(new TextEncoder().encode('<svg onload="alert(1)"/>'), 'logo.svg');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ code: 'unsupported-type' });

    const removed = await app.request('/portal/companies/hanbit-beauty/logo', { method: 'DELETE', headers: { origin: ORIGIN, cookie } });
    expect(await removed.json()).toEqual({ logo: null });
  });
});
