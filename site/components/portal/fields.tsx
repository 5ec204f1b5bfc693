// Labelled inputs: each with its label, an optional hint and its error tied by
// aria-describedby, aria-invalid while wrong. Forms are noValidate: our messages, not the
// browser's, in the portal's language.
import type { ChangeEvent, ReactNode } from 'react';
import { usePortal } from './context.ts';

type Common = {
  id: string;
  label: string;
  error?: string | undefined;
  hint?: string | undefined;
  required?: boolean;
  lang?: string | undefined;
  onBlur?: () => void;
};

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
}

function Label({ id, label, required }: { id: string; label: string; required?: boolean | undefined }) {
  const { t } = usePortal();
  return <label htmlFor={id}>{label}{required && <span className="req"> ({t('portal.form.required')})</span>}</label>;
}

function Notes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
      {error && <p id={`${id}-error`} className="field-error">{error}</p>}
    </>
  );
}

export function TextField(props: Common & {
  value: string;
  onChange: (value: string) => void;
  type?: 'text' | 'email' | 'password' | 'url' | 'number' | 'date' | 'time' | 'search';
  autoComplete?: string;
  inputMode?: 'numeric' | 'decimal' | 'text';
  placeholder?: string;
  min?: string;
  max?: string;
  step?: string;
}) {
  const { id, label, error, hint, required, lang, value, onChange, onBlur, type = 'text', ...rest } = props;
  return (
    <div className="field">
      <Label id={id} label={label} required={required} />
      <input
        id={id} name={id} type={type} value={value} lang={lang}
        onChange={(e: ChangeEvent<HTMLInputElement>) => onChange(e.target.value)} onBlur={onBlur}
        aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}
        {...rest}
      />
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

export function TextArea(props: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  const { id, label, error, hint, required, lang, value, onChange, onBlur, rows = 4 } = props;
  return (
    <div className="field field-wide">
      <Label id={id} label={label} required={required} />
      <textarea
        id={id} name={id} rows={rows} value={value} lang={lang}
        onChange={(e) => onChange(e.target.value)} onBlur={onBlur}
        aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}
      />
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

export function SelectField(props: Common & { value: string; onChange: (value: string) => void; options: readonly (readonly [string, string])[]; children?: ReactNode }) {
  const { id, label, error, hint, required, value, onChange, onBlur, options } = props;
  return (
    <div className="field">
      <Label id={id} label={label} required={required} />
      <select
        id={id} name={id} value={value} onChange={(e) => onChange(e.target.value)} onBlur={onBlur}
        aria-required={required || undefined} aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, hint, error)}
      >
        {options.map(([v, text]) => <option key={v} value={v}>{text}</option>)}
      </select>
      <Notes id={id} hint={hint} error={error} />
    </div>
  );
}

export function Checkbox(props: { id: string; label: string; checked: boolean; onChange: (checked: boolean) => void; hint?: string; asSwitch?: boolean }) {
  const { id, label, checked, onChange, hint, asSwitch } = props;
  return (
    <div className="check">
      <input
        id={id} name={id} type="checkbox" role={asSwitch ? 'switch' : undefined} checked={checked}
        onChange={(e) => onChange(e.target.checked)} aria-describedby={hint ? `${id}-hint` : undefined}
      />
      <label htmlFor={id}>{label}</label>
      {hint && <p id={`${id}-hint`} className="hint">{hint}</p>}
    </div>
  );
}
