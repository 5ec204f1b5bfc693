// An independent check that a plan breaks no rule. It shares nothing with the planner but
// the instance and the time helpers (the one place time zones are handled): no planner grid,
// no candidate lists, no solver; plain pairwise overlap tests on real intervals. planWeek
// runs it on every plan it returns, and the tests run it on every plan they see.
import { covers, type Interval, isClear, MINUTE, normalise, subtract } from '../scheduling/intervals.ts';
import { interpreterLanguage, primaryLanguage } from '../scheduling/interpreter.ts';
import { bookableWindow } from '../scheduling/slots.ts';
import { dailyHours, expandWeeklyHours } from '../scheduling/weekly-hours.ts';
import type { Calendar, PlannerInstance } from './instance.ts';

export type CheckedPlacement = { requestId: string; start: number; roomId: string; interpreterId: string | null };
export type Violation = { requestId: string; message: string };

export function checkPlan(instance: PlannerInstance, placements: readonly CheckedPlacement[], now: number): Violation[] {
  const out: Violation[] = [];
  const { rules } = instance;
  const length = rules.slotMinutes * MINUTE;
  const buffer = rules.roomBufferMinutes * MINUTE;
  const window = bookableWindow(now, instance.window, rules);
  // Expanding hours is the slow part: once per owner (companies, rooms... are distinct objects).
  const opens = new Map<object, Interval[]>();
  const openOf = (cal: Calendar) => {
    let open = opens.get(cal);
    if (!open) opens.set(cal, (open = subtract(expandWeeklyHours(cal.hours, instance.window), normalise(cal.blackouts ?? []))));
    return open;
  };
  const localHours = new Map<string, Interval[]>();
  const free = (cal: { busy?: Interval[] | undefined }, probe: Interval) => isClear(normalise(cal.busy ?? []), probe);

  const requests = new Map(instance.requests.map((r) => [r.id, r]));
  const companies = new Map(instance.companies.map((c) => [c.id, c]));
  const buyers = new Map(instance.buyers.map((b) => [b.id, b]));
  const rooms = new Map(instance.rooms.map((r) => [r.id, r]));
  const interpreters = new Map(instance.interpreters.map((i) => [i.id, i]));
  const uses = { company: new Map<string, [Interval, string][]>(), buyer: new Map<string, [Interval, string][]>(), room: new Map<string, [Interval, string][]>(), interpreter: new Map<string, [Interval, string][]>() };
  const use = (kind: keyof typeof uses, id: string, interval: Interval, requestId: string) => {
    const list = uses[kind].get(id) ?? [];
    list.push([interval, requestId]);
    uses[kind].set(id, list);
  };
  const seen = new Set<string>();

  for (const p of placements) {
    const bad = (message: string) => out.push({ requestId: p.requestId, message });
    const req = requests.get(p.requestId);
    if (!req) { bad('placed, but no such request'); continue; }
    if (seen.has(p.requestId)) bad('placed twice');
    seen.add(p.requestId);
    const meeting = { start: p.start, end: p.start + length };
    if (p.start % length !== 0) bad('starts off the booking grid');
    if (meeting.start < window.start || meeting.end > window.end) bad('outside the week, the notice period or the horizon');

    const company = companies.get(req.companyId);
    if (!company) bad('unknown company');
    else {
      if (!covers(openOf(company), meeting)) bad("outside the company's hours");
      if (!free(company, meeting)) bad('the company already has a meeting then');
      use('company', company.id, meeting, p.requestId);
    }
    const buyer = buyers.get(req.buyerId);
    if (!buyer) bad('unknown buyer');
    else {
      const zone = req.timeZone ?? buyer.timeZone;
      let local = localHours.get(`${buyer.id} ${zone}`);
      if (!local) localHours.set(`${buyer.id} ${zone}`, (local = expandWeeklyHours(dailyHours(buyer.localHours.start, buyer.localHours.end, zone), instance.window)));
      if (!covers(local, meeting)) bad("outside the buyer's local hours");
      if (!free(buyer, meeting)) bad('the buyer already has a meeting then');
      use('buyer', buyer.id, meeting, p.requestId);
    }
    const room = rooms.get(p.roomId);
    const withBuffer = { start: meeting.start, end: meeting.end + buffer };
    if (!room) bad(`unknown room ${p.roomId}`);
    else {
      if (!covers(openOf(room), meeting)) bad("outside the room's hours");
      if (!free(room, withBuffer)) bad('the room (with its turnover buffer) is already booked');
      use('room', room.id, withBuffer, p.requestId);
    }
    const needed = company ? interpreterLanguage(req.interpreter, req.language, company.languages) : null;
    if (needed === null) {
      if (p.interpreterId !== null) bad('an interpreter is booked though none is needed');
    } else if (p.interpreterId === null) bad(`needs a ${needed} interpreter`);
    else {
      const interpreter = interpreters.get(p.interpreterId);
      if (!interpreter) bad(`unknown interpreter ${p.interpreterId}`);
      else {
        if (!interpreter.languages.map(primaryLanguage).includes(needed)) bad(`interpreter ${interpreter.id} does not speak ${needed}`);
        if (!covers(openOf(interpreter), meeting)) bad("outside the interpreter's hours");
        if (!free(interpreter, meeting)) bad('the interpreter already has a meeting then');
        use('interpreter', interpreter.id, meeting, p.requestId);
      }
    }
  }

  for (const [kind, byOwner] of Object.entries(uses)) {
    for (const [owner, list] of byOwner) {
      list.sort((a, b) => a[0].start - b[0].start);
      let reach = -Infinity; // the latest end so far, and whose it is
      let reachId = '';
      for (const [cur, curId] of list) {
        if (cur.start < reach) out.push({ requestId: curId, message: `${kind} ${owner} double-booked with request ${reachId}` });
        if (cur.end > reach) { reach = cur.end; reachId = curId; }
      }
    }
  }
  return out;
}
