// A user's language may be any of the portal's six (English, Korean, Japanese, Chinese,
// Russian, Vietnamese): the account e-mails (verification, password reset) are written in it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE users
      DROP CONSTRAINT users_locale_check,
      ADD CONSTRAINT users_locale_check CHECK (locale IN ('en', 'ko', 'ja', 'zh', 'ru', 'vi'))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE users SET locale = 'en' WHERE locale NOT IN ('en', 'ko')`.execute(db);
  await sql`
    ALTER TABLE users
      DROP CONSTRAINT users_locale_check,
      ADD CONSTRAINT users_locale_check CHECK (locale IN ('en', 'ko'))`.execute(db);
}
