// The programme of the short-notice hall (see short-notice-hall.ts), prepared before it
// starts: the demo data and demo sign-ins exactly as `npm start` makes them on an empty
// database (a smaller catalogue, for a quicker site build), then the rooms open round the
// clock, every day, and no programme-wide holidays, so a meeting can be booked for the next
// slot whatever the day and hour the test runs at. Run with node: DATA_DIR=<dir> node this.
import path from 'node:path';
import { loadConfig } from '../../api/config.ts';
import { withAuthSecret } from '../../api/runtime/auth-secret.ts';
import { openDatabase } from '../../api/db/database.ts';
import { migrateToLatest } from '../../api/db/migrate.ts';
import { seedDemoData } from '../../api/seed/seed.ts';
import { createAuth } from '../../api/auth/auth.ts';
import { createDemoAccounts } from '../../api/runtime/demo-accounts.ts';
import { silentLogger } from '../../api/lib/logger.ts';

const config = withAuthSecret(loadConfig());
const database = await openDatabase({ pgliteDir: path.join(config.dataDir, 'pglite') });
try {
  const { db } = database;
  await migrateToLatest(db);
  await seedDemoData(db, { products: 240, companies: 24 });
  await createDemoAccounts(createAuth({ db, config, log: silentLogger, sendMail: async () => {} }), db);
  const rooms = await db.selectFrom('rooms').select(['id', 'time_zone']).execute();
  await db.deleteFrom('availability_rules').where('room_id', 'is not', null).execute();
  await db.insertInto('availability_rules').values(rooms.flatMap((r) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    room_id: r.id, weekday, start_time: '00:00:00', end_time: '24:00:00', time_zone: r.time_zone,
  })))).execute();
  await db.deleteFrom('blackouts').where('company_id', 'is', null).where('room_id', 'is', null).where('interpreter_id', 'is', null).execute();
} finally {
  await database.close();
}
