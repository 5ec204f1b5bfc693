// The company portal island: asks the API who is signed in, then shows the sign-in forms
// or the company's dashboard. Its words come from the page (the portal's messages in the
// page's language), so the server render and the browser say the same thing.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { createTranslator, type Messages } from '../../i18n/format.ts';
import type { Locale } from '../../i18n/locales.ts';
import { api, type Problem } from '../../lib/portal/api.ts';
import { PortalContext } from './context.ts';
import { AuthPanel } from './AuthPanel.tsx';
import { Dashboard, type Me } from './Dashboard.tsx';
import { ProblemAlert } from './messages.tsx';
import type { PavilionChoice } from './ProductEditor.tsx';

export type PortalAppProps = { locale: Locale; messages: Messages; pavilions: PavilionChoice[] };

export default function PortalApp({ locale, messages, pavilions }: PortalAppProps) {
  const t = useMemo(() => createTranslator(locale, messages), [locale, messages]);
  const context = useMemo(() => ({ t, locale }), [t, locale]);
  const [me, setMe] = useState<Me | null | undefined>(undefined);
  const [problem, setProblem] = useState<Problem | null>(null);

  const load = useCallback(async () => {
    const r = await api<Me>('GET', '/api/portal/me');
    if (r.ok) setMe(r.data);
    else if (r.status === 401) setMe(null);
    else setProblem(r.problem);
  }, []);
  useEffect(() => { void load(); }, [load]);

  return (
    <PortalContext.Provider value={context}>
      <div className="portal">
        {problem ? <ProblemAlert problem={problem} />
          : me === undefined ? <p role="status">{t('portal.loading')}</p>
          : me === null ? <AuthPanel onSignedIn={load} />
          : <Dashboard me={me} pavilions={pavilions} onChanged={load} />}
      </div>
    </PortalContext.Provider>
  );
}
