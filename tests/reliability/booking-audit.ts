// What the database must hold after any amount of traffic: no company, buyer, room or
// interpreter booked twice at once; every answered booking stored whole (request,
// consultation, history) with its e-mails queued; every 202 in the staff queue. Each check
// returns the problems it found, described for a person; none means the bookings are sound.
import { sql, type Kysely } from 'kysely';
import { LIVE_CONSULTATION_STATUSES, type Database } from '../../api/db/schema.ts';

/** A meeting request the API answered: 201 with its consultation, or 202 queued. */
export type Answered = { status: 201 | 202; id: string; bookingStatus: string; startsAt?: string };

export type AuditResult = { check: string; problems: string[] };

const live = sql.join([...LIVE_CONSULTATION_STATUSES]);

async function doubleBookings(db: Kysely<Database>): Promise<AuditResult> {
  const problems: string[] = [];
  const resources = [
    ['company', 'company_id', 'ends_at'], ['buyer', 'buyer_id', 'ends_at'],
    ['room (with its turnover buffer)', 'room_id', 'room_free_at'], ['interpreter', 'interpreter_id', 'ends_at'],
  ] as const;
  for (const [what, column, end] of resources) {
    const { rows } = await sql<{ a: string; b: string }>`
      select a.id::text as a, b.id::text as b from consultations a join consultations b
        on a.id < b.id and a.${sql.ref(column)} = b.${sql.ref(column)}
       and tstzrange(a.starts_at, a.${sql.ref(end)}) && tstzrange(b.starts_at, b.${sql.ref(end)})
      where a.status in (${live}) and b.status in (${live})
      limit 20`.execute(db);
    for (const r of rows) problems.push(`consultations ${r.a} and ${r.b} book the same ${what} at overlapping times`);
  }
  return { check: 'no company, buyer, room or interpreter booked twice at once', problems };
}

async function answeredAreStored(db: Kysely<Database>, answered: Answered[]): Promise<AuditResult> {
  const problems: string[] = [];
  const ids = answered.map((a) => a.id);
  const rows = ids.length === 0 ? [] : await db.selectFrom('meeting_requests as m')
    .leftJoin('consultations as c', 'c.meeting_request_id', 'm.id')
    .select(['m.id', 'm.status as requestStatus', 'c.status as consultationStatus', 'c.starts_at'])
    .where('m.id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  for (const a of answered) {
    const row = byId.get(a.id);
    if (!row) problems.push(`request ${a.id} was answered ${a.status} but is not stored`);
    else if (a.status === 202 && row.requestStatus !== 'queued') problems.push(`request ${a.id} was answered 202 (queued) but is ${row.requestStatus}`);
    else if (a.status === 201 && !row.consultationStatus) problems.push(`request ${a.id} was answered 201 but has no consultation`);
    else if (a.status === 201 && row.starts_at!.toISOString() !== a.startsAt) problems.push(`request ${a.id} was answered for ${a.startsAt} but is stored for ${row.starts_at!.toISOString()}`);
  }
  return { check: 'every 201 and 202 answered is stored as answered', problems };
}

async function wholeBookings(db: Kysely<Database>): Promise<AuditResult> {
  const problems: string[] = [];
  const { rows: broken } = await sql<{ id: string }>`
    select c.id::text as id from consultations c
    where not exists (select 1 from meeting_requests m where m.id = c.meeting_request_id)
       or not exists (select 1 from consultation_events e where e.consultation_id = c.id)
    limit 20`.execute(db);
  for (const r of broken) problems.push(`consultation ${r.id} lacks its request or its history`);
  const { rows: hollow } = await sql<{ id: string }>`
    select m.id::text as id from meeting_requests m where m.status = 'scheduled'
      and not exists (select 1 from consultations c where c.meeting_request_id = m.id)
    limit 20`.execute(db);
  for (const r of hollow) problems.push(`request ${r.id} is scheduled but has no consultation`);
  return { check: 'only whole bookings: request, consultation and history together', problems };
}

/** Each consultation's first e-mails: the invitation (or, while the company decides, the hold notice). */
async function mailQueued(db: Kysely<Database>, answered: Answered[]): Promise<AuditResult> {
  const problems: string[] = [];
  const booked = answered.filter((a) => a.status === 201);
  if (booked.length === 0) return { check: 'every booking answered 201 has its e-mails queued', problems };
  const { rows } = await sql<{ request: string; consultation: string; status: string; interpreter: boolean; roles: string[] | null }>`
    select m.id::text as request, c.id::text as consultation, c.status, c.interpreter_id is not null as interpreter,
      (select array_agg(distinct j.data->>'role') from pgboss.job j
        where j.name = 'email' and j.data->>'consultationId' = c.id::text
          and j.data->>'event' = (case when c.status = 'held' then 'held' else 'scheduled' end)) as roles
    from meeting_requests m join consultations c on c.meeting_request_id = m.id
    where m.id in (${sql.join(booked.map((a) => a.id))})
      and c.status in ('held', 'scheduled', 'confirmed')`.execute(db);
  for (const r of rows) {
    const want = r.status === 'held' ? ['buyer', 'company'] : ['buyer', 'company', ...(r.interpreter ? ['interpreter'] : [])];
    const missing = want.filter((role) => !(r.roles ?? []).includes(role));
    if (missing.length) problems.push(`consultation ${r.consultation} (${r.status}) has no e-mail queued for ${missing.join(', ')}`);
  }
  return { check: 'every booking answered 201 has its e-mails queued', problems };
}

export async function auditBookings(db: Kysely<Database>, answered: Answered[]): Promise<AuditResult[]> {
  return [await doubleBookings(db), await answeredAreStored(db, answered), await wholeBookings(db), await mailQueued(db, answered)];
}
