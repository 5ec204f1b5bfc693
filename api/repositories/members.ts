// A company's members and the invitations to join it.
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';

export type MemberRow = { userId: string; name: string; email: string; role: 'owner' | 'member' };
export type InvitationRow = {
  id: string; companyId: string; email: string; invitedBy: string | null; invitedByName: string | null;
  createdAt: Date; expiresAt: Date; acceptedAt: Date | null; revokedAt: Date | null;
};

export async function listMembers(db: Db, companyId: string): Promise<MemberRow[]> {
  return db.selectFrom('company_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.name', 'u.email', 'm.role'])
    .where('m.company_id', '=', companyId)
    .orderBy(sql`m.role = 'owner'`, 'desc').orderBy('u.name').orderBy('u.id')
    .execute();
}

export async function findMember(db: Db, companyId: string, userId: string): Promise<MemberRow | undefined> {
  return db.selectFrom('company_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id as userId', 'u.name', 'u.email', 'm.role'])
    .where('m.company_id', '=', companyId).where('m.user_id', '=', userId)
    .executeTakeFirst();
}

export async function isMemberByEmail(db: Db, companyId: string, email: string): Promise<boolean> {
  const row = await db.selectFrom('company_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.company_id', '=', companyId).where('u.email', '=', email)
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Locks the company's row for the rest of the transaction: membership changes of one
 * company happen one at a time, so two owners removing each other cannot leave none.
 */
export async function lockCompany(db: Db, companyId: string): Promise<void> {
  await db.selectFrom('companies').select('id').where('id', '=', companyId).forUpdate().executeTakeFirst();
}

export async function countOwners(db: Db, companyId: string): Promise<number> {
  const row = await db.selectFrom('company_members').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('company_id', '=', companyId).where('role', '=', 'owner').executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function deleteMember(db: Db, companyId: string, userId: string): Promise<boolean> {
  const r = await db.deleteFrom('company_members').where('company_id', '=', companyId).where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Adds the user as a member; false when they already belong to the company. */
export async function insertMember(db: Db, companyId: string, userId: string): Promise<boolean> {
  const row = await db.insertInto('company_members').values({ company_id: companyId, user_id: userId, role: 'member' })
    .onConflict((oc) => oc.columns(['company_id', 'user_id']).doNothing()).returning('user_id').executeTakeFirst();
  return Boolean(row);
}

function invitationQuery(db: Db) {
  return db.selectFrom('company_invitations as i')
    .leftJoin('users as u', 'u.id', 'i.invited_by')
    .select([
      'i.id', 'i.company_id as companyId', 'i.email', 'i.invited_by as invitedBy', 'u.name as invitedByName',
      'i.created_at as createdAt', 'i.expires_at as expiresAt', 'i.accepted_at as acceptedAt', 'i.revoked_at as revokedAt',
    ]);
}

/** Invitations neither accepted nor revoked (expired ones included), newest first. */
export async function listOpenInvitations(db: Db, companyId: string): Promise<InvitationRow[]> {
  return invitationQuery(db)
    .where('i.company_id', '=', companyId).where('i.accepted_at', 'is', null).where('i.revoked_at', 'is', null)
    .orderBy('i.created_at', 'desc').orderBy('i.id', 'desc')
    .execute();
}

export async function countOpenInvitations(db: Db, companyId: string, now: Date): Promise<number> {
  const row = await db.selectFrom('company_invitations').select((eb) => eb.fn.countAll<string>().as('n'))
    .where('company_id', '=', companyId).where('accepted_at', 'is', null).where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function findInvitation(db: Db, companyId: string, id: string): Promise<InvitationRow | undefined> {
  return invitationQuery(db).where('i.company_id', '=', companyId).where('i.id', '=', id).executeTakeFirst();
}

/** An invitation by its id alone: for its e-mail, written when the job runs. */
export async function findInvitationById(db: Db, id: string): Promise<InvitationRow | undefined> {
  return invitationQuery(db).where('i.id', '=', id).executeTakeFirst();
}

export async function findInvitationByTokenHash(db: Db, tokenHash: string): Promise<InvitationRow | undefined> {
  return invitationQuery(db).where('i.token_hash', '=', tokenHash).executeTakeFirst();
}

/** Revokes the open invitation of this address, if any (a new one replaces it). */
export async function revokeOpenInvitationFor(db: Db, companyId: string, email: string, now: Date): Promise<void> {
  await db.updateTable('company_invitations').set({ revoked_at: now })
    .where('company_id', '=', companyId).where('email', '=', email)
    .where('accepted_at', 'is', null).where('revoked_at', 'is', null)
    .execute();
}

export async function revokeInvitation(db: Db, companyId: string, id: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('company_invitations').set({ revoked_at: now })
    .where('company_id', '=', companyId).where('id', '=', id)
    .where('accepted_at', 'is', null).where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function insertInvitation(
  db: Db,
  i: { companyId: string; email: string; tokenHash: string; invitedBy: string; createdAt: Date; expiresAt: Date },
): Promise<string> {
  const row = await db.insertInto('company_invitations')
    .values({ company_id: i.companyId, email: i.email, token_hash: i.tokenHash, invited_by: i.invitedBy, created_at: i.createdAt, expires_at: i.expiresAt })
    .returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Marks the invitation used, if it is still open and unexpired at `now`: the one check that
 * makes a token single-use, whatever the number of concurrent accepts.
 */
export async function markInvitationAccepted(db: Db, id: string, userId: string, now: Date): Promise<boolean> {
  const r = await db.updateTable('company_invitations').set({ accepted_at: now, accepted_by: userId })
    .where('id', '=', id).where('accepted_at', 'is', null).where('revoked_at', 'is', null).where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The company's names for the invitation e-mail and the accept page. */
export async function companyNames(db: Db, companyId: string): Promise<{ slug: string; en: string; ko: string }> {
  const rows = await db.selectFrom('companies as c')
    .leftJoin('company_texts as t', 't.company_id', 'c.id')
    .select(['c.slug', 't.locale', 't.name'])
    .where('c.id', '=', companyId)
    .execute();
  const name = (locale: string) => rows.find((r) => r.locale === locale)?.name ?? '';
  return { slug: rows[0]?.slug ?? '', en: name('en'), ko: name('ko') };
}
