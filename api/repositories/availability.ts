// Everything the slot computation needs, read in one go for a window.
import type { Kysely } from 'kysely';
import { LIVE_CONSULTATION_STATUSES, type Database } from '../db/schema.ts';
import type { Interval } from '../scheduling/intervals.ts';
import type { WeeklyRule } from '../scheduling/weekly-hours.ts';

type Db = Kysely<Database>;
type Owner = 'company_id' | 'room_id' | 'interpreter_id';

export type OwnerCalendar = { id: string; rules: WeeklyRule[]; blackouts: Interval[]; busy: Interval[] };

export type AvailabilityData = {
  company: OwnerCalendar;
  buyerBusy: Interval[];
  rooms: OwnerCalendar[];
  interpreters: OwnerCalendar[] | null;
};

const toInterval = (r: { starts_at: Date; ends_at: Date }): Interval => ({
  start: r.starts_at.getTime(),
  end: r.ends_at.getTime(),
});

async function rulesFor(db: Db, owner: Owner, ids: string[]): Promise<Map<string, WeeklyRule[]>> {
  const map = new Map<string, WeeklyRule[]>();
  if (ids.length === 0) return map;
  const rows = await db
    .selectFrom('availability_rules')
    .select([owner, 'weekday', 'start_time', 'end_time', 'time_zone'])
    .where(owner, 'in', ids)
    .execute();
  for (const r of rows) {
    const id = r[owner] as string;
    const list = map.get(id) ?? [];
    list.push({ weekday: r.weekday, start: r.start_time, end: r.end_time, timeZone: r.time_zone });
    map.set(id, list);
  }
  return map;
}

/** Blackouts of each owner plus programme-wide ones (no owner), overlapping the window. */
async function blackoutsFor(db: Db, owner: Owner, ids: string[], window: Interval): Promise<Map<string, Interval[]>> {
  const rows = await db
    .selectFrom('blackouts')
    .select([owner, 'company_id', 'room_id', 'interpreter_id', 'starts_at', 'ends_at'])
    .where('starts_at', '<', new Date(window.end))
    .where('ends_at', '>', new Date(window.start))
    .where((eb) =>
      eb.or([
        ...(ids.length ? [eb(owner, 'in', ids)] : []),
        eb.and([eb('company_id', 'is', null), eb('room_id', 'is', null), eb('interpreter_id', 'is', null)]),
      ]),
    )
    .execute();
  const map = new Map<string, Interval[]>(ids.map((id) => [id, []]));
  for (const r of rows) {
    const target = r[owner] as string | null;
    for (const id of target ? [target] : ids) map.get(id)?.push(toInterval(r));
  }
  return map;
}

async function busyFor(db: Db, owner: Owner, ids: string[], window: Interval, exclude: string | null): Promise<Map<string, Interval[]>> {
  const map = new Map<string, Interval[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return map;
  // A room stays busy through its turnover buffer, up to room_free_at.
  const endColumn = owner === 'room_id' ? 'room_free_at' : 'ends_at';
  const rows = await db
    .selectFrom('consultations')
    .select([owner, 'starts_at', `${endColumn} as ends_at`])
    .where(owner, 'in', ids)
    .where('status', 'in', [...LIVE_CONSULTATION_STATUSES])
    .where('starts_at', '<', new Date(window.end))
    .where(endColumn, '>', new Date(window.start))
    .$if(exclude !== null, (qb) => qb.where('id', '!=', exclude!))
    .execute();
  for (const r of rows) map.get(r[owner] as string)?.push(toInterval(r));
  return map;
}

async function calendars(db: Db, owner: Owner, ids: string[], window: Interval, exclude: string | null): Promise<OwnerCalendar[]> {
  const [rules, blackouts, busy] = await Promise.all([
    rulesFor(db, owner, ids),
    blackoutsFor(db, owner, ids, window),
    busyFor(db, owner, ids, window, exclude),
  ]);
  return ids.map((id) => ({
    id,
    rules: rules.get(id) ?? [],
    blackouts: blackouts.get(id) ?? [],
    busy: busy.get(id) ?? [],
  }));
}

export async function loadAvailability(
  db: Db,
  q: {
    companyId: string;
    buyerEmail: string | null;
    window: Interval;
    interpreterLanguage: string | null;
    /** A consultation being rescheduled: its own time must not block its new one. */
    excludeConsultationId?: string | null;
  },
): Promise<AvailabilityData> {
  const exclude = q.excludeConsultationId ?? null;
  const rooms = await db.selectFrom('rooms').select('id').where('active', '=', true).orderBy('id').execute();
  const interpreterIds = q.interpreterLanguage
    ? (
        await db
          .selectFrom('interpreters as i')
          .innerJoin('interpreter_languages as l', 'l.interpreter_id', 'i.id')
          .select('i.id')
          .where('i.active', '=', true)
          .where('l.language', '=', q.interpreterLanguage)
          .orderBy('i.id')
          .execute()
      ).map((r) => r.id)
    : null;

  const buyerBusy = q.buyerEmail
    ? (
        await db
          .selectFrom('consultations as c')
          .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
          .select(['c.starts_at', 'c.ends_at'])
          .where('b.email', '=', q.buyerEmail)
          .where('c.status', 'in', [...LIVE_CONSULTATION_STATUSES])
          .where('c.starts_at', '<', new Date(q.window.end))
          .where('c.ends_at', '>', new Date(q.window.start))
          .$if(exclude !== null, (qb) => qb.where('c.id', '!=', exclude!))
          .execute()
      ).map(toInterval)
    : [];

  // Sequential on purpose: on PGlite there is one connection, and these are small.
  const [company] = await calendars(db, 'company_id', [q.companyId], q.window, exclude);
  const roomCalendars = await calendars(db, 'room_id', rooms.map((r) => r.id), q.window, exclude);
  const interpreters = interpreterIds ? await calendars(db, 'interpreter_id', interpreterIds, q.window, exclude) : null;
  return { company: company!, buyerBusy, rooms: roomCalendars, interpreters };
}
