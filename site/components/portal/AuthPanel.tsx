// Signed out: sign in, create an account, or ask for a password reset link.
import { useId, useState, type FormEvent } from 'react';
import { api, type FieldErrors, type Problem } from '../../lib/portal/api.ts';
import { localePath } from '../../lib/portal/paths.ts';
import { usePortal } from './context.ts';
import { TextField } from './fields.tsx';
import { ProblemAlert, StatusLine } from './messages.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** `returnTo`: the portal page (without locale) a confirmation link leads back to; the dashboard by default. */
export function SignInForm({ onSignedIn, onForgot, returnTo = '/portal/' }: { onSignedIn: () => void; onForgot?: () => void; returnTo?: string }) {
  const { t, locale } = usePortal();
  const id = useId();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ p: Problem; text: string } | null>(null);
  const [unverified, setUnverified] = useState(false);
  const [sent, setSent] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setProblem(null);
    setUnverified(false);
    const r = await api('POST', '/api/auth/sign-in/email', { email: email.trim(), password });
    setBusy(false);
    if (r.ok) return onSignedIn();
    const code = r.problem.code;
    if (r.status === 403 && code === 'EMAIL_NOT_VERIFIED') setUnverified(true);
    const text = r.status === 401 ? t('portal.auth.wrongPassword')
      : r.status === 403 && code === 'EMAIL_NOT_VERIFIED' ? t('portal.auth.notVerified')
      : r.status === 429 ? t('portal.problem.tooMany')
      : r.status === 400 ? t('portal.auth.fillBoth')
      : t('portal.problem.other');
    // Our own words say it all; the API's English message would only repeat it.
    setProblem({ p: { title: r.problem.title, status: r.status }, text });
  }

  async function resend() {
    await api('POST', '/api/auth/send-verification-email', { email: email.trim(), callbackURL: localePath(locale, returnTo) });
    setSent(true);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('portal.auth.signInHeading')}</h2>
      <TextField id={`${id}-email`} label={t('portal.auth.email')} type="email" autoComplete="email" value={email} onChange={setEmail} required />
      <TextField id={`${id}-password`} label={t('portal.auth.password')} type="password" autoComplete="current-password" value={password} onChange={setPassword} required />
      {problem && <ProblemAlert problem={problem.p} text={problem.text} />}
      {unverified && !sent && <p><button type="button" className="secondary" onClick={resend}>{t('portal.auth.resend')}</button></p>}
      {sent && <StatusLine text={t('portal.auth.resent')} />}
      <p className="actions">
        <button type="submit" disabled={busy}>{t('portal.auth.signIn')}</button>
        {onForgot && <button type="button" className="link" onClick={onForgot}>{t('portal.auth.forgot')}</button>}
      </p>
    </form>
  );
}

function ForgotForm({ onBack }: { onBack: () => void }) {
  const { t, locale } = usePortal();
  const id = useId();
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [done, setDone] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!EMAIL.test(email.trim())) return setError(t('portal.error.email'));
    setError(undefined);
    const r = await api('POST', '/api/auth/request-password-reset', { email: email.trim(), redirectTo: localePath(locale, '/portal/reset/') });
    if (r.ok) setDone(true);
    else setProblem(r.problem);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('portal.auth.forgotHeading')}</h2>
      <p>{t('portal.auth.forgotIntro')}</p>
      <TextField id={`${id}-email`} label={t('portal.auth.email')} type="email" autoComplete="email" value={email} onChange={setEmail} error={error} required />
      {done && <StatusLine text={t('portal.auth.forgotSent')} />}
      {problem && <ProblemAlert problem={problem} />}
      <p className="actions">
        <button type="submit">{t('portal.auth.sendLink')}</button>
        <button type="button" className="link" onClick={onBack}>{t('portal.auth.backToSignIn')}</button>
      </p>
    </form>
  );
}

function SignUpForm({ returnTo }: { returnTo: string }) {
  const { t, locale } = usePortal();
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [problem, setProblem] = useState<Problem | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function check(): FieldErrors {
    const out: FieldErrors = {};
    if (!name.trim()) out.name = t('portal.error.required');
    if (!EMAIL.test(email.trim())) out.email = t('portal.error.email');
    if (password.length < 10) out.password = t('portal.error.tooShort', { min: '10' });
    else if (password.length > 128) out.password = t('portal.error.tooLong', { max: '128' });
    return out;
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found = check();
    setErrors(found);
    if (Object.keys(found).length) return;
    setBusy(true);
    setProblem(null);
    const r = await api('POST', '/api/auth/sign-up/email', {
      name: name.trim(), email: email.trim(), password, locale, callbackURL: localePath(locale, returnTo),
    });
    setBusy(false);
    if (r.ok) setSentTo(email.trim());
    else setProblem(r.problem);
  }

  if (sentTo) {
    return (
      <section aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>{t('portal.auth.signUpHeading')}</h2>
        <StatusLine text={t('portal.auth.checkMail', { email: sentTo })} />
      </section>
    );
  }
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{t('portal.auth.signUpHeading')}</h2>
      <p>{t('portal.auth.signUpIntro')}</p>
      <TextField id={`${id}-name`} label={t('portal.auth.name')} autoComplete="name" value={name} onChange={setName} error={errors.name} required />
      <TextField id={`${id}-email`} label={t('portal.auth.email')} type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.email} required />
      <TextField
        id={`${id}-password`} label={t('portal.auth.newPassword')} type="password" autoComplete="new-password" value={password} onChange={setPassword}
        error={errors.password} hint={t('portal.auth.passwordHint')} required
      />
      {problem && <ProblemAlert problem={problem} />}
      <p className="actions"><button type="submit" disabled={busy}>{t('portal.auth.signUp')}</button></p>
    </form>
  );
}

export function AuthPanel({ onSignedIn, returnTo = '/portal/' }: { onSignedIn: () => void; returnTo?: string }) {
  const [forgot, setForgot] = useState(false);
  return (
    <div className="auth-panel">
      <div className="card">{forgot ? <ForgotForm onBack={() => setForgot(false)} /> : <SignInForm onSignedIn={onSignedIn} onForgot={() => setForgot(true)} returnTo={returnTo} />}</div>
      <div className="card"><SignUpForm returnTo={returnTo} /></div>
    </div>
  );
}
