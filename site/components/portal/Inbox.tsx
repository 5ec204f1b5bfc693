// The company's meetings: requests waiting for its answer (accept, decline with a reason
// the buyer reads, or propose another time), and its consultations, whose outcome and deal
// value it records once the meeting has begun.
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../lib/portal/api.ts';
import { formatWallTime, type LocalTime } from '../../lib/portal/time.ts';
import { intlTag } from '../../i18n/locales.ts';
import { usePortal } from './context.ts';
import { SelectField, TextField } from './fields.tsx';
import { ProblemAlert, StatusLine } from './messages.tsx';
import { ProposeForm, ReasonForm, useMeetingAction } from './meeting-action-forms.tsx';
import { BookedMeetingActions } from './MeetingActions.tsx';

export type Meeting = {
  id: string; status: string; awaiting: 'company' | 'buyer' | null; holdExpiresAt: string | null;
  startsAt: string; endsAt: string; koreaTime: LocalTime; buyerTime: LocalTime;
  buyer: { name: string; company: string; country: string; language: string };
  product: string | null; message: string; room: { name: string; location: string };
  interpreter: { language: string } | null; declineReason: string | null;
  outcome: string | null; dealValueUsd: number | null;
  /** A booked meeting with another time proposed beside it, waiting for the buyer. */
  proposalPending?: boolean;
};
/** A request no slot was found for: the programme team places it; the company only sees it. */
export type QueuedRequest = { id: string; requestedAt: string; product: string | null; buyer: { name: string; company: string; country: string } };
type InboxData = { waitingForYou: Meeting[]; consultations: Meeting[]; waitingForProgramme: QueuedRequest[] };

export const OUTCOMES = ['no_interest', 'follow_up', 'sample_sent', 'negotiating', 'contract_signed'] as const;
/** As the API has it: no interest or a follow-up has no deal value yet. */
const OUTCOMES_WITH_VALUE: readonly string[] = ['sample_sent', 'negotiating', 'contract_signed'];

function MeetingFacts({ m }: { m: Meeting }) {
  const { t, locale } = usePortal();
  const country = new Intl.DisplayNames([intlTag(locale)], { type: 'region' }).of(m.buyer.country) ?? m.buyer.country;
  const language = new Intl.DisplayNames([intlTag(locale)], { type: 'language' }).of(m.buyer.language) ?? m.buyer.language;
  return (
    <dl className="facts">
      <dt>{t('portal.inbox.koreaTime')}</dt><dd>{formatWallTime(m.koreaTime, locale)}</dd>
      <dt>{t('portal.inbox.buyerTime')}</dt><dd>{formatWallTime(m.buyerTime, locale)}</dd>
      <dt>{t('portal.inbox.buyer')}</dt><dd>{m.buyer.name}, {m.buyer.company} ({country})</dd>
      <dt>{t('portal.inbox.language')}</dt><dd>{language}{m.interpreter ? ` · ${t('portal.inbox.interpreter')}` : ''}</dd>
      {m.product && <><dt>{t('portal.inbox.product')}</dt><dd><a href={`/products/${m.product}/`}>{m.product}</a></dd></>}
      <dt>{t('portal.inbox.room')}</dt><dd lang="en">{m.room.name}, {m.room.location}</dd>
      {m.message && <><dt>{t('portal.inbox.message')}</dt><dd className="message">{m.message}</dd></>}
    </dl>
  );
}

