// Account e-mails through the real queue (pg-boss in the test database) keep their secrets
// out of it: after a sign-up, a password reset and an invitation, no row of pg-boss's
// tables holds the verification, reset or invitation token, the link, the e-mail's text
// or (for the invitation) the address. The worker still sends each e-mail, in the user's
// language, with a link that works; an invitation revoked before its e-mail left is not sent.
// The verification link does not carry the address either (better-auth's JWT would).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { cookiesOf, jsonPost, ORIGIN } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { openLink, sealLink } from '../lib/sealed-link.ts';
import { createApi } from '../http/app.ts';
import type { OutgoingMail } from '../mail/transport.ts';
import { startJobQueue, type JobQueue } from './queue.ts';
import { startWorkers } from './workers.ts';
import { accountMailWorker, type AccountMailJob } from './account-mail-jobs.ts';

const SECRET = 's'.repeat(40);
const config = loadConfig({ PUBLIC_URL: ORIGIN, AUTH_SECRET: SECRET, RATE_LIMIT_WRITES: '0' });
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;
const outbox: OutgoingMail[] = [];

async function waitForMail(to: string, subject: string): Promise<OutgoingMail> {
  for (let i = 0; i < 300; i++) {
    const found = outbox.filter((m) => m.to === to && m.subject === subject).at(-1);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no e-mail "${subject}" to ${to}; sent: ${outbox.map((m) => `${m.to} ${m.subject}`).join(', ')}`);
}
const linkIn = (m: OutgoingMail) => m.text.match(/https?:\/\/\S+/)![0];

/** Every row of every table pg-boss keeps (jobs, archived or not, queues, schedules), as text. */
async function everythingPgBossKeeps(): Promise<string> {
  const tables = await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = 'pgboss' and table_type = 'BASE TABLE'`.execute(handle.db);
  const texts: string[] = [];
  for (const { name } of tables.rows) {
    const rows = await sql<{ row: string }>`select t::text as row from ${sql.table(`pgboss.${name}`)} t`.execute(handle.db);
    texts.push(...rows.rows.map((r) => r.row));
  }
  return texts.join('\n');
}
const jobOf = async (key: string) =>
  (await sql<{ data: AccountMailJob }>`select data from pgboss.job where name = 'email' and data->>'key' = ${key}`.execute(handle.db)).rows;

/** What a secret in the queue could look like: itself, and the URL-encoded and JSON-escaped spellings of the link. */
function spellings(secret: string, link: string): string[] {
  return [secret, encodeURIComponent(secret), link, JSON.stringify(link).slice(1, -1), link.replace(/\//g, '\\/')];
}
function expectNowhere(haystack: string, needles: string[]) {
  for (const n of needles) expect(haystack.includes(n), `found "${n}" in pg-boss's tables`).toBe(false);
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  jobs = await startJobQueue(handle, silentLogger, { pollingIntervalSeconds: 0.5 });
  await startWorkers(jobs, { db: handle.db, config, log: silentLogger, mailer: { kind: 'outbox', send: async (m) => void outbox.push(m) } });
  const { queueAccountMail } = await import('./account-mail-jobs.ts');
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: queueAccountMail(jobs), clientIp: () => '10.9.0.1' });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
});

let owner = '';

