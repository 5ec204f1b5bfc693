// Staff suspend a company (and later reinstate it) with a reason the company's members read
// in the portal. companies.status stays the one switch every read filters on; this table keeps
// each suspension: why, when and by whom, and when and by whom it was lifted. At most one
// suspension is open per company; the service opens and closes it with the status, in one
// transaction under a lock on the company row (a company suspended before this table, as the
// demo data has some, simply has no reason on record).
// Runs on PostgreSQL 15 and on PGlite.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE company_suspensions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      company_id bigint NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 1000),
      suspended_at timestamptz NOT NULL DEFAULT now(),
      suspended_by bigint REFERENCES users(id) ON DELETE SET NULL,
      reinstated_at timestamptz,
      reinstated_by bigint REFERENCES users(id) ON DELETE SET NULL,
      CHECK (reinstated_at IS NULL OR reinstated_at >= suspended_at)
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX company_suspensions_one_open ON company_suspensions (company_id) WHERE reinstated_at IS NULL`.execute(db);
  await sql`CREATE INDEX company_suspensions_company ON company_suspensions (company_id, suspended_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE company_suspensions`.execute(db);
}
