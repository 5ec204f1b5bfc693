// A new password, with the token the reset e-mail's link brought in the URL.
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { createTranslator, type Messages } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { localePath } from '../../lib/portal/paths.ts';
import { PortalContext } from './context.ts';
import { TextField } from './fields.tsx';
import { ProblemAlert, StatusLine } from './messages.tsx';

export default function ResetPassword({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const context = useMemo(() => ({ t, locale }), [t, locale]);
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<{ password?: string; repeat?: string }>({});
  const [problem, setProblem] = useState<{ p: Problem; text?: string } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const params = new URLSearchParams(window.location.search);
    // better-auth sends ?error=INVALID_TOKEN instead of a token when the link is spent or old.
    setToken(params.get('error') ? null : params.get('token'));
  }, []);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const found: typeof errors = {};
    if (password.length < 10) found.password = t('portal.error.tooShort', { min: '10' });
    else if (password.length > 128) found.password = t('portal.error.tooLong', { max: '128' });
    if (repeat !== password) found.repeat = t('portal.reset.mismatch');
    setErrors(found);
    if (found.password || found.repeat || !token) return;
    setBusy(true);
    setProblem(null);
    const r = await api('POST', '/api/auth/reset-password', { token, newPassword: password });
    setBusy(false);
    if (r.ok) setDone(true);
    else setProblem({ p: { ...r.problem, errors: [] }, text: r.status === 400 ? t('portal.reset.invalidToken') : undefined });
  }

  const portal = localePath(locale, '/portal/');
  return (
    <PortalContext.Provider value={context}>
      <div className="portal card narrow">
        {token === undefined ? <p role="status">{t('portal.loading')}</p>
          : token === null ? <div role="alert"><p>{t('portal.reset.invalidToken')}</p><p><a href={portal}>{t('portal.reset.askAgain')}</a></p></div>
          : done ? <><StatusLine text={t('portal.reset.done')} /><p><a href={portal}>{t('portal.reset.toSignIn')}</a></p></>
          : (
            <form onSubmit={submit} noValidate>
              <TextField id="reset-password" type="password" autoComplete="new-password" label={t('portal.auth.newPassword')} hint={t('portal.auth.passwordHint')}
                value={password} onChange={setPassword} error={errors.password} required />
              <TextField id="reset-repeat" type="password" autoComplete="new-password" label={t('portal.reset.repeat')}
                value={repeat} onChange={setRepeat} error={errors.repeat} required />
              {problem && <ProblemAlert problem={problem.p} text={problem.text} />}
              <p className="actions"><button type="submit" disabled={busy}>{t('portal.reset.submit')}</button></p>
            </form>
          )}
      </div>
    </PortalContext.Provider>
  );
}
