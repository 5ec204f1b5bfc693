// The rules for the programme's resources (staff only). Pavilions: each change commits with
// its search sync and site rebuild; a retired pavilion and its products leave the hall but
// stay in the database. Rooms and interpreters: a change that would strand a live
// consultation (deactivation, leave or a closure for repairs, dropping a language it needs)
// is refused with the consultations named, under a lock the booking trigger respects (see
// the repository). New weekly hours are taken as given, and the answer names the live
// consultations they leave outside, for staff to move.
import type { Kysely } from 'kysely';
import type { Database, LocalizedText } from '../db/schema.ts';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors.ts';
import { requireStaff, type SessionUser } from '../auth/user.ts';
import type { JobQueue } from '../jobs/queue.ts';
import { enqueueCatalogueChange } from '../jobs/catalogue-jobs.ts';
import { localDate, localDay, localIso, type WeeklyRule } from '../scheduling/weekly-hours.ts';
import { outsideHours } from '../scheduling/outside-hours.ts';
import { DEFAULT_HOURS } from './booking.ts';
import type { InterpreterInput, LeaveInput, NewPavilion, PavilionTexts, RoomInput, WeeklyHours } from '../control/resource-schemas.ts';
import * as repo from '../repositories/resources.ts';

export type ResourceDeps = { db: Kysely<Database>; now: () => number; jobs?: JobQueue | undefined };
type Tx = Kysely<Database>;
const KOREA = 'Asia/Seoul';

/** Runs `write` in one transaction; a unique violation (name, slug, e-mail taken) becomes a 409. */
async function inTransaction<T>(deps: ResourceDeps, write: (trx: Tx) => Promise<T>, taken: string): Promise<T> {
  try {
    return await deps.db.transaction().execute(write);
  } catch (err) {
    if (repo.isUniqueViolation(err)) throw new ConflictError(taken);
    throw err;
  }
}

// ---------------------------------------------------------------- pavilions

type PavilionRow = Awaited<ReturnType<typeof repo.listPavilionsForStaff>>[number];
const pavilionView = (p: PavilionRow) => ({
  id: p.id, slug: p.slug, names: p.names, stories: p.stories, order: p.sortOrder,
  retired: p.retiredAt !== null, retiredAt: p.retiredAt?.toISOString() ?? null, productCount: Number(p.productCount ?? 0),
});
export type PavilionView = ReturnType<typeof pavilionView>;

export async function listPavilions(deps: ResourceDeps, user: SessionUser) {
  requireStaff(user);
  return { items: (await repo.listPavilionsForStaff(deps.db)).map(pavilionView) };
}

async function pavilion(deps: ResourceDeps, id: string): Promise<PavilionView> {
  const found = (await repo.listPavilionsForStaff(deps.db)).find((p) => p.id === id);
  if (!found) throw new NotFoundError(`No pavilion ${id}.`);
  return pavilionView(found);
}

/** The public side follows: the site rebuilt, the pavilions index and (when given) the products' documents rewritten. */
async function published(deps: ResourceDeps, trx: Tx, pavilionId: string, reason: string, withProducts: boolean) {
  const productIds = withProducts ? await repo.approvedProductIdsIn(trx, pavilionId) : [];
  await enqueueCatalogueChange(deps.jobs, trx, { pavilionIds: [pavilionId], productIds, reason });
}

export async function createPavilion(deps: ResourceDeps, user: SessionUser, input: NewPavilion): Promise<PavilionView> {
  requireStaff(user);
  const id = await inTransaction(deps, async (trx) => {
    const created = await repo.insertPavilion(trx, { slug: input.slug, names: input.names, stories: input.stories });
    if (!created) throw new ConflictError(`A pavilion with the address "${input.slug}" exists already (retired ones too). Choose another.`);
    await published(deps, trx, created, `pavilion ${input.slug} created`, false);
    return created;
  }, `A pavilion with the address "${input.slug}" exists already.`);
  return pavilion(deps, id);
}

