// Accounts for the company portal and the control tower, kept by better-auth: its user
// is our `users` row (bigint ids, snake_case columns mapped in api/auth/auth.ts); its
// sessions, password accounts, verification tokens and rate-limit counters get tables of
// their own. Passwords live in auth_accounts (argon2id), never in users.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users
      DROP COLUMN password_hash,
      DROP COLUMN email_verified_at,
      ADD COLUMN email_verified boolean NOT NULL DEFAULT false,
      ADD COLUMN image text,
      ADD COLUMN locale text NOT NULL DEFAULT 'en' CHECK (locale IN ('en', 'ko')),
      ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`.execute(db);

  await sql`
    CREATE TABLE auth_sessions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      token text NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      ip_address text,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX auth_sessions_user_idx ON auth_sessions (user_id)`.execute(db);

  await sql`
    CREATE TABLE auth_accounts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      account_id text NOT NULL,
      provider_id text NOT NULL,
      access_token text,
      refresh_token text,
      id_token text,
      access_token_expires_at timestamptz,
      refresh_token_expires_at timestamptz,
      scope text,
      password text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX auth_accounts_user_idx ON auth_accounts (user_id)`.execute(db);

  await sql`
    CREATE TABLE auth_verifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      identifier text NOT NULL,
      value text NOT NULL,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX auth_verifications_identifier_idx ON auth_verifications (identifier)`.execute(db);

  // Shared by every API process, so a limit holds however many of them answer.
  await sql`
    CREATE TABLE auth_rate_limits (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      key text NOT NULL UNIQUE,
      count integer NOT NULL,
      last_request bigint NOT NULL
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['auth_rate_limits', 'auth_verifications', 'auth_accounts', 'auth_sessions']) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`
    ALTER TABLE users
      DROP COLUMN updated_at,
      DROP COLUMN locale,
      DROP COLUMN image,
      DROP COLUMN email_verified,
      ADD COLUMN password_hash text,
      ADD COLUMN email_verified_at timestamptz`.execute(db);
}
