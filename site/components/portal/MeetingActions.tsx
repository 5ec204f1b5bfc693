// What the company can do to a booked meeting that has not begun: cancel it with a reason
// the buyer reads, or propose another time (the meeting keeps its time unless the buyer
// accepts). Requests still waiting for its answer have their own actions in Inbox.tsx.
import { useId, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../lib/portal/api.ts';
import { formatWallTime, type LocalTime } from '../../lib/portal/time.ts';
import { usePortal } from './context.ts';
import { SelectField, TextArea } from './fields.tsx';
import { ProblemAlert } from './messages.tsx';
import type { Meeting } from './Inbox.tsx';

type Slot = { start: string; buyerTime: LocalTime; koreaTime: LocalTime };

export function BookedMeetingActions({ company, m, onDone }: { company: string; m: Meeting; onDone: (text: string) => void }) {
  const { t, locale } = usePortal();
  const id = useId();
  const base = `/api/portal/companies/${company}/consultations/${m.id}`;
  const [mode, setMode] = useState<'idle' | 'cancel' | 'propose'>('idle');
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [slot, setSlot] = useState('');
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function run(path: string, body: unknown, done: string) {
    setBusy(true);
    setProblem(null);
    const r = await api<Meeting>('POST', `${base}/${path}`, body);
    setBusy(false);
    if (r.ok) onDone(done);
    else setProblem(r.problem);
  }

  async function openPropose() {
    setMode('propose');
    setSlots(null);
    setProblem(null);
    const r = await api<{ slots: Slot[] }>('GET', `${base}/proposal-options`);
    if (!r.ok) return setProblem(r.problem);
    setSlots(r.data.slots);
    setSlot(r.data.slots[0]?.start ?? '');
  }

  function cancel(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return setReasonError(t('portal.error.required'));
    if (reason.trim().length > 500) return setReasonError(t('portal.error.tooLong', { max: '500' }));
    void run('cancel', { reason: reason.trim() }, t('portal.inbox.cancelled'));
  }

  return (
    <>
      <p className="actions" role="group" aria-label={t('portal.inbox.meetingActions')}>
        <button type="button" className="secondary" disabled={busy} aria-expanded={mode === 'cancel'} onClick={() => setMode(mode === 'cancel' ? 'idle' : 'cancel')}>
          {t('portal.inbox.cancelMeeting')}
        </button>
        {!m.proposalPending && (
          <button type="button" className="secondary" disabled={busy} aria-expanded={mode === 'propose'} onClick={() => (mode === 'propose' ? setMode('idle') : void openPropose())}>
            {t('portal.inbox.propose')}
          </button>
        )}
      </p>
      {m.proposalPending && <p className="muted">{t('portal.inbox.proposalPending')}</p>}
      {mode === 'cancel' && (
        <form onSubmit={cancel} noValidate className="inline-form">
          <TextArea id={`${id}-reason`} label={t('portal.inbox.declineReason')} hint={t('portal.inbox.declineReasonHint')} value={reason} rows={3}
            onChange={(value) => { setReason(value); setReasonError(undefined); }} error={reasonError} required />
          <p><button type="submit" disabled={busy}>{t('portal.inbox.sendCancel')}</button></p>
        </form>
      )}
      {mode === 'propose' && !m.proposalPending && (
        slots === null ? (problem ? null : <p role="status">{t('portal.loading')}</p>)
          : slots.length === 0 ? <p>{t('portal.inbox.noOptions')}</p>
          : (
            <form onSubmit={(e) => { e.preventDefault(); void run('propose', { start: slot }, t('portal.inbox.proposedMove')); }} noValidate className="inline-form">
              <SelectField id={`${id}-slot`} label={t('portal.inbox.otherTime')} value={slot} onChange={setSlot}
                options={slots.map((s) => [s.start, `${formatWallTime(s.koreaTime, locale)} · ${t('portal.inbox.forBuyer', { time: formatWallTime(s.buyerTime, locale) })}`] as const)} />
              <p><button type="submit" disabled={busy || !slot}>{t('portal.inbox.sendProposal')}</button></p>
            </form>
          )
      )}
      {problem && <ProblemAlert problem={problem} />}
    </>
  );
}
