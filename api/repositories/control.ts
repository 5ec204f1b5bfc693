// What staff see of the whole programme: a day's board, the queue of requests nobody could
// place, and the figures. Reads only; the writes go through the booking repositories.
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';

export async function listRooms(db: Db, region?: string) {
  return db.selectFrom('rooms').select(['id', 'name', 'kind', 'location', 'region'])
    .where('active', '=', true)
    .$if(region !== undefined, (q) => q.where('region', '=', region!))
    .orderBy('region').orderBy('name').execute();
}

function boardQuery(db: Db) {
  return db.selectFrom('consultations as c')
    .innerJoin('rooms as r', 'r.id', 'c.room_id')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .innerJoin('meeting_requests as m', 'm.id', 'c.meeting_request_id')
    .leftJoin('products as p', 'p.id', 'm.product_id')
    .leftJoin('pavilions as pv', 'pv.id', 'p.pavilion_id')
    .leftJoin('interpreters as i', 'i.id', 'c.interpreter_id')
    .select([
      'c.id', 'c.room_id as roomId', 'c.starts_at as startsAt', 'c.ends_at as endsAt', 'c.status', 'c.awaiting',
      'co.slug as companySlug', 'b.name as buyerName', 'b.company_name as buyerCompany', 'b.country as buyerCountry',
      'm.time_zone as buyerTimeZone', 'c.interpreter_language as interpreterLanguage', 'c.interpreter_id as interpreterId',
      'i.name as interpreterName', 'pv.slug as pavilion', 'r.region',
    ])
    .select((eb) => eb.selectFrom('company_texts as t').select('t.name').whereRef('t.company_id', '=', 'c.company_id')
      .orderBy((o) => o.case().when('t.locale', '=', 'en').then(0).else(1).end()).limit(1).as('companyName'));
}

export type BoardRow = Awaited<ReturnType<typeof boardConsultations>>[number];

/** Consultations overlapping [from, to), live or finished (cancelled and declined left out). */
export async function boardConsultations(db: Db, from: Date, to: Date, filter: { region?: string | undefined; pavilion?: string | undefined }) {
  return boardQuery(db)
    .where('c.starts_at', '<', to).where('c.ends_at', '>', from)
    .where('c.status', 'not in', ['cancelled', 'declined'])
    .$if(filter.region !== undefined, (q) => q.where('r.region', '=', filter.region!))
    .$if(filter.pavilion !== undefined, (q) => q.where('pv.slug', '=', filter.pavilion!))
    .orderBy('c.starts_at').orderBy('c.id')
    .execute();
}

/** One consultation as the board shows it, whatever its status. */
export async function boardConsultation(db: Db, id: string) {
  return boardQuery(db).where('c.id', '=', id).executeTakeFirst();
}

export async function findRoom(db: Db, id: string) {
  return db.selectFrom('rooms').select(['id', 'name', 'location', 'region', 'active']).where('id', '=', id).executeTakeFirst();
}

export async function findInterpreter(db: Db, id: string) {
  return db.selectFrom('interpreters').select(['id', 'name', 'active']).where('id', '=', id).executeTakeFirst();
}

/** Active interpreters with the languages they interpret, for the board's choices. */
export async function listInterpreters(db: Db) {
  const rows = await db.selectFrom('interpreters as i')
    .leftJoin('interpreter_languages as l', 'l.interpreter_id', 'i.id')
    .select(['i.id', 'i.name', 'l.language'])
    .where('i.active', '=', true)
    .orderBy('i.name').orderBy('i.id').orderBy('l.language')
    .execute();
  const byId = new Map<string, { id: string; name: string; languages: string[] }>();
  for (const r of rows) {
    const entry = byId.get(r.id) ?? { id: r.id, name: r.name, languages: [] };
    if (r.language) entry.languages.push(r.language);
    byId.set(r.id, entry);
  }
  return [...byId.values()];
}

/** Requests that could not be placed, oldest first. */
export async function queuedRequests(db: Db, limit = 200) {
  return db.selectFrom('meeting_requests as m')
    .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
    .innerJoin('companies as co', 'co.id', 'm.company_id')
    .leftJoin('products as p', 'p.id', 'm.product_id')
    .select([
      'm.id', 'm.created_at as createdAt', 'm.preferred_slots as preferredSlots', 'm.interpreter', 'm.language',
      'm.time_zone as timeZone', 'm.message', 'm.company_id as companyId', 'm.buyer_id as buyerId',
      'co.slug as companySlug', 'p.slug as productSlug', 'b.name as buyerName', 'b.company_name as buyerCompany',
      'b.country as buyerCountry', 'b.email as buyerEmail',
    ])
    .select((eb) => eb.selectFrom('company_texts as t').select('t.name').whereRef('t.company_id', '=', 'm.company_id')
      .orderBy((o) => o.case().when('t.locale', '=', 'en').then(0).else(1).end()).limit(1).as('companyName'))
    .where('m.status', '=', 'queued')
    .orderBy('m.created_at').orderBy('m.id')
    .limit(limit)
    .execute();
}

