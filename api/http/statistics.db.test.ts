// The programme's figures as staff read them match the database: a fortnight of
// consultations in every status is written straight into PostgreSQL, each figure is worked
// out here from the raw rows, and the API's answer must agree.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { mailbox, ORIGIN, setRole, signedInUser } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from './app.ts';

type Stats = {
  consultations: { total: number; byStatus: Record<string, number> };
  byDay: { day: string; count: number }[];
  byWeek: { weekStarting: string; count: number }[];
  byPavilion: { pavilion: string | null; count: number }[];
  byBuyerCountry: { country: string; count: number }[];
  participants: { companies: number; buyers: number; countries: number };
  outcomes: { outcome: string; count: number; dealValueUsd: number }[];
  dealValueUsd: number;
  noShowRate: number | null;
  utilisation: { rooms: number | null; interpreters: number | null };
};

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;
let staff = '';
let n = 0;
const FROM = '2026-12-07'; // a Monday
const TO = '2026-12-18'; // the Friday of the next week: ten weekdays

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  const db = handle.db;
  const first = await insertFixtureCatalogue(db, { rooms: 3, interpreters: ['ja', 'ru'] });
  const power = await db.insertInto('pavilions').values({ slug: 'power', names: JSON.stringify({ en: 'Power equipment' }) }).returning('id').executeTakeFirstOrThrow();
  const ulsan = await db.insertInto('companies').values({ slug: 'ulsan-switchgear', region: 'Ulsan', languages: ['ko', 'en'] }).returning('id').executeTakeFirstOrThrow();
  const transformer = await db.insertInto('products').values({ slug: 'transformer', company_id: ulsan.id, pavilion_id: power.id, status: 'approved', published_at: new Date() }).returning('id').executeTakeFirstOrThrow();
  const rooms = (await db.selectFrom('rooms').select('id').orderBy('id').execute()).map((r) => r.id);
  const interpreters = (await db.selectFrom('interpreters').select('id').orderBy('id').execute()).map((r) => r.id);
  // An interpreter's leave and a room under repair take capacity away.
  await db.insertInto('blackouts').values([
    { interpreter_id: interpreters[1]!, starts_at: new Date('2026-12-07T00:00:00+09:00'), ends_at: new Date('2026-12-08T00:00:00+09:00'), reason: 'Leave' },
    { room_id: rooms[2]!, starts_at: new Date('2026-12-14T00:00:00+09:00'), ends_at: new Date('2026-12-19T00:00:00+09:00'), reason: 'Repair' },
  ]).execute();

  const buyers: Record<string, string> = {};
  for (const [key, country] of [['ana', 'BR'], ['kenji', 'JP'], ['olga', 'RU'], ['jim', 'US'], ['mai', 'VN']] as const) {
    buyers[key] = (await db.insertInto('buyers').values({ email: `${key}@buyer.test`, name: key, company_name: `${key} Co`, country, language: 'en', time_zone: 'UTC' })
      .returning('id').executeTakeFirstOrThrow()).id;
  }
  const plan: { buyer: string; company: 'hanbit' | 'ulsan'; at: string; status: string; room: number; interpreter?: number; outcome?: string; usd?: number }[] = [
    { buyer: 'ana', company: 'hanbit', at: '2026-12-07T10:00', status: 'completed', room: 0, outcome: 'contract_signed', usd: 125000 },
    { buyer: 'kenji', company: 'hanbit', at: '2026-12-07T11:00', status: 'completed', room: 0, interpreter: 0, outcome: 'follow_up' },
    { buyer: 'olga', company: 'ulsan', at: '2026-12-07T11:00', status: 'no_show', room: 1, interpreter: 1 },
    { buyer: 'jim', company: 'ulsan', at: '2026-12-08T09:00', status: 'completed', room: 1, outcome: 'sample_sent', usd: 1500.5 },
    { buyer: 'mai', company: 'hanbit', at: '2026-12-09T15:30', status: 'cancelled', room: 0 },
    { buyer: 'ana', company: 'ulsan', at: '2026-12-10T10:00', status: 'declined', room: 1 },
    { buyer: 'jim', company: 'hanbit', at: '2026-12-14T10:00', status: 'scheduled', room: 0 },
    { buyer: 'kenji', company: 'ulsan', at: '2026-12-15T13:00', status: 'confirmed', room: 1, interpreter: 0 },
    { buyer: 'mai', company: 'ulsan', at: '2026-12-16T14:00', status: 'held', room: 0 },
    { buyer: 'olga', company: 'hanbit', at: '2026-12-18T17:30', status: 'completed', room: 1, outcome: 'negotiating', usd: 42000 },
    // Outside the range on both sides: never counted.
    { buyer: 'ana', company: 'hanbit', at: '2026-12-04T10:00', status: 'completed', room: 0, outcome: 'contract_signed', usd: 999999 },
    { buyer: 'jim', company: 'ulsan', at: '2026-12-19T10:00', status: 'scheduled', room: 0 },
  ];
  for (const [i, p] of plan.entries()) {
    const company = p.company === 'hanbit' ? first.companyId : ulsan.id;
    const product = p.company === 'hanbit' ? first.productId : transformer.id;
    const request = await db.insertInto('meeting_requests').values({ buyer_id: buyers[p.buyer]!, company_id: company, product_id: product, language: 'en', time_zone: 'UTC', status: 'scheduled' })
      .returning('id').executeTakeFirstOrThrow();
    const start = new Date(`${p.at}:00+09:00`);
    await db.insertInto('consultations').values({
      meeting_request_id: request.id, company_id: company, buyer_id: buyers[p.buyer]!, room_id: rooms[p.room]!,
      interpreter_id: p.interpreter === undefined ? null : interpreters[p.interpreter]!, interpreter_language: p.interpreter === undefined ? null : ['ja', 'ru'][p.interpreter]!,
      starts_at: start, ends_at: new Date(start.getTime() + 30 * 60_000), room_free_at: new Date(start.getTime() + 40 * 60_000),
      status: p.status as 'scheduled', video_room: `v-${i}`, manage_token_hash: `h-${i}`,
      outcome: (p.outcome ?? null) as 'follow_up' | null, deal_value_usd: p.usd === undefined ? null : String(p.usd),
      ...(p.status === 'held' ? { awaiting: 'company' as const, hold_expires_at: new Date(start.getTime() - 3_600_000) } : {}),
    }).execute();
  }
  const mail = mailbox();
  app = createApi({ db, dbKind: handle.kind, config: loadConfig({ PUBLIC_URL: ORIGIN }), log: silentLogger, sendAccountMail: mail.send, now: () => Date.parse('2026-12-01T00:00:00Z'), clientIp: () => `10.7.0.${++n % 250}` });
  staff = await signedInUser(app, mail, 'staff@figures.example');
  await setRole(db, 'staff@figures.example', 'staff');
}, 60_000);
afterAll(async () => handle?.close());

