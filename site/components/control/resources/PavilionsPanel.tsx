// Pavilions in their order on the public site: move one up or down (buttons, so the
// keyboard does it as well as the mouse), edit names and stories, retire or restore, and
// create new ones. Every change goes live after the site's rebuild.
import { Fragment, useState, type FormEvent } from 'react';
import { HALL_LOCALES, NewPavilionSchema, PavilionTextsSchema } from '../../../../api/control/resource-schemas.ts';
import { api, type FieldErrors, type Problem } from '../../../lib/portal/api.ts';
import { TextArea, TextField } from '../../portal/fields.tsx';
import { ProblemAlert } from '../../portal/messages.tsx';
import { languageName, zodErrors, type Changed, type Pavilion } from './shared.ts';

const LIVE_AFTER = 'The public site shows it after its rebuild, in a minute or two.';
type Texts = Record<'names' | 'stories', Record<string, string>>;
const textsOf = (p?: Pavilion): Texts => ({
  names: Object.fromEntries(HALL_LOCALES.map((l) => [l, p?.names[l] ?? ''])),
  stories: Object.fromEntries(HALL_LOCALES.map((l) => [l, p?.stories[l] ?? ''])),
});
const title = (p: Pavilion) => p.names.en ?? p.slug;

function PavilionForm({ id, pavilion, onDone, onCancel }: { id: string; pavilion?: Pavilion; onDone: Changed; onCancel: () => void }) {
  const [slug, setSlug] = useState('');
  const [texts, setTexts] = useState<Texts>(() => textsOf(pavilion));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (kind: 'names' | 'stories', locale: string, value: string) => {
    setTexts({ ...texts, [kind]: { ...texts[kind], [locale]: value } });
    setErrors({});
  };

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const parsed = pavilion ? PavilionTextsSchema.safeParse(texts) : NewPavilionSchema.safeParse({ slug, ...texts });
    if (!parsed.success) {
      const found = zodErrors(parsed.error);
      setErrors(found);
      requestAnimationFrame(() => document.getElementById(`${id}-${Object.keys(found)[0]?.replace('.', '-')}`)?.focus());
      return;
    }
    setBusy(true);
    const r = pavilion
      ? await api<Pavilion>('PUT', `/api/control/pavilions/${pavilion.id}`, parsed.data)
      : await api<Pavilion>('POST', '/api/control/pavilions', parsed.data);
    setBusy(false);
    if (r.ok) return void onDone(`${pavilion ? 'Saved' : 'Created'}: ${title(r.data)}. ${LIVE_AFTER}`);
    setErrors(r.fieldErrors);
    setProblem(r.problem);
  }

  const heading = pavilion ? `Edit ${title(pavilion)}` : 'New pavilion';
  return (
    <form onSubmit={submit} noValidate className="card resource-form" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{heading}</h3>
      {pavilion
        ? <p className="muted">Address: /pavilions/{pavilion.slug}/ (it stays, so links keep working).</p>
        : <TextField id={`${id}-slug`} label="Address (slug)" hint="Lower-case letters and digits joined by hyphens; it becomes /pavilions/<slug>/ and cannot change later."
          value={slug} onChange={(v) => { setSlug(v); setErrors({}); }} error={errors.slug} required />}
      <fieldset>
        <legend>Name</legend>
        <div className="form-grid">
          {HALL_LOCALES.map((l) => (
            <TextField key={l} id={`${id}-names-${l}`} label={languageName(l)} lang={l} value={texts.names[l] ?? ''} onChange={(v) => set('names', l, v)}
              error={errors[`names.${l}`]} required={l === 'en' || l === 'ko'} />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Story (what the pavilion shows, for its page)</legend>
        {HALL_LOCALES.map((l) => (
          <TextArea key={l} id={`${id}-stories-${l}`} label={languageName(l)} lang={l} rows={2} value={texts.stories[l] ?? ''} onChange={(v) => set('stories', l, v)} error={errors[`stories.${l}`]} />
        ))}
      </fieldset>
      {problem && <ProblemAlert problem={problem} />}
      <p className="actions">
        <button type="submit" disabled={busy}>{pavilion ? 'Save the pavilion' : 'Create the pavilion'}</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </p>
    </form>
  );
}

export function PavilionsPanel({ pavilions, onChanged }: { pavilions: Pavilion[]; onChanged: Changed }) {
  const [editing, setEditing] = useState<string | null>(null); // an id, or 'new'
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function move(p: Pavilion, by: -1 | 1) {
    const ids = pavilions.map((x) => x.id);
    const at = ids.indexOf(p.id);
    [ids[at], ids[at + by]] = [ids[at + by]!, ids[at]!];
    setBusy(true);
    setProblem(null);
    const r = await api('POST', '/api/control/pavilions/reorder', { ids });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    await onChanged(`${title(p)} moved ${by < 0 ? 'up' : 'down'} to position ${at + by + 1} of ${ids.length}. ${LIVE_AFTER}`);
    // The row moved: keep the keyboard on the same button, or its pair at either end.
    const next = at + by;
    const button = by < 0 && next === 0 ? 'down' : by > 0 && next === ids.length - 1 ? 'up' : by < 0 ? 'up' : 'down';
    requestAnimationFrame(() => document.getElementById(`pavilion-${p.id}-${button}`)?.focus());
  }

  async function retire(p: Pavilion, retired: boolean) {
    setBusy(true);
    setProblem(null);
    const r = await api('PUT', `/api/control/pavilions/${p.id}/retired`, { retired });
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    await onChanged(retired
      ? `${title(p)} is retired: its page and its ${p.productCount} products leave the site and search after the rebuild (the products are kept).`
      : `${title(p)} is back: the site and search show it again after the rebuild.`);
    requestAnimationFrame(() => document.getElementById(`pavilion-${p.id}-${retired ? 'restore' : 'retire'}`)?.focus());
  }

  const close = (focus: string) => {
    setEditing(null);
    requestAnimationFrame(() => document.getElementById(focus)?.focus());
  };
  const done = (focus: string): Changed => async (text) => {
    await onChanged(text);
    close(focus);
  };

  return (
    <>
      <p>The order here is the order on the hall's home page and in search. Retired pavilions leave the site and search; their products stay in the database and come back with them.</p>
      {problem && <ProblemAlert problem={problem} />}
      <table className="list-table resource-table">
        <caption className="visually-hidden">Pavilions in their order</caption>
        <thead><tr><th scope="col">#</th><th scope="col">Pavilion</th><th scope="col">Products</th><th scope="col">Status</th><th scope="col">Order</th><th scope="col">Actions</th></tr></thead>
        <tbody>
          {pavilions.map((p, i) => (
            <Fragment key={p.id}>
            <tr data-pavilion={p.slug}>
              <td>{i + 1}</td>
              <th scope="row">{title(p)} <span lang="ko" className="muted">{p.names.ko}</span><br /><span className="muted">/pavilions/{p.slug}/</span></th>
              <td>{p.productCount}</td>
              <td>{p.retired ? <span className="badge badge-withdrawn">Retired</span> : <span className="badge badge-approved">On the site</span>}</td>
              <td><div className="actions">
                <button type="button" className="secondary" id={`pavilion-${p.id}-up`} disabled={busy || i === 0} onClick={() => void move(p, -1)} aria-label={`Move ${title(p)} up`}>↑ Up</button>
                <button type="button" className="secondary" id={`pavilion-${p.id}-down`} disabled={busy || i === pavilions.length - 1} onClick={() => void move(p, 1)} aria-label={`Move ${title(p)} down`}>↓ Down</button>
              </div></td>
              <td><div className="actions">
                <button type="button" className="secondary" id={`pavilion-${p.id}-edit`} aria-expanded={editing === p.id} onClick={() => setEditing(editing === p.id ? null : p.id)} aria-label={`Edit ${title(p)}`}>Edit</button>
                {p.retired
                  ? <button type="button" className="secondary" id={`pavilion-${p.id}-restore`} disabled={busy} onClick={() => void retire(p, false)} aria-label={`Restore ${title(p)}`}>Restore</button>
                  : <button type="button" className="secondary" id={`pavilion-${p.id}-retire`} disabled={busy} onClick={() => void retire(p, true)} aria-label={`Retire ${title(p)}`}>Retire</button>}
              </div></td>
            </tr>
            {editing === p.id && (
              <tr className="detail-row"><td colSpan={6}>
                <PavilionForm id={`pavilion-form-${p.id}`} pavilion={p} onDone={done(`pavilion-${p.id}-edit`)} onCancel={() => close(`pavilion-${p.id}-edit`)} />
              </td></tr>
            )}
            </Fragment>
          ))}
        </tbody>
      </table>
      {editing === 'new'
        ? <PavilionForm id="pavilion-new" onDone={done('pavilion-add')} onCancel={() => close('pavilion-add')} />
        : <p><button type="button" id="pavilion-add" onClick={() => setEditing('new')}>New pavilion…</button></p>}
    </>
  );
}
