// When the company can meet: weekly hours (Korea time), whole days off, and whether a new
// request waits for the company's confirmation.
import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { AvailabilitySchema } from '../../../api/portal/company-schemas.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { intlTag, type Locale } from '../../i18n/locales.ts';
import { usePortal } from './context.ts';
import { Checkbox } from './fields.tsx';
import { ProblemAlert, StatusLine } from './messages.tsx';
import { useValidation } from './useValidation.ts';

type HoursRow = { weekday: string; start: string; end: string };
type Blackout = { date: string; reason: string };
type AvailabilityFormState = { requiresConfirmation: boolean; hours: HoursRow[]; blackouts: Blackout[] };
type AvailabilityView = { timeZone: string; requiresConfirmation: boolean; weeklyHours: { weekday: number; start: string; end: string }[]; blackoutDates: Blackout[] };

/** Monday (1) to Sunday (7), named in the page's language; 2024-01-01 was a Monday. */
export function weekdayNames(locale: Locale): string[] {
  const f = new Intl.DateTimeFormat(intlTag(locale), { weekday: 'long', timeZone: 'UTC' });
  return Array.from({ length: 7 }, (_, i) => f.format(new Date(Date.UTC(2024, 0, 1 + i))));
}

/** The hall's usual hours: Monday to Friday, 09:00-18:00 Korea time. */
const OFFICE_HOURS: HoursRow[] = ['1', '2', '3', '4', '5'].map((weekday) => ({ weekday, start: '09:00', end: '18:00' }));

const toInput = (f: AvailabilityFormState) => ({
  requiresConfirmation: f.requiresConfirmation,
  weeklyHours: f.hours.map((h) => ({ weekday: Number(h.weekday), start: h.start, end: h.end })),
  blackoutDates: f.blackouts.map((b) => ({ date: b.date, reason: b.reason })),
});

function Cell({ id, label, error, children }: { id: string; label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <td>
      <label htmlFor={id} className="visually-hidden">{label}</label>
      {children}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </td>
  );
}

