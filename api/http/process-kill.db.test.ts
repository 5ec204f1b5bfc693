// An API process killed outright (SIGKILL) in the middle of a burst of bookings, with a
// second process beside it on the same PostgreSQL: every booking either committed whole
// (request, consultation, history and e-mail jobs) or left no trace, and the e-mails the
// dead process had queued, or had taken and not sent, are sent by the survivor, each once.
// Needs a PostgreSQL server.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createScratchDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { startApiProcess, type ApiProcess } from '../test-support/api-processes.ts';
import { startSmtpServer, type TestSmtpServer } from '../test-support/smtp-server.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';

const serverUrl = loadConfig().testDatabaseUrl;

describe.skipIf(!serverUrl)('an API process killed mid-bookings', () => {
  let handle: Awaited<ReturnType<typeof createScratchDatabase>>;
  let apis: ApiProcess[] = [];
  let smtp: TestSmtpServer;
  // The doomed process's mail relay accepts connections and never greets: whatever e-mail jobs
  // that process takes, it still holds, unsent, when it dies.
  const stalled = { server: net.createServer(), connections: 0, sockets: new Set<net.Socket>() };

  beforeAll(async () => {
    handle = await createScratchDatabase(serverUrl!, 'pavilion_test');
    await migrateToLatest(handle.db);
    await insertFixtureCatalogue(handle.db, { rooms: 4 });
    smtp = await startSmtpServer();
    stalled.server.on('connection', (socket) => {
      stalled.connections++;
      stalled.sockets.add(socket);
      socket.on('error', () => {});
    });
    await new Promise<void>((r) => stalled.server.listen(0, '127.0.0.1', r));
    const stalledUrl = `smtp://127.0.0.1:${(stalled.server.address() as net.AddressInfo).port}`;
    // A short lease: the jobs a killed process held go to the survivor within seconds, not minutes.
    apis = await Promise.all([
      startApiProcess(handle.url, { SMTP_URL: stalledUrl, JOB_LEASE_SECONDS: '8' }),
      startApiProcess(handle.url, { SMTP_URL: smtp.url, JOB_LEASE_SECONDS: '8' }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop()));
    for (const socket of stalled.sockets) socket.destroy();
    await new Promise((r) => stalled.server.close(r));
    await smtp?.close();
    await handle?.close();
  });

  it('leaves only whole bookings, and the survivor sends what the dead one queued or held, each once', async () => {
    const [doomed, survivor] = apis as [ApiProcess, ApiProcess];
    let answered = 0;
    const outcomes: { via: 'doomed' | 'survivor'; status: number | 'no answer'; id?: string }[] = [];
    const book = async (i: number) => {
      const api = i % 2 === 0 ? doomed : survivor;
      const via = api === doomed ? 'doomed' as const : 'survivor' as const;
      try {
        const res = await fetch(`${api.url}/meeting-requests`, {
          method: 'POST', headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ productSlug: 'vitamin-c-serum', buyer: { name: `Buyer ${i}`, company: 'Kill Imports', country: 'DE', email: `k${i}@kill.test`, language: 'en', timeZone: 'Asia/Seoul' } }),
        });
        const body = await res.json() as { id?: string };
        outcomes.push({ via, status: res.status, ...(body.id ? { id: body.id } : {}) });
      } catch {
        outcomes.push({ via, status: 'no answer' });
      }
      answered++;
    };
    // Bookings keep coming, a new one every 10 ms, until the doomed process holds e-mail jobs
    // (it has opened a connection to its relay). A fixed burst could be over before its mail
    // worker first polls: at hours when most requests are queued (202) they answer in
    // milliseconds. Then it is killed with a batch of requests in flight.
    const burst: Promise<void>[] = [];
    let next = 0;
    const giveUp = Date.now() + 30_000;
    while ((answered < 10 || stalled.connections === 0) && Date.now() < giveUp) {
      burst.push(book(next++));
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(stalled.connections).toBeGreaterThan(0);
    for (let k = 0; k < 8; k++) burst.push(book(next++));
    doomed.child.kill('SIGKILL');
    await Promise.all(burst);

    // The survivor answered everything it was asked, never with a 5xx.
    for (const o of outcomes.filter((x) => x.via === 'survivor')) expect([201, 202, 409]).toContain(o.status);
    expect(outcomes.some((o) => o.via === 'doomed' && o.status === 'no answer')).toBe(true);

    // Whole or nothing: each consultation has its scheduled request and its history; each
    // scheduled request has its consultation; each 201 is stored.
    const broken = await sql<{ n: number }>`
      select count(*)::int as n from consultations c join meeting_requests m on m.id = c.meeting_request_id
      where m.status <> 'scheduled' or not exists (select 1 from consultation_events e where e.consultation_id = c.id)`.execute(handle.db);
    expect(broken.rows[0]!.n).toBe(0);
    const hollow = await sql<{ n: number }>`select count(*)::int as n from meeting_requests m where m.status = 'scheduled'
      and not exists (select 1 from consultations c where c.meeting_request_id = m.id)`.execute(handle.db);
    expect(hollow.rows[0]!.n).toBe(0);
    const ids = outcomes.filter((o) => o.status === 201).map((o) => o.id!);
    const stored = await handle.db.selectFrom('meeting_requests').select('id').where('id', 'in', ids).execute();
    expect(stored).toHaveLength(ids.length);
    // And every stored booking has its buyer's e-mail job: the jobs commit with it.
    const withoutMail = await sql<{ n: number }>`select count(*)::int as n from consultations c where not exists (
      select 1 from pgboss.job j where j.name = 'email' and j.data->>'consultationId' = c.id::text and j.data->>'event' = 'scheduled' and j.data->>'role' = 'buyer')`.execute(handle.db);
    expect(withoutMail.rows[0]!.n).toBe(0);

    // The survivor works off every e-mail job but the reminders (due days ahead), including
    // those the dead process queued and those it had taken: when their lease lapses they are
    // offered again.
    const due = async () => (await sql<{ state: string; n: number }>`select state, count(*)::int as n from pgboss.job
      where name = 'email' and data->>'event' not like 'reminder-%' group by 1`.execute(handle.db)).rows;
    for (let i = 0; i < 300; i++) {
      if ((await due()).every((r) => r.state === 'completed')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const states = Object.fromEntries((await due()).map((r) => [r.state, r.n]));
    expect(Object.keys(states)).toEqual(['completed']);
    // Some of them were the dead process's: claimed a second time (pg-boss counts claims after the first).
    const { rows: [retaken] } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
      where name = 'email' and state = 'completed' and retry_count > 0`.execute(handle.db);
    expect(retaken!.n).toBeGreaterThan(0);

    // Each e-mail was sent once: no message twice, and each booking's buyer invited exactly once.
    const sent = smtp.messages.map((m) => m.messageId);
    expect(sent.filter((id, i) => sent.indexOf(id) !== i)).toEqual([]);
    const consultations = await handle.db.selectFrom('consultations').select('id').execute();
    expect(consultations.length).toBeGreaterThan(0);
    const invitations = new Map<string, number>();
    for (const id of sent) {
      const consultation = /^<c(.+)-scheduled-s\d+-buyer-0@pavilion>$/.exec(id)?.[1];
      if (consultation) invitations.set(consultation, (invitations.get(consultation) ?? 0) + 1);
    }
    expect(Object.fromEntries(invitations)).toEqual(Object.fromEntries(consultations.map((c) => [c.id, 1])));
  }, 120_000);
});
