// A company's members through the real API on a real database: owners invite by e-mail
// (through the job queue's account-mail worker), the invitee accepts with the token while
// signed in with the invited address, owners list, revoke and remove. Refusals change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createHash } from 'node:crypto';
import { createTestDatabase } from '../test-support/test-database.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';
import { startJobQueue, type JobQueue } from '../jobs/queue.ts';
import { startWorkers } from '../jobs/workers.ts';
import type { OutgoingMail } from '../mail/transport.ts';

// The API's per-client write limit is off: one test sends more than 30 writes in its minute.
const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: 'm'.repeat(40), RATE_LIMIT_WRITES: '0' });
const DAY = 24 * 3600 * 1000;
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;
let mail: ReturnType<typeof mailbox>;
let clock = 0;
let ip = 0;
/** What the account-mail worker sent, as it left the queue. */
const outbox: OutgoingMail[] = [];

const profile = (en: string) => ({ names: { ko: '회사', en }, region: 'Seoul', languages: ['ko', 'en'] });
const get = (cookie?: string): RequestInit => ({ headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) } });
const del = (cookie?: string): RequestInit => ({ method: 'DELETE', headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) } });

async function waitForMail(to: string, count = 1): Promise<OutgoingMail> {
  for (let i = 0; i < 200; i++) {
    const found = outbox.filter((m) => m.to === to);
    if (found.length >= count) return found.at(-1)!;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no invitation e-mail to ${to}`);
}
const tokenOf = (m: OutgoingMail) => {
  const url = m.text.match(/https?:\/\/\S+/)![0];
  return { url, token: new URL(url).hash.slice(1) };
};

const snapshot = async () =>
  (await sql<{ s: string }>`select concat_ws('|',
    (select string_agg(concat_ws(',', company_id, user_id, role), ';' order by company_id, user_id) from company_members),
    (select string_agg(concat_ws(',', id, company_id, email, token_hash, expires_at, accepted_at, accepted_by, revoked_at), ';' order by id) from company_invitations),
    (select count(*) from pgboss.job where name = 'email')) as s`.execute(handle.db)).rows[0]!.s;

let owner = '';
let colleague = '';
let stranger = '';
let otherOwner = '';

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  jobs = await startJobQueue(handle, silentLogger, { pollingIntervalSeconds: 0.5 });
  await startWorkers(jobs, { db: handle.db, config, log: silentLogger, mailer: { kind: 'outbox', send: async (m) => { outbox.push(m); } } });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
});
beforeEach(async () => {
  await sql`truncate users, companies, auth_rate_limits restart identity cascade`.execute(handle.db);
  // E-mails the last test left in the queue would arrive in this one's outbox.
  await sql`delete from pgboss.job where name = 'email'`.execute(handle.db);
  outbox.length = 0;
  clock = Date.now();
  mail = mailbox();
  const address = `10.2.0.${++ip}`;
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: mail.send, now: () => clock, clientIp: () => address });
  owner = await signedInUser(app, mail, 'owner@hanbit.example', { name: 'Kim Owner' });
  colleague = await signedInUser(app, mail, 'sales@hanbit.example', { name: 'Lee Sales' });
  stranger = await signedInUser(app, mail, 'someone@elsewhere.example', { name: 'Someone Else' });
  otherOwner = await signedInUser(app, mail, 'owner@other.example', { name: 'Other Owner' });
  expect((await app.request('/portal/companies', jsonPost(profile('Hanbit Beauty'), owner))).status).toBe(201);
  expect((await app.request('/portal/companies', jsonPost(profile('Other Company'), otherOwner))).status).toBe(201);
});

async function invite(email: string, cookie = owner, locale?: string) {
  const res = await app.request('/portal/companies/hanbit-beauty/invitations', jsonPost({ email, ...(locale ? { locale } : {}) }, cookie));
  return res;
}
async function invited(email: string, locale?: string) {
  const to = email.toLowerCase();
  const sent = outbox.filter((x) => x.to === to).length;
  const res = await invite(email, owner, locale);
  expect(res.status, await res.clone().text()).toBe(201);
  const m = await waitForMail(to, sent + 1);
  return { invitation: (await res.json()) as { id: string; email: string; status: string; expiresAt: string }, mail: m, ...tokenOf(m) };
}
const accept = (token: string, cookie: string) => app.request('/portal/invitations/accept', jsonPost({ token }, cookie));

describe('inviting a colleague', () => {
  it('e-mails a single-use link through the queue; the invitee accepts and becomes a member', async () => {
    const { invitation, mail: m, url, token } = await invited('Sales@Hanbit.example');
    expect(invitation).toMatchObject({ email: 'sales@hanbit.example', status: 'pending' });
    expect(Date.parse(invitation.expiresAt) - clock).toBe(7 * DAY);
    expect(m.subject).toBe('Join Hanbit Beauty in the Pavilion company portal');
    expect(m.text).toContain('Kim Owner has invited you to join Hanbit Beauty');
    expect(url).toBe(`${ORIGIN}/portal/join/#${token}`);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    // The address is nowhere in the link, in any spelling; the token is stored only hashed.
    for (const spelling of ['sales@hanbit.example', 'sales%40hanbit.example', 'sales', Buffer.from('sales@hanbit.example').toString('base64url')]) {
      expect(url.toLowerCase()).not.toContain(spelling.toLowerCase());
    }
    const rows = await sql`select * from company_invitations`.execute(handle.db);
    expect(JSON.stringify(rows.rows)).not.toContain(token);
    expect(rows.rows[0]).toMatchObject({ token_hash: createHash('sha256').update(token).digest('hex') });

    const look = await app.request('/portal/invitations/lookup', jsonPost({ token }, colleague));
    expect(look.status).toBe(200);
    expect(await look.json()).toMatchObject({ company: { slug: 'hanbit-beauty', names: { en: 'Hanbit Beauty', ko: '회사' } }, invitedBy: 'Kim Owner' });

    const joined = await accept(token, colleague);
    expect(joined.status).toBe(200);
    expect(await joined.json()).toMatchObject({ company: { slug: 'hanbit-beauty' }, role: 'member' });
    const me = await (await app.request('/portal/me', get(colleague))).json();
    expect(me).toMatchObject({ companies: [{ slug: 'hanbit-beauty', role: 'member' }] });

    const list = await (await app.request('/portal/companies/hanbit-beauty/members', get(owner))).json();
    expect(list).toEqual({
      members: [
        { userId: expect.any(String), name: 'Kim Owner', email: 'owner@hanbit.example', role: 'owner', you: true },
        { userId: expect.any(String), name: 'Lee Sales', email: 'sales@hanbit.example', role: 'member', you: false },
      ],
      invitations: [],
    });
  });

  it('writes the e-mail and the link in Korean for a Korean invitation', async () => {
    const { mail: m, url, token } = await invited('sales@hanbit.example', 'ko');
    expect(m.subject).toBe('Pavilion 기업 포털: 회사 멤버 초대');
    expect(m.text).toContain('Kim Owner님이');
    expect(url).toBe(`${ORIGIN}/ko/portal/join/#${token}`);
  });

  it('a member may do everything in the portal but manage members', async () => {
    const { token } = await invited('sales@hanbit.example');
    expect((await accept(token, colleague)).status).toBe(200);
    const put = (body: unknown): RequestInit => ({ ...jsonPost(body, colleague), method: 'PUT' });
    expect((await app.request('/portal/companies/hanbit-beauty', put(profile('Hanbit Beauty')))).status).toBe(200);
    expect((await app.request('/portal/companies/hanbit-beauty/products', get(colleague))).status).toBe(200);
    expect((await app.request('/portal/companies/hanbit-beauty/consultations', get(colleague))).status).toBe(200);

    const before = await snapshot();
    const ownerId = (await handle.db.selectFrom('users').select('id').where('email', '=', 'owner@hanbit.example').executeTakeFirstOrThrow()).id;
    for (const [path, init] of [
      ['/portal/companies/hanbit-beauty/members', get(colleague)],
      ['/portal/companies/hanbit-beauty/invitations', jsonPost({ email: 'friend@hanbit.example' }, colleague)],
      [`/portal/companies/hanbit-beauty/members/${ownerId}`, del(colleague)],
      ['/portal/companies/hanbit-beauty/invitations/1', del(colleague)],
    ] as const) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(403);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(await res.json()).toMatchObject({ code: 'owners-only' });
    }
    expect(await snapshot()).toBe(before);
  });

  it('staff may manage any company\'s members', async () => {
    await setRole(handle.db, 'someone@elsewhere.example', 'staff');
    expect((await app.request('/portal/companies/hanbit-beauty/members', get(stranger))).status).toBe(200);
  });
});

