// Companies that confirm their meetings: a request holds its slot (status 'held') while
// the company decides, or while the buyer decides on a time the company proposed
// ('awaiting' says whose turn it is). A hold ends by acceptance, refusal or expiry.
import { type Kysely, sql } from 'kysely';

const EVENTS_BEFORE = ['requested', 'queued', 'scheduled', 'confirmed', 'rescheduled', 'cancelled', 'declined', 'completed',
  'no_show', 'room_reassigned', 'interpreter_reassigned'];
const EVENTS_AFTER = [...EVENTS_BEFORE, 'held', 'accepted', 'proposed', 'proposal_accepted', 'proposal_declined', 'hold_expired', 'outcome_recorded'];

const eventCheck = (events: string[]) => sql.raw(`CHECK (event IN (${events.map((e) => `'${e}'`).join(', ')}))`);

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE consultations
      ADD COLUMN awaiting text CHECK (awaiting IN ('company', 'buyer')),
      ADD COLUMN decline_reason text,
      ADD CONSTRAINT consultations_hold_check
        CHECK ((status = 'held') = (awaiting IS NOT NULL AND hold_expires_at IS NOT NULL))`.execute(db);
  await sql`ALTER TABLE consultation_events DROP CONSTRAINT consultation_events_event_check`.execute(db);
  await sql`ALTER TABLE consultation_events ADD CONSTRAINT consultation_events_event_check ${eventCheck(EVENTS_AFTER)}`.execute(db);
  // The company's inbox: its consultations by time.
  await sql`CREATE INDEX consultations_company_starts_idx ON consultations (company_id, starts_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX consultations_company_starts_idx`.execute(db);
  await sql`DELETE FROM consultation_events WHERE NOT (event = ANY (${EVENTS_BEFORE}))`.execute(db);
  await sql`ALTER TABLE consultation_events DROP CONSTRAINT consultation_events_event_check`.execute(db);
  await sql`ALTER TABLE consultation_events ADD CONSTRAINT consultation_events_event_check ${eventCheck(EVENTS_BEFORE)}`.execute(db);
  await sql`UPDATE consultations SET status = 'declined' WHERE status = 'held'`.execute(db);
  await sql`ALTER TABLE consultations DROP CONSTRAINT consultations_hold_check, DROP COLUMN decline_reason, DROP COLUMN awaiting`.execute(db);
}
