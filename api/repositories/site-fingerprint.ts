// What the static site shows from the database, reduced to strings that change whenever it
// does: the site builder rebuilds (and the search runtime reindexes) only when they change.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

/** Changes whenever a row a catalogue page shows is added, edited or removed. */
export async function catalogueFingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ f: string }>`
    select concat_ws('|',
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from pavilions),
      (select count(*) from categories),
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from companies),
      (select count(*) from company_texts),
      (select count(*) || ':' || coalesce(max(updated_at)::text, '') from products),
      (select count(*) from product_texts),
      -- Newest id too: an image removed and another added keeps the count.
      (select count(*) || ':' || coalesce(max(id)::text, '') from product_images)
    ) as f`.execute(db);
  return rows[0]!.f;
}

/**
 * Changes whenever a figure the home page counts would (site/lib/programme-figures.ts):
 * consultations held, buyers who asked for a meeting and their countries. Counts only.
 */
export async function programmeFingerprint(db: Kysely<Database>): Promise<string> {
  const { rows } = await sql<{ f: string }>`
    select concat_ws('|',
      (select count(*) from consultations where status = 'completed'),
      (select count(distinct buyer_id) from meeting_requests),
      (select count(distinct b.country) from buyers b where exists (select 1 from meeting_requests m where m.buyer_id = b.id))
    ) as f`.execute(db);
  return rows[0]!.f;
}