/** A request with what placing it needs (status checked by the caller). */
export async function findQueuedRequest(db: Db, id: string) {
  return db.selectFrom('meeting_requests as m')
    .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
    .select([
      'm.id', 'm.status', 'm.interpreter', 'm.language', 'm.time_zone as timeZone', 'm.company_id as companyId',
      'm.buyer_id as buyerId', 'b.email as buyerEmail',
    ])
    .where('m.id', '=', id)
    .executeTakeFirst();
}

/** The programme in figures, over consultations that start in [from, to). */
export async function programmeFigures(db: Db, from: Date, to: Date) {
  const inRange = sql<boolean>`c.starts_at >= ${from} and c.starts_at < ${to}`;
  const [byStatus, byDay, byWeek, byPavilion, byCountry, people, outcomes, utilisation] = await Promise.all([
    sql<{ status: string; n: string }>`select c.status, count(*) as n from consultations c where ${inRange} group by 1 order by 1`.execute(db),
    sql<{ day: string; n: string }>`select to_char(c.starts_at at time zone 'Asia/Seoul', 'YYYY-MM-DD') as day, count(*) as n
      from consultations c where ${inRange} and c.status not in ('cancelled', 'declined') group by 1 order by 1`.execute(db),
    // Weeks start on Monday (ISO), in Korea's calendar.
    sql<{ week: string; n: string }>`select to_char(date_trunc('week', c.starts_at at time zone 'Asia/Seoul'), 'YYYY-MM-DD') as week, count(*) as n
      from consultations c where ${inRange} and c.status not in ('cancelled', 'declined') group by 1 order by 1`.execute(db),
    sql<{ pavilion: string | null; n: string }>`select pv.slug as pavilion, count(*) as n from consultations c
      join meeting_requests m on m.id = c.meeting_request_id left join products p on p.id = m.product_id
      left join pavilions pv on pv.id = p.pavilion_id
      where ${inRange} and c.status not in ('cancelled', 'declined') group by 1 order by 2 desc`.execute(db),
    sql<{ country: string; n: string }>`select b.country, count(*) as n from consultations c join buyers b on b.id = c.buyer_id
      where ${inRange} and c.status not in ('cancelled', 'declined') group by 1 order by 2 desc`.execute(db),
    sql<{ companies: string; buyers: string; countries: string }>`select count(distinct c.company_id) as companies,
      count(distinct c.buyer_id) as buyers, count(distinct b.country) as countries
      from consultations c join buyers b on b.id = c.buyer_id where ${inRange} and c.status not in ('cancelled', 'declined')`.execute(db),
    sql<{ outcome: string; n: string; usd: string | null }>`select c.outcome, count(*) as n, sum(c.deal_value_usd) as usd
      from consultations c where ${inRange} and c.outcome is not null group by 1 order by 1`.execute(db),
    sql<{ room_minutes: string | null; interpreter_minutes: string | null }>`select
      sum(extract(epoch from (c.ends_at - c.starts_at)) / 60) as room_minutes,
      sum(case when c.interpreter_id is not null then extract(epoch from (c.ends_at - c.starts_at)) / 60 end) as interpreter_minutes
      from consultations c where ${inRange} and c.status in ('scheduled', 'confirmed', 'completed', 'held')`.execute(db),
  ]);
  return { byStatus: byStatus.rows, byDay: byDay.rows, byWeek: byWeek.rows, byPavilion: byPavilion.rows, byCountry: byCountry.rows, people: people.rows[0]!, outcomes: outcomes.rows, utilisation: utilisation.rows[0]! };
}

/**
 * Every active room and interpreter with its weekly hours (none when it keeps the default
 * hours), and its blackouts and leave in [from, to): the capacity utilisation is measured against.
 */
export async function resourceCalendars(db: Db, from: Date, to: Date) {
  const [resources, blackouts] = await Promise.all([
    sql<{ kind: 'room' | 'interpreter'; id: string; weekday: number | null; start: string | null; end: string | null; time_zone: string | null }>`
      with res as (
        select 'room' as kind, id from rooms where active
        union all select 'interpreter', id from interpreters where active
      )
      select res.kind, res.id, a.weekday, a.start_time as start, a.end_time as end, a.time_zone
      from res left join availability_rules a
        on (res.kind = 'room' and a.room_id = res.id) or (res.kind = 'interpreter' and a.interpreter_id = res.id)
      order by 1, 2`.execute(db),
    sql<{ room_id: string | null; interpreter_id: string | null; starts_at: Date; ends_at: Date }>`
      select room_id, interpreter_id, starts_at, ends_at from blackouts
      where (room_id is not null or interpreter_id is not null) and starts_at < ${to} and ends_at > ${from}`.execute(db),
  ]);
  return { resources: resources.rows, blackouts: blackouts.rows };
}
