// The company profile: register a company (the user becomes its owner) or edit it, with its
// logo beside the form once the company exists.
import { useEffect, useId, useState, type FormEvent } from 'react';
import { CompanyProfileSchema, MEETING_LANGUAGES, REGIONS, type CompanyProfile } from '../../../api/portal/company-schemas.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { foldListPaths, splitList } from '../../lib/portal/validation.ts';
import { usePortal } from './context.ts';
import { Checkbox, SelectField, TextArea, TextField } from './fields.tsx';
import { ProblemAlert, StatusLine } from './messages.tsx';
import { useValidation } from './useValidation.ts';
import { intlTag } from '../../i18n/locales.ts';
import { CompanyLogo, type Logo } from './CompanyLogo.tsx';

type ProfileForm = {
  nameKo: string; nameEn: string; descriptionKo: string; descriptionEn: string;
  foundedYear: string; employees: string; region: string; languages: string[];
  exportMarkets: string; certifications: string; website: string;
};

const EMPTY: ProfileForm = {
  nameKo: '', nameEn: '', descriptionKo: '', descriptionEn: '', foundedYear: '', employees: '', region: '',
  languages: ['ko'], exportMarkets: '', certifications: '', website: '',
};

/** '' -> null; anything else a number (NaN fails the schema with "enter a number"). */
export const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

function toInput(f: ProfileForm) {
  return {
    names: { ko: f.nameKo, en: f.nameEn },
    descriptions: { ko: f.descriptionKo, en: f.descriptionEn },
    foundedYear: numberOrNull(f.foundedYear),
    employees: numberOrNull(f.employees),
    region: f.region || undefined,
    languages: f.languages,
    exportMarkets: splitList(f.exportMarkets, true),
    certifications: splitList(f.certifications),
    website: f.website.trim() || null,
  };
}

function fromProfile(p: CompanyProfile): ProfileForm {
  return {
    nameKo: p.names.ko, nameEn: p.names.en, descriptionKo: p.descriptions.ko, descriptionEn: p.descriptions.en,
    foundedYear: p.foundedYear === null ? '' : String(p.foundedYear), employees: p.employees === null ? '' : String(p.employees),
    region: p.region, languages: [...p.languages], exportMarkets: p.exportMarkets.join(', '),
    certifications: p.certifications.join(', '), website: p.website ?? '',
  };
}

const fold = foldListPaths(['exportMarkets', 'certifications', 'languages']);

