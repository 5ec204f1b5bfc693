// What the company can do to a booked meeting that has not begun: cancel it with a reason
// the buyer reads, or propose another time (the meeting keeps its time unless the buyer
// accepts). Requests still waiting for its answer have their own actions in Inbox.tsx.
import { useId, useState } from 'react';
import { usePortal } from './context.ts';
import { ProblemAlert } from './messages.tsx';
import { ProposeForm, ReasonForm, useMeetingAction } from './meeting-action-forms.tsx';
import type { Meeting } from './Inbox.tsx';

export function BookedMeetingActions({ company, m, onDone }: { company: string; m: Meeting; onDone: (text: string) => void }) {
  const { t } = usePortal();
  const id = useId();
  const [mode, setMode] = useState<'idle' | 'cancel' | 'propose'>('idle');
  const { busy, problem, slots, run, loadSlots } = useMeetingAction(company, m.id, onDone);

  return (
    <>
      <p className="actions" role="group" aria-label={t('portal.inbox.meetingActions')}>
        <button type="button" className="secondary" disabled={busy} aria-expanded={mode === 'cancel'} onClick={() => setMode(mode === 'cancel' ? 'idle' : 'cancel')}>
          {t('portal.inbox.cancelMeeting')}
        </button>
        {!m.proposalPending && (
          <button type="button" className="secondary" disabled={busy} aria-expanded={mode === 'propose'}
            onClick={() => { if (mode === 'propose') setMode('idle'); else { setMode('propose'); void loadSlots(); } }}>
            {t('portal.inbox.propose')}
          </button>
        )}
      </p>
      {m.proposalPending && <p className="muted">{t('portal.inbox.proposalPending')}</p>}
      {mode === 'cancel' && (
        <ReasonForm id={id} busy={busy} submitLabel={t('portal.inbox.sendCancel')} onSubmit={(reason) => void run('cancel', { reason }, t('portal.inbox.cancelled'))} />
      )}
      {mode === 'propose' && !m.proposalPending && (
        <ProposeForm id={id} busy={busy} slots={slots} failed={problem !== null} onSubmit={(start) => void run('propose', { start }, t('portal.inbox.proposedMove'))} />
      )}
      {problem && <ProblemAlert problem={problem} />}
    </>
  );
}
