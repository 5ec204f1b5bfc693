// Accounts through better-auth: e-mail and password (argon2id), e-mail verification,
// password reset, database sessions in HttpOnly SameSite cookies, rate limits kept in
// PostgreSQL so they hold across API processes. Its tables are ours (see the accounts
// migration); this module only maps names.
import { createHash } from 'node:crypto';
import { betterAuth } from 'better-auth';
import { hash, verify } from '@node-rs/argon2';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import type { Logger } from '../lib/logger.ts';
import { accountMail, type AccountMailKind } from '../mail/account-mail.ts';
import { sealedAccountMail, type AccountMessage } from '../jobs/account-mail-jobs.ts';
import { appSecret } from '../lib/manage-token.ts';
import { openLink, sealLink } from '../lib/sealed-link.ts';
import { locales, type Locale } from '../../site/i18n/locales.ts';

/** The header the API puts the socket's address in (any incoming copy is dropped first). */
export const CLIENT_IP_HEADER = 'x-pavilion-client-ip';

export type AccountMail = { kind: AccountMailKind; to: string; name: string; locale: string; url: string };
/**
 * Sends (or queues) an account e-mail: given as written, for a sender that sends at once, and
 * sealed (its link unreadable without the app secret), for a queue that keeps it a while.
 */
export type SendAccountMail = (mail: AccountMessage) => Promise<void>;

// OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms a hash on this machine.
const ARGON = { algorithm: 2 /* Algorithm.Argon2id (a const enum) */ as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

const stamps = { createdAt: 'created_at', updatedAt: 'updated_at' };

export function createAuth(deps: { db: Kysely<Database>; config: Config; log: Logger; sendMail: SendAccountMail }) {
  const { config } = deps;
  const mail = async (m: AccountMail) => {
    const { subject, text } = accountMail(m);
    // The key makes a retried send overwrite its own outbox file; each link's token is unique.
    const key = `account-${m.kind}-${createHash('sha256').update(m.url).digest('hex').slice(0, 20)}`;
    await deps.sendMail({ key, to: m.to, subject, text, sealed: sealedAccountMail(appSecret(config), m) });
  };
  return betterAuth({
    appName: 'Pavilion',
    baseURL: config.publicUrl,
    basePath: '/api/auth',
    secret: config.auth.secret,
    telemetry: { enabled: false },
    trustedOrigins: [config.publicUrl],
    database: { db: deps.db as Kysely<any>, type: 'postgres' },
    logger: {
      level: config.logLevel === 'silent' ? 'error' : config.logLevel,
      disabled: config.logLevel === 'silent',
      // Its messages may name an address ("Sign-up attempt for existing email: …"); its
      // extra arguments (objects, users) are never written.
      log: (level, raw) => {
        const message = `auth: ${withoutAddresses(raw)}`;
        if (level === 'error') deps.log.error(message);
        else if (level === 'warn') deps.log.warn(message);
        else deps.log.debug(message);
      },
    },
    user: {
      modelName: 'users',
      fields: { emailVerified: 'email_verified', ...stamps },
      additionalFields: {
        role: { type: 'string', input: false, required: false, defaultValue: 'company' },
        locale: { type: 'string', input: true, required: false, defaultValue: 'en', validator: { input: z.enum(locales) } },
      },
    },
    session: {
      modelName: 'auth_sessions',
      fields: { userId: 'user_id', expiresAt: 'expires_at', ipAddress: 'ip_address', userAgent: 'user_agent', ...stamps },
      expiresIn: 7 * 24 * 3600,
      updateAge: 24 * 3600,
    },
    account: {
      modelName: 'auth_accounts',
      fields: {
        userId: 'user_id', accountId: 'account_id', providerId: 'provider_id', accessToken: 'access_token',
        refreshToken: 'refresh_token', idToken: 'id_token', accessTokenExpiresAt: 'access_token_expires_at',
        refreshTokenExpiresAt: 'refresh_token_expires_at', ...stamps,
      },
    },
    verification: {
      modelName: 'auth_verifications',
      fields: { expiresAt: 'expires_at', ...stamps },
      // A pending reset's token is kept hashed, as invitations' are: reading the table gives
      // no working link (rows kept plain before this still count until they expire).
      storeIdentifier: 'hashed',
    },
    rateLimit: {
      enabled: true,
      storage: 'database',
      modelName: 'auth_rate_limits',
      fields: { lastRequest: 'last_request' },
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: config.rateLimits.signInsPerMinute },
        '/sign-up/email': { window: 3600, max: 10 },
        '/request-password-reset': { window: 3600, max: 5 },
        '/send-verification-email': { window: 3600, max: 5 },
        '/get-session': false,
      },
    },
    emailAndPassword: {
      enabled: true,
      requireEmailVerification: true,
      autoSignIn: false,
      minPasswordLength: 10,
      maxPasswordLength: 128,
      revokeSessionsOnPasswordReset: true,
      resetPasswordTokenExpiresIn: 3600,
      password: {
        hash: (password) => hash(password, ARGON),
        verify: ({ hash: stored, password }) => verify(stored, password),
      },
      sendResetPassword: async ({ user, url }) => mail({ kind: 'reset', to: user.email, name: user.name, locale: localeOf(user), url }),
    },
    emailVerification: {
      sendOnSignUp: true,
      autoSignInAfterVerification: true,
      expiresIn: 24 * 3600,
      sendVerificationEmail: async ({ user, url }) =>
        mail({ kind: 'verify', to: user.email, name: user.name, locale: localeOf(user), url: sealVerificationUrl(appSecret(config), url) }),
    },
    advanced: {
      database: { generateId: 'serial' },
      cookiePrefix: 'pavilion',
      useSecureCookies: config.publicUrl.startsWith('https://'),
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', path: '/' },
      ipAddress: { ipAddressHeaders: [CLIENT_IP_HEADER] },
    },
  });
}

export type Auth = ReturnType<typeof createAuth>;

/** A log message with every e-mail address in it replaced: personal data stays out of the log. */
export const withoutAddresses = (message: string): string => message.replace(/[^\s@<>()"',;:]+@[^\s@<>()"',;:]+/g, '[e-mail]');

/**
 * better-auth's verification token is a signed, not encrypted, JWT whose payload holds the
 * e-mail address: in a link, that is personal data in a URL (history, proxies, logs). The
 * link carries it sealed instead (AES-GCM under the app secret), opened again on arrival.
 */
export function sealVerificationUrl(secret: string, url: string): string {
  const u = new URL(url);
  const token = u.searchParams.get('token');
  if (token) u.searchParams.set('token', sealLink(secret, token));
  return u.toString();
}

/** The JWT inside a sealed verification token; anything else is passed on as it is (better-auth refuses it). */
export function openVerificationToken(secret: string, token: string): string {
  try {
    return openLink(secret, token);
  } catch {
    return token;
  }
}

/** The user's language (one of the portal's), in which their account e-mails are written. */
const localeOf = (user: object): Locale => {
  const locale = (user as { locale?: string }).locale;
  return (locales as readonly string[]).includes(locale ?? '') ? (locale as Locale) : 'en';
};

