// Proof that nothing is ever double-booked: two API processes on one real PostgreSQL, 200
// simultaneous requests fighting over a few companies, rooms, interpreters and times.
// PGlite serves one process only, so this runs where a PostgreSQL server is configured
// (TEST_DATABASE_URL or DATABASE_URL, as in CI); elsewhere it is skipped for that reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createScratchDatabase } from '../test-support/test-database.ts';
import { startApiProcess, type ApiProcess } from '../test-support/api-processes.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';

const serverUrl = loadConfig().testDatabaseUrl;

describe.skipIf(!serverUrl)('bookings under concurrency across two API processes', () => {
  let handle: Awaited<ReturnType<typeof createScratchDatabase>>;
  let apis: ApiProcess[] = [];

  beforeAll(async () => {
    handle = await createScratchDatabase(serverUrl!, 'pavilion_test');
    await migrateToLatest(handle.db);
    const { db } = handle;
    const pavilion = await db.insertInto('pavilions').values({ slug: 'power', names: JSON.stringify({ en: 'Power' }) }).returning('id').executeTakeFirstOrThrow();
    for (const n of [1, 2, 3]) {
      const company = await db.insertInto('companies').values({ slug: `maker-${n}`, region: 'Ulsan', languages: ['ko', 'en'] }).returning('id').executeTakeFirstOrThrow();
      await db.insertInto('company_texts').values({ company_id: company.id, locale: 'en', name: `Maker ${n}` }).execute();
      const product = await db.insertInto('products')
        .values({ slug: `transformer-${n}`, company_id: company.id, pavilion_id: pavilion.id, status: 'approved', published_at: new Date() })
        .returning('id').executeTakeFirstOrThrow();
      await db.insertInto('product_texts').values({ product_id: product.id, locale: 'en', name: `Transformer ${n}` }).execute();
    }
    for (const n of [1, 2]) await db.insertInto('rooms').values({ name: `Room ${n}`, location: 'Seoul', region: 'Seoul' }).execute();
    const interpreter = await db.insertInto('interpreters').values({ name: 'Ja 1', email: 'ja1@interpreters.test' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('interpreter_languages').values({ interpreter_id: interpreter.id, language: 'ja' }).execute();
    apis = await Promise.all([startApiProcess(handle.url), startApiProcess(handle.url)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(apis.map((a) => a.stop()));
    await handle?.close();
  });

  it('answers every request with 201, 202 or 409, and no resource is ever booked twice', async () => {
    const slotsRes = await fetch(`${apis[0]!.url}/products/transformer-1/slots?tz=Asia/Tokyo`);
    const { slots } = (await slotsRes.json()) as { slots: { start: string }[] };
    const contested = slots.slice(0, 4).map((s) => s.start);
    expect(contested).toHaveLength(4);

    const requests = Array.from({ length: 200 }, (_, i) => {
      const body = {
        productSlug: `transformer-${(i % 3) + 1}`,
        buyer: {
          name: `Buyer ${i}`, company: `Importer ${i}`, country: i % 2 ? 'JP' : 'US',
          // Some buyers send two requests: the buyer may not be double-booked either.
          email: `buyer${i % 150}@race.test`,
          language: i % 4 === 0 ? 'ja' : 'en', timeZone: i % 2 ? 'Asia/Tokyo' : 'America/Los_Angeles',
        },
        preferredSlots: [contested[i % 4], contested[(i + 1) % 4]],
      };
      return fetch(`${apis[i % 2]!.url}/meeting-requests`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
      }).then((r) => r.status);
    });
    const statuses = await Promise.all(requests);
    const tally = Object.fromEntries([...new Set(statuses)].map((s) => [s, statuses.filter((x) => x === s).length]));
    expect(Object.keys(tally).every((s) => ['201', '202', '409'].includes(s)), JSON.stringify(tally)).toBe(true);
    expect(tally[201]).toBeGreaterThan(0);

    const overlaps = async (column: 'company_id' | 'buyer_id' | 'room_id' | 'interpreter_id', end: 'ends_at' | 'room_free_at') => {
      const { rows } = await sql<{ n: string }>`
        select count(*) as n from consultations a join consultations b
          on a.id < b.id and a.${sql.ref(column)} = b.${sql.ref(column)}
         and tstzrange(a.starts_at, a.${sql.ref(end)}) && tstzrange(b.starts_at, b.${sql.ref(end)})
         where a.status in ('held', 'scheduled', 'confirmed') and b.status in ('held', 'scheduled', 'confirmed')`.execute(handle.db);
      return Number(rows[0]!.n);
    };
    expect(await overlaps('company_id', 'ends_at')).toBe(0);
    expect(await overlaps('buyer_id', 'ends_at')).toBe(0);
    expect(await overlaps('room_id', 'room_free_at')).toBe(0);
    expect(await overlaps('interpreter_id', 'ends_at')).toBe(0);

    // Every 201 has its consultation; every request that was not refused is stored.
    const booked = Number((await handle.db.selectFrom('consultations').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect(booked).toBe(tally[201]);
    const stored = Number((await handle.db.selectFrom('meeting_requests').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
    expect(stored).toBe((tally[201] ?? 0) + (tally[202] ?? 0));
  }, 60_000);
});
