// What the week planner proposed (placements with both sides' times, what it could not
// place and why, the solver's figures) and what a commit booked. Presentation only: the
// planner screen (Planner.tsx) owns the data and the actions.
import type { Problem } from '../../lib/portal/api.ts';

export type LocalSpan = { start: string; end: string; timeZone: string };
type Who = { company: { slug: string; name: string }; buyer: { name: string; country: string } };
export type Placement = Who & {
  requestId: string; roomId: string; interpreterId: string | null; room: string; interpreter: string | null;
  start: string; end: string; buyerTime: LocalSpan; koreaTime: LocalSpan;
};
export type Unplaced = Who & { requestId: string; code: string; message: string; language?: string };
export type Proposal = {
  week: { start: string; end: string; timeZone: string };
  requests: number; placed: number; objective: number; bound: number; gap: number; optimal: boolean; seconds: number;
  placements: Placement[]; unplaced: Unplaced[];
};
export type Booked = { requestId: string; consultationId: string; start: string; buyerTime: LocalSpan; koreaTime: LocalSpan };

const regionName = new Intl.DisplayNames(['en'], { type: 'region' });
const languageName = new Intl.DisplayNames(['en'], { type: 'language' });
export const country = (code: string) => regionName.of(code) ?? code;
export const language = (tag: string) => languageName.of(tag) ?? tag;
const whole = new Intl.NumberFormat('en-US');
const hhmm = (iso: string) => iso.slice(11, 16);
/** "Tue 8 Dec" of a local ISO time (its own wall-clock date). */
const shortDay = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
export const koreaLabel = (t: LocalSpan) => `${shortDay(t.start)} ${hhmm(t.start)}–${hhmm(t.end)}`;
export const localLabel = (t: LocalSpan) => `${shortDay(t.start)} ${hhmm(t.start)} (${t.timeZone})`;
const companyName = (w: Who) => w.company.name || w.company.slug;

const REASONS: Record<string, string> = {
  'no-interpreter': 'No interpreter',
  'no-common-hours': 'No common hours',
  'company-unavailable': 'Company unavailable',
  'no-room': 'No room free',
  outcompeted: 'Outcompeted',
  'not-queued': 'No longer queued',
  'unknown-company': 'Company not taking meetings',
  'unknown-buyer': 'Unknown buyer',
};

export function SolverFigures({ p }: { p: Proposal }) {
  const gap = `${(p.gap * 100).toFixed(2)} %`;
  return (
    <dl className="kpis planner-figures">
      <div><dt>Placed</dt><dd data-figure="placed">{whole.format(p.placed)} of {whole.format(p.requests)}</dd></div>
      <div><dt>Objective</dt><dd data-figure="objective">{whole.format(p.objective)}</dd></div>
      <div><dt>Upper bound</dt><dd data-figure="bound">{whole.format(p.bound)}</dd></div>
      <div><dt>Gap</dt><dd data-figure="gap">{gap}</dd></div>
      <div><dt>Optimal</dt><dd data-figure="optimal">{p.optimal ? 'Yes, proved' : 'Not proved'}</dd></div>
      <div><dt>Solver time</dt><dd data-figure="seconds">{p.seconds.toFixed(2)} s</dd></div>
    </dl>
  );
}

export function PlacementsTable({ p }: { p: Proposal }) {
  if (p.placements.length === 0) return <p>The planner could not place any of these requests in this week.</p>;
  const rows = [...p.placements].sort((a, b) => a.start.localeCompare(b.start) || a.room.localeCompare(b.room));
  return (
    <table className="list-table planner-table">
      <caption>Placed ({p.placements.length}), in Korea time order</caption>
      <thead><tr>
        <th scope="col">Buyer</th><th scope="col">Company</th><th scope="col">Korea time</th>
        <th scope="col">Buyer's local time</th><th scope="col">Room</th><th scope="col">Interpreter</th>
      </tr></thead>
      <tbody>
        {rows.map((x) => (
          <tr key={x.requestId} data-request={x.requestId}>
            <th scope="row">{x.buyer.name} <span className="muted">({country(x.buyer.country)})</span></th>
            <td>{companyName(x)}</td>
            <td>{koreaLabel(x.koreaTime)}</td>
            <td>{localLabel(x.buyerTime)}</td>
            <td>{x.room}</td>
            <td>{x.interpreter ?? <span className="muted">Not needed</span>}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function UnplacedTable({ p }: { p: Proposal }) {
  if (p.unplaced.length === 0) return <p>Every request was placed.</p>;
  return (
    <table className="list-table planner-table">
      <caption>Not placed ({p.unplaced.length}), and why</caption>
      <thead><tr><th scope="col">Buyer</th><th scope="col">Company</th><th scope="col">Reason</th></tr></thead>
      <tbody>
        {p.unplaced.map((x) => (
          <tr key={x.requestId} data-request={x.requestId}>
            <th scope="row">{x.buyer.name} <span className="muted">({country(x.buyer.country)})</span></th>
            <td>{companyName(x)}</td>
            <td><strong>{REASONS[x.code] ?? x.code}:</strong> {x.message}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function BookedTable({ booked, proposal }: { booked: Booked[]; proposal: Proposal }) {
  const byId = new Map(proposal.placements.map((x) => [x.requestId, x]));
  return (
    <table className="list-table planner-table">
      <caption>Booked ({booked.length})</caption>
      <thead><tr><th scope="col">Buyer</th><th scope="col">Company</th><th scope="col">Korea time</th><th scope="col">Buyer's local time</th><th scope="col">Room</th><th scope="col">On the board</th></tr></thead>
      <tbody>
        {booked.map((b) => {
          const x = byId.get(b.requestId);
          return (
            <tr key={b.requestId} data-consultation={b.consultationId}>
              <th scope="row">{x?.buyer.name ?? `Request ${b.requestId}`}</th>
              <td>{x ? companyName(x) : ''}</td>
              <td>{koreaLabel(b.koreaTime)}</td>
              <td>{localLabel(b.buyerTime)}</td>
              <td>{x?.room ?? ''}</td>
              <td><a href={`/control/?date=${b.koreaTime.start.slice(0, 10)}`}>{shortDay(b.koreaTime.start)} on the board<span className="visually-hidden">: {x?.buyer.name ?? ''}</span></a></td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type ConflictProblem = Problem & { violations?: { requestId: string; message: string }[]; requestIds?: string[]; requestId?: string };

/** What changed meanwhile, request by request, from a commit's 409. */
export function conflictLines(problem: Problem, proposal: Proposal): string[] {
  const p = problem as ConflictProblem;
  const byId = new Map(proposal.placements.map((x) => [x.requestId, x]));
  const who = (id: string) => {
    const x = byId.get(id);
    return x ? `${x.buyer.name} with ${companyName(x)} (${koreaLabel(x.koreaTime)} Korea time)` : `Request ${id}`;
  };
  return [
    ...(p.violations ?? []).map((v) => `${who(v.requestId)}: ${v.message}.`),
    ...(p.requestIds ?? []).map((id) => `${who(id)}: no longer waiting in the queue (placed or withdrawn meanwhile).`),
    ...(p.requestId ? [`${who(p.requestId)}: its time, room or interpreter was just taken.`] : []),
  ];
}