/** Every consultation starting in the range, as plain rows. */
async function rawRows() {
  const rows = await sql<{ status: string; starts_at: Date; ends_at: Date; company_id: string; buyer_id: string; country: string; pavilion: string | null; interpreter_id: string | null; outcome: string | null; deal_value_usd: string | null }>`
    select c.status, c.starts_at, c.ends_at, c.company_id, c.buyer_id, b.country, pv.slug as pavilion, c.interpreter_id, c.outcome, c.deal_value_usd
    from consultations c join buyers b on b.id = c.buyer_id join meeting_requests m on m.id = c.meeting_request_id
    left join products p on p.id = m.product_id left join pavilions pv on pv.id = p.pavilion_id
    where c.starts_at >= ${new Date(`${FROM}T00:00:00+09:00`)} and c.starts_at < ${new Date(`${TO}T24:00:00+09:00`)}`.execute(handle.db);
  return rows.rows;
}

const tally = <T>(items: T[], key: (t: T) => string | null) => {
  const out = new Map<string | null, number>();
  for (const i of items) out.set(key(i), (out.get(key(i)) ?? 0) + 1);
  return out;
};
const koreaDay = (d: Date) => d.toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });

describe('the programme in figures', () => {
  let stats: Stats;
  let rows: Awaited<ReturnType<typeof rawRows>>;
  beforeAll(async () => {
    const res = await app.request(`/control/stats?from=${FROM}&to=${TO}`, { headers: { origin: ORIGIN, cookie: staff } });
    expect(res.status).toBe(200);
    stats = await res.json() as Stats;
    rows = await rawRows();
  });
  const tookPlace = () => rows.filter((r) => !['cancelled', 'declined'].includes(r.status));

  it('counts consultations in the range by status', () => {
    expect(rows).toHaveLength(10);
    expect(stats.consultations.total).toBe(rows.length);
    expect(stats.consultations.byStatus).toEqual(Object.fromEntries(tally(rows, (r) => r.status)));
  });

  it('counts them by Korean day and by week (Monday first), leaving out cancelled and declined ones', () => {
    expect(Object.fromEntries(stats.byDay.map((d) => [d.day, d.count]))).toEqual(Object.fromEntries(tally(tookPlace(), (r) => koreaDay(r.starts_at))));
    expect(stats.byWeek).toEqual([{ weekStarting: '2026-12-07', count: 4 }, { weekStarting: '2026-12-14', count: 4 }]);
    expect(stats.byWeek.reduce((s, w) => s + w.count, 0)).toBe(tookPlace().length);
  });

  it('counts them by pavilion and by buyer country', () => {
    expect(Object.fromEntries(stats.byPavilion.map((p) => [p.pavilion, p.count]))).toEqual(Object.fromEntries(tally(tookPlace(), (r) => r.pavilion)));
    expect(Object.fromEntries(stats.byBuyerCountry.map((c) => [c.country, c.count]))).toEqual(Object.fromEntries(tally(tookPlace(), (r) => r.country)));
  });

  it('counts the companies, buyers and countries taking part', () => {
    const t = tookPlace();
    expect(stats.participants).toEqual({
      companies: new Set(t.map((r) => r.company_id)).size,
      buyers: new Set(t.map((r) => r.buyer_id)).size,
      countries: new Set(t.map((r) => r.country)).size,
    });
  });

  it('sums outcomes and deal values in USD, and the no-show rate of meetings that are over', () => {
    const withOutcome = rows.filter((r) => r.outcome);
    const expected = [...tally(withOutcome, (r) => r.outcome)].map(([outcome, count]) => ({
      outcome, count, dealValueUsd: withOutcome.filter((r) => r.outcome === outcome).reduce((s, r) => s + Number(r.deal_value_usd ?? 0), 0),
    }));
    expect([...stats.outcomes].sort((a, b) => a.outcome.localeCompare(b.outcome))).toEqual(expected.sort((a, b) => a.outcome!.localeCompare(b.outcome!)));
    expect(stats.dealValueUsd).toBeCloseTo(125000 + 1500.5 + 42000, 2);
    const over = rows.filter((r) => r.status === 'completed' || r.status === 'no_show');
    expect(stats.noShowRate).toBeCloseTo(over.filter((r) => r.status === 'no_show').length / over.length, 10);
  });

  it('measures room and interpreter use against their open hours, less leave and repairs', () => {
    const used = rows.filter((r) => ['held', 'scheduled', 'confirmed', 'completed'].includes(r.status));
    const minutes = (list: typeof rows) => list.reduce((s, r) => s + (r.ends_at.getTime() - r.starts_at.getTime()) / 60_000, 0);
    // Three rooms on the default 08:00-20:00 weekdays for ten weekdays, one out for five.
    const roomOpen = (3 * 10 - 5) * 12 * 60;
    // Two interpreters on the default 09:00-18:00, one on leave for a day.
    const interpreterOpen = (2 * 10 - 1) * 9 * 60;
    expect(stats.utilisation.rooms).toBeCloseTo(minutes(used) / roomOpen, 10);
    expect(stats.utilisation.interpreters).toBeCloseTo(minutes(used.filter((r) => r.interpreter_id)) / interpreterOpen, 10);
  });
});
