// A company's consultations as its inbox lists them.
import { sql } from 'kysely';
import type { Db } from './catalogue.ts';

export const OUTCOMES = ['no_interest', 'follow_up', 'sample_sent', 'negotiating', 'contract_signed'] as const;
/** Outcomes a deal value can go with: no interest or a promise to follow up has none yet. */
export const OUTCOMES_WITH_VALUE: readonly Outcome['outcome'][] = ['sample_sent', 'negotiating', 'contract_signed'];
export type Outcome = { outcome: (typeof OUTCOMES)[number]; dealValueUsd: number | null };

function inboxQuery(db: Db) {
  return db.selectFrom('consultations as c')
    .innerJoin('meeting_requests as m', 'm.id', 'c.meeting_request_id')
    .innerJoin('buyers as b', 'b.id', 'c.buyer_id')
    .innerJoin('rooms as r', 'r.id', 'c.room_id')
    .innerJoin('companies as co', 'co.id', 'c.company_id')
    .leftJoin('products as p', 'p.id', 'm.product_id')
    .select([
      'c.id', 'c.meeting_request_id as meetingRequestId', 'c.status', 'c.awaiting', 'c.hold_expires_at as holdExpiresAt',
      'c.starts_at as startsAt', 'c.ends_at as endsAt', 'c.interpreter_language as interpreterLanguage', 'c.decline_reason as declineReason',
      'c.outcome', 'c.deal_value_usd as dealValueUsd', 'm.time_zone as buyerTimeZone', 'm.language', 'm.message',
      'co.time_zone as companyTimeZone', 'b.name as buyerName', 'b.company_name as buyerCompany', 'b.country as buyerCountry',
      'r.name as roomName', 'r.location as roomLocation', 'p.slug as productSlug',
    ]);
}

export async function listCompanyConsultations(db: Db, companyId: string, since: Date) {
  return inboxQuery(db).where('c.company_id', '=', companyId).where('c.ends_at', '>=', since)
    .orderBy('c.starts_at').orderBy('c.id').limit(500).execute();
}

export async function findCompanyConsultation(db: Db, companyId: string, id: string) {
  return inboxQuery(db).where('c.company_id', '=', companyId).where('c.id', '=', id).executeTakeFirst();
}

/** Records the outcome of a meeting that took place (began by `heldBy`) and is still live or
 * completed; false when it was cancelled or moved meanwhile (the update re-checks the row
 * it waited for, so a staff cancellation racing the company's outcome cannot be overwritten). */
export async function recordOutcome(db: Db, id: string, o: Outcome, heldBy: Date): Promise<boolean> {
  const r = await db.updateTable('consultations')
    .set({ status: 'completed', outcome: o.outcome, deal_value_usd: o.dealValueUsd === null ? null : String(o.dealValueUsd), updated_at: sql`now()` })
    .where('id', '=', id)
    .where('status', 'in', ['scheduled', 'confirmed', 'completed'])
    .where('starts_at', '<=', heldBy)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** The company's requests no slot could be found for, waiting in the programme team's queue.
 * Who asked and for what, never how to reach them. */
export async function listCompanyQueuedRequests(db: Db, companyId: string) {
  return db.selectFrom('meeting_requests as m')
    .innerJoin('buyers as b', 'b.id', 'm.buyer_id')
    .leftJoin('products as p', 'p.id', 'm.product_id')
    .select(['m.id', 'm.created_at as createdAt', 'b.name as buyerName', 'b.company_name as buyerCompany', 'b.country as buyerCountry', 'p.slug as productSlug'])
    .where('m.company_id', '=', companyId).where('m.status', '=', 'queued')
    .orderBy('m.created_at').orderBy('m.id').limit(200).execute();
}