describe('tokens', () => {
  it('a used token is refused, for the same user and for anyone else', async () => {
    const { token } = await invited('sales@hanbit.example');
    expect((await accept(token, colleague)).status).toBe(200);
    const before = await snapshot();
    for (const cookie of [colleague, stranger]) {
      const again = await accept(token, cookie);
      expect(again.status).toBe(410);
      expect(await again.json()).toMatchObject({ code: 'invitation-used' });
    }
    expect((await app.request('/portal/invitations/lookup', jsonPost({ token }, colleague))).status).toBe(410);
    expect(await snapshot()).toBe(before);
  });

  it('an expired token is refused and changes nothing', async () => {
    const { token } = await invited('sales@hanbit.example');
    clock += 7 * DAY + 1000;
    const before = await snapshot();
    const late = await accept(token, colleague);
    expect(late.status).toBe(410);
    expect(await late.json()).toMatchObject({ code: 'invitation-expired' });
    expect(await snapshot()).toBe(before);
    const list = (await (await app.request('/portal/companies/hanbit-beauty/members', get(owner))).json()) as { invitations: { status: string }[] };
    expect(list.invitations).toEqual([expect.objectContaining({ status: 'expired' })]);
  });

  it('a revoked token is refused; inviting the same address again replaces the open invitation', async () => {
    const first = await invited('sales@hanbit.example');
    const second = await invited('sales@hanbit.example');
    expect(second.token).not.toBe(first.token);
    const stale = await accept(first.token, colleague);
    expect(stale.status).toBe(410);
    expect(await stale.json()).toMatchObject({ code: 'invitation-revoked' });

    const revoked = await app.request(`/portal/companies/hanbit-beauty/invitations/${second.invitation.id}`, del(owner));
    expect(revoked.status).toBe(200);
    expect(await revoked.json()).toMatchObject({ invitations: [] });
    const again = await app.request(`/portal/companies/hanbit-beauty/invitations/${second.invitation.id}`, del(owner));
    expect(again.status).toBe(409);
    expect(await again.json()).toMatchObject({ code: 'not-open' });
    expect((await accept(second.token, colleague)).status).toBe(410);
    expect((await app.request('/portal/me', get(colleague))).status).toBe(200);
    expect(await (await app.request('/portal/me', get(colleague))).json()).toMatchObject({ companies: [] });
  });

  it('is for the invited address only: another signed-in user is told so and nothing changes', async () => {
    const { token } = await invited('sales@hanbit.example');
    const before = await snapshot();
    const res = await accept(token, stranger);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'invitation-other-email', invitedEmail: 's••••@hanbit.example' });
    expect(await snapshot()).toBe(before);
    // The invitation still works for its address.
    expect((await accept(token, colleague)).status).toBe(200);
  });

  it('an unknown or malformed token, or none, is refused; a visitor must sign in first', async () => {
    const before = await snapshot();
    const unknown = await accept('A'.repeat(43), colleague);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toContain('application/problem+json');
    for (const body of [{ token: 'short' }, { token: 'A'.repeat(44) }, { token: '%'.repeat(43) }, {}, { token: 42 }, [], null, { token: 'A'.repeat(43), extra: 1 }]) {
      const res = await app.request('/portal/invitations/accept', jsonPost(body, colleague));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const { token } = await invited('sales@hanbit.example');
    const afterInvite = await snapshot();
    expect((await app.request('/portal/invitations/accept', jsonPost({ token }))).status).toBe(401);
    expect((await app.request('/portal/invitations/lookup', jsonPost({ token }))).status).toBe(401);
    expect(await snapshot()).toBe(afterInvite);
    expect(before).not.toBe(afterInvite);
  });

  it('two accepts at once: one wins', async () => {
    const { token } = await invited('sales@hanbit.example');
    const results = await Promise.all([accept(token, colleague), accept(token, colleague), accept(token, colleague)]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410, 410]);
    const rows = await handle.db.selectFrom('company_members').selectAll().execute();
    expect(rows).toHaveLength(3); // two owners of two companies, one member
  });
});

