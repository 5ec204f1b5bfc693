// A company's members: its owners invite colleagues by e-mail, list members and open
// invitations, revoke an invitation and remove a member (never the last owner). The invitee
// accepts with the token from the e-mailed link while signed in with the invited address.
// Members may do everything else in the portal; managing members is for owners (and staff).
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Config } from '../config.ts';
import type { Database } from '../db/schema.ts';
import { ConflictError, ForbiddenError, GoneError, NotFoundError } from '../errors.ts';
import { isStaff, type SessionUser } from '../auth/user.ts';
import { enqueueInvitationMail } from '../jobs/account-mail-jobs.ts';
import { appSecret } from '../lib/manage-token.ts';
import {
  companyNames, countOpenInvitations, countOwners, deleteMember, findInvitation, findInvitationByTokenHash, findMember,
  insertInvitation, insertMember, isMemberByEmail, listMembers, listOpenInvitations, lockCompany, markInvitationAccepted,
  revokeInvitation as revokeInvitationRow, revokeOpenInvitationFor, type InvitationRow,
} from '../repositories/members.ts';
import { companyAccess, type PortalDeps } from './portal-company.ts';
import { PRODUCT_LOCALES } from '../portal/product-schemas.ts';

export type MemberDeps = PortalDeps & { config: Pick<Config, 'publicUrl' | 'auth'> };

/** The portal's languages (the site's): the invitation links to the portal in one of them. */
export const PORTAL_LANGUAGES = PRODUCT_LOCALES;
export type Locale = (typeof PORTAL_LANGUAGES)[number];

export const INVITATION_DAYS = 7;
/** Open (unexpired) invitations a company may have at once: enough for a team, not a mailing list. */
export const MAX_OPEN_INVITATIONS = 20;
const DAY = 24 * 3600 * 1000;

/** 32 random bytes, base64url: 43 characters. */
export const INVITATION_TOKEN = /^[A-Za-z0-9_-]{43}$/;
export const hashInvitationToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** The company, if the user may manage its members: its owners, and staff. */
async function ownerAccess(deps: PortalDeps, slug: string, user: SessionUser) {
  const m = await companyAccess(deps, slug, user);
  if (m.role !== 'owner' && !isStaff(user)) throw new ForbiddenError('Only the company\'s owners manage its members.', { code: 'owners-only' });
  return m;
}

function invitationView(i: InvitationRow, now: number) {
  return {
    id: i.id,
    email: i.email,
    invitedBy: i.invitedByName,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    status: i.expiresAt.getTime() <= now ? 'expired' as const : 'pending' as const,
  };
}

async function overview(db: Kysely<Database>, companyId: string, user: SessionUser, now: number) {
  const [members, invitations] = await Promise.all([listMembers(db, companyId), listOpenInvitations(db, companyId)]);
  return {
    members: members.map((m) => ({ userId: m.userId, name: m.name, email: m.email, role: m.role, you: m.userId === user.id })),
    invitations: invitations.map((i) => invitationView(i, now)),
  };
}

export async function members(deps: PortalDeps, slug: string, user: SessionUser) {
  const m = await ownerAccess(deps, slug, user);
  return overview(deps.db, m.companyId, user, deps.now());
}

/** The link in the e-mail: the portal's accept page, the token in the fragment (never sent to a server by a browser). */
export function invitationUrl(publicUrl: string, locale: Locale, token: string): string {
  return `${publicUrl}${locale === 'en' ? '' : `/${locale}`}/portal/join/#${token}`;
}

export async function invite(deps: MemberDeps, slug: string, user: SessionUser, input: { email: string; locale?: Locale | undefined }) {
  const m = await ownerAccess(deps, slug, user);
  const email = input.email.trim().toLowerCase();
  const locale = input.locale ?? user.locale;
  const now = deps.now();
  const token = randomBytes(32).toString('base64url');
  const url = invitationUrl(deps.config.publicUrl, locale, token);
  const id = await deps.db.transaction().execute(async (trx) => {
    // One membership change of a company at a time (and one open invitation per address).
    await lockCompany(trx, m.companyId);
    if (await isMemberByEmail(trx, m.companyId, email)) throw new ConflictError('This address already belongs to a member of the company.', { code: 'already-member' });
    await revokeOpenInvitationFor(trx, m.companyId, email, new Date(now));
    if ((await countOpenInvitations(trx, m.companyId, new Date(now))) >= MAX_OPEN_INVITATIONS) {
      throw new ConflictError(`At most ${MAX_OPEN_INVITATIONS} invitations may wait at once. Revoke one first.`, { code: 'too-many-invitations', limit: MAX_OPEN_INVITATIONS });
    }
    const invitationId = await insertInvitation(trx, {
      companyId: m.companyId, email, tokenHash: hashInvitationToken(token), invitedBy: user.id,
      createdAt: new Date(now), expiresAt: new Date(now + INVITATION_DAYS * DAY),
    });
    // The e-mail is written when it is sent; the job keeps the link sealed, never the token.
    await enqueueInvitationMail(deps.jobs, trx, { invitationId, locale, url, secret: appSecret(deps.config) });
    return invitationId;
  });
  const row = await findInvitation(deps.db, m.companyId, id);
  return invitationView(row!, now);
}

