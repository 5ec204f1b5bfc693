// E-mails of a consultation through the real job queue (pg-boss in the test database) to
// the development outbox: enqueued with the booking, sent by the worker, with .ics.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from '../http/app.ts';
import { startJobQueue, type JobQueue } from './queue.ts';
import { startWorkers } from './workers.ts';

// The hall's clock: a Tuesday 00:00 UTC a week or more ahead of the real one. The job queue
// runs on the real clock, so a reminder due before the real now would be sent at once (a
// fixed date in the past made this test fail once the calendar passed it).
const NOW = (() => {
  const d = new Date(Date.now() + 7 * 86_400_000);
  d.setUTCHours(0, 0, 0, 0);
  while (d.getUTCDay() !== 2) d.setUTCDate(d.getUTCDate() + 1);
  return d.getTime();
})();
import { consultationMailWorker, type MailBatch } from './consultation-mail-jobs.ts';

const outboxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pavilion-outbox-'));
const config = { ...loadConfig({ PUBLIC_URL: 'http://hall.test' }), mail: { smtpUrl: undefined, from: 'Pavilion <meetings@hall.test>', outboxDir } };
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let app: ReturnType<typeof createApi>;

const mails = () => fs.readdirSync(outboxDir).filter((f) => f.endsWith('.eml')).map((f) => fs.readFileSync(path.join(outboxDir, f), 'utf8'));
async function waitForMails(n: number): Promise<string[]> {
  for (let i = 0; i < 150; i++) {
    const found = mails();
    if (found.length >= n) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`expected ${n} e-mails, found ${mails().length}`);
}
const emailJobs = async () => Number((await sql<{ n: string }>`select count(*) as n from pgboss.job where name = 'email'`.execute(handle.db)).rows[0]!.n);
// Quoted-printable soft breaks and encoded words make raw text hard to search: undo the soft breaks.
const plain = (raw: string) => raw.replace(/=\r\n/g, '');

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  const { companyId } = await insertFixtureCatalogue(handle.db, { rooms: 1, interpreters: ['ja'] });
  const user = await handle.db.insertInto('users').values({ email: 'sales@hanbit.test', name: 'Sales' }).returning('id').executeTakeFirstOrThrow();
  await handle.db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner' }).execute();
  jobs = await startJobQueue(handle, silentLogger, { pollingIntervalSeconds: 0.5 });
  await startWorkers(jobs, { db: handle.db, config, log: silentLogger });
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, now: () => NOW });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await handle?.close();
  fs.rmSync(outboxDir, { recursive: true, force: true });
});

