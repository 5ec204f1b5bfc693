// The company's logo beside its profile: upload (the API checks the bytes and re-encodes
// them), see what was stored, replace or remove it. A refused file is named with its reason.
import { useId, useRef, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../lib/portal/api.ts';
import { usePortal } from './context.ts';
import { ProblemAlert, StatusLine } from './messages.tsx';

type Variant = { format: string; width: number; height: number; url: string };
export type Logo = { width: number; height: number; variants: Variant[] };

const IMAGE_CODES = ['empty', 'too-large', 'unsupported-type', 'too-many-pixels', 'corrupt', 'hidden-content', 'no-file'];

/** The preview: the smallest WebP (160 pixels wide), else the JPEG. */
export function logoPreview(logo: Logo): Variant | undefined {
  const sorted = [...logo.variants].sort((a, b) => a.width - b.width);
  return sorted.find((v) => v.format === 'webp') ?? sorted.find((v) => v.format === 'jpeg') ?? sorted[0];
}

export function CompanyLogo({ company, name, initial }: { company: string; name: string; initial: Logo | null }) {
  const { t } = usePortal();
  const id = useId();
  const [logo, setLogo] = useState<Logo | null>(initial);
  const [problem, setProblem] = useState<{ p: Problem; text: string } | null>(null);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const path = `/api/portal/companies/${company}/logo`;

  async function upload(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    setStatus('');
    const chosen = file.current?.files?.[0];
    if (!chosen) return setProblem({ p: { title: '', status: 400 }, text: t('portal.images.chooseFile') });
    const data = new FormData();
    data.set('file', chosen);
    setBusy(true);
    const r = await api<{ logo: Logo }>('POST', path, data);
    setBusy(false);
    if (!r.ok) {
      const code = r.problem.code;
      const text = code && IMAGE_CODES.includes(code) ? t(`portal.images.error.${code}`)
        : r.status === 413 ? t('portal.images.error.too-large') : t('portal.logo.error');
      return setProblem({ p: r.problem, text });
    }
    setLogo(r.data.logo);
    if (file.current) file.current.value = '';
    setStatus(t('portal.logo.saved'));
  }

  async function remove() {
    setProblem(null);
    setStatus('');
    setBusy(true);
    const r = await api<{ logo: null }>('DELETE', path);
    setBusy(false);
    if (!r.ok) return setProblem({ p: r.problem, text: t('portal.logo.error') });
    setLogo(null);
    setStatus(t('portal.logo.removed'));
  }

  const preview = logo ? logoPreview(logo) : undefined;
  return (
    <section aria-labelledby={`${id}-h`} className="logo">
      <h3 id={`${id}-h`}>{t('portal.logo.heading')}</h3>
      <p className="muted">{t('portal.logo.intro')}</p>
      {preview ? (
        <figure>
          <img src={preview.url} alt={t('portal.logo.alt', { name })} width={preview.width} height={preview.height} />
          <figcaption className="muted">{t('portal.logo.current', { width: String(logo!.width), height: String(logo!.height) })}</figcaption>
        </figure>
      ) : <p>{t('portal.logo.none')}</p>}
      <form onSubmit={upload} noValidate aria-labelledby={`${id}-h`} className="upload">
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('portal.logo.file')}</label>
          <input id={`${id}-file`} ref={file} type="file" accept="image/jpeg,image/png,image/webp" aria-describedby={`${id}-file-hint`} />
          <p id={`${id}-file-hint`} className="hint">{t('portal.logo.fileHint')}</p>
        </div>
        <p className="actions">
          <button type="submit" disabled={busy}>{busy ? t('portal.images.uploading') : logo ? t('portal.logo.replace') : t('portal.logo.upload')}</button>
          {logo && <button type="button" className="secondary" disabled={busy} onClick={remove}>{t('portal.logo.remove')}</button>}
        </p>
      </form>
      {problem && <ProblemAlert problem={problem.p} text={problem.text} />}
      {status && <StatusLine text={status} />}
    </section>
  );
}
