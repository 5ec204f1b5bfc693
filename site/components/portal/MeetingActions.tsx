// What the company can do to a booked meeting that has not begun: cancel it with a reason
// the buyer reads. (Requests still waiting for its answer have their own actions in Inbox.tsx.)
import { useId, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../lib/portal/api.ts';
import { usePortal } from './context.ts';
import { TextArea } from './fields.tsx';
import { ProblemAlert } from './messages.tsx';
import type { Meeting } from './Inbox.tsx';

export function BookedMeetingActions({ company, m, onDone }: { company: string; m: Meeting; onDone: (text: string) => void }) {
  const { t } = usePortal();
  const id = useId();
  const base = `/api/portal/companies/${company}/consultations/${m.id}`;
  const [mode, setMode] = useState<'idle' | 'cancel'>('idle');
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
      </p>
      {mode === 'cancel' && (
        <form onSubmit={cancel} noValidate className="inline-form">
          <TextArea id={`${id}-reason`} label={t('portal.inbox.declineReason')} hint={t('portal.inbox.declineReasonHint')} value={reason} rows={3}
            onChange={(value) => { setReason(value); setReasonError(undefined); }} error={reasonError} required />
          <p><button type="submit" disabled={busy}>{t('portal.inbox.sendCancel')}</button></p>
        </form>
      )}
      {problem && <ProblemAlert problem={problem} />}
    </>
  );
}
