// Sign-ins for trying the hall on demo data: a staff member (moderation, control tower) and
// the owner of the first demo company. Printed at start; never made outside demo seeding.
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { Auth } from '../auth/auth.ts';
import { createVerifiedUser } from '../auth/accounts.ts';

export const DEMO_STAFF = { email: 'staff@pavilion.localhost', password: 'pavilion-staff-demo', name: 'Demo Staff' };
export const DEMO_OWNER = { email: 'owner@pavilion.localhost', password: 'pavilion-owner-demo', name: 'Demo Owner' };

export async function createDemoAccounts(auth: Auth, db: Kysely<Database>): Promise<{ company: string | undefined }> {
  await createVerifiedUser(auth, db, { ...DEMO_STAFF, role: 'staff' });
  const ownerId = await createVerifiedUser(auth, db, { ...DEMO_OWNER, locale: 'ko' });
  const company = await db.selectFrom('companies').select(['id', 'slug']).where('status', '=', 'active').orderBy('id').limit(1).executeTakeFirst();
  if (company) {
    await db.insertInto('company_members').values({ company_id: company.id, user_id: ownerId, role: 'owner' })
      .onConflict((oc) => oc.doNothing()).execute();
  }
  return { company: company?.slug };
}
