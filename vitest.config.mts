import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/main/**/*.test.ts', 'test/renderer/**/*.test.ts', 'test/preload/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
});
