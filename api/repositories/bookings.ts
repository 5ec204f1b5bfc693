// Writes of a booking. Each takes a transaction (or db) so the service decides the boundary.
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { LIVE_CONSULTATION_STATUSES, type ConsultationEvent, type Database, type InterpreterPreference } from '../db/schema.ts';
import { prepared } from '../db/prepared.ts';

type Db = Kysely<Database>;

export type BuyerDetails = {
  name: string;
  company: string;
  country: string;
  email: string;
  language: string;
  timeZone: string;
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** `inserted` and `buyer` CTEs: the buyer's id by e-mail, stored first when the address is
 * new. An existing buyer's stored details are not overwritten by an anonymous request:
 * whoever knows an e-mail address must not be able to rename its owner. */
function buyerByEmail(b: BuyerDetails) {
  const email = b.email.toLowerCase();
  return sql`inserted as (
      insert into buyers (email, name, company_name, country, language, time_zone)
      values (${email}, ${b.name}, ${b.company}, ${b.country}, ${b.language}, ${b.timeZone})
      on conflict (email) do nothing
      returning id
    ), buyer as (
      select id from inserted union all select id from buyers where email = ${email}
      limit 1
    )`;
}

/** The buyer's id by e-mail (see buyerByEmail), in one round trip. */
export async function findOrCreateBuyer(db: Db, b: BuyerDetails): Promise<string> {
  const { rows } = await sql<{ id: string }>`with ${buyerByEmail(b)} select id from buyer`.execute(db);
  if (!rows[0]) throw new Error('buyer could not be stored');
  return rows[0].id;
}

/**
 * A buyer's request as one statement: the buyer found by e-mail (or stored, never renamed:
 * see buyerByEmail), the meeting request and its 'requested' history entry. Undefined, and
 * nothing requested, when the company is not active: suspended since the caller looked, or
 * being suspended right now. Its row is share-locked (the lock the request's foreign key
 * takes anyway), so a suspension in progress is waited for and then seen; a suspension that
 * comes later waits for this transaction, and counts what it booked.
 */
export async function startMeetingRequest(
  db: Db,
  b: BuyerDetails,
  r: { companyId: string; productId: string | null; preferredSlots: Date[]; interpreter: InterpreterPreference; message: string },
): Promise<{ buyerId: string; requestId: string } | undefined> {
  const { rows } = await sql<{ buyerId: string; requestId: string }>`${prepared('start-meeting-request')}
    with open as materialized (
      select id from companies where id = ${r.companyId}::bigint and status = 'active' for key share
    ), ${buyerByEmail(b)}, request as (
      insert into meeting_requests (buyer_id, company_id, product_id, preferred_slots, interpreter, language, time_zone, message)
      select buyer.id, open.id, ${r.productId}::bigint, ${r.preferredSlots}::timestamptz[], ${r.interpreter}::text,
        ${b.language}::text, ${b.timeZone}::text, ${r.message}::text
      from buyer, open
      returning id, buyer_id
    ), event as (
      insert into consultation_events (meeting_request_id, event, actor_type, actor_id)
      select id, 'requested', 'buyer', buyer_id from request
    )
    select buyer_id::text as "buyerId", id::text as "requestId" from request`.execute(db);
  return rows[0];
}

export async function setMeetingRequestStatus(db: Db, id: string, status: 'queued' | 'scheduled' | 'cancelled') {
  await db.updateTable('meeting_requests').set({ status, updated_at: new Date() }).where('id', '=', id).execute();
}

/**
 * Books a consultation unless one of the exclusion constraints (company, buyer, room,
 * interpreter) says the time is taken: then it returns undefined, leaving the transaction
 * usable so the caller can fall through to the next option. On success the request is
 * marked scheduled and the history written, in the same statement.
 */
export async function tryInsertConsultation(
  db: Db,
  c: {
    meetingRequestId: string; companyId: string; buyerId: string; roomId: string;
    interpreterId: string | null; interpreterLanguage: string | null;
    startsAt: Date; endsAt: Date; roomFreeAt: Date; videoRoom: string; manageTokenHash: string;
    /** Held for the company to accept until then, instead of scheduled outright. */
    holdExpiresAt?: Date | null;
  },
): Promise<string | undefined> {
  const held = Boolean(c.holdExpiresAt);
  const { rows } = await sql<{ id: string }>`
    with booked as (
      insert into consultations (meeting_request_id, company_id, buyer_id, room_id, interpreter_id, interpreter_language,
        starts_at, ends_at, room_free_at, video_room, manage_token_hash, status, awaiting, hold_expires_at)
      values (${c.meetingRequestId}, ${c.companyId}, ${c.buyerId}, ${c.roomId}, ${c.interpreterId}, ${c.interpreterLanguage},
        ${c.startsAt}, ${c.endsAt}, ${c.roomFreeAt}, ${c.videoRoom}, ${c.manageTokenHash},
        ${held ? 'held' : 'scheduled'}, ${held ? 'company' : null}, ${c.holdExpiresAt ?? null})
      on conflict do nothing
      returning id, meeting_request_id
    ), request as (
      update meeting_requests set status = 'scheduled', updated_at = now()
      where id in (select meeting_request_id from booked)
    ), event as (
      insert into consultation_events (meeting_request_id, consultation_id, event, actor_type)
      select meeting_request_id, id, ${held ? 'held' : 'scheduled'}, 'system' from booked
    )
    select id from booked`.execute(db);
  return rows[0]?.id;
}

/**
 * Books the first of `options` (room and interpreter, in order, one not being booked by
 * another transaction first) that every exclusion constraint allows, in one statement instead of one round trip per option: the rows are
 * inserted in order with ON CONFLICT DO NOTHING, and once one is in, every later row
 * conflicts with it (same company, same time), so at most one is booked. An option taken
 * by another booking, or refused by the resources trigger, is skipped exactly as
 * tryInsertConsultation skips it. On success the request is marked scheduled, the history
 * written and the consultation returned as findConsultation shows it; undefined when every
 * option was taken (the transaction stays usable).
 */
export async function bookFirstFree(
  db: Db,
  c: {
    meetingRequestId: string; companyId: string; buyerId: string; buyerTimeZone: string;
    options: { roomId: string; interpreterId: string | null }[]; interpreterLanguage: string | null;
    startsAt: Date; endsAt: Date; roomFreeAt: Date; videoRoom: string; manageTokenHash: string;
    holdExpiresAt?: Date | null;
  },
): Promise<ConsultationView | undefined> {
  if (c.options.length === 0) return undefined;
  const held = Boolean(c.holdExpiresAt);
  const status = held ? 'held' : 'scheduled';
  const rooms = c.options.map((o) => o.roomId);
  const { rows } = await sql<Omit<ConsultationView, 'companyName'> & { companyName: string | null }>`${prepared('book-first-free')}
    with pick as materialized (
      -- Concurrent bookings of one time see the same free rooms and would queue behind each
      -- other's uncommitted rows (the constraint waits to learn whether they commit). Each
      -- first tries a room no other booking of this start is trying right now: a hint held
      -- to the end of the transaction; the constraints still decide.
      select o.n from unnest(${rooms}::bigint[]) with ordinality as o(room_id, n)
      where pg_try_advisory_xact_lock((o.room_id % 2147483647)::int, (extract(epoch from ${c.startsAt}::timestamptz) / 60)::int)
      limit 1
    ), booked as (
      insert into consultations (meeting_request_id, company_id, buyer_id, room_id, interpreter_id, interpreter_language,
        starts_at, ends_at, room_free_at, video_room, manage_token_hash, status, awaiting, hold_expires_at)
      select ${c.meetingRequestId}::bigint, ${c.companyId}::bigint, ${c.buyerId}::bigint, o.room_id, o.interpreter_id,
        case when o.interpreter_id is null then null else ${c.interpreterLanguage}::text end,
        ${c.startsAt}::timestamptz, ${c.endsAt}::timestamptz, ${c.roomFreeAt}::timestamptz, ${c.videoRoom}::text, ${c.manageTokenHash}::text,
        ${status}::text, ${held ? 'company' : null}::text, ${c.holdExpiresAt ?? null}::timestamptz
      from unnest(${rooms}::bigint[], ${c.options.map((o) => o.interpreterId)}::bigint[])
        with ordinality as o(room_id, interpreter_id, n)
      order by o.n is not distinct from (select n from pick) desc, o.n
      on conflict do nothing
      returning *
    ), request as (
      update meeting_requests set status = 'scheduled', updated_at = now()
      where id in (select meeting_request_id from booked)
    ), event as (
      insert into consultation_events (meeting_request_id, consultation_id, event, actor_type)
      select meeting_request_id, id, ${status}::text, 'system' from booked
    )
    select b.id, b.meeting_request_id as "meetingRequestId", b.status, b.starts_at as "startsAt", b.ends_at as "endsAt",
      r.name as "roomName", r.location as "roomLocation", b.interpreter_language as "interpreterLanguage",
      i.name as "interpreterName", b.video_room as "videoRoom", co.slug as "companySlug",
      ${c.buyerTimeZone}::text as "buyerTimeZone", co.time_zone as "companyTimeZone", b.ics_sequence as "icsSequence",
      b.updated_at as "updatedAt", b.awaiting, b.hold_expires_at as "holdExpiresAt", b.decline_reason as "declineReason",
      (select t.name from company_texts t where t.company_id = co.id order by case when t.locale = 'en' then 0 else 1 end limit 1) as "companyName"
    from booked b
    join rooms r on r.id = b.room_id
    join companies co on co.id = b.company_id
    left join interpreters i on i.id = b.interpreter_id`.execute(db);
  const row = rows[0];
  return row ? { ...row, companyName: row.companyName ?? '' } : undefined;
}

export async function recordEvent(
  db: Db,
  e: { meetingRequestId: string; consultationId?: string | null; event: ConsultationEvent; actorType: 'buyer' | 'company' | 'staff' | 'system'; actorId?: string | null; details?: Record<string, unknown> },
) {
  await db
    .insertInto('consultation_events')
    .values({
      meeting_request_id: e.meetingRequestId,
      consultation_id: e.consultationId ?? null,
      event: e.event,
      actor_type: e.actorType,
      actor_id: e.actorId ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

export type ConsultationView = {
  id: string;
  meetingRequestId: string;
  status: string;
  startsAt: Date;
  endsAt: Date;
  roomName: string;
  roomLocation: string;
  interpreterLanguage: string | null;
  interpreterName: string | null;
  videoRoom: string;
  companySlug: string;
  companyName: string;
  buyerTimeZone: string;
  companyTimeZone: string;
  icsSequence: number;
  updatedAt: Date;
  awaiting: 'company' | 'buyer' | null;
  holdExpiresAt: Date | null;
  declineReason: string | null;
};

function consultationQuery(db: Db) {
  return db
    .selectFrom('consultations as c')
    .innerJoin('rooms as r', 'r.id', 'c.room_id')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .innerJoin('meeting_requests as m', 'm.id', 'c.meeting_request_id')
    .leftJoin('interpreters as i', 'i.id', 'c.interpreter_id')
    .select((eb) => [
      'c.id', 'c.meeting_request_id as meetingRequestId', 'c.status', 'c.starts_at as startsAt', 'c.ends_at as endsAt',
      'r.name as roomName', 'r.location as roomLocation', 'c.interpreter_language as interpreterLanguage',
      'i.name as interpreterName', 'c.video_room as videoRoom', 'co.slug as companySlug',
      'm.time_zone as buyerTimeZone', 'co.time_zone as companyTimeZone', 'c.ics_sequence as icsSequence', 'c.updated_at as updatedAt',
      'c.awaiting', 'c.hold_expires_at as holdExpiresAt', 'c.decline_reason as declineReason',
      eb
        .selectFrom('company_texts as t')
        .select('t.name')
        .whereRef('t.company_id', '=', 'co.id')
        .orderBy((o) => o.case().when('t.locale', '=', 'en').then(0).else(1).end())
        .limit(1)
        .as('companyName'),
    ]);
}

export async function findConsultation(db: Db, id: string): Promise<ConsultationView | undefined> {
  const row = await consultationQuery(db).where('c.id', '=', id).modifyFront(prepared('find-consultation')).executeTakeFirst();
  return row ? { ...row, companyName: row.companyName ?? '' } : undefined;
}

export async function findConsultationByToken(db: Db, token: string): Promise<ConsultationView | undefined> {
  const row = await consultationQuery(db).where('c.manage_token_hash', '=', hashToken(token)).executeTakeFirst();
  return row ? { ...row, companyName: row.companyName ?? '' } : undefined;
}

function bookingQuery(db: Db) {
  return db
    .selectFrom('consultations as c')
    .innerJoin('meeting_requests as m', 'm.id', 'c.meeting_request_id')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select([
      'c.id', 'c.meeting_request_id as meetingRequestId', 'c.company_id as companyId', 'c.buyer_id as buyerId',
      'c.status', 'c.starts_at as startsAt', 'c.ends_at as endsAt', 'c.room_free_at as roomFreeAt',
      'c.room_id as roomId', 'c.interpreter_id as interpreterId', 'c.interpreter_language as interpreterLanguage',
      'c.ics_sequence as icsSequence', 'm.time_zone as buyerTimeZone', 'm.language', 'b.email as buyerEmail',
    ]);
}

/** The internal facts of a booking behind a manage token, for reschedule and cancel. */
export async function findBookingByToken(db: Db, token: string) {
  return bookingQuery(db).where('c.manage_token_hash', '=', hashToken(token)).executeTakeFirst();
}

/** The same facts by id, for staff. */
export async function findBookingById(db: Db, id: string) {
  return bookingQuery(db).where('c.id', '=', id).executeTakeFirst();
}

/**
 * Moves a live consultation in place: the exclusion constraints check the new time against
 * every other booking, and the old time is released by the same statement, so there are
 * never two live bookings. Returns false when the consultation is no longer live.
 */
export async function moveConsultation(
  db: Db,
  c: { id: string; roomId: string; interpreterId: string | null; startsAt: Date; endsAt: Date; roomFreeAt: Date },
): Promise<boolean> {
  const row = await db
    .updateTable('consultations')
    .set((eb) => ({
      room_id: c.roomId,
      interpreter_id: c.interpreterId,
      starts_at: c.startsAt,
      ends_at: c.endsAt,
      room_free_at: c.roomFreeAt,
      ics_sequence: eb('ics_sequence', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', c.id)
    .where('status', 'in', [...LIVE_CONSULTATION_STATUSES])
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * `reason` (staff or the company cancelling) is kept on the consultation and told to everyone.
 * `unchanged`: only the booked meeting as it was read (same sequence, so not moved or changed
 * meanwhile) and only if it has not begun by then; false otherwise.
 */
export async function cancelConsultation(db: Db, id: string, reason?: string, unchanged?: { sequence: number; notBegunBy: Date }): Promise<boolean> {
  let q = db
    .updateTable('consultations')
    .set((eb) => ({
      status: 'cancelled', ics_sequence: eb('ics_sequence', '+', 1), updated_at: new Date(),
      ...(reason === undefined ? {} : { decline_reason: reason }),
    }))
    .where('id', '=', id);
  q = unchanged
    ? q.where('status', 'in', ['scheduled', 'confirmed']).where('ics_sequence', '=', unchanged.sequence).where('starts_at', '>', unchanged.notBegunBy)
    : q.where('status', 'in', [...LIVE_CONSULTATION_STATUSES]);
  const row = await q.returning('meeting_request_id').executeTakeFirst();
  if (!row) return false;
  // A time the company proposed to move it to is moot once the meeting is cancelled.
  await db.updateTable('consultations')
    .set({ status: 'declined', awaiting: null, hold_expires_at: null, decline_reason: 'The meeting it would have moved was cancelled.', updated_at: new Date() })
    .where('meeting_request_id', '=', row.meeting_request_id).where('status', '=', 'held').where('id', '<>', id)
    .execute();
  await closeRequestIfDone(db, row.meeting_request_id);
  return true;
}

/** The request is cancelled once none of its consultations is live (a declined proposal to
 * move a meeting leaves the meeting, and so the request, as they were). */
export async function closeRequestIfDone(db: Db, meetingRequestId: string) {
  await db.updateTable('meeting_requests').set({ status: 'cancelled', updated_at: new Date() })
    .where('id', '=', meetingRequestId)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('consultations').select('id')
      .where('meeting_request_id', '=', meetingRequestId).where('status', 'in', [...LIVE_CONSULTATION_STATUSES]))))
    .execute();
}

/** Who hears about a consultation: the buyer, the company's members, the interpreter. */
export async function findRecipients(db: Db, consultationId: string) {
  // One statement, prepared: every e-mail a mail worker sends reads it.
  return db
    .selectFrom('consultations as c')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .innerJoin('meeting_requests as m', 'm.id', 'c.meeting_request_id')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .leftJoin('interpreters as i', 'i.id', 'c.interpreter_id')
    .select((eb) => ['b.email as buyerEmail', 'm.time_zone as buyerTimeZone', 'c.company_id as companyId', 'co.time_zone as companyTimeZone',
      'i.email as interpreterEmail', 'i.time_zone as interpreterTimeZone',
      sql<string[]>`array(${eb.selectFrom('company_members as cm').innerJoin('users as u', 'u.id', 'cm.user_id')
        .select('u.email').whereRef('cm.company_id', '=', 'c.company_id').orderBy('u.email')})`.as('companyEmails')])
    .where('c.id', '=', consultationId)
    .modifyFront(prepared('find-recipients'))
    .executeTakeFirst();
}

/** Where a (former) interpreter of a consultation is written to. */
export async function findInterpreterContact(db: Db, interpreterId: string) {
  return db
    .selectFrom('interpreters')
    .select(['email', 'time_zone as timeZone'])
    .where('id', '=', interpreterId)
    .executeTakeFirst();
}
