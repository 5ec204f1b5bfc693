// Everything the slot computation needs for a window, in one statement: the resources with
// their weekly hours, the blackouts, and the live bookings. (Round trips, not rows, are
// what a booking pays for most: each costs both processes a system call and a wake-up.)
import { sql, type Kysely } from 'kysely';
import { LIVE_CONSULTATION_STATUSES, type Database } from '../db/schema.ts';
import type { Interval } from '../scheduling/intervals.ts';
import { prepared } from '../db/prepared.ts';
import type { WeeklyRule } from '../scheduling/weekly-hours.ts';

type Db = Kysely<Database>;

export type OwnerCalendar = { id: string; rules: WeeklyRule[]; blackouts: Interval[]; busy: Interval[] };

export type AvailabilityData = {
  company: OwnerCalendar;
  buyerBusy: Interval[];
  rooms: OwnerCalendar[];
  interpreters: OwnerCalendar[] | null;
};

type Kind = 'company' | 'room' | 'interpreter';

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
  const from = new Date(q.window.start);
  const to = new Date(q.window.end);
  const live = sql.join([...LIVE_CONSULTATION_STATUSES]);

  // One statement, one round trip: the three parts come back as JSON arrays (ids as text,
  // instants as epoch milliseconds). A booking's buyer is only compared with this buyer's
  // e-mail here, so no other buyer's address ever leaves the database.
  const { rows } = await sql<{
    resources: [Kind, string, number | null, string | null, string | null, string | null][];
    blackouts: [string | null, string | null, string | null, number, number][];
    bookings: [string, string, string | null, boolean, number, number, number][];
  }>`${prepared('load-availability')}
    with res as (
      select 'company' as kind, ${q.companyId}::bigint as id
      union all select 'room', id from rooms where active
      union all select 'interpreter', i.id from interpreters i
        join interpreter_languages l on l.interpreter_id = i.id
        where i.active and l.language = ${q.interpreterLanguage ?? ''} and ${q.interpreterLanguage !== null}
    )
    select
      (select coalesce(json_agg(json_build_array(res.kind, res.id::text, r.weekday, r.start_time, r.end_time, r.time_zone) order by res.kind, res.id), '[]')
        from res left join availability_rules r
          on (res.kind = 'company' and r.company_id = res.id)
          or (res.kind = 'room' and r.room_id = res.id)
          or (res.kind = 'interpreter' and r.interpreter_id = res.id)) as resources,
      (select coalesce(json_agg(json_build_array(company_id::text, room_id::text, interpreter_id::text,
          (extract(epoch from starts_at) * 1000)::bigint, (extract(epoch from ends_at) * 1000)::bigint)), '[]')
        from blackouts
        where starts_at < ${to} and ends_at > ${from} and (company_id is null or company_id = ${q.companyId})) as blackouts,
      -- Every live booking in the window, whoever it is for: rooms and interpreters are
      -- shared by all companies. A room is busy until room_free_at (its turnover buffer).
      (select coalesce(json_agg(json_build_array(c.company_id::text, c.room_id::text, c.interpreter_id::text,
          coalesce(b.email = ${q.buyerEmail}, false), (extract(epoch from c.starts_at) * 1000)::bigint,
          (extract(epoch from c.ends_at) * 1000)::bigint, (extract(epoch from c.room_free_at) * 1000)::bigint)), '[]')
        from consultations c join buyers b on b.id = c.buyer_id
        where c.status in (${live}) and c.starts_at < ${to} and c.room_free_at > ${from}
          and c.id <> ${q.excludeConsultationId ?? '0'}::bigint) as bookings`.execute(db);
  const { resources, blackouts, bookings } = rows[0]!;

  const calendars = new Map<string, OwnerCalendar>();
  const key = (kind: Kind, id: string) => `${kind}:${id}`;
  const order: Record<Kind, string[]> = { company: [], room: [], interpreter: [] };
  for (const [kind, id, weekday, start, end, timeZone] of resources) {
    const k = key(kind, id);
    let cal = calendars.get(k);
    if (!cal) {
      cal = { id, rules: [], blackouts: [], busy: [] };
      calendars.set(k, cal);
      order[kind].push(id);
    }
    if (weekday !== null) cal.rules.push({ weekday, start: start!, end: end!, timeZone: timeZone! });
  }
  for (const [companyId, roomId, interpreterId, start, end] of blackouts) {
    const span = { start: Number(start), end: Number(end) };
    if (companyId) calendars.get(key('company', companyId))?.blackouts.push(span);
    else if (roomId) calendars.get(key('room', roomId))?.blackouts.push(span);
    else if (interpreterId) calendars.get(key('interpreter', interpreterId))?.blackouts.push(span);
    else for (const cal of calendars.values()) cal.blackouts.push(span); // programme-wide, e.g. a public holiday
  }
  const buyerBusy: Interval[] = [];
  for (const [companyId, roomId, interpreterId, buyers, start, end, roomFreeAt] of bookings) {
    const meeting = { start: Number(start), end: Number(end) };
    if (companyId === q.companyId) calendars.get(key('company', companyId))?.busy.push(meeting);
    calendars.get(key('room', roomId))?.busy.push({ start: meeting.start, end: Number(roomFreeAt) });
    if (interpreterId) calendars.get(key('interpreter', interpreterId))?.busy.push(meeting);
    if (buyers) buyerBusy.push(meeting);
  }

  const list = (kind: Kind) => order[kind].map((id) => calendars.get(key(kind, id))!);
  return {
    company: list('company')[0]!,
    buyerBusy,
    rooms: list('room'),
    interpreters: q.interpreterLanguage === null ? null : list('interpreter'),
  };
}