describe('account e-mails leave no token in the job queue', () => {
  it('sign-up: the verification e-mail is sent in Russian and works, its job holds no token or link', async () => {
    const up = await app.request('/auth/sign-up/email', jsonPost({ email: 'owner@hanbit.example', password: 'correct horse battery', name: 'Ivan Petrov', locale: 'ru' }));
    expect(up.status).toBe(200);
    const mail = await waitForMail('owner@hanbit.example', 'Подтвердите адрес электронной почты для Pavilion');
    expect(mail.text).toContain('Здравствуйте, Ivan Petrov!');
    const link = linkIn(mail);
    const token = new URL(link).searchParams.get('token')!;
    expect(token.length).toBeGreaterThan(20);
    // The link itself says nothing of the address, in any part decoded (better-auth's own
    // token is a JWT holding it in the clear; the link carries it sealed).
    const decoded = [link, decodeURIComponent(link), ...token.split('.').map((part) => Buffer.from(part, 'base64url').toString('latin1'))];
    for (const text of decoded) expect(text.toLowerCase()).not.toContain('owner@hanbit');

    const [job, ...more] = await jobOf(mail.key);
    expect(more).toEqual([]);
    expect(Object.keys(job!.data).sort()).toEqual(['key', 'kind', 'link', 'locale', 'mail', 'name', 'to']);
    expect(job!.data).toMatchObject({ kind: 'account', mail: 'verify', locale: 'ru', to: 'owner@hanbit.example' });
    const kept = await everythingPgBossKeeps();
    expect(kept).toContain((job!.data as { link: string }).link); // the scan does see the job's data
    expectNowhere(kept, [...spellings(token, link), 'Здравствуйте']);
    // The sealed link opens with the app secret only.
    expect(openLink(SECRET, (job!.data as { link: string }).link)).toBe(link);
    expect(() => openLink('x'.repeat(40), (job!.data as { link: string }).link)).toThrow();

    const verified = await app.request(`${new URL(link).pathname.replace(/^\/api/, '')}${new URL(link).search}`, { headers: { origin: ORIGIN } });
    expect(verified.status).toBeLessThan(400);
    const row = await handle.db.selectFrom('users').select(['email_verified', 'locale']).where('email', '=', 'owner@hanbit.example').executeTakeFirstOrThrow();
    expect(row).toEqual({ email_verified: true, locale: 'ru' });
    const signIn = await app.request('/auth/sign-in/email', jsonPost({ email: 'owner@hanbit.example', password: 'correct horse battery' }));
    expect(signIn.status).toBe(200);
    owner = cookiesOf(signIn);
  });

  it('password reset: the e-mail is in the user\'s language and works, its job holds no token or link', async () => {
    const asked = await app.request('/auth/request-password-reset', jsonPost({ email: 'owner@hanbit.example', redirectTo: '/ru/portal/reset/' }));
    expect(asked.status).toBe(200);
    const mail = await waitForMail('owner@hanbit.example', 'Сброс пароля Pavilion');
    const link = linkIn(mail);
    const token = new URL(link).pathname.split('/').at(-1)!;
    expect(token.length).toBeGreaterThan(20);
    expectNowhere(await everythingPgBossKeeps(), spellings(token, link));
    expect((await jobOf(mail.key))[0]!.data).toMatchObject({ mail: 'reset', locale: 'ru' });
    // Nor does better-auth's own table of pending resets hold it: only a hash.
    const pending = await sql<{ row: string }>`select t::text as row from auth_verifications t`.execute(handle.db);
    expect(pending.rows.length).toBeGreaterThan(0);
    expectNowhere(pending.rows.map((r) => r.row).join('\n'), [token]);

    const reset = await app.request('/auth/reset-password', jsonPost({ token, newPassword: 'another horse battery' }));
    expect(reset.status).toBe(200);
    const signIn = await app.request('/auth/sign-in/email', jsonPost({ email: 'owner@hanbit.example', password: 'another horse battery' }));
    expect(signIn.status).toBe(200);
    owner = cookiesOf(signIn);
  });

  it('invitation: the job names the invitation and holds the link sealed; no token, link or address', async () => {
    const company = await app.request('/portal/companies', jsonPost({ names: { ko: '한빛', en: 'Hanbit Beauty' }, region: 'Seoul', languages: ['ko', 'en'] }, owner));
    expect(company.status).toBe(201);
    const res = await app.request('/portal/companies/hanbit-beauty/invitations', jsonPost({ email: 'Sales@Hanbit.example', locale: 'vi' }, owner));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };

    const mail = await waitForMail('sales@hanbit.example', 'Tham gia Hanbit Beauty trên cổng doanh nghiệp Pavilion');
    expect(mail.text).toContain('Ivan Petrov đã mời bạn tham gia Hanbit Beauty');
    expect(mail.text).toContain('trong vòng 7 ngày');
    const link = linkIn(mail);
    expect(link).toMatch(new RegExp(`^${ORIGIN}/vi/portal/join/#[A-Za-z0-9_-]{43}$`));
    const token = new URL(link).hash.slice(1);

    const [job] = await jobOf(`account-invite-${id}`);
    expect(Object.keys(job!.data).sort()).toEqual(['invitationId', 'key', 'kind', 'link', 'locale', 'mail']);
    expect(job!.data).toMatchObject({ kind: 'account', mail: 'invite', invitationId: id, locale: 'vi' });
    expectNowhere(await everythingPgBossKeeps(), [...spellings(token, link), 'sales@hanbit.example', 'Tham gia']);

    // The link in the e-mail is the one that works.
    const up = await app.request('/auth/sign-up/email', jsonPost({ email: 'sales@hanbit.example', password: 'correct horse battery', name: 'Lan Nguyen', locale: 'vi' }));
    expect(up.status).toBe(200);
    const verify = linkIn(await waitForMail('sales@hanbit.example', 'Xác nhận email của bạn cho Pavilion'));
    await app.request(`${new URL(verify).pathname.replace(/^\/api/, '')}${new URL(verify).search}`, { headers: { origin: ORIGIN } });
    const colleague = cookiesOf(await app.request('/auth/sign-in/email', jsonPost({ email: 'sales@hanbit.example', password: 'correct horse battery' })));
    const accepted = await app.request('/portal/invitations/accept', jsonPost({ token }, colleague));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ company: { slug: 'hanbit-beauty' }, role: 'member' });
  });

  it('an invitation revoked before its e-mail left is not sent; a tampered sealed link is refused', async () => {
    const res = await app.request('/portal/companies/hanbit-beauty/invitations', jsonPost({ email: 'late@hanbit.example', locale: 'ja' }, owner));
    expect(res.status).toBe(201);
    const { id } = (await res.json()) as { id: string };
    await waitForMail('late@hanbit.example', 'Pavilion 企業ポータルで Hanbit Beauty に参加する');
    const [job] = await jobOf(`account-invite-${id}`);
    const revoked = await app.request(`/portal/companies/hanbit-beauty/invitations/${id}`, { method: 'DELETE', headers: { origin: ORIGIN, cookie: owner } });
    expect(revoked.status).toBe(200);

    // The same job run again (as a retry would) now sends nothing.
    const sent: OutgoingMail[] = [];
    const worker = accountMailWorker({ mailer: { kind: 'outbox', send: async (m) => void sent.push(m) }, db: handle.db, secret: SECRET });
    await worker(job!.data);
    expect(sent).toEqual([]);

    const sealed = sealLink(SECRET, 'http://hall.test/api/auth/reset-password/abc');
    const [v, iv, body, tag] = sealed.split('.');
    const flipped = `${v}.${iv}.${body!.slice(0, -2)}${body!.slice(-2) === 'AA' ? 'AB' : 'AA'}.${tag}`;
    await expect(worker({ kind: 'account', key: 'k', mail: 'reset', to: 'x@y.example', name: 'X', locale: 'en', link: flipped })).rejects.toThrow();
    expect(sent).toEqual([]);
  });
});
