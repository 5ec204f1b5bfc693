// One product: its state and what can be done from it (submit, withdraw), the form with
// every field of ProductInputSchema validated as you type, and its images. Unsaved edits
// are kept in localStorage per user, company and product until saved (see drafts.ts).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CURRENCIES, INCOTERMS, ProductInputSchema, type ProductInput } from '../../../api/portal/product-schemas.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { clearDraft, draftKey, readDraft, writeDraft } from '../../lib/portal/drafts.ts';
import {
  emptyProductForm, foldProductPaths, fromProductInput, OPTIONAL_LOCALES, toProductInput,
  type ProductForm, type ProductLocale, type SpecRow, type TextForm,
} from '../../lib/portal/product-form.ts';
import { intlTag } from '../../i18n/locales.ts';
import type { Issue } from '../../lib/portal/validation.ts';
import { usePortal } from './context.ts';
import { SelectField, TextArea, TextField } from './fields.tsx';
import { ProblemAlert, StatusLine } from './messages.tsx';
import { ProductImages } from './ProductImages.tsx';
import { StatusBadge } from './ProductList.tsx';
import { useValidation } from './useValidation.ts';

export type PavilionChoice = { slug: string; name: string; categories: { slug: string; name: string }[] };
export type ProductStatus = 'draft' | 'submitted' | 'approved' | 'rejected' | 'withdrawn';
export type ProductView = {
  slug: string; status: ProductStatus; rejectionReason: string | null;
  product: ProductInput; pendingRevision: { submittedAt: string; product: ProductInput } | null;
  /** The latest reviewed edit of a published product (a rejected one says why). */
  lastRevision?: { status: 'approved' | 'rejected'; reason: string | null; decidedAt: string | null } | null;
};

type Validation = ReturnType<typeof useValidation>;

// zod runs an object's refinements only once its fields are valid, so "MOQ without a unit"
// and "lowest above highest" would stay silent while the texts are still empty. Checked
// here on their own, over a product that is otherwise fine, they show as soon as typed.
const VALID_REST = { pavilion: 'any', texts: { ko: { name: 'x' }, en: { name: 'x' } } };
function crossFieldIssues(input: unknown): Issue[] {
  const { moq, moqUnit, priceTerms } = input as { moq: unknown; moqUnit: unknown; priceTerms: unknown };
  const r = ProductInputSchema.safeParse({ ...VALID_REST, moq, moqUnit, priceTerms });
  return r.success ? [] : (r.error.issues as unknown as Issue[]);
}
/** A pavilion divided into categories needs one chosen (the API says the same); the schema cannot know which are. */
function categoryIssues(form: ProductForm | null, pavilions: PavilionChoice[]): Issue[] {
  if (!form || form.category) return [];
  const pavilion = pavilions.find((p) => p.slug === form.pavilion);
  return pavilion?.categories.length ? [{ code: 'custom', path: ['category'], message: 'Required' }] : [];
}
/** An MOQ makes its unit required: say so under the unit as soon as the MOQ is typed. */
const RELATED: Record<string, string> = { moq: 'moqUnit' };
type Setter = (change: (f: ProductForm) => ProductForm, path: string) => void;

function TextsFieldset({ lang, form, set, v, required }: { lang: ProductLocale; form: ProductForm; set: Setter; v: Validation; required: boolean }) {
  const { t, locale } = usePortal();
  const id = useId();
  const name = new Intl.DisplayNames([intlTag(locale)], { type: 'language' }).of(lang) ?? lang;
  const text = form.texts[lang];
  const field = (key: keyof TextForm) => (value: string) =>
    set((f) => ({ ...f, texts: { ...f.texts, [lang]: { ...f.texts[lang], [key]: value } } }), `texts.${lang}.${key}`);
  const path = (key: string) => `texts.${lang}.${key}`;
  return (
    <fieldset>
      <legend>{required ? t('portal.product.textsRequired', { language: name }) : name}</legend>
      <div className="form-grid">
        <TextField id={`${id}-name`} lang={lang} label={t('portal.product.name')} value={text.name} onChange={field('name')} error={v.errorFor(path('name'))} required={required} />
        <TextField id={`${id}-summary`} lang={lang} label={t('portal.product.summary')} value={text.summary} onChange={field('summary')} error={v.errorFor(path('summary'))} />
      </div>
      <TextArea id={`${id}-description`} lang={lang} label={t('portal.product.description')} value={text.description} onChange={field('description')} error={v.errorFor(path('description'))} rows={5} />
      <TextField id={`${id}-keywords`} lang={lang} label={t('portal.product.keywords')} hint={t('portal.form.commaHint')} value={text.keywords} onChange={field('keywords')} error={v.errorFor(path('keywords'))} />
    </fieldset>
  );
}

