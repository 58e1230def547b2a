import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { startDemoHost, type DemoHost } from './fixtures';

/**
 * Settings → WhatsApp against real hosts. WhatsApp's servers are unreachable here, so the "pair again" states
 * come from the shipping code paths that need no server: unreadable stored keys (the adapter refuses them and
 * wipes them) and a link WhatsApp logged out (remembered across restarts, as the service stores it after a 401).
 */
/** `clinic-desk serve` on a real clinic's (non-demo) data folder. */
const serve = (dataDir: string): Promise<DemoHost> => startDemoHost({ dataDir, demo: false });

/** The clinic has a personal login (its admin): the browser signs in before it opens a screen. */
async function signIn(page: Page, url: string): Promise<void> {
  const res = await page.request.post(`${url}/auth/login`, { data: { name: 'giulia', password: 'Carta-Forbice-2026' } });
  expect(res.ok()).toBe(true);
}

/** Creates the database (migrations) by starting a host once, then lets the test change it while no host runs. */
async function clinicFolder(change: (db: Database.Database) => void): Promise<string> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-wa-'));
  const host = await serve(dataDir);
  // A real clinic, as the set-up wizard leaves it (an empty folder would open the wizard).
  await host.api('setup.createClinic', { clinicName: 'Studio Rossi', country: 'IT', timeZone: 'Europe/Rome', languages: ['it'], uiLanguage: 'it', admin: { name: 'giulia', password: 'Carta-Forbice-2026' } });
  await host.stop();
  const db = new Database(path.join(dataDir, 'clinic-desk.sqlite3'));
  change(db);
  db.close();
  return dataDir;
}

test('unreadable stored WhatsApp keys: the desk does not crash, wipes them and asks to pair again', async ({ page }) => {
  const dataDir = await clinicFolder((db) => {
    db.prepare("INSERT INTO whatsapp_auth (category, id, value, updated_at) VALUES ('creds', 'creds', ?, ?)").run(Buffer.from('not sealed by this desk'), Date.now());
  });
  const host = await serve(dataDir);
  try {
    await signIn(page, host.url);
    await page.goto(`${host.url}/#/settings/whatsapp`);
    await expect(page.getByTestId('whatsapp-pair-again')).toBeVisible();
    await expect(page.getByTestId('whatsapp-state')).toHaveText(/Logged out|Disconnesso|Wylogowany/);
    await expect(page.getByTestId('whatsapp-pair')).toHaveText(/Pair again|Collega di nuovo|Połącz ponownie/);
    const status = await page.evaluate(async () => {
      const res = await fetch('/api/whatsapp.status', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      return ((await res.json()) as { result: { reason: string; pairAgain: boolean } }).result;
    });
    expect(status).toMatchObject({ reason: 'corrupt_auth', pairAgain: true });
    await page.screenshot({ path: `${process.env.CLINIC_DESK_OUT ?? 'out'}/whatsapp-pair-again.png` });
  } finally {
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('a link WhatsApp logged out stays "pair again" after a restart, with the reason', async ({ page }) => {
  const dataDir = await clinicFolder((db) => {
    const remembered = { linkedPhone: null, linkedName: null, pairedAt: null, phoneSeenAt: null, recentErrors: [{ at: Date.now(), message: 'disconnected (401): Intentional Logout' }], ended: { state: 'logged_out', reason: 'logged_out' } };
    db.prepare("INSERT INTO settings (key, value) VALUES ('whatsapp.health', ?)").run(JSON.stringify(remembered));
  });
  const host = await serve(dataDir);
  try {
    await signIn(page, host.url);
    await page.goto(`${host.url}/#/settings/whatsapp`);
    await expect(page.getByTestId('whatsapp-pair-again')).toBeVisible();
    await expect(page.getByTestId('whatsapp-link')).toContainText(/14/);
    await expect(page.getByTestId('whatsapp-errors')).toContainText('Intentional Logout');
  } finally {
    await host.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

test('the demo clinic shows the simulated link, its health and pacing, and refuses bad pacing naming the field', async ({ page }) => {
  const host = await startDemoHost();
  try {
    await page.goto(`${host.url}/#/settings/whatsapp`);
    await expect(page.getByTestId('whatsapp-demo-note')).toBeVisible();
    await expect(page.getByTestId('whatsapp-health')).toBeVisible();
    await expect(page.getByTestId('whatsapp-pair')).toHaveCount(0);
    // Within the form's 2–120 s bounds, but the longest gap is shorter than the shortest: the host refuses it.
    await page.locator('#wa-min').fill('10');
    await page.locator('#wa-max').fill('5');
    await page.getByTestId('whatsapp-pacing-save').click();
    await expect(page.getByRole('alert').filter({ hasText: "L'intervallo più lungo non può essere più corto" })).toBeVisible();
    await expect(page.locator('#wa-max')).toHaveAttribute('aria-invalid', 'true');
    expect(await host.api('whatsapp.status')).toMatchObject({ settings: { minGapMs: 2_000, maxGapMs: 4_000 } });
    await page.locator('#wa-min').fill('3');
    await page.locator('#wa-max').fill('6');
    await page.getByTestId('whatsapp-pacing-save').click();
    await expect(page.getByRole('status')).toBeVisible();
    expect(await host.api('whatsapp.status')).toMatchObject({ settings: { minGapMs: 3_000, maxGapMs: 6_000 } });
  } finally {
    await host.stop();
    fs.rmSync(host.dataDir, { recursive: true, force: true });
  }
});
