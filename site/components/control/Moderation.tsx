// Staff's moderation queue: products and edits waiting for review, oldest first; a review
// shows a new product in full, or an edit of a published one as a field-by-field diff (and,
// when the edit changes them, the published images beside the proposed ones); approve
// publishes it, reject sends the company a reason. English only, like the control
// tower; field names come from the portal's English messages.
import { useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { PRODUCT_LOCALES, type ProductInput } from '../../../api/portal/product-schemas.ts';
import { createTranslator, type Messages, type Translate } from '../../i18n/format.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { diffProducts, productFields } from '../../lib/portal/product-diff.ts';
import { PortalContext } from '../portal/context.ts';
import { SignInForm } from '../portal/AuthPanel.tsx';
import { TextArea } from '../portal/fields.tsx';
import { ProblemAlert, StatusLine } from '../portal/messages.tsx';
import { StatusBadge } from '../portal/ProductList.tsx';
import { previewOf, type ProductImage } from '../portal/ProductImages.tsx';

/** companyListed false: nothing of the company is public yet, so this review is also the company's first. */
type QueueItem = {
  kind: 'product' | 'revision'; slug: string; companySlug: string; nameEn: string; since: string;
  companyStatus: 'active' | 'suspended'; companyListed: boolean;
};

function CompanyCell({ item }: { item: QueueItem }) {
  if (item.companyStatus === 'suspended') return <td>{item.companySlug} <span className="badge badge-cancelled">suspended: approving publishes nothing until it is reinstated</span></td>;
  if (!item.companyListed) return <td>{item.companySlug} <span className="badge badge-held">new company: its first product, and its page with it</span></td>;
  return <td><a href={`/companies/${item.companySlug}/`}>{item.companySlug}</a></td>;
}
type Review = {
  slug: string; status: string; rejectionReason: string | null;
  product: ProductInput; images: ProductImage[];
  pendingRevision: { submittedAt: string; product: ProductInput; images: ProductImage[] | null } | null;
};

const languageName = new Intl.DisplayNames(['en'], { type: 'language' });
const FIELD_KEYS: Record<string, string> = {
  pavilion: 'portal.product.pavilion', category: 'portal.product.category', specifications: 'portal.product.specifications',
  certifications: 'portal.product.certifications', moq: 'portal.product.moq', leadTimeDays: 'portal.product.leadTimeDays',
  priceTerms: 'portal.product.price', hsCode: 'portal.product.hsCode', exportMarkets: 'portal.product.exportMarkets',
  name: 'portal.product.name', summary: 'portal.product.summary', description: 'portal.product.description', keywords: 'portal.product.keywords',
};

/** "texts.ko.name" -> "Product name (Korean)". */
function fieldLabel(t: Translate, path: string): string {
  const parts = path.split('.');
  if (parts[0] === 'texts' && parts[1] && parts[2]) return `${t(FIELD_KEYS[parts[2]] ?? parts[2])} (${languageName.of(parts[1]) ?? parts[1]})`;
  return t(FIELD_KEYS[path] ?? path);
}

const date = (iso: string) => new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Seoul' }) + ' (Asia/Seoul)';

function Queue({ items }: { items: QueueItem[] }) {
  if (items.length === 0) return <p>Nothing is waiting for review.</p>;
  return (
    <table className="list-table">
      <caption className="visually-hidden">Waiting for review, oldest first</caption>
      <thead><tr><th scope="col">Product</th><th scope="col">What</th><th scope="col">Company</th><th scope="col">Waiting since</th></tr></thead>
      <tbody>
        {items.map((i) => (
          <tr key={`${i.kind}-${i.slug}`} data-product={i.slug}>
            <th scope="row"><a href={`#review/${i.companySlug}/${i.slug}`}>{i.nameEn || i.slug}</a></th>
            <td>{i.kind === 'revision' ? 'Edit of a published product' : 'New product'}</td>
            <CompanyCell item={i} />
            <td>{date(i.since)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldTable({ product, t }: { product: ProductInput; t: Translate }) {
  const fields = productFields(product).filter((f) => f.value !== '');
  return (
    <table className="spec diff">
      <caption>The product as submitted</caption>
      <thead><tr><th scope="col">Field</th><th scope="col">Value</th></tr></thead>
      <tbody>
        {fields.map((f) => {
          const lang = f.path.startsWith('texts.') ? f.path.split('.')[1] : undefined;
          return <tr key={f.path}><th scope="row">{fieldLabel(t, f.path)}</th><td lang={lang} className="pre">{f.value}</td></tr>;
        })}
      </tbody>
    </table>
  );
}

function DiffTable({ before, after, t }: { before: ProductInput; after: ProductInput; t: Translate }) {
  const changes = diffProducts(before, after);
  if (changes.length === 0) return <p>The edit changes no text or detail (see the images below).</p>;
  return (
    <table className="spec diff">
      <caption>What the edit changes ({changes.length} {changes.length === 1 ? 'field' : 'fields'})</caption>
      <thead><tr><th scope="col">Field</th><th scope="col">Published now</th><th scope="col">Proposed</th></tr></thead>
      <tbody>
        {changes.map((c) => {
          const lang = c.path.startsWith('texts.') ? c.path.split('.')[1] : undefined;
          return (
            <tr key={c.path} data-field={c.path}>
              <th scope="row">{fieldLabel(t, c.path)}</th>
              <td lang={lang} className="pre before">{c.before ? <del>{c.before}</del> : <span className="muted">(empty)</span>}</td>
              <td lang={lang} className="pre after">{c.after ? <ins>{c.after}</ins> : <span className="muted">(empty)</span>}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function Thumbs({ images }: { images: ProductImage[] }) {
  if (images.length === 0) return <p>No images.</p>;
  return (
    <ul className="thumbs">
      {images.map((image) => {
        const v = previewOf(image);
        return <li key={image.position}>{v && <img src={v.url} alt={image.alt.en ?? ''} width={v.width} height={v.height} />}<p className="muted">{image.alt.en || '(no alt text)'}</p></li>;
      })}
    </ul>
  );
}

function ProductReview({ company, slug, t, onDone }: { company: string; slug: string; t: Translate; onDone: (text: string) => void }) {
  const id = useId();
  const [review, setReview] = useState<Review | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api<Review>('GET', `/api/control/products/${slug}`).then((r) => (r.ok ? setReview(r.data) : setProblem(r.problem)));
  }, [company, slug]);

  async function approve() {
    setBusy(true);
    const r = await api<Review>('POST', `/api/control/products/${slug}/approve`);
    setBusy(false);
    if (r.ok) onDone(`Approved: ${r.data.product.texts.en.name}. The public site and search update in a few seconds.`);
    else setProblem(r.problem);
  }

  async function reject(e: FormEvent) {
    e.preventDefault();
    if (!reason.trim()) return setReasonError('Say why, so the company can fix it.');
    if (reason.trim().length > 500) return setReasonError('At most 500 characters.');
    setBusy(true);
    const r = await api<Review>('POST', `/api/control/products/${slug}/reject`, { reason: reason.trim() });
    setBusy(false);
    if (r.ok) onDone(`Rejected: ${r.data.product.texts.en.name}. The company sees your reason.`);
    else setProblem(r.problem);
  }

  if (!review) return problem ? <ProblemAlert problem={problem} /> : <p role="status">Loading…</p>;
  const revision = review.status === 'approved' ? review.pendingRevision : null;
  const shown = revision?.product ?? review.product;
  return (
    <section aria-labelledby={`${id}-h`}>
      <p><a href="#">← Back to the queue</a></p>
      <h2 id={`${id}-h`}>{shown.texts.en.name} <span lang="ko" className="muted">{shown.texts.ko.name}</span></h2>
      <p>
        <StatusBadge status={review.status} /> · company <a href={`/companies/${company}/`}>{company}</a>
        {review.status === 'approved' && <> · published at <a href={`/products/${review.slug}/`}>/products/{review.slug}/</a></>}
      </p>
      {revision
        ? <><p>An edit of a published product, submitted {date(revision.submittedAt)}. The published text stays until you approve.</p><DiffTable before={review.product} after={revision.product} t={t} /></>
        : <FieldTable product={review.product} t={t} />}
      {revision?.images ? (
        <>
          <h3>Images: the edit changes them</h3>
          <h4>Published now ({review.images.length})</h4>
          <Thumbs images={review.images} />
          <h4>Proposed ({revision.images.length})</h4>
          <Thumbs images={revision.images} />
        </>
      ) : (
        <><h3>Images ({review.images.length})</h3><Thumbs images={review.images} /></>
      )}
      {problem && <ProblemAlert problem={problem} />}
      <p className="actions">
        <button type="button" disabled={busy} onClick={approve}>{revision ? 'Approve the edit' : 'Approve and publish'}</button>
        <button type="button" className="secondary" disabled={busy} aria-expanded={rejecting} onClick={() => setRejecting(!rejecting)}>Reject…</button>
      </p>
      {rejecting && (
        <form onSubmit={reject} noValidate className="inline-form">
          <TextArea id={`${id}-reason`} label="Reason for the company" hint="The company reads this in the portal; say what to change." rows={3}
            value={reason} onChange={(v) => { setReason(v); setReasonError(undefined); }} error={reasonError} required />
          <p><button type="submit" disabled={busy}>Reject with this reason</button></p>
        </form>
      )}
    </section>
  );
}

function useReviewRoute(): { company: string; slug: string } | null {
  const read = () => {
    const [head, company, slug] = (globalThis.location?.hash ?? '').replace(/^#/, '').split('/');
    return head === 'review' && company && slug ? { company, slug } : null;
  };
  const [route, setRoute] = useState(read);
  useEffect(() => {
    const update = () => setRoute(read());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}

export default function Moderation({ messages }: { messages: Messages }) {
  const t = useMemo(() => createTranslator('en', messages), [messages]);
  const context = useMemo(() => ({ t, locale: 'en' as const }), [t]);
  const route = useReviewRoute();
  const [state, setState] = useState<'loading' | 'signed-out' | 'not-staff' | { items: QueueItem[] } | Problem>('loading');
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    const r = await api<{ items: QueueItem[] }>('GET', '/api/control/moderation');
    setState(r.ok ? r.data : r.status === 401 ? 'signed-out' : r.status === 403 ? 'not-staff' : r.problem);
  }, []);
  useEffect(() => { void load(); }, [load]);

  const done = (text: string) => {
    setStatus(text);
    window.location.hash = '';
    void load();
  };

  let body;
  if (state === 'loading') body = <p role="status">Loading…</p>;
  else if (state === 'signed-out') body = <div className="card narrow"><p>Sign in with a staff account to review products.</p><SignInForm onSignedIn={load} /></div>;
  else if (state === 'not-staff') body = <div role="alert" className="problem"><p><strong>Staff only.</strong> This page is for programme staff. Companies manage their products in the <a href="/portal/">company portal</a>.</p></div>;
  else if ('items' in state) {
    body = route ? <ProductReview key={`${route.company}/${route.slug}`} company={route.company} slug={route.slug} t={t} onDone={done} />
      : <><h2>Waiting for review ({state.items.length})</h2><Queue items={state.items} /></>;
  } else body = <ProblemAlert problem={state} />;

  return (
    <PortalContext.Provider value={context}>
      <div className="portal moderation">
        <div aria-live="polite">{status && <StatusLine text={status} />}</div>
        {body}
      </div>
    </PortalContext.Provider>
  );
}
