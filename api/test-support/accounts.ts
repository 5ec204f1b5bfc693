// Portal accounts for API tests: sign up through the real endpoints, follow the e-mailed
// verification link, sign in, and keep the session cookie.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type App = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
export type SentMail = { key: string; to: string; subject: string; text: string };

export const ORIGIN = 'http://hall.test';

/** A mail sender that keeps what it was given, for tests to read. */
export function mailbox() {
  const sent: SentMail[] = [];
  return {
    sent,
    send: async (m: SentMail) => {
      sent.push(m);
    },
    /** The last link mailed to `to` (verification or reset), as an API path under /auth. */
    lastLink(to: string): string {
      const mail = sent.filter((m) => m.to === to).at(-1);
      const url = mail?.text.match(/https?:\/\/\S+/)?.[0];
      if (!url) throw new Error(`no link mailed to ${to}`);
      const u = new URL(url);
      return `${u.pathname.replace(/^\/api/, '')}${u.search}`;
    },
  };
}

export const jsonPost = (body: unknown, cookie?: string): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', origin: ORIGIN, ...(cookie ? { cookie } : {}) },
  body: JSON.stringify(body),
});

/** The `name=value` pairs of a response's Set-Cookie headers, as a Cookie header. */
export function cookiesOf(res: Response): string {
  return res.headers.getSetCookie().map((c) => c.split(';')[0] ?? '').filter((c) => !c.endsWith('=')).join('; ');
}

/** Signs up, verifies by the mailed link and returns the session cookie. */
export async function signedInUser(app: App, mail: ReturnType<typeof mailbox>, email: string, opts: { name?: string; password?: string } = {}): Promise<string> {
  const password = opts.password ?? 'correct horse battery';
  const up = await app.request('/auth/sign-up/email', jsonPost({ email, password, name: opts.name ?? 'Portal User' }));
  if (up.status !== 200) throw new Error(`sign-up ${up.status}: ${await up.text()}`);
  await app.request(mail.lastLink(email), { headers: { origin: ORIGIN } });
  const signIn = await app.request('/auth/sign-in/email', jsonPost({ email, password }));
  if (signIn.status !== 200) throw new Error(`sign-in ${signIn.status}: ${await signIn.text()}`);
  return cookiesOf(signIn);
}

export async function setRole(db: Kysely<Database>, email: string, role: 'company' | 'staff' | 'admin') {
  await db.updateTable('users').set({ role }).where('email', '=', email).execute();
}
