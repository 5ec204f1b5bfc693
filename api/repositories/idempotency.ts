// Idempotency-Key records: the first request with a key claims it; a retry replays the
// stored answer. Records expire after a day.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

export type Claim =
  | { state: 'claimed' }
  | { state: 'mismatch' }
  | { state: 'in_progress' }
  | { state: 'done'; status: number; body: unknown };

export async function claimIdempotencyKey(db: Db, key: string, requestHash: string): Promise<Claim> {
  await db.deleteFrom('idempotency_keys').where('key', '=', key).where('expires_at', '<', sql<Date>`now()`).execute();
  const inserted = await db
    .insertInto('idempotency_keys')
    .values({ key, request_hash: requestHash })
    .onConflict((oc) => oc.column('key').doNothing())
    .returning('key')
    .executeTakeFirst();
  if (inserted) return { state: 'claimed' };
  const row = await db
    .selectFrom('idempotency_keys')
    .select(['request_hash', 'state', 'response_status', 'response_body'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return claimIdempotencyKey(db, key, requestHash); // expired in between
  if (row.request_hash !== requestHash) return { state: 'mismatch' };
  if (row.state !== 'done' || row.response_status === null) return { state: 'in_progress' };
  return { state: 'done', status: row.response_status, body: row.response_body };
}

export async function completeIdempotencyKey(db: Db, key: string, status: number, body: unknown): Promise<void> {
  await db
    .updateTable('idempotency_keys')
    .set({ state: 'done', response_status: status, response_body: JSON.stringify(body) })
    .where('key', '=', key)
    .execute();
}

/** After a failure on our side the key is freed, so the client's retry runs again. */
export async function releaseIdempotencyKey(db: Db, key: string): Promise<void> {
  await db.deleteFrom('idempotency_keys').where('key', '=', key).where('state', '=', 'in_progress').execute();
}