function SpecificationRows({ rows, set, v }: { rows: SpecRow[]; set: Setter; v: Validation }) {
  const { t } = usePortal();
  const id = useId();
  const change = (i: number, key: keyof SpecRow) => (value: string) =>
    set((f) => ({ ...f, specifications: f.specifications.map((s, j) => (j === i ? { ...s, [key]: value } : s)) }), `specifications.${i}.${key}`);
  return (
    <fieldset>
      <legend>{t('portal.product.specifications')}</legend>
      <p className="hint">{t('portal.product.specificationsHint')}</p>
      {rows.map((row, i) => {
        const label = t('portal.form.row', { row: i + 1 });
        return (
          <div key={i} className="spec-row" role="group" aria-label={label}>
            <TextField id={`${id}-key-${i}`} lang="en" label={t('portal.product.specKey')} value={row.key} onChange={change(i, 'key')} error={v.errorFor(`specifications.${i}.key`)} required />
            <TextField id={`${id}-value-${i}`} lang="en" label={t('portal.product.specValue')} value={row.value} onChange={change(i, 'value')} error={v.errorFor(`specifications.${i}.value`)} required />
            <button type="button" className="secondary" onClick={() => set((f) => ({ ...f, specifications: f.specifications.filter((_, j) => j !== i) }), 'specifications')}>
              {t('portal.form.remove')}<span className="visually-hidden"> ({label})</span>
            </button>
          </div>
        );
      })}
      {v.errorFor('specifications') && <p className="field-error">{v.errorFor('specifications')}</p>}
      <p><button type="button" className="secondary" onClick={() => set((f) => ({ ...f, specifications: [...f.specifications, { key: '', value: '' }] }), 'specifications')}>{t('portal.product.addSpecification')}</button></p>
    </fieldset>
  );
}

function TradeTerms({ form, set, v }: { form: ProductForm; set: Setter; v: Validation }) {
  const { t } = usePortal();
  const id = useId();
  const field = (key: 'moq' | 'moqUnit' | 'leadTimeDays' | 'hsCode' | 'certifications' | 'exportMarkets') => (value: string) => set((f) => ({ ...f, [key]: value }), key);
  const price = (key: keyof ProductForm['price']) => (value: string) => set((f) => ({ ...f, price: { ...f.price, [key]: value } }), `priceTerms.${key}`);
  return (
    <>
      <fieldset>
        <legend>{t('portal.product.trade')}</legend>
        <div className="form-grid">
          <TextField id={`${id}-moq`} label={t('portal.product.moq')} inputMode="numeric" value={form.moq} onChange={field('moq')} error={v.errorFor('moq')} />
          <TextField id={`${id}-moqUnit`} lang="en" label={t('portal.product.moqUnit')} hint={t('portal.product.moqUnitHint')} value={form.moqUnit} onChange={field('moqUnit')} error={v.errorFor('moqUnit')} />
          <TextField id={`${id}-lead`} label={t('portal.product.leadTimeDays')} inputMode="numeric" value={form.leadTimeDays} onChange={field('leadTimeDays')} error={v.errorFor('leadTimeDays')} />
          <TextField id={`${id}-hs`} label={t('portal.product.hsCode')} inputMode="numeric" hint={t('portal.product.hsCodeHint')} value={form.hsCode} onChange={field('hsCode')} error={v.errorFor('hsCode')} />
          <TextField id={`${id}-certs`} label={t('portal.product.certifications')} hint={t('portal.form.commaHint')} value={form.certifications} onChange={field('certifications')} error={v.errorFor('certifications')} />
          <TextField id={`${id}-markets`} label={t('portal.product.exportMarkets')} hint={t('portal.form.countryCodesHint')} value={form.exportMarkets} onChange={field('exportMarkets')} error={v.errorFor('exportMarkets')} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('portal.product.price')}</legend>
        <p className="hint">{t('portal.product.priceHint')}</p>
        <div className="form-grid">
          <SelectField id={`${id}-incoterm`} label={t('portal.product.incoterm')} value={form.price.incoterm} onChange={price('incoterm')} options={INCOTERMS.map((x) => [x, x] as const)} error={v.errorFor('priceTerms.incoterm')} />
          <SelectField id={`${id}-currency`} label={t('portal.product.currency')} value={form.price.currency} onChange={price('currency')} options={CURRENCIES.map((x) => [x, x] as const)} error={v.errorFor('priceTerms.currency')} />
          <TextField id={`${id}-min`} label={t('portal.product.priceMin')} inputMode="decimal" value={form.price.min} onChange={price('min')} error={v.errorFor('priceTerms.min')} />
          <TextField id={`${id}-max`} label={t('portal.product.priceMax')} inputMode="decimal" value={form.price.max} onChange={price('max')} error={v.errorFor('priceTerms.max')} />
          <TextField id={`${id}-unit`} lang="en" label={t('portal.product.priceUnit')} hint={t('portal.product.priceUnitHint')} value={form.price.unit} onChange={price('unit')} error={v.errorFor('priceTerms.unit')} />
        </div>
      </fieldset>
    </>
  );
}

