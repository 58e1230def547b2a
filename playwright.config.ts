import { defineConfig } from '@playwright/test';

/** End-to-end tests drive the real renderer, served by a real host (`clinic-desk serve --demo`), in Debian's Chromium. */
export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.PW_JSON_OUTPUT ? [['list'], ['json', { outputFile: process.env.PW_JSON_OUTPUT }]] : [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
    viewport: { width: 1440, height: 900 },
    screenshot: 'only-on-failure',
  },
  // A parallel build (CLINIC_DESK_OUT) gets its own output folder: Playwright empties it at start.
  outputDir: process.env.CLINIC_DESK_OUT ? `test-results-${process.env.CLINIC_DESK_OUT}` : 'test-results',
});
