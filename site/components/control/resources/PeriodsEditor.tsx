// Whole days an interpreter is on leave or a room is closed (repairs, another event): the
// ones ahead, each removable, and a form to add one. The API refuses a period over a booked
// consultation and names it; the words for each use come from the panel.
import { useState, type FormEvent } from 'react';
import { LeaveSchema } from '../../../../api/control/resource-schemas.ts';
import { api, type FieldErrors, type Problem } from '../../../lib/portal/api.ts';
import { TextField } from '../../portal/fields.tsx';
import { ProblemAlert } from '../../portal/messages.tsx';
import { zodErrors, type Changed, type Period } from './shared.ts';

export const span = (l: { from: string; to: string }) => (l.from === l.to ? l.from : `${l.from} to ${l.to}`);

export type PeriodWords = {
  title: string; none: string; hint: string; formLabel: string; add: string;
  /** The remove button's visible text; its accessible name (removeLabel) starts with it. */
  remove: string;
  removeLabel: (span: string) => string; added: (span: string) => string; removed: (span: string) => string;
};

export function PeriodsEditor({ id, periods, path, words, onChanged, onClose }: {
  id: string; periods: Period[]; path: string; words: PeriodWords; onChanged: Changed; onClose: () => void;
}) {
  const [v, setV] = useState({ from: '', to: '', reason: '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof v) => (value: string) => {
    setV({ ...v, [field]: value });
    setErrors({});
  };

  async function add(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const parsed = LeaveSchema.safeParse({ ...v, to: v.to || v.from });
    if (!parsed.success) {
      const found = zodErrors(parsed.error);
      setErrors(found);
      requestAnimationFrame(() => document.getElementById(`${id}-${Object.keys(found)[0] ?? 'from'}`)?.focus());
      return;
    }
    setBusy(true);
    const r = await api('POST', path, parsed.data);
    setBusy(false);
    if (!r.ok) {
      setErrors(r.fieldErrors);
      return setProblem(r.problem);
    }
    setV({ from: '', to: '', reason: '' });
    await onChanged(words.added(span(parsed.data)));
  }

  async function remove(periodId: string, what: string) {
    setBusy(true);
    setProblem(null);
    const r = await api('DELETE', `${path}/${periodId}`);
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    await onChanged(words.removed(what));
    requestAnimationFrame(() => document.getElementById(`${id}-from`)?.focus());
  }

  return (
    <section className="inline-form" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>{words.title}</h4>
      {periods.length === 0 ? <p>{words.none}</p> : (
        <ul className="leave-list">
          {periods.map((l) => (
            <li key={l.id}>{span(l)}{l.reason && <> · {l.reason}</>}{' '}
              <button type="button" className="link" disabled={busy} onClick={() => void remove(l.id, span(l))} aria-label={words.removeLabel(span(l))}>{words.remove}</button>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} noValidate aria-label={words.formLabel}>
        <p className="hint">{words.hint}</p>
        <div className="form-grid">
          <TextField id={`${id}-from`} label="First day" type="date" value={v.from} onChange={set('from')} error={errors.from} required />
          <TextField id={`${id}-to`} label="Last day" hint="Empty: just the first day." type="date" value={v.to} onChange={set('to')} error={errors.to} />
          <TextField id={`${id}-reason`} label="Reason" hint="For staff; optional." value={v.reason} onChange={set('reason')} error={errors.reason} />
        </div>
        {problem && <ProblemAlert problem={problem} />}
        <p className="actions">
          <button type="submit" disabled={busy}>{words.add}</button>
          <button type="button" className="link" onClick={onClose}>Close</button>
        </p>
      </form>
    </section>
  );
}
