// An edit of a published product may change its images too: `images` holds the image list
// the edit proposes (null: the edit leaves the images as published). Staged files are stored
// but no product_images row points at them until staff approve.
//
// At most one edit waits per product, and only for a published product: edits left behind by
// withdrawals before this change could come back and overwrite newer text, so they go.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE product_revisions ADD COLUMN images jsonb CHECK (images IS NULL OR jsonb_typeof(images) = 'array')`.execute(db);
  await sql`
    DELETE FROM product_revisions r
    WHERE r.status = 'submitted'
      AND (NOT EXISTS (SELECT 1 FROM products p WHERE p.id = r.product_id AND p.status = 'approved')
        OR EXISTS (SELECT 1 FROM product_revisions n WHERE n.product_id = r.product_id AND n.status = 'submitted' AND n.id > r.id))`.execute(db);
  await sql`CREATE UNIQUE INDEX product_revisions_one_pending ON product_revisions (product_id) WHERE status = 'submitted'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  // The stale edits deleted on the way up are not restored: they were never approvable.
  await sql`DROP INDEX product_revisions_one_pending`.execute(db);
  await sql`ALTER TABLE product_revisions DROP COLUMN images`.execute(db);
}
