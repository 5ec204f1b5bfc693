// The control tower's rules: staff only; a day's board in Korea's calendar; the queue of
// unplaced requests with a suggested slot each, placed in one transaction; the figures.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { requireStaff, type SessionUser } from '../auth/user.ts';
import { DAY, MINUTE, type Interval } from '../scheduling/intervals.ts';
import { localDay, localIso } from '../scheduling/weekly-hours.ts';
import { findBookableByCompanyId } from '../repositories/catalogue.ts';
import { hashToken, recordEvent, setMeetingRequestStatus, tryInsertConsultation } from '../repositories/bookings.ts';
import { type BoardRow, boardConsultations, findQueuedRequest, listRooms, programmeFigures, queuedRequests, resourceCalendars } from '../repositories/control.ts';
import { enqueueConsultationMail } from '../jobs/consultation-mail-jobs.ts';
import { appSecret, manageTokenFor } from '../lib/manage-token.ts';
import { interpreterLanguage } from '../scheduling/interpreter.ts';
import { computeSlots, DEFAULT_HOURS, slotView, type BookingDeps, type SlotSearch } from './booking.ts';
import { openMinutes, type ResourceHours } from '../scheduling/capacity.ts';

const KOREA = 'Asia/Seoul';

/** A consultation as the board shows it (staff see names, never e-mails). */
export function boardItem(c: BoardRow) {
  return {
    id: c.id, roomId: c.roomId, status: c.status, awaiting: c.awaiting,
    startsAt: c.startsAt.toISOString(), endsAt: c.endsAt.toISOString(),
    koreaTime: { start: localIso(c.startsAt.getTime(), KOREA), end: localIso(c.endsAt.getTime(), KOREA) },
    company: { slug: c.companySlug, name: c.companyName ?? '' },
    buyer: { name: c.buyerName, company: c.buyerCompany, country: c.buyerCountry, timeZone: c.buyerTimeZone },
    interpreter: c.interpreterLanguage ? { id: c.interpreterId, language: c.interpreterLanguage, name: c.interpreterName } : null,
    pavilion: c.pavilion, region: c.region,
  };
}

/** Rooms down the side, the day's consultations across (a Korean calendar day). */
export async function board(deps: BookingDeps, user: SessionUser, q: { date: string; region?: string | undefined; pavilion?: string | undefined }) {
  requireStaff(user);
  const day = localDay(q.date, KOREA);
  const [rooms, consultations] = await Promise.all([
    listRooms(deps.db, q.region),
    boardConsultations(deps.db, new Date(day.start), new Date(day.end), q),
  ]);
  return {
    date: q.date,
    timeZone: KOREA,
    rooms,
    consultations: consultations.map(boardItem),
  };
}

type Queued = NonNullable<Awaited<ReturnType<typeof findQueuedRequest>>>;

async function searchFor(deps: BookingDeps, r: Pick<Queued, 'companyId' | 'timeZone' | 'buyerEmail' | 'language' | 'interpreter'>, window: Interval): Promise<SlotSearch> {
  const company = await findBookableByCompanyId(deps.db, r.companyId);
  if (!company) throw new ConflictError('The company is not taking meetings at the moment.');
  return { company, buyerTimeZone: r.timeZone, buyerEmail: r.buyerEmail, language: r.language, interpreter: r.interpreter, window };
}

/** Unplaced requests, oldest first, each with the first slot that would work now. */
export async function requestQueue(deps: BookingDeps, user: SessionUser) {
  requireStaff(user);
  const now = deps.now();
  const horizon = { start: now, end: now + deps.config.scheduling.horizonDays * DAY };
  const rows = await queuedRequests(deps.db);
  const items = [];
  for (const r of rows) {
    const search = await searchFor(deps, r, horizon).catch(() => undefined);
    const first = search ? (await computeSlots(deps, search, now))[0] : undefined;
    items.push({
      id: r.id, createdAt: r.createdAt.toISOString(), company: { slug: r.companySlug, name: r.companyName ?? '' }, product: r.productSlug,
      buyer: { name: r.buyerName, company: r.buyerCompany, country: r.buyerCountry, language: r.language, timeZone: r.timeZone },
      interpreter: r.interpreter, message: r.message, preferredSlots: r.preferredSlots.map((d) => d.toISOString()),
      suggested: first && search ? slotView(first, r.timeZone, search.company.timeZone) : null,
    });
  }
  return { items };
}