function WaitingRequest({ company, m, onDone }: { company: string; m: Meeting; onDone: (text: string) => void }) {
  const { t, locale } = usePortal();
  const id = useId();
  const [mode, setMode] = useState<'idle' | 'decline' | 'propose'>('idle');
  const { busy, problem, slots, run, loadSlots } = useMeetingAction(company, m.id, onDone);

  return (
    <li className="card meeting" data-meeting={m.id}>
      <h4 id={`${id}-h`}>{t('portal.inbox.requestFrom', { buyer: m.buyer.name, company: m.buyer.company })}</h4>
      <MeetingFacts m={m} />
      {m.holdExpiresAt && <p className="muted">{t('portal.inbox.answerBy', { time: new Date(m.holdExpiresAt).toLocaleString(intlTag(locale), { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' }) })}</p>}
      <p className="actions" role="group" aria-labelledby={`${id}-h`}>
        <button type="button" disabled={busy} onClick={() => run('accept', undefined, t('portal.inbox.accepted'))}>{t('portal.inbox.accept')}</button>
        <button type="button" className="secondary" disabled={busy} aria-expanded={mode === 'decline'} onClick={() => setMode(mode === 'decline' ? 'idle' : 'decline')}>{t('portal.inbox.decline')}</button>
        <button type="button" className="secondary" disabled={busy} aria-expanded={mode === 'propose'}
          onClick={() => { if (mode === 'propose') setMode('idle'); else { setMode('propose'); void loadSlots(); } }}>{t('portal.inbox.propose')}</button>
      </p>
      {mode === 'decline' && (
        <ReasonForm id={id} busy={busy} submitLabel={t('portal.inbox.sendDecline')} onSubmit={(reason) => void run('decline', { reason }, t('portal.inbox.declined'))} />
      )}
      {mode === 'propose' && (
        <ProposeForm id={id} busy={busy} slots={slots} failed={problem !== null} onSubmit={(start) => void run('propose', { start }, t('portal.inbox.proposed'))} />
      )}
      {problem && <ProblemAlert problem={problem} />}
    </li>
  );
}

function ProgrammeQueue({ items }: { items: QueuedRequest[] }) {
  const { t, locale } = usePortal();
  const regions = new Intl.DisplayNames([intlTag(locale)], { type: 'region' });
  return (
    <>
      <h3>{t('portal.inbox.programmeQueue')}</h3>
      <p className="muted">{t('portal.inbox.programmeQueueHint')}</p>
      <ul className="meetings">
        {items.map((q) => (
          <li key={q.id} className="card meeting" data-request={q.id}>
            <h4>{t('portal.inbox.requestFrom', { buyer: q.buyer.name, company: q.buyer.company })}</h4>
            <dl className="facts">
              <dt>{t('portal.inbox.buyer')}</dt><dd>{q.buyer.name}, {q.buyer.company} ({regions.of(q.buyer.country) ?? q.buyer.country})</dd>
              {q.product && <><dt>{t('portal.inbox.product')}</dt><dd><a href={`/products/${q.product}/`}>{q.product}</a></dd></>}
              <dt>{t('portal.inbox.requestedAt')}</dt>
              <dd>{new Date(q.requestedAt).toLocaleString(intlTag(locale), { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' })}</dd>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}

function OutcomeForm({ company, m, onDone }: { company: string; m: Meeting; onDone: (text: string) => void }) {
  const { t } = usePortal();
  const id = useId();
  const [outcome, setOutcome] = useState(m.outcome ?? '');
  const [value, setValue] = useState(m.dealValueUsd === null ? '' : String(m.dealValueUsd));
  const [errors, setErrors] = useState<{ outcome?: string; value?: string }>({});
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const deal = !OUTCOMES_WITH_VALUE.includes(outcome) || value.trim() === '' ? null : Number(value);
    const found: typeof errors = {};
    if (!outcome) found.outcome = t('portal.error.choose');
    if (deal !== null && (!Number.isFinite(deal) || deal < 0)) found.value = t('portal.error.number');
    setErrors(found);
    if (found.outcome || found.value) return;
    const r = await api<Meeting>('POST', `/api/portal/companies/${company}/consultations/${m.id}/outcome`, { outcome, dealValueUsd: deal });
    if (r.ok) onDone(t('portal.inbox.outcomeSaved'));
    else setProblem(r.problem);
  }

  return (
    <form onSubmit={submit} noValidate className="inline-form" aria-label={t('portal.inbox.outcomeHeading')}>
      <div className="form-grid">
        <SelectField id={`${id}-outcome`} label={t('portal.inbox.outcome')} value={outcome} onChange={setOutcome} error={errors.outcome}
          options={[['', t('portal.form.choose')], ...OUTCOMES.map((o) => [o, t(`portal.outcome.${o}`)] as const)]} required />
        {OUTCOMES_WITH_VALUE.includes(outcome) && (
          <TextField id={`${id}-deal`} label={t('portal.inbox.dealValue')} inputMode="decimal" value={value} onChange={setValue} error={errors.value} />
        )}
      </div>
      {problem && <ProblemAlert problem={problem} />}
      <p><button type="submit">{t('portal.inbox.recordOutcome')}</button></p>
    </form>
  );
}

export function Inbox({ company }: { company: string }) {
  const { t } = usePortal();
  const [data, setData] = useState<InboxData | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    const r = await api<InboxData>('GET', `/api/portal/companies/${company}/consultations`);
    if (r.ok) setData(r.data);
    else setProblem(r.problem);
  }, [company]);
  useEffect(() => { void load(); }, [load]);

  const done = (text: string) => { setStatus(text); void load(); };
  if (problem) return <ProblemAlert problem={problem} />;
  if (!data) return <p role="status">{t('portal.loading')}</p>;
  const now = Date.now();
  return (
    <section aria-labelledby="inbox-h">
      <h2 id="inbox-h">{t('portal.inbox.heading')}</h2>
      <div aria-live="polite">{status && <StatusLine text={status} />}</div>
      <h3>{t('portal.inbox.waiting')}</h3>
      {data.waitingForYou.length === 0 ? <p>{t('portal.inbox.noneWaiting')}</p> : (
        <ul className="meetings">{data.waitingForYou.map((m) => <WaitingRequest key={m.id} company={company} m={m} onDone={done} />)}</ul>
      )}
      {data.waitingForProgramme.length > 0 && <ProgrammeQueue items={data.waitingForProgramme} />}
      <h3>{t('portal.inbox.consultations')}</h3>
      {data.consultations.length === 0 ? <p>{t('portal.inbox.noConsultations')}</p> : (
        <ul className="meetings">
          {data.consultations.map((m) => {
            const started = Date.parse(m.startsAt) <= now && ['scheduled', 'confirmed', 'completed'].includes(m.status);
            const changeable = Date.parse(m.startsAt) > now && ['scheduled', 'confirmed'].includes(m.status);
            return (
              <li key={m.id} className="card meeting" data-meeting={m.id}>
                <h4>{t('portal.inbox.meetingWith', { buyer: m.buyer.name, company: m.buyer.company })} <span className={`badge badge-${m.status}`} data-status={m.status}>{t(`portal.meetingStatus.${m.status}`)}</span></h4>
                <MeetingFacts m={m} />
                {m.status === 'held' && m.awaiting === 'buyer' && <p className="muted">{t('portal.inbox.awaitingBuyer')}</p>}
                {m.declineReason && <p>{t(m.status === 'cancelled' ? 'portal.inbox.cancelReasonShown' : 'portal.inbox.declineReasonShown', { reason: m.declineReason })}</p>}
                {m.outcome && <p>{t('portal.inbox.outcomeShown', { outcome: t(`portal.outcome.${m.outcome}`) })}{m.dealValueUsd !== null ? ` · USD ${m.dealValueUsd.toLocaleString()}` : ''}</p>}
                {started && <OutcomeForm company={company} m={m} onDone={done} />}
                {changeable && <BookedMeetingActions company={company} m={m} onDone={done} />}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
