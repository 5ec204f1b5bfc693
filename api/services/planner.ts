// The consultation-week planner for staff: a proposal for seven Korean days (nothing is
// stored), and its commit, which books every placement in one transaction through the same
// repository calls as placing one queued request (the exclusion constraints guard each
// insert), or nothing at all when any placement has become impossible.
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { requireStaff, type SessionUser } from '../auth/user.ts';
import type { Database } from '../db/schema.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { enqueueConsultationMail } from '../jobs/consultation-mail-jobs.ts';
import { appSecret, manageTokenFor } from '../lib/manage-token.ts';
import { checkPlan } from '../planner/check.ts';
import type { PlannerInstance } from '../planner/instance.ts';
import { planInWorker } from '../planner/run.ts';
import { hashToken, recordEvent, tryInsertConsultation } from '../repositories/bookings.ts';
import { plannerRequests, plannerResources, type PlannerRequestRow } from '../repositories/planner.ts';
import { DAY, type Interval, MINUTE } from '../scheduling/intervals.ts';
import { interpreterLanguage } from '../scheduling/interpreter.ts';
import { localDay, type WeeklyRule } from '../scheduling/weekly-hours.ts';
import { BUYER_LOCAL_HOURS, DEFAULT_HOURS, slotView, type BookingDeps } from './booking.ts';

const KOREA = 'Asia/Seoul';
/** The most requests one plan takes (the benchmark's largest week). */
export const MAX_PLANNED_REQUESTS = 5_000;
const DEFAULT_TIME_LIMIT_SECONDS = 10;

async function loadInstance(deps: BookingDeps, window: Interval, rows: PlannerRequestRow[]): Promise<{ instance: PlannerInstance; names: Map<string, string> }> {
  const rules = deps.config.scheduling;
  // Bookings just outside the window still reach into it (a room's buffer, a late meeting).
  const margin = (rules.slotMinutes + rules.roomBufferMinutes) * MINUTE;
  const res = await plannerResources(deps.db, {
    window: { start: window.start - margin, end: window.end + margin },
    companyIds: [...new Set(rows.map((r) => r.companyId))],
    buyerIds: [...new Set(rows.map((r) => r.buyerId))],
  });
  const zoneOf = new Map(rows.map((r) => [r.buyerId, r.buyerTimeZone]));
  const names = new Map([...res.rooms.map((r) => [`room:${r.id}`, r.name] as const), ...res.interpreters.map((i) => [`interpreter:${i.id}`, i.name] as const)]);
  const hours = (c: { rules: WeeklyRule[] }, fallback: WeeklyRule[]) => (c.rules.length ? c.rules : fallback);
  const instance: PlannerInstance = {
    window,
    rules: { slotMinutes: rules.slotMinutes, roomBufferMinutes: rules.roomBufferMinutes, minNoticeMinutes: rules.minNoticeMinutes, horizonDays: rules.horizonDays },
    companies: res.companies.map((c) => ({ id: c.id, languages: c.languages, hours: hours(c, DEFAULT_HOURS.company(c.timeZone)), blackouts: c.blackouts, busy: c.busy })),
    buyers: res.buyers.map((b) => ({ id: b.id, timeZone: zoneOf.get(b.id)!, localHours: BUYER_LOCAL_HOURS, busy: b.busy })),
    rooms: res.rooms.map((r) => ({ id: r.id, hours: hours(r, DEFAULT_HOURS.room), blackouts: r.blackouts, busy: r.busy })),
    interpreters: res.interpreters.map((i) => ({ id: i.id, languages: i.languages, hours: hours(i, DEFAULT_HOURS.interpreter), blackouts: i.blackouts, busy: i.busy })),
    requests: rows.map((r) => ({
      id: r.id, companyId: r.companyId, buyerId: r.buyerId, language: r.language, interpreter: r.interpreter, timeZone: r.timeZone,
      // The buyer's chosen times, first choice first: priorities 3, 2, then 1.
      preferences: r.preferredSlots.map((d, k) => ({ start: d.getTime(), end: d.getTime() + rules.slotMinutes * MINUTE, priority: Math.max(1, 3 - k) })),
    })),
  };
  return { instance, names };
}