/** Books a queued request at `start` (staff act for the company: scheduled, not held). */
export async function placeRequest(deps: BookingDeps, user: SessionUser, id: string, start: Date) {
  requireStaff(user);
  const r = await findQueuedRequest(deps.db, id);
  if (!r) throw new NotFoundError(`No request ${id}.`);
  if (r.status !== 'queued') throw new ConflictError(`This request is ${r.status}, not waiting in the queue.`);
  const now = deps.now();
  const rules = deps.config.scheduling;
  const search = await searchFor(deps, r, { start: start.getTime() - DAY, end: start.getTime() + DAY });
  const slot = (await computeSlots(deps, search, now)).find((s) => s.start === start.getTime());
  if (!slot) throw new ConflictError('That time cannot be booked for this request. Pick another.');
  const lang = interpreterLanguage(r.interpreter, r.language, search.company.languages);
  const placed = await deps.db.transaction().execute(async (trx: Kysely<Database>) => {
    for (const roomId of slot.roomIds) {
      for (const interpreterId of lang ? slot.interpreterIds : [null]) {
        const videoRoom = `pavilion-${randomBytes(16).toString('hex')}`;
        const consultationId = await tryInsertConsultation(trx, {
          meetingRequestId: r.id, companyId: r.companyId, buyerId: r.buyerId, roomId, interpreterId,
          interpreterLanguage: interpreterId ? lang : null, startsAt: new Date(slot.start), endsAt: new Date(slot.end),
          roomFreeAt: new Date(slot.end + rules.roomBufferMinutes * MINUTE), videoRoom,
          manageTokenHash: hashToken(manageTokenFor(appSecret(deps.config), videoRoom)),
        });
        if (!consultationId) continue;
        await recordEvent(trx, { meetingRequestId: r.id, consultationId, event: 'scheduled', actorType: 'staff', actorId: user.id });
        await enqueueConsultationMail(deps.jobs, trx, { consultationId, event: 'scheduled', sequence: 0, startsAt: new Date(slot.start), now, interpreter: interpreterId !== null });
        return consultationId;
      }
    }
    return undefined;
  });
  if (!placed) throw new ConflictError('That time was just taken. Pick another.');
  await setMeetingRequestStatus(deps.db, r.id, 'scheduled');
  return { id: r.id, consultationId: placed, ...slotView(slot, r.timeZone, search.company.timeZone) };
}

/** Open minutes of the active rooms and interpreters in a range: hours (or defaults) minus blackouts. */
async function capacity(deps: BookingDeps, range: Interval) {
  const { resources, blackouts } = await resourceCalendars(deps.db, new Date(range.start), new Date(range.end));
  const calendars = new Map<string, ResourceHours & { kind: 'room' | 'interpreter' }>();
  for (const r of resources) {
    const key = `${r.kind}:${r.id}`;
    const entry = calendars.get(key) ?? { kind: r.kind, rules: [], blackouts: [] };
    if (r.weekday !== null) entry.rules.push({ weekday: r.weekday, start: r.start!, end: r.end!, timeZone: r.time_zone! });
    calendars.set(key, entry);
  }
  for (const b of blackouts) {
    calendars.get(b.room_id ? `room:${b.room_id}` : `interpreter:${b.interpreter_id}`)?.blackouts.push({ start: b.starts_at.getTime(), end: b.ends_at.getTime() });
  }
  const all = [...calendars.values()];
  return {
    room: openMinutes(all.filter((c) => c.kind === 'room'), DEFAULT_HOURS.room, range),
    interpreter: openMinutes(all.filter((c) => c.kind === 'interpreter'), DEFAULT_HOURS.interpreter, range),
  };
}

export async function statistics(deps: BookingDeps, user: SessionUser, q: { from: string; to: string }) {
  requireStaff(user);
  const range = { start: localDay(q.from, KOREA).start, end: localDay(q.to, KOREA).end };
  const [f, open] = await Promise.all([programmeFigures(deps.db, new Date(range.start), new Date(range.end)), capacity(deps, range)]);
  const count = (rows: { n: string }[]) => rows.reduce((s, r) => s + Number(r.n), 0);
  const status = Object.fromEntries(f.byStatus.map((r) => [r.status, Number(r.n)]));
  const met = (status.completed ?? 0) + (status.no_show ?? 0);
  return {
    from: q.from, to: q.to, timeZone: KOREA,
    consultations: { total: count(f.byStatus), byStatus: status },
    byDay: f.byDay.map((r) => ({ day: r.day, count: Number(r.n) })),
    byWeek: f.byWeek.map((r) => ({ weekStarting: r.week, count: Number(r.n) })),
    byPavilion: f.byPavilion.map((r) => ({ pavilion: r.pavilion, count: Number(r.n) })),
    byBuyerCountry: f.byCountry.map((r) => ({ country: r.country, count: Number(r.n) })),
    participants: { companies: Number(f.people.companies), buyers: Number(f.people.buyers), countries: Number(f.people.countries) },
    outcomes: f.outcomes.map((r) => ({ outcome: r.outcome, count: Number(r.n), dealValueUsd: Number(r.usd ?? 0) })),
    dealValueUsd: f.outcomes.reduce((s, r) => s + Number(r.usd ?? 0), 0),
    // Of the meetings that are over and marked, how many the buyer did not attend.
    noShowRate: met === 0 ? null : (status.no_show ?? 0) / met,
    utilisation: {
      rooms: open.room === 0 ? null : Number(f.utilisation.room_minutes ?? 0) / open.room,
      interpreters: open.interpreter === 0 ? null : Number(f.utilisation.interpreter_minutes ?? 0) / open.interpreter,
    },
  };
}
