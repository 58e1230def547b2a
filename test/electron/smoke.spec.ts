import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';

/**
 * Smoke test of the desktop app on a real machine (CI runners: MSI on Windows, DMG on macOS, AppImage/deb
 * on Linux). CLINIC_DESK_APP is the packaged executable; without it the built out/ runs in Electron from
 * node_modules. Each run gets an empty data folder, so the app must open the set-up wizard.
 */
const ROOT = path.resolve(__dirname, '../..');
const packaged = process.env.CLINIC_DESK_APP;
let app: ElectronApplication;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-smoke-'));
  const env = { ...process.env, CLINIC_DESK_DATA: dataDir, CLINIC_DESK_SMOKE: '1' } as Record<string, string>;
  app = packaged
    ? await electron.launch({ executablePath: packaged, args: [], env })
    : await electron.launch({ args: [path.join(ROOT, 'out/main/index.js')], env });
});

test.afterAll(async () => {
  await app?.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the window opens the set-up wizard on an empty data folder', async () => {
  const win = await app.firstWindow();
  await expect(win.getByTestId('setup-welcome')).toBeVisible();
});

test('the database opens through the packaged native module and the tray exists', async () => {
  const facts: Record<string, unknown> = await app.evaluate(async ({ app: electronApp }) => {
    const g = globalThis as unknown as { clinicDeskSmoke?: () => Promise<Record<string, unknown>> };
    return { ...(await g.clinicDeskSmoke!()), packaged: electronApp.isPackaged };
  });
  expect(facts.tray).toBe(true);
  expect(facts.backendReady).toBe(true);
  expect(facts.sqliteVersion).toMatch(/^3\.\d+\.\d+$/);
  if (packaged) expect(String(facts.nativeBinding)).toContain(`native${path.sep}better_sqlite3.node`);
});

test('a message round-trips through the simulated channel (demo profile)', async () => {
  const roundTrip = await app.evaluate(async () => {
    const g = globalThis as unknown as { clinicDeskSmokeRoundTrip?: () => Promise<{ sent: boolean; delivered: boolean }> };
    return g.clinicDeskSmokeRoundTrip!();
  });
  expect(roundTrip).toEqual({ sent: true, delivered: true });
});
