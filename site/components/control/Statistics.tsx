// The programme in figures for a range of Korean days: consultations by day, week,
// pavilion, buyer country and status; who took part; outcomes and deal values in USD; the
// no-show rate; room and interpreter use. Each chart has its numbers as a table and as CSV.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Messages } from '../../i18n/format.ts';
import { api } from '../../lib/portal/api.ts';
import { ChartFigure, type Series } from './ChartFigure.tsx';
import { gateOf, StaffGate, type GateState } from './StaffGate.tsx';

export type Stats = {
  from: string; to: string;
  consultations: { total: number; byStatus: Record<string, number> };
  byDay: { day: string; count: number }[];
  byWeek: { weekStarting: string; count: number }[];
  byPavilion: { pavilion: string | null; count: number }[];
  byBuyerCountry: { country: string; count: number }[];
  participants: { companies: number; buyers: number; countries: number };
  outcomes: { outcome: string; count: number; dealValueUsd: number }[];
  dealValueUsd: number;
  noShowRate: number | null;
  utilisation: { rooms: number | null; interpreters: number | null };
};

const regionName = new Intl.DisplayNames(['en'], { type: 'region' });
const usd = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', maximumFractionDigits: 0 });
const whole = new Intl.NumberFormat('en-US');
const percent = (n: number | null) => (n === null ? 'n/a' : new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 }).format(n));
const OUTCOMES: Record<string, string> = {
  no_interest: 'No interest', follow_up: 'Follow-up', sample_sent: 'Sample sent', negotiating: 'Under negotiation', contract_signed: 'Contract signed',
};
const STATUSES: Record<string, string> = {
  held: 'Awaiting an answer', scheduled: 'Scheduled', confirmed: 'Confirmed', completed: 'Held (completed)', no_show: 'No-show', cancelled: 'Cancelled', declined: 'Declined',
};
const koreaToday = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Asia/Seoul' });
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

function readRange() {
  const q = new URLSearchParams(globalThis.location?.search ?? '');
  const ok = (d: string | null) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : null);
  const to = ok(q.get('to')) ?? addDays(koreaToday(), 14);
  return { from: ok(q.get('from')) ?? addDays(to, -44), to };
}

function Figures({ s, pavilions }: { s: Stats; pavilions: Record<string, string> }) {
  const range = `${s.from}_${s.to}`;
  const charts = useMemo(() => {
    const count = (values: number[]): Series[] => [{ label: 'Consultations', values }];
    return {
      day: { labels: s.byDay.map((d) => d.day), series: count(s.byDay.map((d) => d.count)) },
      week: { labels: s.byWeek.map((w) => `Week of ${w.weekStarting}`), series: count(s.byWeek.map((w) => w.count)) },
      pavilion: { labels: s.byPavilion.map((p) => (p.pavilion ? pavilions[p.pavilion] ?? p.pavilion : 'Company page (no product)')), series: count(s.byPavilion.map((p) => p.count)) },
      country: { labels: s.byBuyerCountry.map((c) => regionName.of(c.country) ?? c.country), series: count(s.byBuyerCountry.map((c) => c.count)) },
      status: { labels: Object.keys(s.consultations.byStatus).map((k) => STATUSES[k] ?? k), series: count(Object.values(s.consultations.byStatus)) },
      outcome: {
        labels: s.outcomes.map((o) => OUTCOMES[o.outcome] ?? o.outcome),
        series: [{ label: 'Consultations', values: s.outcomes.map((o) => o.count) }, { label: 'Deal value (USD)', values: s.outcomes.map((o) => o.dealValueUsd), format: (n: number) => usd.format(n) }],
      },
    };
  }, [s, pavilions]);
  return (
    <>
      <section aria-labelledby="kpi-h">
        <h2 id="kpi-h">At a glance, {s.from} to {s.to} (Korea time)</h2>
        <dl className="kpis">
          <div><dt>Consultations</dt><dd data-figure="total">{whole.format(s.consultations.total)}</dd></div>
          <div><dt>Companies taking part</dt><dd data-figure="companies">{whole.format(s.participants.companies)}</dd></div>
          <div><dt>Buyers taking part</dt><dd data-figure="buyers">{whole.format(s.participants.buyers)}</dd></div>
          <div><dt>Buyers' countries</dt><dd data-figure="countries">{whole.format(s.participants.countries)}</dd></div>
          <div><dt>Deal value</dt><dd data-figure="deals">{usd.format(s.dealValueUsd)}</dd></div>
          <div><dt>No-show rate</dt><dd data-figure="no-show">{percent(s.noShowRate)}</dd></div>
          <div><dt>Room use</dt><dd data-figure="rooms">{percent(s.utilisation.rooms)}</dd></div>
          <div><dt>Interpreter use</dt><dd data-figure="interpreters">{percent(s.utilisation.interpreters)}</dd></div>
        </dl>
        <p className="muted">Counts by day, week, pavilion and country leave out cancelled and declined requests. The no-show rate is of meetings that are over; use is meeting time over the rooms' and interpreters' open hours.</p>
      </section>
      <div className="stat-grid">
        <ChartFigure title="Consultations by day" slug="by-day" range={range} {...charts.day} />
        <ChartFigure title="Consultations by week" slug="by-week" range={range} {...charts.week} />
        <ChartFigure title="Consultations by pavilion" slug="by-pavilion" range={range} horizontal {...charts.pavilion} />
        <ChartFigure title="Consultations by buyer country" slug="by-country" range={range} horizontal {...charts.country} />
        <ChartFigure title="Consultations by status" slug="by-status" range={range} horizontal {...charts.status} />
        <ChartFigure title="Outcomes and deal values" slug="outcomes" range={range} horizontal empty="No outcome recorded yet." {...charts.outcome} />
      </div>
    </>
  );
}

export default function Statistics({ messages, pavilions }: { messages: Messages; pavilions: Record<string, string> }) {
  const [range, setRange] = useState(readRange);
  const [draft, setDraft] = useState(range);
  const [state, setState] = useState<GateState<Stats>>('loading');

  const load = useCallback(async () => {
    setState(gateOf(await api<Stats>('GET', `/api/control/stats?from=${range.from}&to=${range.to}`)));
  }, [range]);
  useEffect(() => {
    const url = new URL(window.location.href);
    url.searchParams.set('from', range.from);
    url.searchParams.set('to', range.to);
    window.history.replaceState(null, '', url);
    void load();
  }, [load, range]);

  return (
    <StaffGate messages={messages} state={state} what="read the statistics" onSignedIn={load} returnTo="/control/stats/">
      {(s) => (
        <>
          <form className="board-toolbar" aria-label="Range" onSubmit={(e) => { e.preventDefault(); if (draft.from <= draft.to) setRange(draft); }}>
            <label>From (Korea) <input type="date" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} /></label>
            <label>To (Korea) <input type="date" value={draft.to} required onChange={(e) => setDraft({ ...draft, to: e.target.value })} /></label>
            <button type="submit" disabled={!draft.from || !draft.to || draft.from > draft.to}>Show</button>
            {draft.from > draft.to && <p className="error" role="alert">The start must not be after the end.</p>}
          </form>
          <Figures s={s} pavilions={pavilions} />
        </>
      )}
    </StaffGate>
  );
}
