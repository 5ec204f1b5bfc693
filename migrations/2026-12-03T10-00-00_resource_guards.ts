// Staff take rooms and interpreters out of service (deactivated, under repair, on leave)
// only when no live consultation needs them; the Resources API checks that under a row
// lock on the room or interpreter. This trigger is the other half: a consultation written
// into an inactive room, or over a room's repair or an interpreter's leave, is skipped
// (RETURN NULL), exactly as the booking code already treats a slot someone else took
// (ON CONFLICT DO NOTHING, zero rows updated), so it tries the next room or interpreter.
// FOR SHARE waits for a staff change in flight on that row and then reads its outcome, so
// neither side can slip past the other whatever the number of API processes.
// Runs on PostgreSQL 15 and on PGlite.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION consultation_resources_open() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.status NOT IN ('held', 'scheduled', 'confirmed') THEN
        RETURN NEW;
      END IF;
      PERFORM 1 FROM rooms WHERE id = NEW.room_id AND active FOR SHARE;
      IF NOT FOUND THEN
        RETURN NULL;
      END IF;
      IF EXISTS (SELECT 1 FROM blackouts b WHERE b.room_id = NEW.room_id
                 AND b.starts_at < NEW.room_free_at AND b.ends_at > NEW.starts_at) THEN
        RETURN NULL;
      END IF;
      IF NEW.interpreter_id IS NOT NULL THEN
        PERFORM 1 FROM interpreters WHERE id = NEW.interpreter_id AND active FOR SHARE;
        IF NOT FOUND THEN
          RETURN NULL;
        END IF;
        IF EXISTS (SELECT 1 FROM blackouts b WHERE b.interpreter_id = NEW.interpreter_id
                   AND b.starts_at < NEW.ends_at AND b.ends_at > NEW.starts_at) THEN
          RETURN NULL;
        END IF;
      END IF;
      RETURN NEW;
    END
    $$`.execute(db);
  // Only writes that place a consultation somewhere: a status change (accepted, completed,
  // cancelled) leaves its room and interpreter as they were.
  await sql`
    CREATE TRIGGER consultations_resources_open
      BEFORE INSERT OR UPDATE OF room_id, interpreter_id, starts_at, ends_at, room_free_at ON consultations
      FOR EACH ROW EXECUTE FUNCTION consultation_resources_open()`.execute(db);
  await sql`CREATE INDEX blackouts_room_idx ON blackouts (room_id, starts_at) WHERE room_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX blackouts_interpreter_idx ON blackouts (interpreter_id, starts_at) WHERE interpreter_id IS NOT NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX IF EXISTS blackouts_interpreter_idx`.execute(db);
  await sql`DROP INDEX IF EXISTS blackouts_room_idx`.execute(db);
  await sql`DROP TRIGGER IF EXISTS consultations_resources_open ON consultations`.execute(db);
  await sql`DROP FUNCTION IF EXISTS consultation_resources_open()`.execute(db);
}
