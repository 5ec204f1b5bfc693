// The consultation-week planner for staff: pick a week (Monday to Sunday, Korea time) and
// the queued requests to plan (all, or some), ask the planner for a proposal, review what
// it placed, what it could not and why, and the solver's figures; nothing is booked until
// "Commit this plan", which books every placement in one transaction or explains what
// changed meanwhile. English only, like the rest of the control tower.
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { Messages } from '../../i18n/format.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { ProblemAlert, StatusLine } from '../portal/messages.tsx';
import {
  BookedTable, conflictLines, country, language, PlacementsTable, SolverFigures, UnplacedTable,
  type Booked, type Proposal,
} from './PlanResult.tsx';
import { gateOf, StaffGate, type GateState } from './StaffGate.tsx';

type Queued = {
  id: string; createdAt: string; company: { slug: string; name: string }; product: string | null;
  buyer: { name: string; company: string; country: string; language: string; timeZone: string };
  interpreter: 'auto' | 'required' | 'none';
};
type Queue = { items: Queued[] };
type Outcome =
  | { kind: 'booked'; booked: Booked[]; proposal: Proposal }
  | { kind: 'conflict'; problem: Problem; lines: string[]; booked: number; waiting: number | null };

// The API takes at most this many placements per commit; a larger plan is booked in parts.
const COMMIT_PART = 600;
const TIME_LIMITS = [5, 10, 30, 60] as const;
const INTERPRETER: Record<Queued['interpreter'], string> = { auto: 'If needed', required: 'Asked for one', none: 'Not wanted' };

const DAY_MS = 86_400_000;
const koreaToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
/** The Monday of a date's week (weeks run Monday to Sunday). */
export const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7));
const longDay = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
/** "Monday 7 December – Sunday 13 December 2026". */
export const weekLabel = (monday: string) => `${longDay(monday)} – ${longDay(addDays(monday, 6))} ${addDays(monday, 6).slice(0, 4)}`;
const asked = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function readWeek(): string {
  const week = new URLSearchParams(globalThis.location?.search ?? '').get('week');
  // Default: the coming week, the first one the planner can fill from Monday.
  return week && /^\d{4}-\d{2}-\d{2}$/.test(week) && !Number.isNaN(Date.parse(week)) ? mondayOf(week) : addDays(mondayOf(koreaToday()), 7);
}

