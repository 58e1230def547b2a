import { defineConfig } from '@playwright/test';

/** The packaged (or built) desktop app, launched with Playwright's Electron support: `npm run test:electron`. */
export default defineConfig({
  testDir: 'test/electron',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: 'test-results-electron',
});
