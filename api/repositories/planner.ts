// What the week planner reads: queued requests (with the names staff see), and the calendars
// of the companies, buyers, rooms and interpreters they involve over a window: weekly hours,
// blackouts and live bookings. Reads only; commits go through the booking repositories.
import { LIVE_CONSULTATION_STATUSES } from '../db/schema.ts';
import type { Interval } from '../scheduling/intervals.ts';
import type { WeeklyRule } from '../scheduling/weekly-hours.ts';
import type { Db } from './catalogue.ts';

export type PlannerRequestRow = {
  id: string; status: 'queued' | 'scheduled' | 'cancelled'; companyId: string; buyerId: string;
  language: string; interpreter: 'auto' | 'required' | 'none'; timeZone: string; preferredSlots: Date[];
  companySlug: string; companyName: string | null; buyerName: string; buyerCountry: string; buyerTimeZone: string;
};

/** Queued requests oldest first (or exactly those asked for, in any status, so callers can say why not). */
export async function plannerRequests(db: Db, q: { ids?: readonly string[] | undefined; limit: number }): Promise<PlannerRequestRow[]> {
  return db.selectFrom('meeting_requests as m')
    .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
    .innerJoin('companies as co', 'co.id', 'm.company_id')
    .select([
      'm.id', 'm.status', 'm.company_id as companyId', 'm.buyer_id as buyerId', 'm.language', 'm.interpreter',
      'm.time_zone as timeZone', 'm.preferred_slots as preferredSlots', 'co.slug as companySlug',
      'b.name as buyerName', 'b.country as buyerCountry', 'b.time_zone as buyerTimeZone',
    ])
    .select((eb) => eb.selectFrom('company_texts as t').select('t.name').whereRef('t.company_id', '=', 'm.company_id')
      .orderBy((o) => o.case().when('t.locale', '=', 'en').then(0).else(1).end()).limit(1).as('companyName'))
    .$if(q.ids === undefined, (s) => s.where('m.status', '=', 'queued'))
    .$if(q.ids !== undefined, (s) => s.where('m.id', 'in', q.ids!.length ? [...q.ids!] : ['0']))
    .orderBy('m.created_at').orderBy('m.id')
    .limit(q.limit)
    .execute();
}

export type Calendar = { id: string; rules: WeeklyRule[]; blackouts: Interval[]; busy: Interval[] };
export type PlannerResources = {
  companies: (Calendar & { languages: string[]; timeZone: string })[];
  buyers: Calendar[];
  rooms: (Calendar & { name: string })[];
  interpreters: (Calendar & { name: string; languages: string[] })[];
};

/**
 * Calendars over `window` of the given active companies and buyers, and of every active room
 * and interpreter (they serve everyone). A room is busy until room_free_at (its buffer);
 * programme-wide blackouts (no owner) apply to every calendar.
 */
export async function plannerResources(db: Db, q: { window: Interval; companyIds: readonly string[]; buyerIds: readonly string[] }): Promise<PlannerResources> {
  const from = new Date(q.window.start);
  const to = new Date(q.window.end);
  const companyIds = q.companyIds.length ? [...q.companyIds] : ['0'];
  const buyerIds = q.buyerIds.length ? [...q.buyerIds] : ['0'];
  const live = [...LIVE_CONSULTATION_STATUSES];
  const [companies, rooms, interpreters, languages, rules, blackouts, bookings] = await Promise.all([
    db.selectFrom('companies').select(['id', 'languages', 'time_zone as timeZone']).where('id', 'in', companyIds).where('status', '=', 'active').execute(),
    db.selectFrom('rooms').select(['id', 'name']).where('active', '=', true).orderBy('id').execute(),
    db.selectFrom('interpreters').select(['id', 'name']).where('active', '=', true).orderBy('id').execute(),
    db.selectFrom('interpreter_languages as l').innerJoin('interpreters as i', 'i.id', 'l.interpreter_id')
      .select(['l.interpreter_id as id', 'l.language']).where('i.active', '=', true).execute(),
    db.selectFrom('availability_rules')
      .select(['company_id', 'room_id', 'interpreter_id', 'weekday', 'start_time', 'end_time', 'time_zone'])
      .where((eb) => eb.or([eb('company_id', 'in', companyIds), eb('room_id', 'is not', null), eb('interpreter_id', 'is not', null)]))
      .orderBy('id').execute(),
    db.selectFrom('blackouts').select(['company_id', 'room_id', 'interpreter_id', 'starts_at', 'ends_at'])
      .where('starts_at', '<', to).where('ends_at', '>', from)
      .where((eb) => eb.or([eb('company_id', 'is', null), eb('company_id', 'in', companyIds)])).execute(),
    // Every live booking in the window, whoever it is for: rooms and interpreters are shared.
    db.selectFrom('consultations').select(['company_id', 'buyer_id', 'room_id', 'interpreter_id', 'starts_at', 'ends_at', 'room_free_at'])
      .where('status', 'in', live).where('starts_at', '<', to).where('room_free_at', '>', from).execute(),
  ]);

  const cal = (id: string): Calendar => ({ id, rules: [], blackouts: [], busy: [] });
  const byCompany = new Map(companies.map((c) => [c.id, { ...cal(c.id), languages: c.languages, timeZone: c.timeZone }]));
  const byBuyer = new Map(buyerIds.map((id) => [id, cal(id)]));
  const byRoom = new Map(rooms.map((r) => [r.id, { ...cal(r.id), name: r.name }]));
  const byInterpreter = new Map(interpreters.map((i) => [i.id, { ...cal(i.id), name: i.name, languages: [] as string[] }]));
  for (const l of languages) byInterpreter.get(l.id)?.languages.push(l.language);
  const owner = (r: { company_id: string | null; room_id: string | null; interpreter_id: string | null }) =>
    r.company_id ? byCompany.get(r.company_id) : r.room_id ? byRoom.get(r.room_id) : r.interpreter_id ? byInterpreter.get(r.interpreter_id) : undefined;
  for (const r of rules) owner(r)?.rules.push({ weekday: r.weekday, start: r.start_time, end: r.end_time, timeZone: r.time_zone });
  const everyone = [...byCompany.values(), ...byRoom.values(), ...byInterpreter.values()];
  for (const b of blackouts) {
    const span = { start: b.starts_at.getTime(), end: b.ends_at.getTime() };
    const one = owner(b);
    if (one) one.blackouts.push(span);
    else if (!b.company_id && !b.room_id && !b.interpreter_id) for (const c of everyone) c.blackouts.push(span);
  }
  for (const c of bookings) {
    const meeting = { start: c.starts_at.getTime(), end: c.ends_at.getTime() };
    byCompany.get(c.company_id)?.busy.push(meeting);
    byBuyer.get(c.buyer_id)?.busy.push(meeting);
    byRoom.get(c.room_id)?.busy.push({ start: meeting.start, end: c.room_free_at.getTime() });
    if (c.interpreter_id) byInterpreter.get(c.interpreter_id)?.busy.push(meeting);
  }
  return {
    companies: [...byCompany.values()],
    buyers: q.buyerIds.map((id) => byBuyer.get(id)!),
    rooms: [...byRoom.values()],
    interpreters: [...byInterpreter.values()],
  };
}