describe('consultation e-mails', () => {
  let manageUrl = '';
  let startsAt = '';

  it('a booking sends the buyer, the company and the interpreter their invitation', async () => {
    const res = await app.request('/meeting-requests', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productSlug: 'vitamin-c-serum', buyer: { name: 'Yuki', company: 'Tokyo Trading', country: 'JP', email: 'yuki@tokyo-trading.test', language: 'ja', timeZone: 'Asia/Tokyo' } }),
    });
    expect(res.status).toBe(201);
    ({ manageUrl, startsAt } = (await res.json()) as { manageUrl: string; startsAt: string });
    const sent = (await waitForMails(3)).map(plain);
    const to = (addr: string) => sent.find((m) => m.includes(`To: ${addr}`))!;
    const dtstart = `DTSTART:${startsAt.replace(/[-:]/g, '').replace('.000', '')}`;

    const buyer = to('yuki@tokyo-trading.test');
    expect(buyer).toContain(manageUrl);
    expect(buyer).toContain('(Asia/Tokyo)');
    expect(buyer).toContain('(Asia/Seoul)');
    expect(buyer).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(Buffer.from(buyer.split('filename=invite.ics')[1]!.split(/\r\n\r\n/)[1]!.split('\r\n--')[0]!, 'base64').toString()).toContain(dtstart);

    const company = to('sales@hanbit.test');
    expect(company).not.toContain('/api/manage/'); // the private link is the buyer's alone
    expect(to('interpreter1@example.org')).toBeTruthy();
  });

  it('schedules the reminders still ahead: 1 h before (24 h before is already past here)', async () => {
    const { rows } = await sql<{ event: string; start_after: Date }>`
      select data->>'event' as event, start_after from pgboss.job where name = 'email' and data->>'event' like 'reminder%'`.execute(handle.db);
    expect(rows.map((r) => r.event).sort()).toEqual(['reminder-1h', 'reminder-1h', 'reminder-1h']);
    for (const r of rows) expect(r.start_after.getTime()).toBe(Date.parse(startsAt) - 3_600_000);
  });

  it('a meeting without an interpreter queues nothing for an interpreter', async () => {
    const res = await app.request('/meeting-requests', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productSlug: 'vitamin-c-serum', interpreter: 'none', buyer: { name: 'Ana', company: 'Lisboa Foods', country: 'PT', email: 'ana@lisboa.test', language: 'en', timeZone: 'Europe/Lisbon' } }),
    });
    expect(res.status).toBe(201);
    const { id, interpreter } = (await res.json()) as { id: string; interpreter: unknown };
    expect(interpreter).toBeNull();
    const { rows } = await sql<{ event: string; role: string }>`
      select data->>'event' as event, data->>'role' as role from pgboss.job
      where name = 'email' and data->>'consultationId' = ${id}`.execute(handle.db);
    expect(rows.length).toBeGreaterThanOrEqual(4); // the invitation and at least one reminder, each to two
    expect(new Set(rows.map((r) => r.role))).toEqual(new Set(['buyer', 'company']));
    await waitForMails(5);
    expect(mails().filter((m) => plain(m).includes('To: ana@lisboa.test'))).toHaveLength(1);
  });

  it('a refused request (409) enqueues nothing', async () => {
    const before = await emailJobs();
    const res = await app.request('/meeting-requests', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productSlug: 'vitamin-c-serum', preferredSlots: [startsAt], buyer: { name: 'Bo', company: 'B', country: 'DE', email: 'bo@b.test', language: 'en', timeZone: 'Europe/Berlin' } }),
    });
    expect(res.status).toBe(409);
    expect(await emailJobs()).toBe(before);
  });

  it('a cancellation sends everyone a CANCEL', async () => {
    const token = manageUrl.split('/').pop()!;
    const res = await app.request(`/manage/${token}/cancel`, { method: 'POST', headers: { accept: 'application/json' } });
    expect(res.status).toBe(200);
    // Wait for the cancellations themselves (the reminders, due in the real past here, may
    // arrive first).
    const cancelsSent = () => mails().map(plain).filter((m) => /method=CANCEL/i.test(m));
    for (let i = 0; i < 150 && cancelsSent().length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    expect(cancelsSent()).toHaveLength(3);

    // A reminder made for the meeting before it was cancelled is dropped by the worker.
    const outbox: string[] = [];
    const worker = consultationMailWorker({ db: handle.db, config, log: silentLogger, mailer: { kind: 'outbox', send: async (m) => void outbox.push(m.to) } });
    const consultation = await handle.db.selectFrom('consultations').select('id').orderBy('id').executeTakeFirstOrThrow(); // Yuki's, the first
    await worker({ consultationId: consultation.id, event: 'reminder-1h', sequence: 0, role: 'buyer' });
    expect(outbox).toEqual([]);
    await worker({ consultationId: consultation.id, event: 'cancelled', sequence: 1, role: 'buyer' });
    expect(outbox).toEqual(['yuki@tokyo-trading.test']);
  });

  it('the jobs of one change, sent in one batch, read the meeting once and still reach each person with their own message', async () => {
    const sent: { to: string; text: string; ics: string }[] = [];
    const worker = consultationMailWorker({
      db: handle.db, config, log: silentLogger,
      mailer: { kind: 'outbox', send: async (m) => void sent.push({ to: m.to, text: m.text, ics: m.attachments?.[0]?.content ?? '' }) },
    });
    const consultation = await handle.db.selectFrom('consultations').select('id').orderBy('id').executeTakeFirstOrThrow(); // Yuki's, cancelled
    const batch: MailBatch = new Map();
    for (const role of ['buyer', 'company', 'interpreter'] as const) await worker({ consultationId: consultation.id, event: 'cancelled', sequence: 1, role }, batch);
    expect(batch.size).toBe(1);
    expect(sent.map((m) => m.to)).toEqual(['yuki@tokyo-trading.test', 'sales@hanbit.test', 'interpreter1@example.org']);
    expect(sent[0]!.text).toContain('(Asia/Tokyo)'); // the buyer's own zone
    for (const m of sent) expect(m.ics).toMatch(/METHOD:CANCEL/);
  });
});

describe('account e-mails', () => {
  it('a sign-up queues the verification e-mail, which the worker writes to the outbox in the user\'s language', async () => {
    const { queueAccountMail } = await import('./account-mail-jobs.ts');
    // The same secret as the worker's: the job holds the link sealed with it (account-mail.db.test.ts).
    const accounts = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, sendAccountMail: queueAccountMail(jobs) });
    const res = await accounts.request('/auth/sign-up/email', {
      method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://hall.test' },
      body: JSON.stringify({ email: 'new.owner@hanbit.test', password: 'correct horse battery', name: '김대표', locale: 'ko' }),
    });
    expect(res.status).toBe(200);
    let sent: string | undefined;
    for (let i = 0; i < 150 && !sent; i++, await new Promise((r) => setTimeout(r, 100))) {
      sent = mails().map(plain).find((m) => m.includes('To: new.owner@hanbit.test'));
    }
    // Undo quoted-printable to read the Korean text and the link.
    const text = Buffer.from(sent!.split(/\r\n\r\n/).slice(1).join('\n').replace(/=([0-9A-F]{2})/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');
    expect(text).toContain('이메일 주소를 인증해 주세요');
    expect(text).toMatch(/http:\/\/hall\.test\/api\/auth\/verify-email\?token=[\w.-]+/);
  });
});
