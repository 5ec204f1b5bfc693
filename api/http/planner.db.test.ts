// The week planner through the real API on a real database: a proposal that books nothing,
// its commit in one transaction, a commit that has become impossible booking nothing, two
// commits racing for one company hour (the exclusion constraints decide), staff only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { jsonPost, mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';
import { PLANNER_ROUTES } from './routes/planner.ts';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const WEEK = '2026-12-07'; // a Monday
let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let staff = '';
let company = '';
let companyId = '';
let n = 0;

type Placement = { requestId: string; start: string; roomId: string; interpreterId: string | null; interpreter: string | null; buyer: { name: string }; koreaTime: { start: string } };
type Proposal = { requests: number; placed: number; objective: number; bound: number; gap: number; optimal: boolean; seconds: number; placements: Placement[]; unplaced: { requestId: string; code: string; message: string; buyer: { name: string } }[] };

const post = (path: string, body: unknown, cookie = staff) => app.request(path, jsonPost(body, cookie || undefined));
const propose = async (body: unknown) => {
  const res = await post('/control/planner/proposals', body);
  expect(res.status, await res.clone().text()).toBe(200);
  return await res.json() as Proposal;
};
const commitBody = (p: Proposal) => ({ placements: p.placements.map(({ requestId, start, roomId, interpreterId }) => ({ requestId, start, roomId, interpreterId })) });
const consultations = async () => Number((await handle.db.selectFrom('consultations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

async function queued(name: string, email: string, language: string, timeZone: string, preferredSlots: Date[] = []) {
  const buyer = await handle.db.insertInto('buyers').values({ email, name, company_name: `${name} Trading`, country: 'XX', language, time_zone: timeZone }).returning('id').executeTakeFirstOrThrow();
  const r = await handle.db.insertInto('meeting_requests')
    .values({ buyer_id: buyer.id, company_id: companyId, language, time_zone: timeZone, interpreter: 'auto', status: 'queued', preferred_slots: preferredSlots })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  ({ companyId } = await insertFixtureCatalogue(handle.db, { rooms: 2, interpreters: ['ja'] }));
  const mail = mailbox();
  app = createApi({ db: handle.db, dbKind: handle.kind, config: loadConfig({ PUBLIC_URL: ORIGIN }), log: silentLogger, sendAccountMail: mail.send, now: () => NOW, clientIp: () => `10.7.0.${++n % 250}` });
  staff = await signedInUser(app, mail, 'staff@planner.example');
  await setRole(handle.db, 'staff@planner.example', 'staff');
  company = await signedInUser(app, mail, 'member@company.example');
}, 60_000);
afterAll(async () => handle?.close());

describe('the week planner', () => {
  let kenji = '';
  let ana = '';
  let li = '';
  let proposal: Proposal;

  it('proposes a week without booking anything: preferences honoured, an interpreter where needed, and why one request cannot be placed', async () => {
    // Hanbit speaks Korean and English: Kenji (Japanese) needs the Japanese interpreter, Li
    // (Chinese) one that does not exist. Kenji would rather meet on Tuesday at 11:00 Seoul.
    kenji = await queued('Kenji Sato', 'kenji@osaka.test', 'ja', 'Asia/Tokyo', [new Date('2026-12-08T02:00:00Z')]);
    ana = await queued('Ana Souza', 'ana@rio.test', 'en-US', 'America/Sao_Paulo');
    li = await queued('Li Wei', 'li@shanghai.test', 'zh', 'Asia/Shanghai');
    const before = await consultations();
    proposal = await propose({ week: WEEK });
    expect(await consultations()).toBe(before);
    expect(proposal).toMatchObject({ requests: 3, placed: 2, optimal: true, gap: 0 });
    expect(proposal.objective).toBe(proposal.bound);
    expect(proposal.seconds).toBeGreaterThan(0);
    const byId = new Map(proposal.placements.map((p) => [p.requestId, p]));
    expect(byId.get(kenji)).toMatchObject({ start: '2026-12-08T02:00:00.000Z', interpreter: 'Interpreter 1', koreaTime: { start: '2026-12-08T11:00:00+09:00' } });
    // Sao Paulo's evening (21:00) is the only time its 07:00-22:00 meets Seoul's 09:00-18:00.
    expect(byId.get(ana)!.interpreterId).toBeNull();
    expect(byId.get(ana)!.koreaTime.start).toMatch(/T09:00:00\+09:00$/);
    expect(proposal.unplaced).toEqual([expect.objectContaining({ requestId: li, code: 'no-interpreter', buyer: expect.objectContaining({ name: 'Li Wei' }) })]);
    const status = await handle.db.selectFrom('meeting_requests').select('status').where('id', 'in', [kenji, ana, li]).execute();
    expect(status.every((s) => s.status === 'queued')).toBe(true);
  });

  it('commits the proposal in one transaction, through the booking path', async () => {
    const res = await post('/control/planner/commit', commitBody(proposal));
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await res.json()).toMatchObject({ committed: 2 });
    const rows = await handle.db.selectFrom('consultations').select(['meeting_request_id', 'status', 'interpreter_language', 'starts_at', 'room_free_at'])
      .where('meeting_request_id', 'in', [kenji, ana]).orderBy('meeting_request_id').execute();
    expect(rows.map((r) => [r.meeting_request_id, r.status, r.interpreter_language])).toEqual([[kenji, 'scheduled', 'ja'], [ana, 'scheduled', null]].sort());
    expect(rows.every((r) => r.room_free_at.getTime() - r.starts_at.getTime() === 40 * 60_000)).toBe(true); // 30 min + 10 min buffer
    const events = await handle.db.selectFrom('consultation_events').select(['event', 'actor_type']).where('meeting_request_id', '=', kenji).orderBy('id').execute();
    expect(events).toContainEqual({ event: 'scheduled', actor_type: 'staff' });
    const requests = await handle.db.selectFrom('meeting_requests').select(['id', 'status']).where('id', 'in', [kenji, ana, li]).orderBy('id').execute();
    expect(Object.fromEntries(requests.map((r) => [r.id, r.status]))).toEqual({ [kenji]: 'scheduled', [ana]: 'scheduled', [li]: 'queued' });
    // The same proposal again: those requests are no longer queued.
    const again = await post('/control/planner/commit', commitBody(proposal));
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('a proposal that has become impossible books nothing at all', async () => {
    const a = await queued('Mia Park', 'mia@la.test', 'en', 'America/Los_Angeles');
    const b = await queued('Tom Reed', 'tom@sydney.test', 'en', 'Australia/Sydney');
    const p = await propose({ week: WEEK, requestIds: [a, b] });
    expect(p.placed).toBe(2);
    // Meanwhile the company takes a day off where one of the meetings lies.
    const at = new Date(p.placements[0]!.start);
    await handle.db.insertInto('blackouts').values({ company_id: companyId, starts_at: new Date(at.getTime() - 3_600_000), ends_at: new Date(at.getTime() + 3_600_000), reason: 'Trade fair' }).execute();
    const before = await consultations();
    const res = await post('/control/planner/commit', commitBody(p));
    expect(res.status).toBe(409);
    const problem = await res.json() as { violations: { requestId: string; message: string }[] };
    expect(problem.violations).toEqual([{ requestId: p.placements[0]!.requestId, message: "outside the company's hours" }]);
    expect(await consultations()).toBe(before);
    const status = await handle.db.selectFrom('meeting_requests').select('status').where('id', 'in', [a, b]).execute();
    expect(status.map((s) => s.status)).toEqual(['queued', 'queued']);
    // Planned again, both still fit around the day off.
    expect((await propose({ week: WEEK, requestIds: [a, b] })).placed).toBe(2);
  });

  it('two commits racing for one company hour: exactly one is booked (the re-check or the exclusion constraint stops the other), and the other books nothing', async () => {
    const wanted = new Date('2026-12-09T01:00:00Z'); // Wednesday 10:00 Seoul
    const x = await queued('Sora Lee', 'sora@busan.test', 'en', 'Asia/Seoul', [wanted]);
    const y = await queued('Joon Kim', 'joon@daegu.test', 'en', 'Asia/Seoul', [wanted]);
    const px = await propose({ week: WEEK, requestIds: [x] });
    const py = await propose({ week: WEEK, requestIds: [y] });
    expect([px.placements[0]!.start, py.placements[0]!.start]).toEqual([wanted.toISOString(), wanted.toISOString()]);
    const results = await Promise.all([post('/control/planner/commit', commitBody(px)), post('/control/planner/commit', commitBody(py))]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const booked = await handle.db.selectFrom('consultations').select('meeting_request_id').where('meeting_request_id', 'in', [x, y]).execute();
    expect(booked).toHaveLength(1);
  });

  it('refuses bad input: a week that is no date, an unknown request, a request twice', async () => {
    expect((await post('/control/planner/proposals', { week: '2026-13-40' })).status).toBe(400);
    expect((await post('/control/planner/proposals', { week: WEEK, requestIds: ['987654'] })).status).toBe(404);
    expect((await post('/control/planner/commit', { placements: [] })).status).toBe(400);
    const twice = { requestId: li, start: '2026-12-10T01:00:00Z', roomId: '1', interpreterId: null };
    expect((await post('/control/planner/commit', { placements: [twice, twice] })).status).toBe(400);
  });

  it('answers 401 to visitors and 403 to company users on every planner route, changing nothing', async () => {
    const before = await consultations();
    for (const [method, path] of PLANNER_ROUTES) {
      expect(method).toBe('POST');
      for (const [cookie, want] of [['', 401], [company, 403]] as const) {
        const res = await post(path, { week: WEEK, placements: [{ requestId: li, start: '2026-12-10T01:00:00Z', roomId: '1', interpreterId: null }] }, cookie);
        expect(res.status, `${method} ${path}`).toBe(want);
      }
    }
    expect(await consultations()).toBe(before);
  });
});
