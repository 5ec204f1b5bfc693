// Weekly hours of a room or an interpreter: ranges of a weekday in a zone, checked with the
// API's own schema before sending; each mistake sits under its field. Saving none (or
// "Use the default hours") hands the resource back to the programme's default hours.
import { useState, type FormEvent } from 'react';
import { WeeklyHoursSchema } from '../../../../api/control/resource-schemas.ts';
import { api, type FieldErrors, type Problem } from '../../../lib/portal/api.ts';
import { SelectField, TextField } from '../../portal/fields.tsx';
import { ProblemAlert } from '../../portal/messages.tsx';
import { TIME_ZONES, WEEKDAYS, zodErrors, type ConsultationRef, type Hours } from './shared.ts';

type Row = { weekday: string; start: string; end: string };
const DAY_OPTIONS = WEEKDAYS.map((d, i) => [String(i + 1), d] as const);

export function zoneOptions(current: string): (readonly [string, string])[] {
  const zones = TIME_ZONES.includes(current) ? TIME_ZONES : [current, ...TIME_ZONES];
  return zones.map((z) => [z, z.replace(/_/g, ' ')] as const);
}

export function HoursEditor(props: {
  id: string; title: string; hours: Hours; defaults: string; path: string;
  /** `outside`: the booked consultations the new hours leave outside (the API names them). */
  onSaved: (text: string, outside: ConsultationRef[]) => void; onCancel: () => void;
}) {
  const { id, title, hours, defaults, path, onSaved, onCancel } = props;
  const [timeZone, setTimeZone] = useState(hours.timeZone);
  const [rows, setRows] = useState<Row[]>(hours.hours.map((h) => ({ weekday: String(h.weekday), start: h.start, end: h.end })));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  const edit = (i: number, change: Partial<Row>) => {
    setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
    setErrors({});
  };
  const add = () => {
    const last = rows.at(-1);
    setRows([...rows, last ? { ...last, weekday: String((Number(last.weekday) % 7) + 1) } : { weekday: '1', start: '09:00', end: '18:00' }]);
    // The new range's day field, once rendered.
    requestAnimationFrame(() => document.getElementById(`${id}-r${rows.length}-day`)?.focus());
  };
  const remove = (i: number) => {
    setRows(rows.filter((_, j) => j !== i));
    setErrors({});
    requestAnimationFrame(() => document.getElementById(`${id}-add`)?.focus());
  };

  async function save(body: { timeZone: string; hours: { weekday: number; start: string; end: string }[] }) {
    const parsed = WeeklyHoursSchema.safeParse(body);
    if (!parsed.success) {
      const found = zodErrors(parsed.error);
      setErrors(found);
      const [first] = Object.keys(found);
      const [, i, field] = first?.split('.') ?? [];
      requestAnimationFrame(() => document.getElementById(first === 'timeZone' || !i ? `${id}-zone` : `${id}-r${i}-${field === 'weekday' ? 'day' : field}`)?.focus());
      return;
    }
    setBusy(true);
    const r = await api<{ outsideHours?: ConsultationRef[] }>('PUT', path, parsed.data);
    setBusy(false);
    if (r.ok) {
      const outside = r.data.outsideHours ?? [];
      const saved = body.hours.length ? `Hours saved for ${title}.` : `${title} keeps the default hours now.`;
      const n = outside.length;
      return onSaved(n ? `${saved} ${n} booked consultation${n === 1 ? ' is' : 's are'} outside them: see the list.` : saved, outside);
    }
    setErrors(r.fieldErrors);
    setProblem(r.problem);
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    void save({ timeZone, hours: rows.map((r) => ({ weekday: Number(r.weekday), start: r.start.trim(), end: r.end.trim() })) });
  }

  return (
    <form onSubmit={submit} noValidate className="inline-form hours-editor" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Weekly hours of {title}</h4>
      <p className="hint">Times as HH:MM, 24-hour; several ranges a day are fine (around lunch, say). Without any: {defaults}.</p>
      <SelectField id={`${id}-zone`} label="Time zone of these hours" value={timeZone} onChange={(v) => { setTimeZone(v); setErrors({}); }}
        options={zoneOptions(timeZone)} error={errors.timeZone} required />
      {rows.length === 0 && <p>No hours of its own: {defaults}.</p>}
      {rows.map((r, i) => {
        const rid = `${id}-r${i}`;
        return (
          <fieldset key={i} className="hours-row">
            <legend>Range {i + 1}</legend>
            <SelectField id={`${rid}-day`} label="Day" value={r.weekday} onChange={(v) => edit(i, { weekday: v })} options={DAY_OPTIONS} error={errors[`hours.${i}.weekday`]} />
            <TextField id={`${rid}-start`} label="From" hint="HH:MM" value={r.start} onChange={(v) => edit(i, { start: v })} error={errors[`hours.${i}.start`] ?? errors[`hours.${i}`]} inputMode="numeric" />
            <TextField id={`${rid}-end`} label="Until" hint="HH:MM" value={r.end} onChange={(v) => edit(i, { end: v })} error={errors[`hours.${i}.end`]} inputMode="numeric" />
            <button type="button" className="secondary" onClick={() => remove(i)} aria-label={`Remove range ${i + 1}`}>Remove</button>
          </fieldset>
        );
      })}
      {errors.hours && <p className="field-error" role="alert">{errors.hours}</p>}
      {problem && <ProblemAlert problem={problem} />}
      <p className="actions">
        <button type="button" id={`${id}-add`} className="secondary" onClick={add}>Add a range</button>
        <button type="submit" disabled={busy}>Save hours</button>
        {!hours.usesDefault && <button type="button" className="secondary" disabled={busy} onClick={() => void save({ timeZone, hours: [] })}>Use the default hours</button>}
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </p>
    </form>
  );
}