/** Names and stories; the slug stays, so links to the pavilion keep working. */
export async function editPavilion(deps: ResourceDeps, user: SessionUser, id: string, texts: PavilionTexts): Promise<PavilionView> {
  requireStaff(user);
  await deps.db.transaction().execute(async (trx: Tx) => {
    const p = await repo.lockPavilion(trx, id);
    if (!p) throw new NotFoundError(`No pavilion ${id}.`);
    await repo.updatePavilionTexts(trx, id, { names: texts.names as LocalizedText, stories: texts.stories as LocalizedText });
    // Product documents carry the pavilion's name: rewrite them too.
    if (!p.retiredAt) await published(deps, trx, id, `pavilion ${p.slug} edited`, true);
  });
  return pavilion(deps, id);
}

/** Retiring takes the pavilion, its page and its products off the site and out of search; restoring brings them back. */
export async function setPavilionRetired(deps: ResourceDeps, user: SessionUser, id: string, retired: boolean): Promise<PavilionView> {
  requireStaff(user);
  await deps.db.transaction().execute(async (trx: Tx) => {
    const p = await repo.lockPavilion(trx, id);
    if (!p) throw new NotFoundError(`No pavilion ${id}.`);
    if ((p.retiredAt !== null) === retired) return; // already so: nothing to publish
    await repo.setPavilionRetired(trx, id, retired);
    await published(deps, trx, id, `pavilion ${p.slug} ${retired ? 'retired' : 'restored'}`, true);
  });
  return pavilion(deps, id);
}

/** The whole order at once: `ids` must name every pavilion (retired ones included) exactly once. */
export async function reorderPavilions(deps: ResourceDeps, user: SessionUser, ids: string[]) {
  requireStaff(user);
  await deps.db.transaction().execute(async (trx: Tx) => {
    const all = await repo.lockAllPavilionIds(trx);
    const given = new Set(ids);
    const missing = all.filter((id) => !given.has(id));
    const unknown = ids.filter((id) => !all.includes(id));
    if (unknown.length > 0) throw new InvalidInputError(`No pavilion ${unknown.join(', ')}.`, { errors: [{ path: 'ids', message: `Unknown pavilion ids: ${unknown.join(', ')}` }] });
    // Someone created a pavilion since this list was read: the order would be a guess.
    if (missing.length > 0) throw new ConflictError(`The list of pavilions has changed (${missing.length} missing from this order). Reload and order them again.`);
    await repo.setPavilionOrder(trx, ids);
    await enqueueCatalogueChange(deps.jobs, trx, { pavilionIds: ids, reason: 'pavilions reordered' });
  });
  return listPavilions(deps, user);
}

// ---------------------------------------------------------------- hours, stranded consultations

type HoursRow = Awaited<ReturnType<typeof repo.hoursOf>>[number];
const hhmm = (t: string) => t.slice(0, 5);

function hoursView(rows: HoursRow[] | undefined, ownZone: string) {
  if (!rows?.length) return { timeZone: ownZone, hours: [], usesDefault: true };
  return { timeZone: rows[0]!.time_zone, hours: rows.map((r) => ({ weekday: r.weekday, start: hhmm(r.start), end: hhmm(r.end) })), usesDefault: false };
}

