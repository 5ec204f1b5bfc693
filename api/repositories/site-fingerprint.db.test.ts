// The site is rebuilt when its fingerprints change: the home page's figures must move them
// exactly when a figure would change, and not for every request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { catalogueFingerprint, programmeFingerprint } from './site-fingerprint.ts';
import { tryInsertConsultation } from './bookings.ts';
import { readProgrammeFigures } from '../../site/lib/programme-figures.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let companyId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  ({ companyId } = await insertFixtureCatalogue(handle.db));
});
afterAll(async () => handle?.close());

async function request(email: string, country: string) {
  const buyer = await handle.db.insertInto('buyers')
    .values({ email, name: 'A buyer', company_name: 'Imports', country, language: 'en', time_zone: 'UTC' })
    .onConflict((oc) => oc.column('email').doUpdateSet({ name: 'A buyer' }))
    .returning('id').executeTakeFirstOrThrow();
  const req = await handle.db.insertInto('meeting_requests').values({ buyer_id: buyer.id, company_id: companyId, language: 'en', time_zone: 'UTC' })
    .returning('id').executeTakeFirstOrThrow();
  return { buyerId: buyer.id, requestId: req.id };
}

describe('programmeFingerprint', () => {
  it('moves with the figures the home page counts, and only with them', async () => {
    const db = handle.db;
    const seen = [await programmeFingerprint(db)];
    const changed = async () => {
      const f = await programmeFingerprint(db);
      const moved = f !== seen.at(-1);
      seen.push(f);
      return moved;
    };

    const first = await request('one@example.test', 'US');
    expect(await changed()).toBe(true); // a first buyer, a first country
    await request('one@example.test', 'US');
    expect(await changed()).toBe(false); // the same buyer asking again changes no figure
    await request('two@example.test', 'US');
    expect(await changed()).toBe(true); // another buyer, same country
    await request('three@example.test', 'DE');
    expect(await changed()).toBe(true); // another country

    const room = await db.selectFrom('rooms').select('id').executeTakeFirstOrThrow();
    const id = await tryInsertConsultation(db, {
      meetingRequestId: first.requestId, companyId, buyerId: first.buyerId, roomId: room.id, interpreterId: null, interpreterLanguage: null,
      startsAt: new Date('2026-01-05T01:00:00Z'), endsAt: new Date('2026-01-05T01:30:00Z'), roomFreeAt: new Date('2026-01-05T01:40:00Z'),
      videoRoom: 'pavilion-fingerprint-test', manageTokenHash: 'x'.repeat(64),
    });
    expect(await changed()).toBe(false); // booked is not held
    await db.updateTable('consultations').set({ status: 'completed', outcome: 'follow_up' }).where('id', '=', id!).execute();
    expect(await changed()).toBe(true); // a consultation held

    expect(await readProgrammeFigures(db)).toMatchObject({ consultationsHeld: 1, buyers: 3, countries: 2 });
  });

  it('is not part of the catalogue fingerprint, so new buyers never reindex search', async () => {
    const before = await catalogueFingerprint(handle.db);
    await request('four@example.test', 'JP');
    expect(await catalogueFingerprint(handle.db)).toBe(before);
  });
});