describe('refusals at the member routes', () => {
  it('garbage input is a 400 problem and changes nothing', async () => {
    const before = await snapshot();
    const bodies: unknown[] = [
      {}, { email: '' }, { email: 'not-an-address' }, { email: 'a@b' }, { email: ['x@y.example'] }, { email: 'x@y.example', role: 'owner' },
      { email: `${'a'.repeat(250)}@y.example` }, { email: 'x@y.example', locale: 'de' }, { email: '<script>@x.example' }, null, 'x@y.example', 12,
    ];
    for (const body of bodies) {
      const res = await app.request('/portal/companies/hanbit-beauty/invitations', jsonPost(body, owner));
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const form = await app.request('/portal/companies/hanbit-beauty/invitations', {
      method: 'POST', headers: { origin: ORIGIN, cookie: owner, 'content-type': 'application/x-www-form-urlencoded' }, body: 'email=x%40y.example',
    });
    expect(form.status).toBe(415);
    for (const path of ['/portal/companies/hanbit-beauty/invitations/abc', '/portal/companies/hanbit-beauty/members/0', '/portal/companies/Hanbit!/members/1']) {
      const res = await app.request(path, del(owner));
      expect(res.status, path).toBe(400);
    }
    expect(await snapshot()).toBe(before);
  });

  it('a visitor gets 401, another company\'s owner 403, an unknown company or id 404, and nothing changes', async () => {
    const { invitation } = await invited('sales@hanbit.example');
    const ownerId = (await handle.db.selectFrom('users').select('id').where('email', '=', 'owner@hanbit.example').executeTakeFirstOrThrow()).id;
    const before = await snapshot();
    const routes = [
      ['GET', '/portal/companies/hanbit-beauty/members', undefined],
      ['POST', '/portal/companies/hanbit-beauty/invitations', { email: 'mole@other.example' }],
      ['DELETE', `/portal/companies/hanbit-beauty/invitations/${invitation.id}`, undefined],
      ['DELETE', `/portal/companies/hanbit-beauty/members/${ownerId}`, undefined],
    ] as const;
    for (const [method, path, body] of routes) {
      for (const [who, cookie, want] of [['visitor', '', 401], ['other company', otherOwner, 403]] as const) {
        const init = body ? jsonPost(body, cookie || undefined) : { method, headers: { origin: ORIGIN, ...(cookie ? { cookie } : {}) } };
        const res = await app.request(path, init);
        expect(res.status, `${who} ${method} ${path}`).toBe(want);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
      }
      const missing = await app.request(path.replace('hanbit-beauty', 'no-such-company'), body ? jsonPost(body, owner) : { method, headers: { origin: ORIGIN, cookie: owner } });
      expect(missing.status).toBe(404);
    }
    // The other company's owner cannot reach this company's invitation through their own company either.
    expect((await app.request(`/portal/companies/other-company/invitations/${invitation.id}`, del(otherOwner))).status).toBe(404);
    expect((await app.request(`/portal/companies/hanbit-beauty/invitations/999999`, del(owner))).status).toBe(404);
    expect((await app.request(`/portal/companies/hanbit-beauty/members/999999`, del(owner))).status).toBe(404);
    expect(await snapshot()).toBe(before);
  });

  it('refuses to invite a member again, and caps open invitations', async () => {
    const { token } = await invited('sales@hanbit.example');
    expect((await accept(token, colleague)).status).toBe(200);
    const already = await invite('sales@hanbit.example');
    expect(already.status).toBe(409);
    expect(await already.json()).toMatchObject({ code: 'already-member' });
    expect((await invite('owner@hanbit.example')).status).toBe(409);
    for (let i = 0; i < 20; i++) expect((await invite(`person${i}@hanbit.example`)).status).toBe(201);
    const before = await snapshot();
    const capped = await invite('one-too-many@hanbit.example');
    expect(capped.status).toBe(409);
    expect(await capped.json()).toMatchObject({ code: 'too-many-invitations', limit: 20 });
    expect(await snapshot()).toBe(before);
  });
});

describe('removing members', () => {
  it('removes a member, who loses access at once; never the last owner', async () => {
    const { token } = await invited('sales@hanbit.example');
    expect((await accept(token, colleague)).status).toBe(200);
    const ids = Object.fromEntries((await handle.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id]));

    const lastOwner = await app.request(`/portal/companies/hanbit-beauty/members/${ids['owner@hanbit.example']}`, del(owner));
    expect(lastOwner.status).toBe(409);
    expect(await lastOwner.json()).toMatchObject({ code: 'last-owner' });

    const removed = await app.request(`/portal/companies/hanbit-beauty/members/${ids['sales@hanbit.example']}`, del(owner));
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as { members: unknown[] }).members).toHaveLength(1);
    expect((await app.request('/portal/companies/hanbit-beauty', get(colleague))).status).toBe(403);
    expect((await app.request(`/portal/companies/hanbit-beauty/members/${ids['sales@hanbit.example']}`, del(owner))).status).toBe(404);
  });

  it('an owner may leave while another owner stays', async () => {
    const { token } = await invited('sales@hanbit.example');
    expect((await accept(token, colleague)).status).toBe(200);
    const ids = Object.fromEntries((await handle.db.selectFrom('users').select(['id', 'email']).execute()).map((u) => [u.email, u.id]));
    await handle.db.updateTable('company_members').set({ role: 'owner' }).where('user_id', '=', ids['sales@hanbit.example']!).execute();
    const left = await app.request(`/portal/companies/hanbit-beauty/members/${ids['owner@hanbit.example']}`, del(owner));
    expect(left.status).toBe(200);
    expect((await app.request('/portal/companies/hanbit-beauty/members', get(owner))).status).toBe(403);
    expect((await app.request('/portal/companies/hanbit-beauty/members', get(colleague))).status).toBe(200);
  });
});

describe('sign-in carries the session', () => {
  it('the invitee who signs up with the invited address joins in one go', async () => {
    const { token } = await invited('new.hire@hanbit.example');
    const cookie = await signedInUser(app, mail, 'new.hire@hanbit.example', { name: 'New Hire' });
    expect(cookie).toContain('pavilion.session_token=');
    expect((await accept(token, cookie)).status).toBe(200);
    expect(await (await app.request('/portal/me', get(cookie))).json()).toMatchObject({ companies: [{ slug: 'hanbit-beauty', role: 'member' }] });
  });
});
