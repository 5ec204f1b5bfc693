// The signed-in user as the rest of the API sees it.
import { ForbiddenError } from '../errors.ts';
import type { Locale } from '../../site/i18n/locales.ts';

export type SessionUser = {
  id: string;
  email: string;
  name: string;
  role: 'company' | 'staff' | 'admin';
  emailVerified: boolean;
  /** The portal language the user signed up in: their account e-mails are written in it. */
  locale: Locale;
};

export const isStaff = (user: SessionUser) => user.role === 'staff' || user.role === 'admin';

export function requireStaff(user: SessionUser): void {
  if (!isStaff(user)) throw new ForbiddenError('Only programme staff can do this.', { code: 'staff-only' });
}
