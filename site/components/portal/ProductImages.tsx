// A product's images: up to eight, each with alt text in English and Korean. The API checks
// the bytes and re-encodes them; a refusal comes back with a code and a readable detail. On a
// published product the list shown is the edit waiting for review: changes go live when staff
// approve it, and the editor is told (onStaged) so it can show the pending edit.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../lib/portal/api.ts';
import { usePortal } from './context.ts';
import { TextField } from './fields.tsx';
import { ProblemAlert, StatusLine } from './messages.tsx';

export const MAX_IMAGES = 8;
type Variant = { format: string; width: number; height: number; url: string };
export type ProductImage = { position: number; width: number; height: number; alt: { en?: string; ko?: string }; variants: Variant[] };

const IMAGE_CODES = ['empty', 'too-large', 'unsupported-type', 'too-many-pixels', 'corrupt', 'hidden-content', 'no-file'];

/** A small variant for the preview: the narrowest WebP of at least 240 pixels, else the JPEG. */
export function previewOf(image: ProductImage): Variant | undefined {
  const webp = image.variants.filter((v) => v.format === 'webp' && v.width >= 240).sort((a, b) => a.width - b.width)[0];
  return webp ?? image.variants.find((v) => v.format === 'jpeg') ?? image.variants[0];
}

export function ProductImages({ company, product, editable, published = false, version = '', onStaged }: {
  company: string; product: string; editable: boolean;
  /** The product is published: image changes wait for review. */
  published?: boolean;
  /** Changes when the product's state or waiting edit does (withdrawn, decided): the list is read again. */
  version?: string;
  onStaged?: () => void;
}) {
  const { t, locale } = usePortal();
  const id = useId();
  const base = `/api/portal/companies/${company}/products/${product}/images`;
  const [images, setImages] = useState<ProductImage[] | null>(null);
  const [altEn, setAltEn] = useState('');
  const [altKo, setAltKo] = useState('');
  const [problem, setProblem] = useState<{ p: Problem; text: string } | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);

  useEffect(() => {
    void api<{ images: ProductImage[] }>('GET', base).then((r) => setImages(r.ok ? r.data.images : []));
  }, [base, version]);

  async function upload(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setStatus('');
    const chosen = file.current?.files?.[0];
    if (!chosen) return setProblem({ p: { title: '', status: 400 }, text: t('portal.images.chooseFile') });
    const data = new FormData();
    data.set('file', chosen);
    if (altEn.trim()) data.set('altEn', altEn.trim());
    if (altKo.trim()) data.set('altKo', altKo.trim());
    setBusy(true);
    const r = await api<ProductImage & { staged?: boolean }>('POST', base, data);
    setBusy(false);
    if (!r.ok) {
      const code = r.problem.code;
      const text = code && IMAGE_CODES.includes(code) ? t(`portal.images.error.${code}`)
        : r.status === 409 ? t('portal.images.error.conflict') : r.status === 413 ? t('portal.images.error.too-large') : t('portal.images.error.other');
      return setProblem({ p: r.problem, text });
    }
    const { staged, ...image } = r.data;
    setImages((list) => [...(list ?? []), image].sort((a, b) => a.position - b.position));
    setAltEn('');
    setAltKo('');
    if (file.current) file.current.value = '';
    setStatus(staged ? t('portal.images.uploadedForReview') : t('portal.images.uploaded'));
    if (staged) onStaged?.();
  }

  async function remove(position: number) {
    setProblem(null);
    const r = await api<{ images: ProductImage[]; staged?: boolean }>('DELETE', `${base}/${position}`);
    if (!r.ok) return setProblem({ p: r.problem, text: t('portal.images.error.other') });
    setImages(r.data.images);
    setStatus(r.data.staged ? t('portal.images.removedForReview') : t('portal.images.removed'));
    if (r.data.staged) onStaged?.();
  }

  const count = images?.length ?? 0;
  return (
    <section aria-labelledby={`${id}-h`} className="images">
      <h3 id={`${id}-h`}>{t('portal.images.heading')}</h3>
      <p className="muted">{t('portal.images.count', { count: String(count), max: String(MAX_IMAGES) })}</p>
      {editable && published && <p className="notice">{t('portal.images.reviewNote')}</p>}
      {images && images.length > 0 && (
        <ul className="thumbs">
          {images.map((image, i) => {
            const v = previewOf(image);
            const alt = (locale === 'ko' ? image.alt.ko : image.alt.en) ?? image.alt.en ?? image.alt.ko ?? '';
            return (
              <li key={image.position}>
                {v && <img src={v.url} alt={alt} width={v.width} height={v.height} loading="lazy" />}
                {editable && (
                  <button type="button" className="secondary" onClick={() => remove(image.position)}>
                    {t('portal.images.remove', { n: String(i + 1) })}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {editable && count < MAX_IMAGES && (
        <form onSubmit={upload} noValidate aria-labelledby={`${id}-up`} className="upload">
          <h4 id={`${id}-up`}>{t('portal.images.add')}</h4>
          <div className="field">
            <label htmlFor={`${id}-file`}>{t('portal.images.file')}</label>
            <input id={`${id}-file`} ref={file} type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${id}-file-hint`} />
            <p id={`${id}-file-hint`} className="hint">{t('portal.images.fileHint')}</p>
          </div>
          <div className="form-grid">
            <TextField id={`${id}-altEn`} lang="en" label={t('portal.images.altEn')} value={altEn} onChange={setAltEn} hint={t('portal.images.altHint')} />
            <TextField id={`${id}-altKo`} lang="ko" label={t('portal.images.altKo')} value={altKo} onChange={setAltKo} />
          </div>
          <p className="actions"><button type="submit" disabled={busy}>{busy ? t('portal.images.uploading') : t('portal.images.upload')}</button></p>
        </form>
      )}
      {!editable && <p className="muted">{t('portal.images.locked')}</p>}
      {problem && <ProblemAlert problem={problem.p} text={problem.text} />}
      {status && <StatusLine text={status} />}
    </section>
  );
}
