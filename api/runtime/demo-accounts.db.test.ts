// The demo sign-ins work through the real sign-in endpoint: staff is staff, the owner owns
// the first demo company; making them twice changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test-support/test-database.ts';
import { insertFixtureCatalogue } from '../test-support/fixtures.ts';
import { cookiesOf, jsonPost, ORIGIN } from '../test-support/accounts.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadConfig } from '../config.ts';
import { silentLogger } from '../lib/logger.ts';
import { createApi } from '../http/app.ts';
import { createDemoAccounts, DEMO_OWNER, DEMO_STAFF } from './demo-accounts.ts';

let handle: Awaited<ReturnType<typeof createTestDatabase>>;
let app: ReturnType<typeof createApi>;

beforeAll(async () => {
  handle = await createTestDatabase();
  await migrateToLatest(handle.db);
  await insertFixtureCatalogue(handle.db);
  app = createApi({ db: handle.db, dbKind: handle.kind, config: loadConfig({ PUBLIC_URL: ORIGIN }), log: silentLogger });
  expect(await createDemoAccounts(app.auth, handle.db)).toEqual({ company: 'hanbit-cosmetics' });
  await createDemoAccounts(app.auth, handle.db);
});
afterAll(async () => handle?.close());

describe('demo accounts', () => {
  it.each([
    [DEMO_STAFF, { role: 'staff' }, []],
    [DEMO_OWNER, { role: 'company', locale: 'ko' }, [{ slug: 'hanbit-cosmetics', role: 'owner' }]],
  ])('$email signs in', async (account, user, companies) => {
    const res = await app.request('/auth/sign-in/email', jsonPost({ email: account.email, password: account.password }));
    expect(res.status).toBe(200);
    const me = await app.request('/portal/me', { headers: { origin: ORIGIN, cookie: cookiesOf(res) } });
    expect(await me.json()).toMatchObject({ user: { email: account.email, emailVerified: true, ...user }, companies });
    expect(await handle.db.selectFrom('users').select('id').where('email', '=', account.email).execute()).toHaveLength(1);
  });
});
