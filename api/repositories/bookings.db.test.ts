// The booking statements on a real database (PGlite, or PostgreSQL with DATABASE_URL):
// one request with its buyer and history, and one statement that books the first free
// room of a slot and returns the consultation exactly as findConsultation reads it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { bookFirstFree, findConsultation, findOrCreateBuyer, startMeetingRequest } from './bookings.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let companyId = '';
let productId = '';
let rooms: string[] = [];
const buyer = { name: 'Jane Doe', company: 'Acme Imports', country: 'US', email: 'Jane@Acme.test', language: 'en', timeZone: 'America/New_York' };
const start = new Date('2026-12-07T01:00:00Z'); // Monday 10:00 in Seoul

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
}, 60_000);
afterAll(async () => { await handle?.close(); });
beforeEach(async () => {
  await sql`truncate pavilions, companies, rooms, interpreters, buyers restart identity cascade`.execute(handle.db);
  ({ companyId, productId } = await insertFixtureCatalogue(handle.db, { rooms: 3 }));
  rooms = (await handle.db.selectFrom('rooms').select('id').orderBy('id').execute()).map((r) => r.id);
});

const request = async (who = buyer) => (await startMeetingRequest(handle.db, who, { companyId, productId, preferredSlots: [start], interpreter: 'auto', message: 'Hello' }))!;
const booking = (meetingRequestId: string, buyerId: string, roomIds: string[], n: number) => ({
  meetingRequestId, companyId, buyerId, buyerTimeZone: buyer.timeZone, interpreterLanguage: null,
  options: roomIds.map((roomId) => ({ roomId, interpreterId: null })),
  startsAt: start, endsAt: new Date(start.getTime() + 30 * 60_000), roomFreeAt: new Date(start.getTime() + 40 * 60_000),
  videoRoom: `pavilion-test-${n}`, manageTokenHash: `hash-${n}`,
});

describe('starting a meeting request', () => {
  it('stores the buyer once by e-mail, never renamed, with the request and its history', async () => {
    const first = await request();
    const second = await request({ ...buyer, email: 'jane@acme.TEST', name: 'Someone Else' });
    expect(second.buyerId).toBe(first.buyerId);
    expect(await findOrCreateBuyer(handle.db, { ...buyer, email: 'jane@acme.test' })).toBe(first.buyerId);
    const stored = await handle.db.selectFrom('buyers').select(['email', 'name']).execute();
    expect(stored).toEqual([{ email: 'jane@acme.test', name: 'Jane Doe' }]);
    const events = await handle.db.selectFrom('consultation_events').select(['meeting_request_id', 'event']).orderBy('id').execute();
    expect(events).toEqual([{ meeting_request_id: first.requestId, event: 'requested' }, { meeting_request_id: second.requestId, event: 'requested' }]);
  });

  it('stores nothing for a company that is not active (suspended since the buyer opened its page)', async () => {
    await handle.db.updateTable('companies').set({ status: 'suspended' }).where('id', '=', companyId).execute();
    expect(await startMeetingRequest(handle.db, buyer, { companyId, productId, preferredSlots: [start], interpreter: 'auto', message: 'Hello' })).toBeUndefined();
    expect(await handle.db.selectFrom('meeting_requests').select('id').execute()).toEqual([]);
    expect(await handle.db.selectFrom('consultation_events').select('id').execute()).toEqual([]);
  });
});

describe('booking the first free room of a slot in one statement', () => {
  it('returns the consultation exactly as findConsultation reads it', async () => {
    const r = await request();
    const booked = await bookFirstFree(handle.db, booking(r.requestId, r.buyerId, rooms, 1));
    expect(booked).toBeDefined();
    expect(booked).toEqual(await findConsultation(handle.db, booked!.id));
    const state = await handle.db.selectFrom('meeting_requests').select('status').where('id', '=', r.requestId).executeTakeFirstOrThrow();
    expect(state.status).toBe('scheduled');
  });

  it('books one room only, skips rooms taken, and answers undefined when none is left', async () => {
    // Another company holds the first room at that time.
    const other = await handle.db.insertInto('companies').values({ slug: 'other', region: 'Busan', languages: ['ko'] }).returning('id').executeTakeFirstOrThrow();
    const a = await request({ ...buyer, email: 'a@x.test' });
    const first = await bookFirstFree(handle.db, { ...booking(a.requestId, a.buyerId, [rooms[0]!], 2), companyId: other.id });
    expect(first).toBeDefined();

    const b = await request({ ...buyer, email: 'b@x.test' });
    const second = await bookFirstFree(handle.db, booking(b.requestId, b.buyerId, rooms, 3));
    expect(second?.roomName).toBe('Seoul HQ Room 2');
    const live = await handle.db.selectFrom('consultations').select('room_id').where('meeting_request_id', '=', b.requestId).execute();
    expect(live).toEqual([{ room_id: rooms[1] }]); // one row, though three rooms were offered

    // The same company at the same time again: every option conflicts, nothing is written.
    const c = await request({ ...buyer, email: 'c@x.test' });
    expect(await bookFirstFree(handle.db, booking(c.requestId, c.buyerId, [rooms[2]!], 4))).toBeUndefined();
    const cState = await handle.db.selectFrom('meeting_requests').select('status').where('id', '=', c.requestId).executeTakeFirstOrThrow();
    expect(cState.status).not.toBe('scheduled');
    expect(await handle.db.selectFrom('consultation_events').select('id').where('meeting_request_id', '=', c.requestId).where('event', '=', 'scheduled').execute()).toEqual([]);
  });
});
