import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { startDemoHost, type DemoHost } from './fixtures';

let host: DemoHost;
test.beforeAll(async () => {
  // A real clinic's host on an empty data folder: what a fresh install opens.
  host = await startDemoHost({ demo: false });
});
test.afterAll(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

test('from an empty data folder the wizard creates a real clinic; the inbox is empty and not the demo', async ({ page }) => {
  await page.goto(host.url);
  await expect(page.getByTestId('setup-welcome')).toBeVisible();
  const started = Date.now();
  let clicks = 0;
  const click = async (testId: string): Promise<void> => {
    clicks++;
    await page.getByTestId(testId).click();
  };

  await click('setup-start');
  await page.getByTestId('setup-clinic-name').fill('Studio Dentistico Bianchi');
  await page.getByTestId('setup-country').selectOption('PL');
  await expect(page.getByTestId('setup-tz')).toHaveValue('Europe/Warsaw');
  await page.getByTestId('setup-country').selectOption('IT');
  await expect(page.getByTestId('setup-tz')).toHaveValue('Europe/Rome');
  await click('setup-next');

  await page.getByTestId('setup-admin-name').fill('giulia');
  await page.getByTestId('setup-password').fill('Carta-Forbice-2026');
  await page.getByTestId('setup-password-again').fill('Carta-Forbice-2027');
  await click('setup-next');
  await expect(page.getByRole('status')).toContainText(/password/i);
  await page.getByTestId('setup-password-again').fill('Carta-Forbice-2026');
  await click('setup-next');

  await click('setup-open-sun');
  await click('setup-next');

  await page.getByTestId('setup-practitioner-0').fill('Dr.ssa Bianchi');
  await click('setup-add-practitioner');
  await page.getByTestId('setup-practitioner-1').fill('Dr Verdi');
  await click('setup-next');

  await expect(page.getByTestId('setup-optional')).toBeVisible();
  await click('setup-skip-whatsapp');
  await expect(page.getByTestId('setup-step-whatsapp')).toHaveAttribute('data-state', 'skipped');
  await click('setup-open-desk');
  const seconds = (Date.now() - started) / 1000;
  test.info().annotations.push({ type: 'wizard', description: `${clicks} clicks, ${seconds.toFixed(1)} s from welcome to the desk` });
  console.warn(`set-up wizard: ${clicks} clicks, ${seconds.toFixed(1)} s from welcome to the desk`);
  expect(seconds).toBeLessThan(120);

  // The desk: a real clinic's empty inbox, the banner says so.
  await expect(page.getByTestId('conversation-list')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('real-clinic-inbox.png') });
  await expect(page.getByTestId('profile-banner')).toHaveAttribute('data-profile', 'real');
  await expect(page.getByTestId('profile-banner')).toContainText('Studio Dentistico Bianchi');
  // With a first personal login the desk is no longer open: the API is asked with the admin's session.
  const login = await page.request.post(`${host.url}/auth/login`, { data: { name: 'giulia', password: 'Carta-Forbice-2026' } });
  expect(login.ok()).toBe(true);
  const api = async <T = unknown>(method: string, params: unknown = {}): Promise<T> => {
    const res = await page.request.post(`${host.url}/api/${method}`, { data: params });
    const json = (await res.json()) as { result?: T; error?: { message: string } };
    if (!res.ok() || json.error) throw new Error(`${method}: ${json.error?.message ?? res.status()}`);
    return json.result as T;
  };
  const info = await api<{ demo: boolean; settings: { clinicName: string; timeZone: string } }>('app.info');
  expect(info).toMatchObject({ demo: false, settings: { clinicName: 'Studio Dentistico Bianchi', timeZone: 'Europe/Rome' } });
  expect(await api('inbox.list', { limit: 5 })).toMatchObject({ items: [] });
  const hours = await api<{ weekly: Record<string, unknown[]> }>('hours.get');
  expect(hours.weekly.sun).toHaveLength(1);
  const { practitioners } = await api<{ practitioners: { name: string }[] }>('practitioners.list');
  expect(practitioners.map((p) => p.name).sort()).toEqual(['Dr Verdi', 'Dr.ssa Bianchi']);

  // Reloading opens the desk, not the wizard; the skipped step waits in Settings.
  await page.goto(`${host.url}/#/settings/setup`);
  await expect(page.getByTestId('setup-step-whatsapp')).toHaveAttribute('data-state', 'skipped');
  await expect(page.getByTestId('setup-step-sms')).toHaveAttribute('data-state', 'pending');
  await page.screenshot({ path: test.info().outputPath('settings-setup-steps.png') });
});
