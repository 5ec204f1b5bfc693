// Who is asking: the signed-in user from the session cookie, or nobody.
import type { Context, MiddlewareHandler } from 'hono';
import type { Auth } from '../auth/auth.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { SessionUser } from '../auth/user.ts';
import { isLocale } from '../../site/i18n/locales.ts';

export type { SessionUser };

export type SessionEnv = { Variables: { user: SessionUser } };

export async function currentUser(auth: Auth, c: Context): Promise<SessionUser | undefined> {
  const session = await auth.api.getSession({ headers: c.req.raw.headers });
  if (!session) return undefined;
  const u = session.user as typeof session.user & { role?: string; locale?: string };
  return {
    id: String(u.id),
    email: u.email,
    name: u.name,
    role: u.role === 'staff' || u.role === 'admin' ? u.role : 'company',
    emailVerified: Boolean(u.emailVerified),
    locale: isLocale(u.locale) ? u.locale : 'en',
  };
}

/** 401 unless signed in; the user is then `c.var.user`. */
export function requireUser(auth: Auth): MiddlewareHandler<SessionEnv> {
  return async (c, next) => {
    if (c.get('user')) return next(); // already known (several sub-apps share a prefix)
    const user = await currentUser(auth, c);
    if (!user) throw new UnauthenticatedError('Sign in to the company portal first.', { code: 'signed-out' });
    c.set('user', user);
    await next();
  };
}