function RequestChoice({ items, excluded, onChange, disabled }: {
  items: Queued[]; excluded: ReadonlySet<string>; onChange: (excluded: Set<string>) => void; disabled: boolean;
}) {
  const allRef = useRef<HTMLInputElement>(null);
  const chosen = items.filter((q) => !excluded.has(q.id)).length;
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = chosen > 0 && chosen < items.length;
  }, [chosen, items.length]);
  const toggle = (id: string, on: boolean) => {
    const next = new Set(excluded);
    if (on) next.delete(id);
    else next.add(id);
    onChange(next);
  };
  return (
    <fieldset className="plain planner-requests" disabled={disabled}>
      <legend><h2>Queued requests ({items.length})</h2></legend>
      {items.length === 0 ? <p>No request is waiting: there is nothing to plan.</p> : <>
        <p className="check">
          <input id="plan-all" type="checkbox" ref={allRef} checked={chosen === items.length}
            onChange={(e) => onChange(e.target.checked ? new Set() : new Set(items.map((q) => q.id)))} />
          <label htmlFor="plan-all">Plan all of them ({chosen} of {items.length} chosen)</label>
        </p>
        <table className="list-table">
          <caption className="visually-hidden">Requests waiting to be placed, oldest first: choose those to plan</caption>
          <thead><tr>
            <th scope="col">Plan</th><th scope="col">Company</th><th scope="col">Language</th>
            <th scope="col">Interpreter</th><th scope="col">Asked (Korea time)</th>
          </tr></thead>
          <tbody>
            {items.map((q) => (
              <tr key={q.id} data-request={q.id}>
                <th scope="row">
                  <label className="row-check">
                    <input type="checkbox" checked={!excluded.has(q.id)} onChange={(e) => toggle(q.id, e.target.checked)} />
                    <span>{q.buyer.name}, {q.buyer.company} <span className="muted">({country(q.buyer.country)}, {q.buyer.timeZone})</span></span>
                  </label>
                </th>
                <td>{q.company.name || q.company.slug}</td>
                <td>{language(q.buyer.language)}</td>
                <td>{INTERPRETER[q.interpreter]}</td>
                <td>{asked(q.createdAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>}
    </fieldset>
  );
}

function CommitOutcome({ outcome }: { outcome: Outcome }) {
  if (outcome.kind === 'booked') {
    return (
      <section aria-labelledby="booked-h" className="planner-booked">
        <h2 id="booked-h">Booked</h2>
        <BookedTable booked={outcome.booked} proposal={outcome.proposal} />
      </section>
    );
  }
  return (
    <div role="alert" className="problem planner-conflict">
      <p><strong>{outcome.booked > 0 ? `${plural(outcome.booked, 'meeting')} of the first part were booked; the rest were not.` : 'Nothing was booked.'}</strong> {outcome.problem.detail}</p>
      {outcome.lines.length > 0 && <><p>What changed meanwhile:</p><ul>{outcome.lines.map((l) => <li key={l}>{l}</li>)}</ul></>}
      <p>The queue has been refreshed{outcome.waiting === null ? '' : ` (${plural(outcome.waiting, 'request')} waiting)`}: propose a plan again.</p>
    </div>
  );
}

export default function Planner({ messages }: { messages: Messages }) {
  const id = useId();
  const [state, setState] = useState<GateState<Queue>>('loading');
  const [week, setWeek] = useState(readWeek);
  const [excluded, setExcluded] = useState<Set<string>>(new Set());
  const [timeLimit, setTimeLimit] = useState('10');
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState<'' | 'planning' | 'committing'>('');
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    const r = await api<Queue>('GET', '/api/control/requests');
    setState(gateOf(r));
    return r.ok ? r.data.items : null;
  }, []);

  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set('week', week);
    window.history.replaceState(null, '', url);
  }, [week]);
  useEffect(() => { void load(); }, [load]);

  const items = typeof state === 'object' && 'data' in state ? state.data.items : [];
  const chosen = useMemo(() => items.filter((q) => !excluded.has(q.id)).map((q) => q.id), [items, excluded]);

  // A proposal is for one week and one choice of requests: changing either sets it aside.
  const changeWeek = (monday: string) => {
    setWeek(mondayOf(monday));
    setProposal(null);
  };
  const changeChoice = (next: Set<string>) => {
    setExcluded(next);
    setProposal(null);
  };

  async function propose() {
    setBusy('planning');
    setProblem(null);
    setOutcome(null);
    setProposal(null);
    setStatus(`Planning ${plural(chosen.length, 'request')} for the week of ${weekLabel(week)}: the solver may take up to ${timeLimit} seconds…`);
    const r = await api<Proposal>('POST', '/api/control/planner/proposals', { week, requestIds: chosen, timeLimitSeconds: Number(timeLimit) });
    setBusy('');
    if (!r.ok) {
      setStatus('');
      setProblem(r.problem);
      return;
    }
    setProposal(r.data);
    setStatus(`Proposal ready: ${r.data.placed} of ${plural(r.data.requests, 'request')} placed, ${r.data.optimal ? 'proved optimal' : `within ${(r.data.gap * 100).toFixed(2)} % of the best possible`}. Nothing is booked until you commit it.`);
  }

  async function commit() {
    if (!proposal) return;
    setBusy('committing');
    setProblem(null);
    setStatus(`Booking ${plural(proposal.placements.length, 'meeting')}…`);
    const all = proposal.placements.map(({ requestId, start, roomId, interpreterId }) => ({ requestId, start, roomId, interpreterId }));
    const booked: Booked[] = [];
    let failed: Problem | null = null;
    for (let i = 0; i < all.length && !failed; i += COMMIT_PART) {
      const r = await api<{ committed: number; placements: Booked[] }>('POST', '/api/control/planner/commit', { placements: all.slice(i, i + COMMIT_PART) });
      if (r.ok) booked.push(...r.data.placements);
      else failed = r.problem;
    }
    const queue = await load();
    setBusy('');
    const left = queue ? ` ${plural(queue.length, 'request')} now wait${queue.length === 1 ? 's' : ''} in the queue.` : '';
    if (failed) {
      // The alert says what happened; the status line is for what went well.
      setOutcome({ kind: 'conflict', problem: failed, lines: failed.status === 409 ? conflictLines(failed, proposal) : [], booked: booked.length, waiting: queue?.length ?? null });
      setStatus('');
      setProposal(null);
      return;
    }
    setOutcome({ kind: 'booked', booked, proposal });
    setProposal(null);
    setStatus(`Booked ${plural(booked.length, 'meeting')} for the week of ${weekLabel(week)}. Everyone has been invited.${left}`);
  }

  return (
    <StaffGate messages={messages} state={state} what="plan a consultation week" onSignedIn={() => void load()} returnTo="/control/planner/">
      {(data) => (
        <>
          <div aria-live="polite" className="planner-status">{status && <StatusLine text={status} />}</div>
          <form aria-label="Plan a week" onSubmit={(e) => { e.preventDefault(); if (!busy && chosen.length) void propose(); }}>
            <div className="board-toolbar">
              <button type="button" className="secondary" disabled={Boolean(busy)} onClick={() => changeWeek(addDays(week, -7))}>← Previous week</button>
              <label htmlFor={`${id}-week`}>Week (any day picks its Monday)
                <input id={`${id}-week`} type="date" value={week} required disabled={Boolean(busy)} aria-describedby={`${id}-week-span`}
                  onChange={(e) => e.target.value && changeWeek(e.target.value)} />
              </label>
              <button type="button" className="secondary" disabled={Boolean(busy)} onClick={() => changeWeek(addDays(week, 7))}>Next week →</button>
              <label htmlFor={`${id}-limit`}>Solver time limit
                <select id={`${id}-limit`} value={timeLimit} disabled={Boolean(busy)} onChange={(e) => setTimeLimit(e.target.value)}>
                  {TIME_LIMITS.map((s) => <option key={s} value={String(s)}>{s} seconds</option>)}
                </select>
              </label>
            </div>
            <p id={`${id}-week-span`} className="muted">
              Plans {weekLabel(week)}, Korea time (Asia/Seoul), with {plural(chosen.length, 'chosen request')}. Nothing is booked until you commit the plan.
            </p>
            <RequestChoice items={data.items} excluded={excluded} onChange={changeChoice} disabled={Boolean(busy)} />
            <p className="actions">
              <button type="submit" disabled={Boolean(busy) || chosen.length === 0} aria-describedby={`${id}-week-span`}>
                {busy === 'planning' ? 'Planning…' : 'Propose a plan'}
              </button>
            </p>
          </form>
          {problem && <ProblemAlert problem={problem} />}
          {outcome && <CommitOutcome outcome={outcome} />}
          <section aria-labelledby="proposal-h" aria-busy={busy === 'planning'} className="planner-proposal">
            <h2 id="proposal-h">Proposed plan</h2>
            {!proposal && <p className="muted">{busy === 'planning' ? 'The solver is working…' : 'No proposal yet: choose the requests and propose a plan.'}</p>}
            {proposal && <>
              <p>For {weekLabel(week)}. Objective: 100 per meeting plus the buyer's preference for its time (0–3); the upper bound is proved, so the gap says how far from the best possible plan this one can be.</p>
              <SolverFigures p={proposal} />
              <PlacementsTable p={proposal} />
              <UnplacedTable p={proposal} />
              {proposal.placements.length > 0 && (
                <p className="actions">
                  <button type="button" disabled={Boolean(busy)} onClick={() => void commit()}>
                    {busy === 'committing' ? 'Booking…' : `Commit this plan (${plural(proposal.placements.length, 'meeting')})`}
                  </button>
                  <span className="muted">Books every placement in one go, or none if anything changed meanwhile.</span>
                </p>
              )}
            </>}
          </section>
        </>
      )}
    </StaffGate>
  );
}
