// The programme's resources as staff keep them: pavilions (order, retirement), rooms and
// booths, interpreters with their languages, weekly hours, leave and closures. Writes that take a
// room or an interpreter out of service lock its row first (lockRoom, lockInterpreter):
// the consultations trigger takes a share lock on the same row, so the check "nothing live
// needs it" and the change cannot interleave with a booking.
import { sql } from 'kysely';
import { LIVE_CONSULTATION_STATUSES, type LocalizedText } from '../db/schema.ts';
import type { Db } from './catalogue.ts';

const UNIQUE_VIOLATION = '23505';
export const isUniqueViolation = (err: unknown) => (err as { code?: string }).code === UNIQUE_VIOLATION;
const live = [...LIVE_CONSULTATION_STATUSES];

// ---------------------------------------------------------------- pavilions

export async function listPavilionsForStaff(db: Db) {
  return db.selectFrom('pavilions as pv')
    .select((eb) => [
      'pv.id', 'pv.slug', 'pv.names', 'pv.stories', 'pv.sort_order as sortOrder', 'pv.retired_at as retiredAt',
      eb.selectFrom('products as p').select(eb.fn.countAll<string>().as('n'))
        .whereRef('p.pavilion_id', '=', 'pv.id').where('p.status', '=', 'approved').as('productCount'),
    ])
    .orderBy('pv.sort_order').orderBy('pv.id')
    .execute();
}

/** A new pavilion goes last; undefined when the slug is taken. */
export async function insertPavilion(db: Db, p: { slug: string; names: LocalizedText; stories: LocalizedText }): Promise<string | undefined> {
  const { rows } = await sql<{ id: string }>`
    insert into pavilions (slug, names, stories, sort_order)
    values (${p.slug}, ${JSON.stringify(p.names)}, ${JSON.stringify(p.stories)},
      (select coalesce(max(sort_order), 0) + 10 from pavilions))
    on conflict (slug) do nothing
    returning id`.execute(db);
  return rows[0]?.id;
}

