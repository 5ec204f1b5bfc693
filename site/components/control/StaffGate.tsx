// What every control-tower screen shows before its own content: a sign-in form for
// visitors, a clear "staff only" for company accounts, and the screen's own problem.
import { useMemo, type ReactNode } from 'react';
import { createTranslator, type Messages } from '../../i18n/format.ts';
import type { Problem } from '../../lib/portal/api.ts';
import { PortalContext } from '../portal/context.ts';
import { SignInForm } from '../portal/AuthPanel.tsx';
import { ProblemAlert } from '../portal/messages.tsx';

export type GateState<T> = 'loading' | 'signed-out' | 'not-staff' | { problem: Problem } | { data: T };

/** The gate state an API answer leads to. */
export function gateOf<T>(r: { ok: true; data: T } | { ok: false; status: number; problem: Problem }): GateState<T> {
  if (r.ok) return { data: r.data };
  return r.status === 401 ? 'signed-out' : r.status === 403 ? 'not-staff' : { problem: r.problem };
}

export function StaffGate<T>(props: { messages: Messages; state: GateState<T>; what: string; onSignedIn: () => void; returnTo: string; children: (data: T) => ReactNode }) {
  const { messages, state, what, onSignedIn, returnTo, children } = props;
  const t = useMemo(() => createTranslator('en', messages), [messages]);
  const context = useMemo(() => ({ t, locale: 'en' as const }), [t]);
  let body: ReactNode;
  if (state === 'loading') body = <p role="status">Loading…</p>;
  else if (state === 'signed-out') body = <div className="card narrow"><p>Sign in with a staff account to {what}.</p><SignInForm onSignedIn={onSignedIn} returnTo={returnTo} /></div>;
  else if (state === 'not-staff') body = <div role="alert" className="problem"><p><strong>Staff only.</strong> This page is for programme staff. Companies work in the <a href="/portal/">company portal</a>.</p></div>;
  else if ('problem' in state) body = <ProblemAlert problem={state.problem} />;
  else body = children(state.data);
  return <PortalContext.Provider value={context}><div className="portal control">{body}</div></PortalContext.Provider>;
}