/** A plan for the seven Korean days from `week` of the queued requests (all, or those named). Stores nothing. */
export async function proposeWeek(deps: BookingDeps, user: SessionUser, q: { week: string; requestIds?: string[] | undefined; timeLimitSeconds?: number | undefined }) {
  requireStaff(user);
  const window = { start: localDay(q.week, KOREA).start, end: localDay(q.week, KOREA).start + 7 * DAY };
  const rows = await plannerRequests(deps.db, { ids: q.requestIds, limit: MAX_PLANNED_REQUESTS });
  const queued = rows.filter((r) => r.status === 'queued');
  const missing = q.requestIds?.filter((id) => !rows.some((r) => r.id === id)) ?? [];
  if (missing.length) throw new NotFoundError(`No request ${missing.join(', ')}.`, { requestIds: missing });
  const { instance, names } = await loadInstance(deps, window, queued);
  const plan = await planInWorker(instance, { now: deps.now(), timeLimitMs: (q.timeLimitSeconds ?? DEFAULT_TIME_LIMIT_SECONDS) * 1000 });
  const byId = new Map(queued.map((r) => [r.id, r]));
  const who = (r: PlannerRequestRow) => ({ company: { slug: r.companySlug, name: r.companyName ?? '' }, buyer: { name: r.buyerName, country: r.buyerCountry } });
  return {
    week: { start: new Date(window.start).toISOString(), end: new Date(window.end).toISOString(), timeZone: KOREA },
    requests: queued.length,
    placed: plan.placed,
    objective: plan.objective,
    bound: plan.bound,
    gap: plan.gap,
    optimal: plan.optimal,
    /** How long the planner took, in seconds. */
    seconds: plan.stats.ms / 1000,
    placements: plan.placements.map((p) => {
      const r = byId.get(p.requestId)!;
      return {
        requestId: p.requestId, roomId: p.roomId, interpreterId: p.interpreterId,
        room: names.get(`room:${p.roomId}`) ?? '', interpreter: p.interpreterId ? names.get(`interpreter:${p.interpreterId}`) ?? '' : null,
        ...who(r), ...slotView(p, r.timeZone, KOREA),
      };
    }),
    // Requests asked for that are no longer queued are reported, not planned.
    unplaced: [
      ...plan.unplaced.map((u) => ({ requestId: u.requestId, ...u.reason, ...who(byId.get(u.requestId)!) })),
      ...rows.filter((r) => r.status !== 'queued').map((r) => ({ requestId: r.id, code: 'not-queued', message: `This request is ${r.status}, not waiting in the queue.`, ...who(r) })),
    ],
  };
}

export type CommitPlacement = { requestId: string; start: Date; roomId: string; interpreterId: string | null };

/**
 * Books every placement of a proposal in one transaction, or none: each is checked against
 * the calendars as they are now, then inserted under the database's exclusion constraints;
 * the first that cannot be had rolls everything back (409).
 */
export async function commitProposal(deps: BookingDeps, user: SessionUser, placements: CommitPlacement[]) {
  requireStaff(user);
  const ids = placements.map((p) => p.requestId);
  if (new Set(ids).size !== ids.length) throw new InvalidInputError('A request appears twice in the proposal.');
  const rows = await plannerRequests(deps.db, { ids, limit: ids.length });
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) throw new NotFoundError(`No request ${missing.join(', ')}.`, { requestIds: missing });
  const stale = rows.filter((r) => r.status !== 'queued');
  if (stale.length) throw new ConflictError('Some requests are no longer waiting in the queue. Plan again.', { requestIds: stale.map((r) => r.id) });

  const now = deps.now();
  const rules = deps.config.scheduling;
  const starts = placements.map((p) => p.start.getTime());
  const window = { start: Math.min(...starts), end: Math.max(...starts) + rules.slotMinutes * MINUTE };
  const { instance } = await loadInstance(deps, window, rows);
  const violations = checkPlan(instance, placements.map((p) => ({ ...p, start: p.start.getTime() })), now);
  if (violations.length) throw new ConflictError('The proposal cannot be booked as it stands any more. Plan again.', { violations });

  const byId = new Map(rows.map((r) => [r.id, r]));
  const languages = new Map(instance.companies.map((c) => [c.id, c.languages]));
  const booked = await deps.db.transaction().execute(async (trx: Kysely<Database>) => {
    // Hold the requests so a second commit of the same proposal waits, then finds them placed.
    const locked = await trx.selectFrom('meeting_requests').select(['id', 'status']).where('id', 'in', ids).forUpdate().execute();
    const gone = locked.filter((r) => r.status !== 'queued').map((r) => r.id);
    if (gone.length) throw new ConflictError('Some requests were placed meanwhile. Plan again.', { requestIds: gone });
    const out = [];
    for (const p of placements) {
      const r = byId.get(p.requestId)!;
      const lang = interpreterLanguage(r.interpreter, r.language, languages.get(r.companyId) ?? []);
      const start = p.start.getTime();
      const end = start + rules.slotMinutes * MINUTE;
      const videoRoom = `pavilion-${randomBytes(16).toString('hex')}`;
      const consultationId = await tryInsertConsultation(trx, {
        meetingRequestId: r.id, companyId: r.companyId, buyerId: r.buyerId, roomId: p.roomId, interpreterId: p.interpreterId,
        interpreterLanguage: p.interpreterId ? lang : null, startsAt: new Date(start), endsAt: new Date(end),
        roomFreeAt: new Date(end + rules.roomBufferMinutes * MINUTE), videoRoom,
        manageTokenHash: hashToken(manageTokenFor(appSecret(deps.config), videoRoom)),
      });
      if (!consultationId) throw new ConflictError('A time, room or interpreter in the proposal was just taken. Nothing was booked; plan again.', { requestId: r.id });
      await recordEvent(trx, { meetingRequestId: r.id, consultationId, event: 'scheduled', actorType: 'staff', actorId: user.id, details: { via: 'week planner' } });
      await enqueueConsultationMail(deps.jobs, trx, { consultationId, event: 'scheduled', sequence: 0, startsAt: new Date(start), now, interpreter: p.interpreterId !== null });
      out.push({ requestId: r.id, consultationId, ...slotView({ start, end }, r.timeZone, KOREA) });
    }
    return out;
  });
  return { committed: booked.length, placements: booked };
}
