// Interpreters: details and languages, weekly hours, leave, and whether they are on the
// roster. Leave over a live consultation, or dropping a language one needs, is refused by
// the API with the consultations named: give them another interpreter on the board first.
import { Fragment, useState, type FormEvent } from 'react';
import { InterpreterSchema } from '../../../../api/control/resource-schemas.ts';
import { api, type FieldErrors, type Problem } from '../../../lib/portal/api.ts';
import { SelectField, TextField } from '../../portal/fields.tsx';
import { ProblemAlert } from '../../portal/messages.tsx';
import { HoursEditor, zoneOptions } from './HoursEditor.tsx';
import { OutsideHoursNotice } from './OutsideHoursNotice.tsx';
import { PeriodsEditor, span, type PeriodWords } from './PeriodsEditor.tsx';
import { errorAt, hoursSummary, languageName, splitList, zodErrors, type Changed, type ConsultationRef, type Interpreter } from './shared.ts';

/** The booking service's hours for an interpreter without their own (DEFAULT_HOURS.interpreter). */
export const INTERPRETER_DEFAULT_HOURS = 'weekdays 09:00–18:00 Korea time (Asia/Seoul)';

function InterpreterForm({ id, person, onDone, onCancel }: { id: string; person?: Interpreter; onDone: Changed; onCancel: () => void }) {
  const [v, setV] = useState({ name: person?.name ?? '', email: person?.email ?? '', timeZone: person?.timeZone ?? 'Asia/Seoul', languages: person?.languages.join(', ') ?? '' });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof v) => (value: string) => {
    setV({ ...v, [field]: value });
    setErrors({});
  };
  const codes = splitList(v.languages).map((c) => c.toLowerCase());

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const parsed = InterpreterSchema.safeParse({ ...v, languages: codes });
    if (!parsed.success) {
      const found = zodErrors(parsed.error);
      setErrors(found);
      requestAnimationFrame(() => document.getElementById(`${id}-${Object.keys(found)[0]?.split('.')[0]}`)?.focus());
      return;
    }
    setBusy(true);
    const r = person ? await api<Interpreter>('PUT', `/api/control/interpreters/${person.id}`, parsed.data) : await api<Interpreter>('POST', '/api/control/interpreters', parsed.data);
    setBusy(false);
    if (r.ok) return void onDone(`${person ? 'Saved' : 'Added'}: ${r.data.name} (${r.data.languages.map(languageName).join(', ')}).`);
    setErrors(r.fieldErrors);
    setProblem(r.problem);
  }

  const understood = codes.filter((c) => /^[a-z]{2}$/.test(c)).map((c) => languageName(c)).join(', ');
  return (
    <form onSubmit={submit} noValidate className="card resource-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{person ? `Edit ${person.name}` : 'New interpreter'}</h3>
      <div className="form-grid">
        <TextField id={`${id}-name`} label="Name" value={v.name} onChange={set('name')} error={errors.name} required autoComplete="off" />
        <TextField id={`${id}-email`} label="E-mail" hint="Staff data: used for invitations, never shown to the public." type="email" value={v.email} onChange={set('email')} error={errors.email} required autoComplete="off" />
        <SelectField id={`${id}-timeZone`} label="Time zone" value={v.timeZone} onChange={set('timeZone')} options={zoneOptions(v.timeZone)} error={errors.timeZone} required />
      </div>
      <TextField id={`${id}-languages`} label="Languages interpreted (with Korean)" value={v.languages} onChange={set('languages')} error={errorAt(errors, 'languages')} required
        hint={`ISO 639-1 codes separated by commas, e.g. ja, zh, ru.${understood ? ` Read as: ${understood}.` : ''}`} />
      {problem && <ProblemAlert problem={problem} />}
      <p className="actions">
        <button type="submit" disabled={busy}>{person ? 'Save the interpreter' : 'Add the interpreter'}</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </p>
    </form>
  );
}

/** The period editor in the words of an interpreter's leave. */
function LeaveEditor({ id, person, onChanged, onClose }: { id: string; person: Interpreter; onChanged: Changed; onClose: () => void }) {
  const words: PeriodWords = {
    title: `Leave of ${person.name}`, none: 'No leave ahead.', formLabel: `Add leave for ${person.name}`, add: 'Add the leave', remove: 'Remove',
    hint: `Whole days in ${person.timeZone}, first and last day included. Leave over a booked consultation is refused: give it another interpreter on the board first.`,
    removeLabel: (s) => `Remove leave ${s}`,
    added: (s) => `Leave added for ${person.name}: ${s}. They are offered for no consultation then.`,
    removed: (s) => `Leave removed for ${person.name}: ${s}.`,
  };
  return <PeriodsEditor id={id} periods={person.leave} path={`/api/control/interpreters/${person.id}/leave`} words={words} onChanged={onChanged} onClose={onClose} />;
}

type Open = { id: string; what: 'edit' | 'hours' | 'leave' } | null;

