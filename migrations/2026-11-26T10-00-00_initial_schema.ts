// The whole domain, modelled up front; later issues fill it in. Background jobs live in
// pg-boss's own schema, which pg-boss creates and upgrades itself. Frozen once landed:
// a change is a new migration. Runs on PostgreSQL 15 and on PGlite (PostgreSQL 18).
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE EXTENSION IF NOT EXISTS btree_gist`.execute(db);

  await sql`
    CREATE TABLE pavilions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      names jsonb NOT NULL,
      stories jsonb NOT NULL DEFAULT '{}',
      sort_order integer NOT NULL DEFAULT 0,
      retired_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE categories (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      pavilion_id bigint NOT NULL REFERENCES pavilions(id),
      slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      names jsonb NOT NULL,
      sort_order integer NOT NULL DEFAULT 0,
      UNIQUE (pavilion_id, slug)
    )`.execute(db);

  await sql`
    CREATE TABLE companies (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      founded_year integer CHECK (founded_year BETWEEN 1800 AND 2100),
      employees integer CHECK (employees >= 0),
      region text NOT NULL,
      website text CHECK (website ~ '^https?://'),
      logo_key text,
      languages text[] NOT NULL DEFAULT '{ko}',
      export_markets text[] NOT NULL DEFAULT '{}',
      certifications text[] NOT NULL DEFAULT '{}',
      time_zone text NOT NULL DEFAULT 'Asia/Seoul',
      requires_confirmation boolean NOT NULL DEFAULT false,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE company_texts (
      company_id bigint NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      locale text NOT NULL,
      name text NOT NULL,
      description text NOT NULL DEFAULT '',
      PRIMARY KEY (company_id, locale)
    )`.execute(db);

  await sql`
    CREATE TABLE users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      name text NOT NULL,
      password_hash text,
      role text NOT NULL DEFAULT 'company' CHECK (role IN ('company', 'staff', 'admin')),
      email_verified_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE company_members (
      company_id bigint NOT NULL REFERENCES companies(id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role text NOT NULL DEFAULT 'member' CHECK (role IN ('owner', 'member')),
      PRIMARY KEY (company_id, user_id)
    )`.execute(db);

  await sql`
    CREATE TABLE products (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      company_id bigint NOT NULL REFERENCES companies(id),
      pavilion_id bigint NOT NULL REFERENCES pavilions(id),
      category_id bigint REFERENCES categories(id),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'submitted', 'approved', 'rejected', 'withdrawn')),
      rejection_reason text,
      moq integer CHECK (moq > 0),
      moq_unit text,
      lead_time_days integer CHECK (lead_time_days >= 0),
      price_terms jsonb,
      hs_code text CHECK (hs_code ~ '^[0-9]{4,10}$'),
      certifications text[] NOT NULL DEFAULT '{}',
      export_markets text[] NOT NULL DEFAULT '{}',
      specifications jsonb NOT NULL DEFAULT '[]',
      published_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX products_company_idx ON products (company_id)`.execute(db);
  await sql`CREATE INDEX products_pavilion_status_idx ON products (pavilion_id, status)`.execute(db);

  await sql`
    CREATE TABLE product_texts (
      product_id bigint NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      locale text NOT NULL,
      name text NOT NULL,
      summary text NOT NULL DEFAULT '',
      description text NOT NULL DEFAULT '',
      keywords text[] NOT NULL DEFAULT '{}',
      PRIMARY KEY (product_id, locale)
    )`.execute(db);

  // A pending edit of a published product; the published row stays until approval.
  await sql`
    CREATE TABLE product_revisions (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      product_id bigint NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      data jsonb NOT NULL,
      status text NOT NULL DEFAULT 'submitted' CHECK (status IN ('submitted', 'approved', 'rejected')),
      reason text,
      submitted_by bigint REFERENCES users(id),
      reviewed_by bigint REFERENCES users(id),
      submitted_at timestamptz NOT NULL DEFAULT now(),
      reviewed_at timestamptz
    )`.execute(db);

  await sql`
    CREATE TABLE product_images (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      product_id bigint NOT NULL REFERENCES products(id) ON DELETE CASCADE,
      position integer NOT NULL CHECK (position BETWEEN 0 AND 7),
      storage_key text NOT NULL,
      width integer NOT NULL,
      height integer NOT NULL,
      variants jsonb NOT NULL DEFAULT '[]',
      alt jsonb NOT NULL DEFAULT '{}',
      UNIQUE (product_id, position)
    )`.execute(db);

  await sql`
    CREATE TABLE buyers (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      name text NOT NULL,
      company_name text NOT NULL,
      country char(2) NOT NULL CHECK (country ~ '^[A-Z]{2}$'),
      language text NOT NULL,
      time_zone text NOT NULL,
      phone text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);

  await sql`
    CREATE TABLE rooms (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL UNIQUE,
      kind text NOT NULL DEFAULT 'room' CHECK (kind IN ('room', 'booth')),
      location text NOT NULL,
      region text NOT NULL,
      time_zone text NOT NULL DEFAULT 'Asia/Seoul',
      buffer_minutes integer NOT NULL DEFAULT 10 CHECK (buffer_minutes BETWEEN 0 AND 120),
      equipment text[] NOT NULL DEFAULT '{}',
      active boolean NOT NULL DEFAULT true
    )`.execute(db);

  await sql`
    CREATE TABLE interpreters (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      name text NOT NULL,
      email text NOT NULL UNIQUE CHECK (email = lower(email)),
      time_zone text NOT NULL DEFAULT 'Asia/Seoul',
      active boolean NOT NULL DEFAULT true
    )`.execute(db);

  await sql`
    CREATE TABLE interpreter_languages (
      interpreter_id bigint NOT NULL REFERENCES interpreters(id) ON DELETE CASCADE,
      language text NOT NULL,
      PRIMARY KEY (interpreter_id, language)
    )`.execute(db);

  // Weekly hours of exactly one owner (company, room or interpreter), in its own zone.
  await sql`
    CREATE TABLE availability_rules (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      company_id bigint REFERENCES companies(id) ON DELETE CASCADE,
      room_id bigint REFERENCES rooms(id) ON DELETE CASCADE,
      interpreter_id bigint REFERENCES interpreters(id) ON DELETE CASCADE,
      weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      start_time time NOT NULL,
      end_time time NOT NULL,
      time_zone text NOT NULL DEFAULT 'Asia/Seoul',
      CHECK (start_time < end_time),
      CHECK (num_nonnulls(company_id, room_id, interpreter_id) = 1)
    )`.execute(db);

  await sql`CREATE INDEX availability_rules_company_idx ON availability_rules (company_id) WHERE company_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX availability_rules_room_idx ON availability_rules (room_id) WHERE room_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX availability_rules_interpreter_idx ON availability_rules (interpreter_id) WHERE interpreter_id IS NOT NULL`.execute(db);

  await sql`
    CREATE TABLE blackouts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      company_id bigint REFERENCES companies(id) ON DELETE CASCADE,
      room_id bigint REFERENCES rooms(id) ON DELETE CASCADE,
      interpreter_id bigint REFERENCES interpreters(id) ON DELETE CASCADE,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      reason text NOT NULL DEFAULT '',
      CHECK (starts_at < ends_at),
      CHECK (num_nonnulls(company_id, room_id, interpreter_id) <= 1)
    )`.execute(db);
  await sql`CREATE INDEX blackouts_period_idx ON blackouts (starts_at, ends_at)`.execute(db);

  await sql`
    CREATE TABLE meeting_requests (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      buyer_id bigint NOT NULL REFERENCES buyers(id),
      company_id bigint NOT NULL REFERENCES companies(id),
      product_id bigint REFERENCES products(id),
      preferred_slots timestamptz[] NOT NULL DEFAULT '{}',
      interpreter text NOT NULL DEFAULT 'auto' CHECK (interpreter IN ('auto', 'required', 'none')),
      language text NOT NULL,
      time_zone text NOT NULL,
      message text NOT NULL DEFAULT '',
      status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'scheduled', 'cancelled')),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX meeting_requests_queue_idx ON meeting_requests (created_at) WHERE status = 'queued'`.execute(db);

  // A consultation books company, buyer, room and (optionally) interpreter at once.
  // The exclusion constraints make a double booking impossible whatever the number of
  // API processes; the room stays blocked for its turnover buffer (room_free_at).
  await sql`
    CREATE TABLE consultations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      meeting_request_id bigint NOT NULL REFERENCES meeting_requests(id),
      company_id bigint NOT NULL REFERENCES companies(id),
      buyer_id bigint NOT NULL REFERENCES buyers(id),
      room_id bigint NOT NULL REFERENCES rooms(id),
      interpreter_id bigint REFERENCES interpreters(id),
      interpreter_language text,
      starts_at timestamptz NOT NULL,
      ends_at timestamptz NOT NULL,
      room_free_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'scheduled'
        CHECK (status IN ('held', 'scheduled', 'confirmed', 'completed', 'no_show', 'cancelled', 'declined')),
      hold_expires_at timestamptz,
      video_room text NOT NULL UNIQUE,
      manage_token_hash text NOT NULL UNIQUE,
      ics_sequence integer NOT NULL DEFAULT 0,
      outcome text CHECK (outcome IN ('no_interest', 'follow_up', 'sample_sent', 'negotiating', 'contract_signed')),
      deal_value_usd numeric(14, 2) CHECK (deal_value_usd >= 0),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK (starts_at < ends_at AND ends_at <= room_free_at),
      CHECK ((interpreter_id IS NULL) = (interpreter_language IS NULL)),
      CONSTRAINT consultations_company_no_overlap EXCLUDE USING gist
        (company_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status IN ('held', 'scheduled', 'confirmed')),
      CONSTRAINT consultations_buyer_no_overlap EXCLUDE USING gist
        (buyer_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status IN ('held', 'scheduled', 'confirmed')),
      CONSTRAINT consultations_room_no_overlap EXCLUDE USING gist
        (room_id WITH =, tstzrange(starts_at, room_free_at) WITH &&)
        WHERE (status IN ('held', 'scheduled', 'confirmed')),
      CONSTRAINT consultations_interpreter_no_overlap EXCLUDE USING gist
        (interpreter_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
        WHERE (status IN ('held', 'scheduled', 'confirmed') AND interpreter_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX consultations_starts_idx ON consultations (starts_at)`.execute(db);

  await sql`
    CREATE TABLE consultation_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      consultation_id bigint REFERENCES consultations(id) ON DELETE CASCADE,
      meeting_request_id bigint NOT NULL REFERENCES meeting_requests(id) ON DELETE CASCADE,
      event text NOT NULL CHECK (event IN ('requested', 'queued', 'scheduled', 'confirmed', 'rescheduled',
        'cancelled', 'declined', 'completed', 'no_show', 'room_reassigned', 'interpreter_reassigned')),
      actor_type text NOT NULL CHECK (actor_type IN ('buyer', 'company', 'staff', 'system')),
      actor_id bigint,
      details jsonb NOT NULL DEFAULT '{}',
      at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE INDEX consultation_events_request_idx ON consultation_events (meeting_request_id, at)`.execute(db);

  // A replayable answer per Idempotency-Key; request_hash catches a reused key with another body.
  await sql`
    CREATE TABLE idempotency_keys (
      key text PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 255),
      request_hash text NOT NULL,
      state text NOT NULL DEFAULT 'in_progress' CHECK (state IN ('in_progress', 'done')),
      response_status integer,
      response_body jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL DEFAULT now() + interval '1 day'
    )`.execute(db);

}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'idempotency_keys', 'consultation_events', 'consultations', 'meeting_requests',
    'blackouts', 'availability_rules', 'interpreter_languages', 'interpreters', 'rooms', 'buyers',
    'product_images', 'product_revisions', 'product_texts', 'products', 'company_members', 'users',
    'company_texts', 'companies', 'categories', 'pavilions',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
}