function StatePanel({ view, onAction, busy }: { view: ProductView; onAction: (action: 'submit' | 'withdraw') => void; busy: boolean }) {
  const { t } = usePortal();
  const canSubmit = view.status === 'draft' || view.status === 'rejected' || view.status === 'withdrawn';
  const canWithdraw = view.status === 'submitted' || view.status === 'approved';
  return (
    <div className="state-panel card">
      <p><strong>{t('portal.product.state')}</strong> <StatusBadge status={view.status} /></p>
      <p className="muted">{t(`portal.product.stateHelp.${view.status}`)}</p>
      {view.status === 'rejected' && view.rejectionReason && (
        <div className="notice"><strong>{t('portal.product.rejectionReason')}</strong> <span>{view.rejectionReason}</span></div>
      )}
      {!view.pendingRevision && view.status === 'approved' && view.lastRevision?.status === 'rejected' && (
        <div className="notice" data-testid="edit-rejected"><strong>{t('portal.product.editRejected')}</strong> <span>{view.lastRevision.reason}</span></div>
      )}
      {view.pendingRevision && <p className="notice">{t('portal.product.revisionPending')}</p>}
      <p className="actions">
        {canSubmit && <button type="button" disabled={busy} onClick={() => onAction('submit')}>{t('portal.product.submit')}</button>}
        {canWithdraw && (
          <button type="button" className="secondary" disabled={busy} onClick={() => onAction('withdraw')}>
            {view.status === 'approved' ? t('portal.product.withdrawPublished') : t('portal.product.withdrawReview')}
          </button>
        )}
      </p>
    </div>
  );
}

