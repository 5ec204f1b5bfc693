import { defineConfig } from 'vitest/config';

// Unit tests sit beside their code as *.test.ts; tests that need a real database or the
// real search engine are named *.db.test.ts so `npm run test:db` can run just those
// (on PostgreSQL with DATABASE_URL/TEST_DATABASE_URL set, on PGlite otherwise).
export default defineConfig({
  test: {
    include: ['api/**/*.test.ts', 'search/**/*.test.ts', 'site/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts', 'tests/reliability/**/*.test.ts'],
    exclude: ['node_modules', '.data', '.astro-out', 'tests/e2e'],
    // Generous: the database and engine tests share two cores with each other (and, in CI,
    // with nothing else, but a busy developer machine can be slower); a hang still ends.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