export function AvailabilityForm({ slug }: { slug: string }) {
  const { t, locale } = usePortal();
  const id = useId();
  const [form, setForm] = useState<AvailabilityFormState | null>(null);
  const [timeZone, setTimeZone] = useState('Asia/Seoul');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const v = useValidation(AvailabilitySchema, form ? toInput(form) : {});
  const days = weekdayNames(locale);

  useEffect(() => {
    void api<AvailabilityView>('GET', `/api/portal/companies/${slug}/availability`).then((r) => {
      if (!r.ok) return setProblem(r.problem);
      setTimeZone(r.data.timeZone);
      setForm({
        requiresConfirmation: r.data.requiresConfirmation,
        hours: r.data.weeklyHours.map((h) => ({ weekday: String(h.weekday), start: h.start, end: h.end })),
        blackouts: r.data.blackoutDates,
      });
    });
  }, [slug]);

  if (!form) return problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('portal.loading')}</p>;

  const update = (change: Partial<AvailabilityFormState>, path: string) => {
    setForm((f) => (f ? { ...f, ...change } : f));
    setSaved(false);
    v.touch(path);
  };
  const setHour = (i: number, key: keyof HoursRow, value: string) =>
    update({ hours: form.hours.map((h, j) => (j === i ? { ...h, [key]: value } : h)) }, `weeklyHours.${i}.${key}`);
  const setBlackout = (i: number, key: keyof Blackout, value: string) =>
    update({ blackouts: form.blackouts.map((b, j) => (j === i ? { ...b, [key]: value } : b)) }, `blackoutDates.${i}.${key}`);
  // The schema checks the order of each range on the whole list; say it on the row itself, as soon as it is wrong.
  const orderError = (h: HoursRow, i: number) =>
    v.errorFor(`weeklyHours.${i}.end`) ?? (h.start && h.end && h.start >= h.end ? t('portal.error.rangeOrder') : undefined);

  async function submit(e: FormEvent) {
    e.preventDefault();
    v.revealAll();
    setProblem(null);
    if (!v.valid) return;
    setBusy(true);
    const r = await api<AvailabilityView>('PUT', `/api/portal/companies/${slug}/availability`, v.data);
    setBusy(false);
    if (!r.ok) {
      setProblem(r.problem);
      v.setServerErrors(r.fieldErrors);
      return;
    }
    setSaved(true);
  }

  const listError = v.errorFor('weeklyHours');
  const blackoutError = v.errorFor('blackoutDates');
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`} className="portal-form">
      <h2 id={`${id}-h`}>{t('portal.hours.heading')}</h2>
      <Checkbox
        id={`${id}-confirm`} asSwitch label={t('portal.hours.requiresConfirmation')} hint={t('portal.hours.requiresConfirmationHint')}
        checked={form.requiresConfirmation} onChange={(on) => update({ requiresConfirmation: on }, 'requiresConfirmation')}
      />
      <table className="edit-table">
        <caption>{t('portal.hours.weekly', { timeZone })}</caption>
        <thead>
          <tr><th scope="col">{t('portal.hours.day')}</th><th scope="col">{t('portal.hours.from')}</th><th scope="col">{t('portal.hours.to')}</th><th scope="col"><span className="visually-hidden">{t('portal.form.actions')}</span></th></tr>
        </thead>
        <tbody>
          {form.hours.map((h, i) => {
            const row = t('portal.form.row', { row: i + 1 });
            const endError = orderError(h, i);
            const startError = v.errorFor(`weeklyHours.${i}.start`);
            return (
              <tr key={i}>
                <Cell id={`${id}-day-${i}`} label={`${t('portal.hours.day')} (${row})`}>
                  <select id={`${id}-day-${i}`} value={h.weekday} onChange={(e) => setHour(i, 'weekday', e.target.value)}>
                    {days.map((d, k) => <option key={k} value={String(k + 1)}>{d}</option>)}
                  </select>
                </Cell>
                <Cell id={`${id}-start-${i}`} label={`${t('portal.hours.from')} (${row})`} error={startError}>
                  <input id={`${id}-start-${i}`} type="time" value={h.start} onChange={(e) => setHour(i, 'start', e.target.value)}
                    aria-invalid={startError ? true : undefined} aria-describedby={startError ? `${id}-start-${i}-error` : undefined} />
                </Cell>
                <Cell id={`${id}-end-${i}`} label={`${t('portal.hours.to')} (${row})`} error={endError}>
                  <input id={`${id}-end-${i}`} type="time" value={h.end} onChange={(e) => setHour(i, 'end', e.target.value)}
                    aria-invalid={endError ? true : undefined} aria-describedby={endError ? `${id}-end-${i}-error` : undefined} />
                </Cell>
                <td><button type="button" className="secondary" onClick={() => update({ hours: form.hours.filter((_, j) => j !== i) }, 'weeklyHours')}>
                  {t('portal.form.remove')}<span className="visually-hidden"> ({row})</span>
                </button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {listError && !form.hours.some((h) => h.start >= h.end) && <p className="field-error">{listError}</p>}
      {form.hours.length === 0 && <p className="notice">{t('portal.hours.none')}</p>}
      <p className="actions">
        <button type="button" className="secondary" onClick={() => update({ hours: [...form.hours, { weekday: '1', start: '09:00', end: '18:00' }] }, 'weeklyHours')}>{t('portal.hours.addHours')}</button>
        {form.hours.length === 0 && (
          <button type="button" className="secondary" onClick={() => update({ hours: OFFICE_HOURS }, 'weeklyHours')}>{t('portal.hours.officeHours')}</button>
        )}
      </p>

      <table className="edit-table">
        <caption>{t('portal.hours.blackouts')}</caption>
        <thead>
          <tr><th scope="col">{t('portal.hours.date')}</th><th scope="col">{t('portal.hours.reason')}</th><th scope="col"><span className="visually-hidden">{t('portal.form.actions')}</span></th></tr>
        </thead>
        <tbody>
          {form.blackouts.map((b, i) => {
            const row = t('portal.form.row', { row: i + 1 });
            const dateError = v.errorFor(`blackoutDates.${i}.date`);
            const reasonError = v.errorFor(`blackoutDates.${i}.reason`);
            return (
              <tr key={i}>
                <Cell id={`${id}-date-${i}`} label={`${t('portal.hours.date')} (${row})`} error={dateError}>
                  <input id={`${id}-date-${i}`} type="date" value={b.date} onChange={(e) => setBlackout(i, 'date', e.target.value)}
                    aria-invalid={dateError ? true : undefined} aria-describedby={dateError ? `${id}-date-${i}-error` : undefined} />
                </Cell>
                <Cell id={`${id}-reason-${i}`} label={`${t('portal.hours.reason')} (${row})`} error={reasonError}>
                  <input id={`${id}-reason-${i}`} value={b.reason} onChange={(e) => setBlackout(i, 'reason', e.target.value)}
                    aria-invalid={reasonError ? true : undefined} aria-describedby={reasonError ? `${id}-reason-${i}-error` : undefined} />
                </Cell>
                <td><button type="button" className="secondary" onClick={() => update({ blackouts: form.blackouts.filter((_, j) => j !== i) }, 'blackoutDates')}>
                  {t('portal.form.remove')}<span className="visually-hidden"> ({row})</span>
                </button></td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {blackoutError && <p className="field-error">{blackoutError}</p>}
      <p><button type="button" className="secondary" onClick={() => update({ blackouts: [...form.blackouts, { date: '', reason: '' }] }, 'blackoutDates')}>{t('portal.hours.addBlackout')}</button></p>

      {problem && <ProblemAlert problem={problem} />}
      {!problem && v.revealed && !v.valid && <p role="alert" className="problem">{t('portal.problem.fields')}</p>}
      {saved && <StatusLine text={t('portal.hours.saved')} />}
      <p className="actions"><button type="submit" disabled={busy}>{t('portal.form.save')}</button></p>
    </form>
  );
}
