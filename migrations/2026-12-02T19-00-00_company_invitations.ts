// Invitations to join a company: an owner invites a colleague by e-mail; the link carries a
// random token of which only the SHA-256 hash is kept here. An invitation is used once
// (accepted_at), can be revoked, and expires. At most one open invitation per address and
// company: inviting the same address again replaces the open one.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE company_invitations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      company_id bigint NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      email text NOT NULL CHECK (email = lower(email) AND length(email) BETWEEN 3 AND 254),
      token_hash text NOT NULL UNIQUE CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      invited_by bigint REFERENCES users(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      accepted_at timestamptz,
      accepted_by bigint REFERENCES users(id) ON DELETE SET NULL,
      revoked_at timestamptz,
      CHECK (expires_at > created_at),
      CHECK (accepted_at IS NULL OR revoked_at IS NULL),
      CHECK (accepted_by IS NULL OR accepted_at IS NOT NULL)
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX company_invitations_open_idx ON company_invitations (company_id, email)
      WHERE accepted_at IS NULL AND revoked_at IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE IF EXISTS company_invitations`.execute(db);
}
