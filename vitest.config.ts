import { defineConfig } from 'vitest/config';

// Two projects: fast unit tests next to the code, and the database suite (`*.db.test.ts`),
// which runs on PGlite by default and on PostgreSQL when DATABASE_URL is set.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/**/*.test.{ts,tsx}', 'packages/**/*.test.ts', 'cli/**/*.test.ts', 'scripts/**/*.test.mjs'],
          exclude: ['**/*.db.test.ts', '**/node_modules/**'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'db',
          include: ['apps/**/*.db.test.ts', 'cli/**/*.db.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // PGlite is ~2-4 s to start; one per file. PostgreSQL shares one database, so files run one at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
