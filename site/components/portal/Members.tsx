// The company's members, for its owners: who belongs, which invitations wait, invite a
// colleague by e-mail, revoke an invitation, remove a member (the API keeps the last owner).
import { useCallback, useEffect, useId, useState, type FormEvent } from 'react';
import { api, type Problem } from '../../lib/portal/api.ts';
import { intlTag, localeNames, type Locale } from '../../i18n/locales.ts';
import { PORTAL_LOCALES } from '../../lib/portal/paths.ts';
import { usePortal } from './context.ts';
import { SelectField, TextField } from './fields.tsx';
import { ProblemAlert, StatusLine } from './messages.tsx';

export type Member = { userId: string; name: string; email: string; role: 'owner' | 'member'; you: boolean };
export type Invitation = { id: string; email: string; invitedBy: string | null; createdAt: string; expiresAt: string; status: 'pending' | 'expired' };
type Overview = { members: Member[]; invitations: Invitation[] };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The portal's words for a refusal the API names by code. */
function refusal(t: (k: string) => string, p: Problem): string | undefined {
  switch (p.code) {
    case 'already-member': return t('portal.members.alreadyMember');
    case 'too-many-invitations': return t('portal.members.tooMany');
    case 'last-owner': return t('portal.members.lastOwner');
    case 'owners-only': return t('portal.members.ownersOnly');
    default: return undefined;
  }
}

function InviteForm({ company, onInvited }: { company: string; onInvited: (email: string) => void }) {
  const { t, locale } = usePortal();
  const id = useId();
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Locale>((PORTAL_LOCALES as readonly Locale[]).includes(locale) ? locale : 'en');
  const [error, setError] = useState<string | undefined>();
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setProblem(null);
    const address = email.trim();
    if (!EMAIL.test(address) || address.length > 254) return setError(t('portal.error.email'));
    setError(undefined);
    setBusy(true);
    const r = await api<Invitation>('POST', `/api/portal/companies/${company}/invitations`, { email: address, locale: language });
    setBusy(false);
    if (!r.ok) {
      if (r.fieldErrors.email) setError(t('portal.error.email'));
      return setProblem(r.problem);
    }
    setEmail('');
    onInvited(r.data.email);
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-h`} className="portal-form">
      <h3 id={`${id}-h`}>{t('portal.members.inviteHeading')}</h3>
      <div className="form-grid">
        <TextField id={`${id}-email`} label={t('portal.members.inviteEmail')} type="email" autoComplete="off" value={email}
          onChange={(v) => { setEmail(v); setError(undefined); }} error={error} required />
        <SelectField id={`${id}-language`} label={t('portal.members.inviteLanguage')} hint={t('portal.members.inviteLanguageHint')} value={language}
          onChange={(v) => setLanguage(v as Locale)} options={PORTAL_LOCALES.map((l) => [l, localeNames[l]] as const)} />
      </div>
      {problem && <ProblemAlert problem={problem} text={refusal(t, problem)} />}
      <p className="actions"><button type="submit" disabled={busy}>{t('portal.members.invite')}</button></p>
    </form>
  );
}

function MemberRow({ m, onRemove }: { m: Member; onRemove: (m: Member) => Promise<boolean> }) {
  const { t } = usePortal();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  return (
    <tr data-member={m.email}>
      <th scope="row">{m.name}{m.you && <span className="muted"> ({t('portal.members.you')})</span>}</th>
      <td>{m.email}</td>
      <td>{t(`portal.members.role.${m.role}`)}</td>
      <td>
        {!confirming ? (
          <button type="button" className="secondary" onClick={() => setConfirming(true)}>{t('portal.members.remove', { name: m.name })}</button>
        ) : (
          <div role="group" aria-labelledby={`${id}-q`}>
            <p id={`${id}-q`}>{t('portal.members.confirmRemove', { name: m.name })}</p>
            <p className="actions">
              <button type="button" onClick={async () => { if (!(await onRemove(m))) setConfirming(false); }}>{t('portal.members.confirm')}</button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>{t('portal.members.cancel')}</button>
            </p>
          </div>
        )}
      </td>
    </tr>
  );
}

export function Members({ company, onLeft }: { company: string; onLeft: () => void }) {
  const { t, locale } = usePortal();
  const [data, setData] = useState<Overview | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [status, setStatus] = useState('');

  const load = useCallback(async () => {
    const r = await api<Overview>('GET', `/api/portal/companies/${company}/members`);
    if (r.ok) setData(r.data);
    else setProblem(r.problem);
  }, [company]);
  useEffect(() => { void load(); }, [load]);

  async function change(path: string, done: string): Promise<boolean> {
    setProblem(null);
    setStatus('');
    const r = await api<Overview>('DELETE', path);
    if (!r.ok) {
      setProblem(r.problem);
      return false;
    }
    setData(r.data);
    setStatus(done);
    return true;
  }

  if (!data) return problem ? <ProblemAlert problem={problem} text={refusal(t, problem)} /> : <p role="status">{t('portal.loading')}</p>;
  const date = new Intl.DateTimeFormat(intlTag(locale), { dateStyle: 'medium' });
  return (
    <section aria-labelledby="members-h">
      <h2 id="members-h">{t('portal.members.heading')}</h2>
      <p>{t('portal.members.intro')}</p>
      <div aria-live="polite">{status && <StatusLine text={status} />}</div>
      {problem && <ProblemAlert problem={problem} text={refusal(t, problem)} />}
      <table className="list-table">
        <caption className="visually-hidden">{t('portal.members.heading')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('portal.members.name')}</th><th scope="col">{t('portal.members.email')}</th>
            <th scope="col">{t('portal.members.role')}</th><th scope="col">{t('portal.members.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {data.members.map((m) => (
            <MemberRow key={m.userId} m={m}
              onRemove={async (x) => {
                const ok = await change(`/api/portal/companies/${company}/members/${x.userId}`, t('portal.members.removed', { name: x.name }));
                if (ok && x.you) onLeft(); // an owner who left while another stays
                return ok;
              }} />
          ))}
        </tbody>
      </table>

      <h3 id="invitations-h">{t('portal.members.invitationsHeading')}</h3>
      {data.invitations.length === 0 ? <p>{t('portal.members.noInvitations')}</p> : (
        <table className="list-table" aria-labelledby="invitations-h">
          <thead>
            <tr>
              <th scope="col">{t('portal.members.email')}</th><th scope="col">{t('portal.members.sentBy')}</th>
              <th scope="col">{t('portal.members.validUntil')}</th><th scope="col">{t('portal.members.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {data.invitations.map((i) => (
              <tr key={i.id} data-invitation={i.email}>
                <th scope="row">{i.email}</th>
                <td>{i.invitedBy ?? '—'}</td>
                <td>{i.status === 'expired' ? <span className="badge badge-withdrawn">{t('portal.members.expired')}</span> : date.format(new Date(i.expiresAt))}</td>
                <td>
                  <button type="button" className="secondary"
                    onClick={() => change(`/api/portal/companies/${company}/invitations/${i.id}`, t('portal.members.revoked', { email: i.email }))}>
                    {t('portal.members.revoke', { email: i.email })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InviteForm company={company} onInvited={(email) => { setStatus(t('portal.members.invited', { email })); void load(); }} />
    </section>
  );
}
