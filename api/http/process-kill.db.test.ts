// An API process killed outright (SIGKILL) in the middle of a burst of bookings, with a
// second process beside it on the same PostgreSQL: every booking either committed whole
// (request, consultation, history and e-mail jobs) or left no trace, and the e-mails the
// dead process had queued are sent by the survivor. Needs a PostgreSQL server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createScratchDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { startApiProcess, type ApiProcess } from '../test-support/api-processes.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';

const serverUrl = loadConfig().testDatabaseUrl;

describe.skipIf(!serverUrl)('an API process killed mid-bookings', () => {
  let handle: Awaited<ReturnType<typeof createScratchDatabase>>;
  let apis: ApiProcess[] = [];

  beforeAll(async () => {
    handle = await createScratchDatabase(serverUrl!, 'pavilion_test');
    await migrateToLatest(handle.db);
    await insertFixtureCatalogue(handle.db, { rooms: 4 });
    apis = await Promise.all([startApiProcess(handle.url), startApiProcess(handle.url)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop()));
    await handle?.close();
  });

  it('leaves only whole bookings, and the survivor sends what the dead one queued', async () => {
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
    const burst = Array.from({ length: 80 }, (_, i) => book(i));
    while (answered < 10) await new Promise((r) => setTimeout(r, 5));
    doomed.child.kill('SIGKILL');
    const { rows: [killed] } = await sql<{ at: Date }>`select now() as at`.execute(handle.db);
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

    // The survivor works off every invitation e-mail that was waiting, including those the
    // dead process queued. A job the dead process had already started (its worker fetches
    // them ten at a time) stays active until pg-boss re-offers it when its lease expires;
    // nothing the survivor started may be left hanging.
    const pending = async () => (await sql<{ state: string; n: number }>`select state, count(*)::int as n from pgboss.job
      where name = 'email' and data->>'event' = 'scheduled' group by 1`.execute(handle.db)).rows;
    for (let i = 0; i < 300; i++) {
      const rows = await pending();
      if (rows.every((r) => r.state === 'completed' || r.state === 'active')) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    const states = Object.fromEntries((await pending()).map((r) => [r.state, r.n]));
    expect(Object.keys(states).filter((s) => s !== 'completed' && s !== 'active')).toEqual([]);
    expect(states.completed).toBeGreaterThan(0);
    // (A fetch the dead process sent just before it died may still run a moment after the
    // kill, hence the margin; the survivor finishes each e-mail in milliseconds.)
    const { rows: [late] } = await sql<{ n: number }>`select count(*)::int as n from pgboss.job
      where name = 'email' and state = 'active' and started_on > ${killed!.at}::timestamptz + interval '2 seconds'`.execute(handle.db);
    expect(late!.n).toBe(0);
    expect(states.active ?? 0).toBeLessThanOrEqual(20); // at most the dead worker's batches in flight
  }, 120_000);
});
