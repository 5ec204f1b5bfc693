// The home page's programme figures, counted by the real query on a real database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../api/test-support/test-database.ts';
import { insertFixtureCatalogue } from '../../api/test-support/fixtures.ts';
import { migrateToLatest } from '../../api/db/migrate.ts';
import type { ConsultationStatus } from '../../api/db/schema.ts';
import { readProgrammeFigures } from './programme-figures.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
});
afterAll(async () => {
  await handle?.close();
});

describe('readProgrammeFigures', () => {
  it('is all zeros on an empty programme', async () => {
    expect(await readProgrammeFigures(handle.db)).toEqual({ consultationsHeld: 0, companies: 0, buyers: 0, countries: 0 });
  });

  it('counts consultations that took place, exhibiting companies, and the buyers who asked for a meeting and their countries', async () => {
    const db = handle.db;
    const { companyId, pavilionId, productId } = await insertFixtureCatalogue(db); // an active company with one approved product and a draft
    // Not exhibiting: a company with only a draft, and a suspended one whose product is approved.
    const draftOnly = await db.insertInto('companies').values({ slug: 'draft-only', region: 'Busan', languages: ['ko'] }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('products').values({ slug: 'draft-thing', company_id: draftOnly.id, pavilion_id: pavilionId, status: 'draft' }).execute();
    const suspended = await db.insertInto('companies').values({ slug: 'suspended', region: 'Busan', languages: ['ko'], status: 'suspended' }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('products').values({ slug: 'suspended-thing', company_id: suspended.id, pavilion_id: pavilionId, status: 'approved', published_at: new Date() }).execute();
    const second = await db.insertInto('companies').values({ slug: 'second', region: 'Seoul', languages: ['ko', 'en'] }).returning('id').executeTakeFirstOrThrow();
    await db.insertInto('products').values({ slug: 'second-thing', company_id: second.id, pavilion_id: pavilionId, status: 'approved', published_at: new Date() }).execute();

    const buyer = (email: string, country: string) =>
      db.insertInto('buyers').values({ email, name: 'N', company_name: 'C', country, language: 'en', time_zone: 'UTC' }).returning('id').executeTakeFirstOrThrow();
    const us = await buyer('a@us.test', 'US');
    const jp1 = await buyer('b@jp.test', 'JP');
    const jp2 = await buyer('c@jp.test', 'JP');
    await buyer('never-asked@vn.test', 'VN'); // no request: not a programme buyer

    const room = await db.selectFrom('rooms').select('id').executeTakeFirstOrThrow();
    const request = (buyerId: string) =>
      db.insertInto('meeting_requests').values({ buyer_id: buyerId, company_id: companyId, product_id: productId, language: 'en', time_zone: 'UTC' }).returning('id').executeTakeFirstOrThrow();
    let hour = 0;
    const consultation = async (buyerId: string, status: ConsultationStatus) => {
      const m = await request(buyerId);
      const starts = new Date(Date.UTC(2026, 2, 2, 1 + hour++));
      await db.insertInto('consultations').values({
        meeting_request_id: m.id, company_id: companyId, buyer_id: buyerId, room_id: room.id,
        starts_at: starts, ends_at: new Date(starts.getTime() + 30 * 60_000), room_free_at: new Date(starts.getTime() + 40 * 60_000),
        status, video_room: `room-${hour}`, manage_token_hash: `hash-${hour}`,
        ...(status === 'held' ? { awaiting: 'company' as const, hold_expires_at: new Date(starts.getTime() - 3_600_000) } : {}),
      }).execute();
    };
    await consultation(us.id, 'completed');
    await consultation(jp1.id, 'completed');
    for (const status of ['held', 'scheduled', 'confirmed', 'no_show', 'cancelled', 'declined'] as const) await consultation(us.id, status);
    await request(jp2.id); // queued, no consultation yet: still a buyer who asked

    expect(await readProgrammeFigures(db)).toEqual({ consultationsHeld: 2, companies: 2, buyers: 3, countries: 2 });
  });
});