export function ProductEditor({ user, company, slug, pavilions, onCreated }: {
  user: string; company: string; slug: string | null; pavilions: PavilionChoice[]; onCreated: (slug: string) => void;
}) {
  const { t, locale } = usePortal();
  const id = useId();
  const key = draftKey(user, company, slug);
  const [view, setView] = useState<ProductView | null>(null);
  const [form, setForm] = useState<ProductForm | null>(null);
  const [restoredAt, setRestoredAt] = useState<string | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const dirty = useRef(false);
  const input = form ? toProductInput(form) : {};
  const v = useValidation(ProductInputSchema, input, foldProductPaths, form ? [...crossFieldIssues(input), ...categoryIssues(form, pavilions)] : []);

  // Load the product (or start empty), then lay any unsaved draft over it.
  useEffect(() => {
    let cancelled = false;
    dirty.current = false;
    setView(null);
    setForm(null);
    setRestoredAt(null);
    setStatus('');
    setProblem(null);
    void (async () => {
      let base = emptyProductForm();
      if (slug) {
        const r = await api<ProductView>('GET', `/api/portal/companies/${company}/products/${slug}`);
        if (cancelled) return;
        if (!r.ok) return setProblem(r.problem);
        setView(r.data);
        base = fromProductInput(r.data.pendingRevision?.product ?? r.data.product);
      }
      const draft = readDraft<ProductForm>(key);
      if (draft && JSON.stringify(draft.form) !== JSON.stringify(base)) {
        base = draft.form;
        dirty.current = true;
        setRestoredAt(draft.savedAt);
      }
      if (!cancelled) setForm(base);
    })();
    return () => { cancelled = true; };
  }, [company, slug, key]);

  if (!form) return problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('portal.loading')}</p>;

  const locked = view?.status === 'submitted';
  const set: Setter = (change, path) => {
    setForm((f) => {
      if (!f) return f;
      const next = change(f);
      writeDraft(key, next);
      return next;
    });
    dirty.current = true;
    setStatus('');
    v.touch(path);
    if (RELATED[path]) v.touch(RELATED[path]);
  };

  async function save(): Promise<ProductView | null> {
    v.revealAll();
    setProblem(null);
    setStatus('');
    if (!v.valid) return null;
    setBusy(true);
    const r = slug
      ? await api<ProductView>('PUT', `/api/portal/companies/${company}/products/${slug}`, v.data)
      : await api<ProductView>('POST', `/api/portal/companies/${company}/products`, v.data);
    setBusy(false);
    if (!r.ok) {
      setProblem(r.problem);
      v.setServerErrors(r.fieldErrors);
      return null;
    }
    clearDraft(key);
    dirty.current = false;
    setRestoredAt(null);
    if (!slug) {
      onCreated(r.data.slug);
      return r.data;
    }
    setView(r.data);
    setStatus(r.data.pendingRevision ? t('portal.product.savedForReview') : t('portal.product.saved'));
    return r.data;
  }

  async function act(action: 'submit' | 'withdraw') {
    if (!slug) return;
    // Submitting sends what is on screen: unsaved edits are saved first.
    if (action === 'submit' && dirty.current && !(await save())) return;
    setBusy(true);
    setProblem(null);
    const r = await api<ProductView>('POST', `/api/portal/companies/${company}/products/${slug}/${action}`);
    setBusy(false);
    if (!r.ok) return setProblem(r.problem);
    setView(r.data);
    setStatus(action === 'submit' ? t('portal.product.submitted') : t('portal.product.withdrawn'));
  }

  // An image change of a published product opens or changes its waiting edit: show it.
  async function reloadView() {
    if (!slug) return;
    const r = await api<ProductView>('GET', `/api/portal/companies/${company}/products/${slug}`);
    if (r.ok) setView(r.data);
  }

  function discard() {
    clearDraft(key);
    dirty.current = false;
    setRestoredAt(null);
    v.reset();
    setForm(view ? fromProductInput(view.pendingRevision?.product ?? view.product) : emptyProductForm());
  }

  const pavilion = pavilions.find((p) => p.slug === form.pavilion);
  const heading = slug ? (form.texts[locale === 'ko' ? 'ko' : 'en'].name || slug) : t('portal.product.newHeading');
  return (
    <div className="product-editor">
      <h2 id={`${id}-h`}>{heading}</h2>
      <p><a href="#products">{t('portal.product.backToList')}</a></p>
      {view && <StatePanel view={view} onAction={act} busy={busy} />}
      {restoredAt && (
        <div className="notice" role="status">
          {t('portal.product.draftRestored', { time: new Date(restoredAt).toLocaleString(intlTag(locale)) })}{' '}
          <button type="button" className="link" onClick={discard}>{t('portal.product.discardDraft')}</button>
        </div>
      )}
      <form onSubmit={(e: FormEvent) => { e.preventDefault(); void save(); }} noValidate aria-labelledby={`${id}-h`} className="portal-form">
        <fieldset disabled={locked} className="plain">
          {locked && <legend className="notice">{t('portal.product.lockedWhileReview')}</legend>}
          <div className="form-grid">
            <SelectField
              id={`${id}-pavilion`} label={t('portal.product.pavilion')} required value={form.pavilion} error={v.errorFor('pavilion')}
              onChange={(value) => set((f) => ({ ...f, pavilion: value, category: '' }), 'pavilion')}
              options={[['', t('portal.form.choose')], ...pavilions.map((p) => [p.slug, p.name] as const)]}
            />
            <SelectField
              id={`${id}-category`} label={t('portal.product.category')} value={form.category} error={v.errorFor('category')}
              required={Boolean(pavilion?.categories.length)}
              onChange={(value) => set((f) => ({ ...f, category: value }), 'category')}
              options={[['', pavilion?.categories.length ? t('portal.form.choose') : t('portal.product.noCategory')], ...(pavilion?.categories ?? []).map((c) => [c.slug, c.name] as const)]}
            />
          </div>
          <TextsFieldset lang="ko" form={form} set={set} v={v} required />
          <TextsFieldset lang="en" form={form} set={set} v={v} required />
          <details open={OPTIONAL_LOCALES.some((l) => form.texts[l].name || v.all[`texts.${l}.name`])}>
            <summary>{t('portal.product.otherLanguages')}</summary>
            {OPTIONAL_LOCALES.map((l) => <TextsFieldset key={l} lang={l} form={form} set={set} v={v} required={false} />)}
          </details>
          <SpecificationRows rows={form.specifications} set={set} v={v} />
          <TradeTerms form={form} set={set} v={v} />
        </fieldset>
        {problem && <ProblemAlert problem={problem} />}
        {!problem && v.revealed && !v.valid && <p role="alert" className="problem">{t('portal.problem.fields')}</p>}
        {status && <StatusLine text={status} />}
        {!locked && (
          <p className="actions">
            <button type="submit" disabled={busy}>
              {!slug ? t('portal.product.create') : view?.status === 'approved' ? t('portal.product.saveForReview') : t('portal.form.save')}
            </button>
          </p>
        )}
      </form>
      {slug ? (
        <ProductImages
          company={company} product={slug} editable={!locked} published={view?.status === 'approved'}
          version={`${view?.status ?? ''}:${view?.pendingRevision?.submittedAt ?? ''}`} onStaged={() => void reloadView()}
        />
      ) : <p className="muted">{t('portal.product.imagesAfterSave')}</p>}
    </div>
  );
}
