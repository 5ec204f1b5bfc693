// What the inbox's two kinds of meeting actions share (a held request's accept / decline /
// propose, a booked meeting's cancel / propose): the call to the API with its busy flag and
// problem, the form asking for a reason the buyer reads, and the form proposing another time.
import { useState, type FormEvent } from 'react';
import { api, type Problem } from '../../lib/portal/api.ts';
import { formatWallTime, type LocalTime } from '../../lib/portal/time.ts';
import { usePortal } from './context.ts';
import { SelectField, TextArea } from './fields.tsx';

type Slot = { start: string; buyerTime: LocalTime; koreaTime: LocalTime };

export function useMeetingAction(company: string, meetingId: string, onDone: (text: string) => void) {
  const base = `/api/portal/companies/${company}/consultations/${meetingId}`;
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [slots, setSlots] = useState<Slot[] | null>(null);

  async function run(path: string, body: unknown, done: string) {
    setBusy(true);
    setProblem(null);
    const r = await api('POST', `${base}/${path}`, body);
    setBusy(false);
    if (r.ok) onDone(done);
    else setProblem(r.problem);
  }

  /** Loads the times that could be proposed; the propose form shows them. */
  async function loadSlots() {
    setSlots(null);
    setProblem(null);
    const r = await api<{ slots: Slot[] }>('GET', `${base}/proposal-options`);
    if (r.ok) setSlots(r.data.slots);
    else setProblem(r.problem);
  }

  return { busy, problem, slots, run, loadSlots };
}

/** A reason the buyer reads (declining a request, cancelling a meeting), required, at most 500 characters. */
export function ReasonForm({ id, busy, submitLabel, onSubmit }: { id: string; busy: boolean; submitLabel: string; onSubmit: (reason: string) => void }) {
  const { t } = usePortal();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  function submit(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return setError(t('portal.error.required'));
    if (reason.trim().length > 500) return setError(t('portal.error.tooLong', { max: '500' }));
    onSubmit(reason.trim());
  }
  return (
    <form onSubmit={submit} noValidate className="inline-form">
      <TextArea id={`${id}-reason`} label={t('portal.inbox.declineReason')} hint={t('portal.inbox.declineReasonHint')} value={reason} rows={3}
        onChange={(value) => { setReason(value); setError(undefined); }} error={error} required />
      <p><button type="submit" disabled={busy}>{submitLabel}</button></p>
    </form>
  );
}

/** Another time to propose, from the loaded slots (Korea's time and the buyer's). */
export function ProposeForm({ id, busy, slots, failed, onSubmit }: { id: string; busy: boolean; slots: Slot[] | null; failed: boolean; onSubmit: (start: string) => void }) {
  const { t, locale } = usePortal();
  const [chosen, setChosen] = useState('');
  if (slots === null) return failed ? null : <p role="status">{t('portal.loading')}</p>;
  if (slots.length === 0) return <p>{t('portal.inbox.noOptions')}</p>;
  const slot = chosen || slots[0]!.start;
  return (
    <form onSubmit={(e) => { e.preventDefault(); onSubmit(slot); }} noValidate className="inline-form">
      <SelectField id={`${id}-slot`} label={t('portal.inbox.otherTime')} value={slot} onChange={setChosen}
        options={slots.map((s) => [s.start, `${formatWallTime(s.koreaTime, locale)} · ${t('portal.inbox.forBuyer', { time: formatWallTime(s.buyerTime, locale) })}`] as const)} />
      <p><button type="submit" disabled={busy}>{t('portal.inbox.sendProposal')}</button></p>
    </form>
  );
}