export function CompanyProfileForm({ slug, onSaved }: { slug?: string | undefined; onSaved: (slug: string) => void }) {
  const { t, locale } = usePortal();
  const id = useId();
  const [form, setForm] = useState<ProfileForm | null>(slug ? null : EMPTY);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const [logo, setLogo] = useState<Logo | null | undefined>(undefined);
  const v = useValidation(CompanyProfileSchema, form ? toInput(form) : {}, fold);

  useEffect(() => {
    if (!slug) return;
    void api<{ profile: CompanyProfile; logo: Logo | null }>('GET', `/api/portal/companies/${slug}`).then((r) => {
      if (r.ok) {
        setForm(fromProfile(r.data.profile));
        setLogo(r.data.logo);
      } else setProblem(r.problem);
    });
  }, [slug]);

  if (!form) return problem ? <ProblemAlert problem={problem} /> : <p role="status">{t('portal.loading')}</p>;

  const set = <K extends keyof ProfileForm>(key: K, path: string) => (value: ProfileForm[K]) => {
    setForm((f) => (f ? { ...f, [key]: value } : f));
    setSaved(false);
    v.touch(path);
  };
  const languageNames = new Intl.DisplayNames([intlTag(locale)], { type: 'language' });

  async function submit(e: FormEvent) {
    e.preventDefault();
    v.revealAll();
    setProblem(null);
    if (!v.valid) return;
    setBusy(true);
    const r = slug
      ? await api<{ slug: string }>('PUT', `/api/portal/companies/${slug}`, v.data)
      : await api<{ slug: string }>('POST', '/api/portal/companies', v.data);
    setBusy(false);
    if (!r.ok) {
      setProblem(r.problem);
      v.setServerErrors(r.fieldErrors);
      return;
    }
    setSaved(true);
    onSaved(r.data.slug);
  }

  return (
    <>
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`} className="portal-form">
      <h2 id={`${id}-h`}>{slug ? t('portal.profile.heading') : t('portal.register.heading')}</h2>
      {!slug && <p>{t('portal.register.intro')}</p>}
      <fieldset>
        <legend>{t('portal.profile.names')}</legend>
        <div className="form-grid">
          <TextField id={`${id}-nameKo`} lang="ko" label={t('portal.profile.nameKo')} value={form.nameKo} onChange={set('nameKo', 'names.ko')} error={v.errorFor('names.ko')} required />
          <TextField id={`${id}-nameEn`} lang="en" label={t('portal.profile.nameEn')} value={form.nameEn} onChange={set('nameEn', 'names.en')} error={v.errorFor('names.en')} required />
        </div>
      </fieldset>
      <div className="form-grid">
        <SelectField
          id={`${id}-region`} label={t('portal.profile.region')} value={form.region} onChange={set('region', 'region')} error={v.errorFor('region')} required
          options={[['', t('portal.form.choose')], ...REGIONS.map((r) => [r, t(`region.${r}`)] as const)]}
        />
        <TextField id={`${id}-founded`} label={t('portal.profile.foundedYear')} inputMode="numeric" value={form.foundedYear} onChange={set('foundedYear', 'foundedYear')} error={v.errorFor('foundedYear')} />
        <TextField id={`${id}-employees`} label={t('portal.profile.employees')} inputMode="numeric" value={form.employees} onChange={set('employees', 'employees')} error={v.errorFor('employees')} />
        <TextField id={`${id}-website`} label={t('portal.profile.website')} type="url" placeholder="https://" value={form.website} onChange={set('website', 'website')} error={v.errorFor('website')} />
      </div>
      <fieldset aria-describedby={v.errorFor('languages') ? `${id}-languages-error` : undefined}>
        <legend>{t('portal.profile.languages')}</legend>
        <div className="checks">
          {MEETING_LANGUAGES.map((code) => (
            <Checkbox
              key={code} id={`${id}-lang-${code}`} label={languageNames.of(code) ?? code} checked={form.languages.includes(code)}
              onChange={(on) => set('languages', 'languages')(on ? [...form.languages, code] : form.languages.filter((l) => l !== code))}
            />
          ))}
        </div>
        {v.errorFor('languages') && <p id={`${id}-languages-error`} className="field-error">{v.errorFor('languages')}</p>}
      </fieldset>
      <div className="form-grid">
        <TextField
          id={`${id}-markets`} label={t('portal.profile.exportMarkets')} hint={t('portal.form.countryCodesHint')} value={form.exportMarkets}
          onChange={set('exportMarkets', 'exportMarkets')} error={v.errorFor('exportMarkets')}
        />
        <TextField
          id={`${id}-certs`} label={t('portal.profile.certifications')} hint={t('portal.form.commaHint')} value={form.certifications}
          onChange={set('certifications', 'certifications')} error={v.errorFor('certifications')}
        />
      </div>
      <TextArea id={`${id}-descKo`} lang="ko" label={t('portal.profile.descriptionKo')} value={form.descriptionKo} onChange={set('descriptionKo', 'descriptions.ko')} error={v.errorFor('descriptions.ko')} />
      <TextArea id={`${id}-descEn`} lang="en" label={t('portal.profile.descriptionEn')} value={form.descriptionEn} onChange={set('descriptionEn', 'descriptions.en')} error={v.errorFor('descriptions.en')} />
      {problem && <ProblemAlert problem={problem} />}
      {!problem && v.revealed && !v.valid && <p role="alert" className="problem">{t('portal.problem.fields')}</p>}
      {saved && <StatusLine text={slug ? t('portal.profile.saved') : t('portal.register.done')} />}
      <p className="actions"><button type="submit" disabled={busy}>{slug ? t('portal.form.save') : t('portal.register.submit')}</button></p>
    </form>
    {slug && logo !== undefined && <CompanyLogo company={slug} name={(locale === 'ko' ? form.nameKo : form.nameEn) || form.nameEn || slug} initial={logo} />}
    </>
  );
}