export function InterpretersPanel({ interpreters, onChanged }: { interpreters: Interpreter[]; onChanged: Changed }) {
  const [open, setOpen] = useState<Open>(null);
  const [adding, setAdding] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [outside, setOutside] = useState<{ owner: string; items: ConsultationRef[] } | null>(null);
  const focusLater = (id: string) => requestAnimationFrame(() => document.getElementById(id)?.focus());

  async function setActive(i: Interpreter, active: boolean) {
    setBusy(true);
    setProblem(null);
    const res = await api<Interpreter>('PUT', `/api/control/interpreters/${i.id}/active`, { active });
    setBusy(false);
    if (!res.ok) return setProblem(res.problem);
    await onChanged(active ? `${i.name} is on the roster again.` : `${i.name} is off the roster: offered for no new consultation.`);
    focusLater(`interpreter-${i.id}-${active ? 'off' : 'on'}`);
  }
  const toggle = (i: Interpreter, what: 'edit' | 'hours' | 'leave') => setOpen(open?.id === i.id && open.what === what ? null : { id: i.id, what });
  const closeTo = (focus: string) => () => {
    setOpen(null);
    setAdding(false);
    focusLater(focus);
  };
  const closed = (focus: string): Changed => async (text) => {
    await onChanged(text);
    closeTo(focus)();
  };
  const hoursSaved = (i: Interpreter) => async (text: string, items: ConsultationRef[]) => {
    setOutside(items.length ? { owner: i.name, items } : null);
    await closed(`interpreter-${i.id}-hours`)(text);
  };
  const button = (i: Interpreter, what: 'edit' | 'hours' | 'leave', label: string, name: string) => (
    <button type="button" className="secondary" id={`interpreter-${i.id}-${what}`} aria-expanded={open?.id === i.id && open.what === what} onClick={() => toggle(i, what)} aria-label={name}>{label}</button>
  );

  return (
    <>
      <p>Interpreters are matched to a consultation by language and by their hours less leave; without hours of their own, {INTERPRETER_DEFAULT_HOURS}.</p>
      {problem && <ProblemAlert problem={problem} />}
      {outside && <OutsideHoursNotice owner={outside.owner} consultations={outside.items} onDismiss={() => setOutside(null)} />}
      {adding
        ? <InterpreterForm id="interpreter-new" onDone={closed('interpreter-add')} onCancel={closeTo('interpreter-add')} />
        : <p><button type="button" id="interpreter-add" onClick={() => setAdding(true)}>New interpreter…</button></p>}
      <table className="list-table resource-table">
        <caption className="visually-hidden">Interpreters</caption>
        <thead><tr><th scope="col">Name</th><th scope="col">Languages</th><th scope="col">Hours</th><th scope="col">Leave ahead</th><th scope="col">Booked ahead</th><th scope="col">Status</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {interpreters.map((i) => (
            <Fragment key={i.id}>
              <tr data-interpreter={i.email}>
                <th scope="row">{i.name}<br /><span className="muted">{i.email} · {i.timeZone}</span></th>
                <td>{i.languages.map(languageName).join(', ')}</td>
                <td>{hoursSummary(i.hours, INTERPRETER_DEFAULT_HOURS)}</td>
                <td>{i.leave.length === 0 ? <span className="muted">None</span> : i.leave.map((l) => <span key={l.id} className="leave">{span(l)}<br /></span>)}</td>
                <td>{i.liveAhead}</td>
                <td>{i.active ? <span className="badge badge-approved">On the roster</span> : <span className="badge badge-withdrawn">Off the roster</span>}</td>
                <td><div className="actions">
                  {button(i, 'edit', 'Edit', `Edit ${i.name}`)}
                  {button(i, 'hours', 'Hours', `Hours of ${i.name}`)}
                  {button(i, 'leave', 'Leave', `Leave of ${i.name}`)}
                  {i.active
                    ? <button type="button" className="secondary" id={`interpreter-${i.id}-off`} disabled={busy} onClick={() => void setActive(i, false)} aria-label={`Take ${i.name} off the roster`}>Off the roster</button>
                    : <button type="button" className="secondary" id={`interpreter-${i.id}-on`} disabled={busy} onClick={() => void setActive(i, true)} aria-label={`Put ${i.name} back on the roster`}>Back on the roster</button>}
                </div></td>
              </tr>
              {open?.id === i.id && (
                <tr className="detail-row"><td colSpan={7}>
                  {open.what === 'edit' && <InterpreterForm id={`interpreter-form-${i.id}`} person={i} onDone={closed(`interpreter-${i.id}-edit`)} onCancel={closeTo(`interpreter-${i.id}-edit`)} />}
                  {open.what === 'hours' && <HoursEditor id={`interpreter-hours-${i.id}`} title={i.name} hours={i.hours} defaults={INTERPRETER_DEFAULT_HOURS}
                    path={`/api/control/interpreters/${i.id}/hours`} onSaved={hoursSaved(i)} onCancel={closeTo(`interpreter-${i.id}-hours`)} />}
                  {open.what === 'leave' && <LeaveEditor id={`interpreter-leave-${i.id}`} person={i} onChanged={onChanged} onClose={closeTo(`interpreter-${i.id}-leave`)} />}
                </td></tr>
              )}
            </Fragment>
          ))}
        </tbody>
      </table>
    </>
  );
}
