import { defineConfig } from 'vitest/config';

/** `npm run test:reliability`: crash-and-restart suites against the built CLI (slow; not part of `vitest run`). */
export default defineConfig({
  test: {
    include: ['test/reliability/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 15 * 60_000,
  },
});
