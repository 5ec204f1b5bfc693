// Staff's list of companies: status, products, meetings still ahead, and suspend (with the
// reason the company reads in its portal) or reinstate. A suspension takes the company and
// its products off the site, search and booking; its booked meetings stay, counted here, for
// staff to handle on the board. English only, like the rest of the control tower.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import type { Messages } from '../../i18n/format.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { TextArea } from '../portal/fields.tsx';
import { ProblemAlert, StatusLine } from '../portal/messages.tsx';
import { gateOf, StaffGate, type GateState } from './StaffGate.tsx';

export type StaffCompany = {
  slug: string;
  names: { en: string; ko: string };
  region: string;
  status: 'active' | 'suspended';
  publishedProducts: number;
  otherProducts: number;
  upcomingMeetings: number;
  queuedRequests: number;
  suspension: { reason: string | null; since: string | null; by: string | null } | null;
};
type List = { total: number; items: StaffCompany[] };

const date = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' }) + ' (Asia/Seoul)';
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function SuspendForm({ company, onDone, onCancel }: { company: StaffCompany; onDone: (c: StaffCompany) => void; onCancel: () => void }) {
  const id = useId();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (reason.trim().length < 3) {
      setError('Give the reason the company will read (at least 3 characters).');
      return;
    }
    setBusy(true);
    const r = await api<StaffCompany>('POST', `/api/control/companies/${company.slug}/suspend`, { reason });
    setBusy(false);
    if (r.ok) onDone(r.data);
    else {
      setError(r.problem.errors?.find((x) => x.path === 'reason')?.message);
      setProblem(r.problem);
    }
  }
  return (
    <form className="card" onSubmit={submit} noValidate aria-label={`Suspend ${company.slug}`}>
      <p>
        Suspending takes the company, its page and its {plural(company.publishedProducts, 'published product', 'published products')} off
        the site and search, and buyers can no longer request meetings with it. Its members still sign in and read the reason.
        {company.upcomingMeetings > 0 && <> <strong>{plural(company.upcomingMeetings, 'meeting is', 'meetings are')} still booked</strong>: they are not cancelled; handle them on the board.</>}
      </p>
      {problem && <ProblemAlert problem={problem} />}
      <TextArea id={`${id}-reason`} label="Reason for the company" hint="The company's members read this in the portal." rows={3}
        required value={reason} onChange={(v) => { setReason(v); setError(undefined); }} error={error} />
      <p className="actions">
        <button type="submit" disabled={busy}>Suspend {company.names.en || company.slug}</button>{' '}
        <button type="button" className="secondary" onClick={onCancel}>Cancel</button>
      </p>
    </form>
  );
}

export default function Companies({ messages }: { messages: Messages }) {
  const [state, setState] = useState<GateState<List>>('loading');
  const [filter, setFilter] = useState<{ status: '' | 'active' | 'suspended'; q: string }>({ status: '', q: '' });
  const [draft, setDraft] = useState(filter);
  const [suspending, setSuspending] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    const query = new URLSearchParams();
    if (filter.status) query.set('status', filter.status);
    if (filter.q.trim()) query.set('q', filter.q.trim());
    setState(gateOf(await api<List>('GET', `/api/control/companies${query.size ? `?${query}` : ''}`)));
  }, [filter]);
  useEffect(() => { void load(); }, [load]);

  function changed(c: StaffCompany) {
    setSuspending(null);
    setProblem(null);
    const left = c.upcomingMeetings > 0 ? ` ${plural(c.upcomingMeetings, 'booked meeting stands', 'booked meetings stand')}: handle them on the board.` : '';
    setStatus(c.status === 'suspended'
      ? `${c.names.en || c.slug} is suspended; the site is being rebuilt without it.${left}`
      : `${c.names.en || c.slug} is reinstated; the site is being rebuilt with it.`);
    void load();
  }

  async function reinstate(c: StaffCompany) {
    const r = await api<StaffCompany>('POST', `/api/control/companies/${c.slug}/reinstate`, {});
    if (r.ok) changed(r.data);
    else setProblem(r.problem);
  }

  return (
    <StaffGate messages={messages} state={state} what="manage companies" onSignedIn={load} returnTo="/control/companies/">
      {(list) => (
        <>
          <form className="board-toolbar" aria-label="Filter companies" onSubmit={(e) => { e.preventDefault(); setFilter(draft); }}>
            <label>Status{' '}
              <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value as typeof draft.status })}>
                <option value="">All</option><option value="active">Active</option><option value="suspended">Suspended</option>
              </select>
            </label>{' '}
            <label>Name or address{' '}
              <input type="search" value={draft.q} maxLength={100} onChange={(e) => setDraft({ ...draft, q: e.target.value })} />
            </label>{' '}
            <button type="submit">Show</button>
          </form>
          <div aria-live="polite">{status && <StatusLine text={status} />}</div>
          {problem && <ProblemAlert problem={problem} />}
          <p>{list.total > list.items.length ? `The first ${list.items.length} of ${list.total} companies; narrow the list to see others.` : plural(list.total, 'company', 'companies')}</p>
          <table className="list-table">
            <caption className="visually-hidden">Companies, suspended first</caption>
            <thead>
              <tr><th scope="col">Company</th><th scope="col">Status</th><th scope="col">Products</th><th scope="col">Meetings ahead</th><th scope="col">Action</th></tr>
            </thead>
            <tbody>
              {list.items.map((c) => (
                <tr key={c.slug} data-company={c.slug}>
                  <th scope="row">
                    {c.status === 'active' ? <a href={`/companies/${c.slug}/`}>{c.names.en || c.slug}</a> : (c.names.en || c.slug)}
                    {c.names.ko && <> <span lang="ko">{c.names.ko}</span></>}
                    <br /><small>{c.slug} · {c.region}</small>
                  </th>
                  <td>
                    {c.status === 'suspended' ? <strong>Suspended</strong> : 'Active'}
                    {c.suspension && (
                      <>
                        {c.suspension.since && <><br /><small>since {date(c.suspension.since)}{c.suspension.by ? ` by ${c.suspension.by}` : ''}</small></>}
                        {c.suspension.reason && <><br /><small className="pre">Reason: {c.suspension.reason}</small></>}
                      </>
                    )}
                  </td>
                  <td>{c.publishedProducts} published{c.otherProducts > 0 ? `, ${c.otherProducts} other` : ''}</td>
                  <td>{c.upcomingMeetings}{c.queuedRequests > 0 ? ` (+${c.queuedRequests} queued)` : ''}</td>
                  <td>
                    {c.status === 'active'
                      ? (suspending === c.slug
                        ? <SuspendForm company={c} onDone={changed} onCancel={() => setSuspending(null)} />
                        : <button type="button" className="secondary" onClick={() => { setSuspending(c.slug); setStatus(''); }}>Suspend…</button>)
                      : <button type="button" onClick={() => reinstate(c)}>Reinstate</button>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </StaffGate>
  );
}
