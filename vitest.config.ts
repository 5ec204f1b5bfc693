import { defineConfig } from 'vitest/config';

// Unit tests sit beside their code as *.test.ts; tests that need a real database or the
// real search engine are named *.db.test.ts so `npm run test:db` can run just those
// (on PostgreSQL with DATABASE_URL/TEST_DATABASE_URL set, on PGlite otherwise).
export default defineConfig({
  test: {
    include: ['api/**/*.test.ts', 'search/**/*.test.ts', 'site/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['node_modules', '.data', 'tests/e2e'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
