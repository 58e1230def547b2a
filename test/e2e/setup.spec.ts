import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fakeTwilio } from './fakeTwilio';
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

/** The SMS step in place: save Twilio, a refused test, a wrong number, an accepted test; only then is it done. */
async function smsStepWithTest(page: Page, twilio: { url: string; bodies: string[] }): Promise<void> {
  await page.getByTestId('setup-do-sms').click();
  const step = page.getByTestId('setup-sms-step');
  await expect(step).toBeVisible();
  await expect(page.getByTestId('setup-sms-pending')).toBeVisible();
  await page.getByTestId('setup-sms-tab-twilio').click();
  const panel = page.getByTestId('sms-provider-twilio');
  await panel.locator('#sms-twilio-accountSid').fill('AC0123456789abcdef0123456789abcdef');
  await panel.locator('#sms-twilio-authToken').fill('e2e-auth-token');
  await panel.locator('#sms-twilio-from').fill('+390212345678');
  await panel.locator('#sms-twilio-baseUrl').fill(twilio.url);
  await page.getByTestId('sms-save-twilio').click();
  await expect(page.getByTestId('sms-webhook-twilio')).toBeVisible();
  // Saved but not tested: still to do.
  await expect(page.getByTestId('setup-sms-pending')).toBeVisible();

  // The provider refuses the first test: its answer shows, translated, and the step stays to do.
  await page.getByTestId('sms-test-to').fill('333 123 4567');
  await page.getByTestId('sms-test-send').click();
  // The clinic chose Italian in the wizard: the failure reads in Italian, with the provider's reason after it.
  await expect(page.getByTestId('sms-test-result')).toContainText('Credenziali errate');
  await expect(page.getByTestId('sms-test-result')).toContainText('Account SID');
  await expect(page.getByTestId('setup-sms-pending')).toBeVisible();
  // A number that is not one: the desk's own error, translated.
  await page.getByTestId('sms-test-to').fill('123456');
  await page.getByTestId('sms-test-send').click();
  await expect(page.getByTestId('sms-test-result')).toContainText('«123456» non è un numero di telefono valido');
  await expect(page.getByTestId('setup-sms-pending')).toBeVisible();

  await page.getByTestId('sms-test-to').fill('333 123 4567');
  await page.getByTestId('sms-test-send').click();
  await expect(page.getByTestId('sms-test-result')).toContainText('SM1f0e8ae6ade43cb3c0ce4525424e404f');
  await expect(page.getByTestId('setup-sms-done')).toContainText('Twilio');
  expect(new URLSearchParams(twilio.bodies.at(-1)).get('To')).toBe('+393331234567');
  await page.screenshot({ path: test.info().outputPath('wizard-sms-step.png') });
  await page.getByTestId('setup-sms-close').click();
}

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
  const created = (Date.now() - started) / 1000;
  // "Set up now" on SMS stays in the wizard: provider, test SMS, and "done" only once the provider accepted it.
  await expect(page.getByTestId('setup-step-sms')).toHaveAttribute('data-state', 'pending');
  const twilio = await fakeTwilio({ refuseFirst: true });
  try {
    await smsStepWithTest(page, twilio);
  } finally {
    twilio.close();
  }
  await expect(page.getByTestId('setup-optional')).toBeVisible();
  await expect(page.getByTestId('setup-step-sms')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('setup-hint-sms')).toContainText('Twilio');
  await click('setup-skip-whatsapp');
  await expect(page.getByTestId('setup-step-whatsapp')).toHaveAttribute('data-state', 'skipped');
  await click('setup-open-desk');
  const seconds = (Date.now() - started) / 1000;
  const summary = `${clicks} clicks and ${created.toFixed(1)} s to a real clinic; ${seconds.toFixed(1)} s to the desk with the SMS step and its test SMS`;
  test.info().annotations.push({ type: 'wizard', description: summary });
  console.warn(`set-up wizard: ${summary}`);
  expect(created).toBeLessThan(120);

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
  await expect(page.getByTestId('setup-step-sms')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('setup-step-pbx')).toHaveAttribute('data-state', 'pending');
  await page.screenshot({ path: test.info().outputPath('settings-setup-steps.png') });
});

test('Settings → Set-up steps: opening a step marks nothing, a skipped step is resumed, removing the tested provider undoes "done"', async ({ page }) => {
  // The first test left this host with a clinic, its admin and a tested SMS provider.
  expect((await page.request.post(`${host.url}/auth/login`, { data: { name: 'giulia', password: 'Carta-Forbice-2026' } })).ok()).toBe(true);
  await page.goto(`${host.url}/#/settings/setup`);
  await expect(page.getByTestId('setup-step-sms')).toHaveAttribute('data-state', 'done');

  // "Set up now" on the phone system opens its screen and marks nothing: back in the steps it is still to do.
  await page.getByTestId('setup-do-pbx').click();
  await expect(page).toHaveURL(/#\/settings\/phone/);
  await page.goto(`${host.url}/#/settings/setup`);
  await expect(page.getByTestId('setup-step-pbx')).toHaveAttribute('data-state', 'pending');
  await expect(page.getByTestId('setup-hint-pbx')).toBeVisible();
  // The skipped WhatsApp step is taken up again from here.
  await expect(page.getByTestId('setup-step-whatsapp')).toHaveAttribute('data-state', 'skipped');
  await page.getByTestId('setup-resume-whatsapp').click();
  await expect(page.getByTestId('setup-step-whatsapp')).toHaveAttribute('data-state', 'pending');
  await page.screenshot({ path: test.info().outputPath('settings-setup-steps-resumed.png') });

  // The provider that passed the test is removed: SMS is to do again.
  const res = await page.request.post(`${host.url}/api/sms.removeProvider`, { data: { provider: 'twilio' } });
  expect(res.ok()).toBe(true);
  await page.reload();
  await expect(page.getByTestId('setup-step-sms')).toHaveAttribute('data-state', 'pending');
});