function groupBy<T>(rows: T[], key: (r: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

type Stranded = Awaited<ReturnType<typeof repo.liveConsultationsOf>>;

const consultationRef = (r: Stranded[number]) => ({
  id: r.id, startsAt: r.startsAt.toISOString(), koreaTime: localIso(r.startsAt.getTime(), KOREA),
  company: r.companyName ?? '', buyer: r.buyerName, language: r.language,
});

/** A 409 naming the live consultations a change would strand (the first ten in detail). */
function strandedConflict(what: string, rows: Stranded, advice: string): ConflictError {
  const listed = rows.slice(0, 10).map(consultationRef);
  const names = listed.slice(0, 3).map((c) => `#${c.id} ${c.koreaTime.slice(0, 16).replace('T', ' ')} Korea time, ${c.company} with ${c.buyer}`).join('; ');
  const n = rows.length;
  return new ConflictError(
    `${what} has ${n} live consultation${n === 1 ? '' : 's'} (${names}${n > 3 ? '; …' : ''}). ${advice}`,
    { count: n, consultations: listed },
  );
}

/**
 * Replaces an owner's weekly hours and names its live consultations ahead that the new
 * hours leave outside (none given: the default hours). They keep their times: a meeting
 * two companies and a buyer agreed on is moved by staff on the board, not by a form.
 */
async function replaceHoursNaming(deps: ResourceDeps, trx: Tx, owner: repo.Owner, hours: WeeklyHours, fallback: WeeklyRule[]) {
  await repo.replaceHours(trx, owner, hours.timeZone, hours.hours);
  const rules = hours.hours.length ? hours.hours.map((h) => ({ ...h, timeZone: hours.timeZone })) : fallback;
  const ahead = await repo.liveConsultationsOf(trx, owner, new Date(deps.now()));
  const meetings = ahead.map((r) => ({ ...r, start: r.startsAt.getTime(), end: r.endsAt.getTime() }));
  return outsideHours(meetings, rules).map(consultationRef);
}

type Blackout = Awaited<ReturnType<typeof repo.blackoutsOf>>[number];

/** A period of leave or a closure, as whole local days in the owner's zone. */
function blackoutView(b: Blackout, timeZone: string) {
  return {
    id: b.id, from: localDate(b.startsAt.getTime(), timeZone), to: localDate(b.endsAt.getTime() - 1, timeZone),
    startsAt: b.startsAt.toISOString(), endsAt: b.endsAt.toISOString(), reason: b.reason,
  };
}

/**
 * Whole days of leave (an interpreter) or closure (a room under repair) in the owner's zone.
 * Over a live consultation it is refused, not accepted with a warning: accepted, the meeting
 * would go ahead without its interpreter or room unless someone acted on the warning;
 * refused, staff first give those meetings another one (the board offers the free ones),
 * then the period goes in. Nothing is missed.
 */
async function addBlackout(
  deps: ResourceDeps, trx: Tx, owner: repo.Owner, o: { name: string; timeZone: string }, period: LeaveInput, advice: string,
): Promise<void> {
  const span = { startsAt: new Date(localDay(period.from, o.timeZone).start), endsAt: new Date(localDay(period.to, o.timeZone).end) };
  if (span.endsAt.getTime() <= deps.now()) {
    throw new InvalidInputError('That period is over already.', { errors: [{ path: 'to', message: 'Must be today or later' }] });
  }
  const clash = await repo.liveConsultationsOf(trx, owner, span.startsAt, span.endsAt);
  if (clash.length > 0) throw strandedConflict(`${o.name} ${period.from === period.to ? `on ${period.from}` : `from ${period.from} to ${period.to}`}`, clash, advice);
  await repo.insertBlackout(trx, owner, { ...span, reason: period.reason });
}

// ---------------------------------------------------------------- rooms

type RoomListRow = Awaited<ReturnType<typeof repo.listRoomsForStaff>>[number];
const roomView = (r: RoomListRow, hours: HoursRow[] | undefined, closures: Blackout[] | undefined) => ({
  id: r.id, name: r.name, kind: r.kind, location: r.location, region: r.region, timeZone: r.timeZone,
  bufferMinutes: r.bufferMinutes, equipment: r.equipment, active: r.active, liveAhead: Number(r.ahead ?? 0),
  hours: hoursView(hours, r.timeZone),
  closures: (closures ?? []).map((b) => blackoutView(b, r.timeZone)),
});
export type RoomView = ReturnType<typeof roomView>;

export async function listRooms(deps: ResourceDeps, user: SessionUser) {
  requireStaff(user);
  const now = new Date(deps.now());
  const [rooms, hours, closures] = await Promise.all([repo.listRoomsForStaff(deps.db, now), repo.hoursOf(deps.db, 'room'), repo.blackoutsOf(deps.db, 'room', now)]);
  const byRoom = groupBy(hours, (h) => h.owner);
  const closuresBy = groupBy(closures, (b) => b.owner);
  return { items: rooms.map((r) => roomView(r, byRoom.get(r.id), closuresBy.get(r.id))) };
}

async function room(deps: ResourceDeps, user: SessionUser, id: string): Promise<RoomView> {
  const found = (await listRooms(deps, user)).items.find((r) => r.id === id);
  if (!found) throw new NotFoundError(`No room ${id}.`);
  return found;
}

const roomTaken = (name: string) => `There is a room or booth called "${name}" already. Names must differ: staff and e-mails go by them.`;

export async function createRoom(deps: ResourceDeps, user: SessionUser, input: RoomInput): Promise<RoomView> {
  requireStaff(user);
  const id = await inTransaction(deps, async (trx) => {
    const created = await repo.insertRoom(trx, input);
    if (!created) throw new ConflictError(roomTaken(input.name));
    return created;
  }, roomTaken(input.name));
  return room(deps, user, id);
}

export async function editRoom(deps: ResourceDeps, user: SessionUser, id: string, input: RoomInput): Promise<RoomView> {
  requireStaff(user);
  await inTransaction(deps, async (trx) => {
    if (!(await repo.lockRoom(trx, id))) throw new NotFoundError(`No room ${id}.`);
    await repo.updateRoom(trx, id, input);
  }, roomTaken(input.name));
  return room(deps, user, id);
}

/** New weekly hours, and the live consultations ahead they leave outside (see replaceHoursNaming). */
export async function setRoomHours(deps: ResourceDeps, user: SessionUser, id: string, hours: WeeklyHours) {
  requireStaff(user);
  const outside = await deps.db.transaction().execute(async (trx: Tx) => {
    if (!(await repo.lockRoom(trx, id))) throw new NotFoundError(`No room ${id}.`);
    return replaceHoursNaming(deps, trx, { room_id: id }, hours, DEFAULT_HOURS.room);
  });
  return { ...(await room(deps, user, id)), outsideHours: outside };
}

/** Whole days closed (repairs, another event): refused over live consultations (see addBlackout). */
export async function addRoomClosure(deps: ResourceDeps, user: SessionUser, id: string, closure: LeaveInput): Promise<RoomView> {
  requireStaff(user);
  await deps.db.transaction().execute(async (trx: Tx) => {
    const r = await repo.lockRoom(trx, id);
    if (!r) throw new NotFoundError(`No room ${id}.`);
    await addBlackout(deps, trx, { room_id: id }, r, closure, 'Give them another room on the board first, then close it.');
  });
  return room(deps, user, id);
}

export async function removeRoomClosure(deps: ResourceDeps, user: SessionUser, id: string, closureId: string): Promise<RoomView> {
  requireStaff(user);
  if (!(await repo.deleteBlackout(deps.db, { room_id: id }, closureId))) throw new NotFoundError(`Room ${id} has no closure ${closureId}.`);
  return room(deps, user, id);
}

export async function setRoomActive(deps: ResourceDeps, user: SessionUser, id: string, active: boolean): Promise<RoomView> {
  requireStaff(user);
  await deps.db.transaction().execute(async (trx: Tx) => {
    const r = await repo.lockRoom(trx, id);
    if (!r) throw new NotFoundError(`No room ${id}.`);
    if (!active) {
      const ahead = await repo.liveConsultationsOf(trx, { room_id: id }, new Date(deps.now()));
      if (ahead.length > 0) throw strandedConflict(r.name, ahead, 'Give them another room on the board, or cancel them, before taking it out of service.');
    }
    await repo.setRoomActive(trx, id, active);
  });
  return room(deps, user, id);
}

// ---------------------------------------------------------------- interpreters

type InterpreterList = Awaited<ReturnType<typeof repo.listInterpretersForStaff>>;

export async function listInterpreters(deps: ResourceDeps, user: SessionUser) {
  requireStaff(user);
  const now = new Date(deps.now());
  const [{ people, languages }, hours, leave]: [InterpreterList, HoursRow[], Blackout[]] = await Promise.all([
    repo.listInterpretersForStaff(deps.db, now), repo.hoursOf(deps.db, 'interpreter'), repo.blackoutsOf(deps.db, 'interpreter', now),
  ]);
  const langs = groupBy(languages, (l) => l.interpreter_id);
  const byOwner = groupBy(hours, (h) => h.owner);
  const leaveBy = groupBy(leave, (l) => l.owner);
  return {
    items: people.map((p) => ({
      id: p.id, name: p.name, email: p.email, timeZone: p.timeZone, active: p.active, liveAhead: Number(p.ahead ?? 0),
      languages: (langs.get(p.id) ?? []).map((l) => l.language),
      hours: hoursView(byOwner.get(p.id), p.timeZone),
      leave: (leaveBy.get(p.id) ?? []).map((l) => blackoutView(l, p.timeZone)),
    })),
  };
}
export type InterpreterView = Awaited<ReturnType<typeof listInterpreters>>['items'][number];

async function interpreter(deps: ResourceDeps, user: SessionUser, id: string): Promise<InterpreterView> {
  const found = (await listInterpreters(deps, user)).items.find((i) => i.id === id);
  if (!found) throw new NotFoundError(`No interpreter ${id}.`);
  return found;
}

const emailTaken = (email: string) => `${email} is another interpreter's address already.`;

export async function createInterpreter(deps: ResourceDeps, user: SessionUser, input: InterpreterInput): Promise<InterpreterView> {
  requireStaff(user);
  const id = await inTransaction(deps, async (trx) => {
    const created = await repo.insertInterpreter(trx, input);
    if (!created) throw new ConflictError(emailTaken(input.email));
    return created;
  }, emailTaken(input.email));
  return interpreter(deps, user, id);
}

/** Dropping a language is refused while a live consultation ahead needs the interpreter for it. */
export async function editInterpreter(deps: ResourceDeps, user: SessionUser, id: string, input: InterpreterInput): Promise<InterpreterView> {
  requireStaff(user);
  await inTransaction(deps, async (trx) => {
    const i = await repo.lockInterpreter(trx, id);
    if (!i) throw new NotFoundError(`No interpreter ${id}.`);
    const ahead = await repo.liveConsultationsOf(trx, { interpreter_id: id }, new Date(deps.now()));
    const needing = ahead.filter((c) => c.language !== null && !input.languages.includes(c.language));
    if (needing.length > 0) {
      const dropped = [...new Set(needing.map((c) => c.language))].join(', ');
      throw strandedConflict(`${i.name} interprets ${dropped} and`, needing, 'Give them another interpreter on the board before removing the language.');
    }
    await repo.updateInterpreter(trx, id, input);
  }, emailTaken(input.email));
  return interpreter(deps, user, id);
}

/** New weekly hours, and the live consultations ahead they leave outside (see replaceHoursNaming). */
export async function setInterpreterHours(deps: ResourceDeps, user: SessionUser, id: string, hours: WeeklyHours) {
  requireStaff(user);
  const outside = await deps.db.transaction().execute(async (trx: Tx) => {
    if (!(await repo.lockInterpreter(trx, id))) throw new NotFoundError(`No interpreter ${id}.`);
    return replaceHoursNaming(deps, trx, { interpreter_id: id }, hours, DEFAULT_HOURS.interpreter);
  });
  return { ...(await interpreter(deps, user, id)), outsideHours: outside };
}

/** Whole days of leave: refused over live consultations (see addBlackout). */
export async function addLeave(deps: ResourceDeps, user: SessionUser, id: string, leave: LeaveInput): Promise<InterpreterView> {
  requireStaff(user);
  await deps.db.transaction().execute(async (trx: Tx) => {
    const i = await repo.lockInterpreter(trx, id);
    if (!i) throw new NotFoundError(`No interpreter ${id}.`);
    await addBlackout(deps, trx, { interpreter_id: id }, i, leave, 'Give them another interpreter on the board first, then add the leave.');
  });
  return interpreter(deps, user, id);
}

export async function removeLeave(deps: ResourceDeps, user: SessionUser, id: string, leaveId: string): Promise<InterpreterView> {
  requireStaff(user);
  if (!(await repo.deleteBlackout(deps.db, { interpreter_id: id }, leaveId))) throw new NotFoundError(`Interpreter ${id} has no leave ${leaveId}.`);
  return interpreter(deps, user, id);
}

export async function setInterpreterActive(deps: ResourceDeps, user: SessionUser, id: string, active: boolean): Promise<InterpreterView> {
  requireStaff(user);
  await deps.db.transaction().execute(async (trx: Tx) => {
    const i = await repo.lockInterpreter(trx, id);
    if (!i) throw new NotFoundError(`No interpreter ${id}.`);
    if (!active) {
      const ahead = await repo.liveConsultationsOf(trx, { interpreter_id: id }, new Date(deps.now()));
      if (ahead.length > 0) throw strandedConflict(i.name, ahead, 'Give them another interpreter on the board before taking them off the roster.');
    }
    await repo.setInterpreterActive(trx, id, active);
  });
  return interpreter(deps, user, id);
}