export async function lockPavilion(db: Db, id: string) {
  return db.selectFrom('pavilions').select(['id', 'slug', 'retired_at as retiredAt']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updatePavilionTexts(db: Db, id: string, t: { names: LocalizedText; stories: LocalizedText }): Promise<void> {
  await db.updateTable('pavilions')
    .set({ names: JSON.stringify(t.names), stories: JSON.stringify(t.stories), updated_at: sql`now()` })
    .where('id', '=', id).execute();
}

export async function setPavilionRetired(db: Db, id: string, retired: boolean): Promise<void> {
  await db.updateTable('pavilions')
    .set({ retired_at: retired ? sql`now()` : null, updated_at: sql`now()` })
    .where('id', '=', id).execute();
}

/** Every pavilion id, locked: a reorder compares its list with these under the lock. */
export async function lockAllPavilionIds(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('pavilions').select('id').orderBy('id').forUpdate().execute();
  return rows.map((r) => r.id);
}

/** sort_order 10, 20, 30 ... in the order given. */
export async function setPavilionOrder(db: Db, ids: readonly string[]): Promise<void> {
  await sql`
    update pavilions p set sort_order = o.n * 10, updated_at = now()
    from unnest(${[...ids]}::bigint[]) with ordinality as o(id, n)
    where p.id = o.id and p.sort_order is distinct from o.n * 10`.execute(db);
}

/** The pavilion's published products: their search documents carry its name and status. */
export async function approvedProductIdsIn(db: Db, pavilionId: string): Promise<string[]> {
  const rows = await db.selectFrom('products').select('id').where('pavilion_id', '=', pavilionId).where('status', '=', 'approved').orderBy('id').execute();
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- weekly hours, leave and closures

export type Owner = { room_id: string } | { interpreter_id: string };
const ownerColumn = (owner: Owner) => ('room_id' in owner ? ['room_id', owner.room_id] as const : ['interpreter_id', owner.interpreter_id] as const);
type HoursRow = { owner: string; weekday: number; start: string; end: string; time_zone: string };

export async function hoursOf(db: Db, kind: 'room' | 'interpreter'): Promise<HoursRow[]> {
  const column = kind === 'room' ? 'room_id' : 'interpreter_id';
  return db.selectFrom('availability_rules')
    .select([`${column} as owner`, 'weekday', 'start_time as start', 'end_time as end', 'time_zone'])
    .where(column, 'is not', null)
    .orderBy(column).orderBy('weekday').orderBy('start_time')
    .execute() as Promise<HoursRow[]>;
}

/** Replaces an owner's weekly hours wholesale (the editor always sends all of them). */
export async function replaceHours(db: Db, owner: Owner, timeZone: string, hours: readonly { weekday: number; start: string; end: string }[]): Promise<void> {
  const [column, id] = ownerColumn(owner);
  await db.deleteFrom('availability_rules').where(column, '=', id).execute();
  if (hours.length === 0) return;
  const t = (hhmm: string) => `${hhmm}:00`;
  await db.insertInto('availability_rules')
    .values(hours.map((h) => ({ [column]: id, weekday: h.weekday, start_time: t(h.start), end_time: t(h.end), time_zone: timeZone })))
    .execute();
}

/**
 * Current and future blackouts of rooms (closed for repairs) or interpreters (on leave);
 * past ones are history nobody edits.
 */
export async function blackoutsOf(db: Db, kind: 'room' | 'interpreter', since: Date) {
  const column = kind === 'room' ? 'room_id' : 'interpreter_id';
  return db.selectFrom('blackouts')
    .select(['id', `${column} as owner`, 'starts_at as startsAt', 'ends_at as endsAt', 'reason'])
    .where(column, 'is not', null).where('ends_at', '>', since)
    .orderBy('starts_at').orderBy('id')
    .execute() as Promise<{ id: string; owner: string; startsAt: Date; endsAt: Date; reason: string | null }[]>;
}

export async function insertBlackout(db: Db, owner: Owner, b: { startsAt: Date; endsAt: Date; reason: string }): Promise<string> {
  const [column, id] = ownerColumn(owner);
  const row = await db.insertInto('blackouts')
    .values({ [column]: id, starts_at: b.startsAt, ends_at: b.endsAt, reason: b.reason })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function deleteBlackout(db: Db, owner: Owner, blackoutId: string): Promise<boolean> {
  const [column, id] = ownerColumn(owner);
  const r = await db.deleteFrom('blackouts').where('id', '=', blackoutId).where(column, '=', id).executeTakeFirst();
  return r.numDeletedRows > 0n;
}

/**
 * Live consultations of a room (by its occupied time, buffer included) or an interpreter
 * that end after `from` and start before `to`: what taking it out of service would strand.
 */
export async function liveConsultationsOf(db: Db, who: Owner, from: Date, to: Date = new Date('9999-12-31T00:00:00Z')) {
  const room = 'room_id' in who;
  return db.selectFrom('consultations as c')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .select(['c.id', 'c.starts_at as startsAt', 'c.ends_at as endsAt', 'c.interpreter_language as language', 'b.name as buyerName'])
    .select((eb) => eb.selectFrom('company_texts as t').select('t.name').whereRef('t.company_id', '=', 'c.company_id')
      .orderBy((o) => o.case().when('t.locale', '=', 'en').then(0).else(1).end()).limit(1).as('companyName'))
    .where('c.status', 'in', live)
    .$if(room, (q) => q.where('c.room_id', '=', (who as { room_id: string }).room_id).where('c.room_free_at', '>', from))
    .$if(!room, (q) => q.where('c.interpreter_id', '=', (who as { interpreter_id: string }).interpreter_id).where('c.ends_at', '>', from))
    .where('c.starts_at', '<', to)
    .orderBy('c.starts_at').orderBy('c.id')
    .execute();
}

// ---------------------------------------------------------------- rooms

const roomColumns = ['id', 'name', 'kind', 'location', 'region', 'time_zone as timeZone', 'buffer_minutes as bufferMinutes', 'equipment', 'active'] as const;

/** Every room and booth, active first, with how many live consultations it has ahead. */
export async function listRoomsForStaff(db: Db, now: Date) {
  return db.selectFrom('rooms as r')
    .select(roomColumns.map((c) => `r.${c}` as const))
    .select((eb) => eb.selectFrom('consultations as c').select(eb.fn.countAll<string>().as('n'))
      .whereRef('c.room_id', '=', 'r.id').where('c.status', 'in', live).where('c.room_free_at', '>', now).as('ahead'))
    .orderBy('r.active', 'desc').orderBy('r.region').orderBy('r.name')
    .execute();
}

export type RoomRow = { name: string; kind: 'room' | 'booth'; location: string; region: string; timeZone: string; bufferMinutes: number; equipment: string[] };
const roomValues = (r: RoomRow) => ({ name: r.name, kind: r.kind, location: r.location, region: r.region, time_zone: r.timeZone, buffer_minutes: r.bufferMinutes, equipment: r.equipment });

/** Undefined when the name is taken (room names are unique: staff and e-mails use them). */
export async function insertRoom(db: Db, r: RoomRow): Promise<string | undefined> {
  const row = await db.insertInto('rooms').values(roomValues(r)).onConflict((oc) => oc.column('name').doNothing()).returning('id').executeTakeFirst();
  return row?.id;
}

/** Throws a unique violation when another room has the name. */
export async function updateRoom(db: Db, id: string, r: RoomRow): Promise<void> {
  await db.updateTable('rooms').set(roomValues(r)).where('id', '=', id).execute();
}

export async function lockRoom(db: Db, id: string) {
  return db.selectFrom('rooms').select(['id', 'name', 'time_zone as timeZone', 'active']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setRoomActive(db: Db, id: string, active: boolean): Promise<void> {
  await db.updateTable('rooms').set({ active }).where('id', '=', id).execute();
}

// ---------------------------------------------------------------- interpreters

export async function listInterpretersForStaff(db: Db, now: Date) {
  const [people, languages] = await Promise.all([
    db.selectFrom('interpreters as i')
      .select(['i.id', 'i.name', 'i.email', 'i.time_zone as timeZone', 'i.active'])
      .select((eb) => eb.selectFrom('consultations as c').select(eb.fn.countAll<string>().as('n'))
        .whereRef('c.interpreter_id', '=', 'i.id').where('c.status', 'in', live).where('c.ends_at', '>', now).as('ahead'))
      .orderBy('i.active', 'desc').orderBy('i.name').orderBy('i.id')
      .execute(),
    db.selectFrom('interpreter_languages').select(['interpreter_id', 'language']).orderBy('language').execute(),
  ]);
  return { people, languages };
}

export type InterpreterRow = { name: string; email: string; timeZone: string; languages: string[] };

/** Undefined when the e-mail address is already an interpreter's. */
export async function insertInterpreter(db: Db, i: InterpreterRow): Promise<string | undefined> {
  const row = await db.insertInto('interpreters').values({ name: i.name, email: i.email, time_zone: i.timeZone })
    .onConflict((oc) => oc.column('email').doNothing()).returning('id').executeTakeFirst();
  if (!row) return undefined;
  await db.insertInto('interpreter_languages').values(i.languages.map((language) => ({ interpreter_id: row.id, language }))).execute();
  return row.id;
}

/** Throws a unique violation when another interpreter has the e-mail address. */
export async function updateInterpreter(db: Db, id: string, i: InterpreterRow): Promise<void> {
  await db.updateTable('interpreters').set({ name: i.name, email: i.email, time_zone: i.timeZone }).where('id', '=', id).execute();
  await db.deleteFrom('interpreter_languages').where('interpreter_id', '=', id).execute();
  await db.insertInto('interpreter_languages').values(i.languages.map((language) => ({ interpreter_id: id, language }))).execute();
}

export async function lockInterpreter(db: Db, id: string) {
  return db.selectFrom('interpreters').select(['id', 'name', 'time_zone as timeZone', 'active']).where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function setInterpreterActive(db: Db, id: string, active: boolean): Promise<void> {
  await db.updateTable('interpreters').set({ active }).where('id', '=', id).execute();
}
