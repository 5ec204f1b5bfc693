// The mail relay failing: a booking still succeeds; its e-mails wait in the job queue and
// are retried, and once the relay takes mail again each one is delivered exactly once.
// Real pg-boss, a real SMTP conversation (a small test server that answers 451 while down).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { startSmtpServer, type TestSmtpServer } from '../test-support/smtp-server.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from '../http/app.ts';
import { startJobQueue, type JobQueue } from './queue.ts';
import { startWorkers } from './workers.ts';

// A week ahead of the real clock, so the reminders stay queued for later.
const NOW = Date.now() + 7 * 86_400_000;
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let jobs: JobQueue;
let smtp: TestSmtpServer;
let app: ReturnType<typeof createApi>;

async function until(what: string, test: () => boolean, ms = 60_000) {
  for (const deadline = Date.now() + ms; !test(); ) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  const { companyId } = await insertFixtureCatalogue(handle.db, { rooms: 1, interpreters: ['ja'] });
  const user = await handle.db.insertInto('users').values({ email: 'sales@hanbit.test', name: 'Sales' }).returning('id').executeTakeFirstOrThrow();
  await handle.db.insertInto('company_members').values({ company_id: companyId, user_id: user.id, role: 'owner' }).execute();
  smtp = await startSmtpServer({ failing: true });
  const config = { ...loadConfig({ PUBLIC_URL: 'http://hall.test' }), mail: { smtpUrl: smtp.url, from: 'Pavilion <meetings@hall.test>', outboxDir: '/nonexistent' } };
  jobs = await startJobQueue(handle, silentLogger, { pollingIntervalSeconds: 0.5 });
  await startWorkers(jobs, { db: handle.db, config, log: silentLogger });
  app = createApi({ db: handle.db, dbKind: handle.kind, config, log: silentLogger, jobs, now: () => NOW });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await smtp?.close();
  await handle?.close();
});

describe('a mail relay that is down', () => {
  it('does not stop bookings; the e-mails are retried and sent once when it recovers', async () => {
    const res = await app.request('/meeting-requests', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ productSlug: 'vitamin-c-serum', interpreter: 'required', buyer: { name: 'Yuki', company: 'Tokyo Trading', country: 'JP', email: 'yuki@tokyo.test', language: 'ja', timeZone: 'Asia/Tokyo' } }),
    });
    expect(res.status).toBe(201);

    // The relay refuses: every attempt is turned away, nothing is delivered.
    await until('attempts at the refusing relay', () => smtp.refused >= 3);
    expect(smtp.messages).toHaveLength(0);

    smtp.failing = false;
    // Buyer, the company's member and the interpreter: three invitations.
    await until('the three invitations', () => smtp.messages.length >= 3);
    // Long enough for any retry already queued to have run again.
    await new Promise((r) => setTimeout(r, 3000));
    const recipients = smtp.messages.map((m) => m.to.join()).sort();
    expect(recipients).toEqual(['<interpreter1@example.org>', '<sales@hanbit.test>', '<yuki@tokyo.test>']);
    const ids = smtp.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(smtp.messages.every((m) => m.data.includes('Content-Type: text/calendar'))).toBe(true);
  }, 120_000);
});
