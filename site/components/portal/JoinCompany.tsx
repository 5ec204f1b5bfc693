// Where an invitation e-mail's link lands (/portal/join/#<token>): the token is taken from
// the fragment (which no server ever sees) and kept in this browser until used, so it
// survives signing up and the confirmation link. Signed in with the invited address, the
// invitee sees which company invites them and accepts.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createTranslator, type Messages } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { clearDrafts } from '../../lib/portal/drafts.ts';
import { localePath } from '../../lib/portal/paths.ts';
import { PortalContext } from './context.ts';
import { AuthPanel } from './AuthPanel.tsx';
import type { Me } from './Dashboard.tsx';
import { ProblemAlert, StatusLine } from './messages.tsx';

const STORE = 'pavilion:portal:invitation';
const TOKEN = /^[A-Za-z0-9_-]{43}$/;
type Invitation = { company: { slug: string; names: { en: string; ko: string } }; invitedBy: string | null; expiresAt: string };

/** The token from the address (then removed from it) or from an earlier visit. */
function takeToken(): string | null {
  const fromHash = window.location.hash.replace(/^#/, '');
  if (TOKEN.test(fromHash)) {
    try { localStorage.setItem(STORE, fromHash); } catch { /* private mode: the address keeps it for this visit */ }
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return fromHash;
  }
  try {
    const kept = localStorage.getItem(STORE);
    return kept && TOKEN.test(kept) ? kept : null;
  } catch {
    return null;
  }
}

function forget() {
  try { localStorage.removeItem(STORE); } catch { /* nothing kept */ }
}

export default function JoinCompany({ locale, messages }: { locale: Locale; messages: Messages }) {
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const context = useMemo(() => ({ t, locale }), [t, locale]);
  const [token, setToken] = useState<string | null | undefined>(undefined);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const [refused, setRefused] = useState<{ problem: Problem; text: string } | null>(null);
  const [joined, setJoined] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const companyName = (i: Invitation) => (locale === 'ko' ? i.company.names.ko : i.company.names.en) || i.company.names.en || i.company.names.ko || i.company.slug;

  const refusal = useCallback((p: Problem) => {
    const invited = (p as Problem & { invitedEmail?: unknown }).invitedEmail;
    const email = typeof invited === 'string' ? invited : '';
    const text = p.status === 401 ? t('portal.problem.signedOut')
      : p.code === 'invitation-used' ? t('portal.join.used')
      : p.code === 'invitation-expired' ? t('portal.join.expired')
      : p.code === 'invitation-revoked' ? t('portal.join.revoked')
      : p.code === 'invitation-other-email' ? t('portal.join.otherEmail', { email })
      : p.status === 404 || p.status === 400 ? t('portal.join.unknown')
      : t('portal.problem.other');
    // A spent link stays spent: forget it. One for another address may suit another sign-in.
    if (p.status === 410 || p.status === 404 || p.status === 400) forget();
    setRefused({ problem: { title: p.title, status: p.status }, text });
  }, [t]);

  const load = useCallback(async () => {
    const r = await api<Me>('GET', '/api/portal/me');
    if (!r.ok) return setMe(null);
    setMe(r.data);
  }, []);

  useEffect(() => {
    setToken(takeToken());
    void load();
  }, [load]);

  useEffect(() => {
    if (!me || !token) return;
    setRefused(null);
    void api<Invitation>('POST', '/api/portal/invitations/lookup', { token }).then((r) => (r.ok ? setInvitation(r.data) : refusal(r.problem)));
  }, [me, token, refusal]);

  async function accept() {
    if (!token || !invitation) return;
    setBusy(true);
    const r = await api<Invitation>('POST', '/api/portal/invitations/accept', { token });
    setBusy(false);
    if (!r.ok) return refusal(r.problem);
    forget();
    setJoined(companyName(invitation));
  }

  async function signOut() {
    clearDrafts();
    await api('POST', '/api/auth/sign-out', {});
    setInvitation(null);
    setRefused(null);
    setMe(null);
  }

  let body;
  if (token === undefined || me === undefined) body = <p role="status">{t('portal.loading')}</p>;
  else if (!token && !joined) body = <p role="alert" className="problem">{t('portal.join.noToken')}</p>;
  else if (me === null) {
    body = (
      <>
        <p>{t('portal.join.signInFirst')}</p>
        <AuthPanel onSignedIn={load} returnTo="/portal/join/" />
      </>
    );
  } else {
    body = (
      <>
        <div className="account">
          <p>{t('portal.account.signedInAs', { name: me.user.name, email: me.user.email })}</p>
          <button type="button" className="secondary" onClick={signOut}>{t('portal.account.signOut')}</button>
        </div>
        {joined ? (
          <>
            <StatusLine text={t('portal.join.joined', { company: joined })} />
            <p><a className="button" href={localePath(locale, '/portal/')}>{t('portal.join.toPortal')}</a></p>
          </>
        ) : refused ? (
          <ProblemAlert problem={refused.problem} text={refused.text} />
        ) : invitation ? (
          <section aria-labelledby="join-h" className="card">
            <h2 id="join-h">
              {invitation.invitedBy
                ? t('portal.join.invitedBy', { inviter: invitation.invitedBy, company: companyName(invitation) })
                : t('portal.join.invited', { company: companyName(invitation) })}
            </h2>
            <p>{t('portal.join.membersCan')}</p>
            <p className="actions"><button type="button" disabled={busy} onClick={accept}>{t('portal.join.accept', { company: companyName(invitation) })}</button></p>
          </section>
        ) : <p role="status">{t('portal.loading')}</p>}
      </>
    );
  }

  return (
    <PortalContext.Provider value={context}>
      <div className="portal">{body}</div>
    </PortalContext.Provider>
  );
}
