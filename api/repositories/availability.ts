// Everything the slot computation needs for a window, in three queries: the resources with
// their weekly hours, the blackouts, and the live bookings. (Round trips, not rows, are
// what a booking pays for most.)
import { sql, type Kysely } from 'kysely';
import { LIVE_CONSULTATION_STATUSES, type Database } from '../db/schema.ts';
import type { Interval } from '../scheduling/intervals.ts';
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

  const [resources, blackouts, bookings] = await Promise.all([
    sql<{ kind: Kind; id: string; weekday: number | null; start_time: string | null; end_time: string | null; time_zone: string | null }>`
      with res as (
        select 'company' as kind, ${q.companyId}::bigint as id
        union all select 'room', id from rooms where active
        union all select 'interpreter', i.id from interpreters i
          join interpreter_languages l on l.interpreter_id = i.id
          where i.active and l.language = ${q.interpreterLanguage ?? ''} and ${q.interpreterLanguage !== null}
      )
      select res.kind, res.id, r.weekday, r.start_time, r.end_time, r.time_zone
      from res left join availability_rules r
        on (res.kind = 'company' and r.company_id = res.id)
        or (res.kind = 'room' and r.room_id = res.id)
        or (res.kind = 'interpreter' and r.interpreter_id = res.id)
      order by res.kind, res.id`.execute(db),
    sql<{ company_id: string | null; room_id: string | null; interpreter_id: string | null; starts_at: Date; ends_at: Date }>`
      select company_id, room_id, interpreter_id, starts_at, ends_at from blackouts
      where starts_at < ${to} and ends_at > ${from} and (company_id is null or company_id = ${q.companyId})`.execute(db),
    // Every live booking in the window, whoever it is for: rooms and interpreters are
    // shared by all companies. A room is busy until room_free_at (its turnover buffer).
    sql<{ company_id: string; room_id: string; interpreter_id: string | null; buyer_email: string; starts_at: Date; ends_at: Date; room_free_at: Date }>`
      select c.company_id, c.room_id, c.interpreter_id, b.email as buyer_email, c.starts_at, c.ends_at, c.room_free_at
      from consultations c join buyers b on b.id = c.buyer_id
      where c.status in (${live}) and c.starts_at < ${to} and c.room_free_at > ${from}
        and c.id <> ${q.excludeConsultationId ?? '0'}::bigint`.execute(db),
  ]);

  const calendars = new Map<string, OwnerCalendar>();
  const key = (kind: Kind, id: string) => `${kind}:${id}`;
  const order: Record<Kind, string[]> = { company: [], room: [], interpreter: [] };
  for (const r of resources.rows) {
    const k = key(r.kind, r.id);
    let cal = calendars.get(k);
    if (!cal) {
      cal = { id: r.id, rules: [], blackouts: [], busy: [] };
      calendars.set(k, cal);
      order[r.kind].push(r.id);
    }
    if (r.weekday !== null) cal.rules.push({ weekday: r.weekday, start: r.start_time!, end: r.end_time!, timeZone: r.time_zone! });
  }
  for (const b of blackouts.rows) {
    const span = { start: b.starts_at.getTime(), end: b.ends_at.getTime() };
    if (b.company_id) calendars.get(key('company', b.company_id))?.blackouts.push(span);
    else if (b.room_id) calendars.get(key('room', b.room_id))?.blackouts.push(span);
    else if (b.interpreter_id) calendars.get(key('interpreter', b.interpreter_id))?.blackouts.push(span);
    else for (const cal of calendars.values()) cal.blackouts.push(span); // programme-wide, e.g. a public holiday
  }
  const buyerBusy: Interval[] = [];
  for (const c of bookings.rows) {
    const meeting = { start: c.starts_at.getTime(), end: c.ends_at.getTime() };
    if (c.company_id === q.companyId) calendars.get(key('company', c.company_id))?.busy.push(meeting);
    calendars.get(key('room', c.room_id))?.busy.push({ start: meeting.start, end: c.room_free_at.getTime() });
    if (c.interpreter_id) calendars.get(key('interpreter', c.interpreter_id))?.busy.push(meeting);
    if (q.buyerEmail !== null && c.buyer_email === q.buyerEmail) buyerBusy.push(meeting);
  }

  const list = (kind: Kind) => order[kind].map((id) => calendars.get(key(kind, id))!);
  return {
    company: list('company')[0]!,
    buyerBusy,
    rooms: list('room'),
    interpreters: q.interpreterLanguage === null ? null : list('interpreter'),
  };
}