export async function revokeInvitation(deps: PortalDeps, slug: string, user: SessionUser, id: string) {
  const m = await ownerAccess(deps, slug, user);
  const now = deps.now();
  if (!(await revokeInvitationRow(deps.db, m.companyId, id, new Date(now)))) {
    if (!(await findInvitation(deps.db, m.companyId, id))) throw new NotFoundError(`No invitation ${id} for this company.`, { code: 'invitation-unknown' });
    throw new ConflictError('This invitation was already accepted or revoked.', { code: 'not-open' });
  }
  return overview(deps.db, m.companyId, user, now);
}

export async function removeMember(deps: PortalDeps, slug: string, user: SessionUser, userId: string) {
  const m = await ownerAccess(deps, slug, user);
  await deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, m.companyId);
    const member = await findMember(trx, m.companyId, userId);
    if (!member) throw new NotFoundError(`No member ${userId} in this company.`, { code: 'member-unknown' });
    if (member.role === 'owner' && (await countOwners(trx, m.companyId)) <= 1) {
      throw new ConflictError('A company keeps at least one owner: this is the last one.', { code: 'last-owner' });
    }
    await deleteMember(trx, m.companyId, userId);
  });
  return overview(deps.db, m.companyId, user, deps.now());
}

/** "kim@hanbit.example" -> "k••@hanbit.example": enough to recognise one's own address. */
export function maskEmail(email: string): string {
  const [local = '', domain = ''] = email.split('@');
  return `${local.slice(0, 1)}${'•'.repeat(Math.min(Math.max(local.length - 1, 2), 6))}@${domain}`;
}

/** The open invitation behind a token, for this user; otherwise why not. */
async function usableInvitation(db: Kysely<Database>, token: string, user: SessionUser, now: number): Promise<InvitationRow> {
  const i = await findInvitationByTokenHash(db, hashInvitationToken(token));
  if (!i) throw new NotFoundError('This invitation link is not valid. Ask the company for a new invitation.', { code: 'invitation-unknown' });
  if (i.acceptedAt) throw new GoneError('This invitation has already been used.', { code: 'invitation-used' });
  if (i.revokedAt) throw new GoneError('This invitation was withdrawn by the company.', { code: 'invitation-revoked' });
  if (i.expiresAt.getTime() <= now) throw new GoneError('This invitation has expired. Ask the company for a new one.', { code: 'invitation-expired' });
  if (i.email !== user.email.toLowerCase()) {
    throw new ForbiddenError('This invitation was sent to another e-mail address. Sign in with that address to accept it.', {
      code: 'invitation-other-email', invitedEmail: maskEmail(i.email),
    });
  }
  return i;
}

export async function lookupInvitation(deps: PortalDeps, user: SessionUser, token: string) {
  const now = deps.now();
  const i = await usableInvitation(deps.db, token, user, now);
  const names = await companyNames(deps.db, i.companyId);
  return { company: { slug: names.slug, names: { en: names.en, ko: names.ko } }, invitedBy: i.invitedByName, expiresAt: i.expiresAt.toISOString() };
}

export async function acceptInvitation(deps: PortalDeps, user: SessionUser, token: string) {
  const now = deps.now();
  const i = await usableInvitation(deps.db, token, user, now);
  const joined = await deps.db.transaction().execute(async (trx) => {
    await lockCompany(trx, i.companyId);
    // The one check that counts: still open at `now`, and only one accept wins.
    if (!(await markInvitationAccepted(trx, i.id, user.id, new Date(now)))) return false;
    await insertMember(trx, i.companyId, user.id);
    return true;
  });
  if (!joined) {
    await usableInvitation(deps.db, token, user, now); // says why: used, revoked or expired meanwhile
    throw new ConflictError('This invitation could not be accepted. Try again.', { code: 'invitation-failed' });
  }
  const names = await companyNames(deps.db, i.companyId);
  const role = (await findMember(deps.db, i.companyId, user.id))?.role ?? 'member';
  return { company: { slug: names.slug, names: { en: names.en, ko: names.ko } }, role };
}
