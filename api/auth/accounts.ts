// Accounts made by the hall itself rather than by signing up: the demo staff member and
// demo company owners (npm start on an empty database), and staff added by an operator.
// Through better-auth's own adapter, so the password is hashed exactly as at sign-up.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Auth } from './auth.ts';
import type { Locale } from '../../site/i18n/locales.ts';

export async function createVerifiedUser(
  auth: Auth,
  db: Kysely<Database>,
  u: { email: string; name: string; password: string; role?: 'company' | 'staff' | 'admin'; locale?: Locale },
): Promise<string> {
  const ctx = await auth.$context;
  const email = u.email.toLowerCase();
  const existing = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  if (existing) return existing.id;
  const user = await ctx.internalAdapter.createUser({ email, name: u.name, emailVerified: true, locale: u.locale ?? 'en' }, { method: 'admin' });
  await ctx.internalAdapter.linkAccount({ userId: user.id, providerId: 'credential', accountId: String(user.id), password: await ctx.password.hash(u.password) });
  if (u.role && u.role !== 'company') await db.updateTable('users').set({ role: u.role }).where('id', '=', String(user.id)).execute();
  return String(user.id);
}
