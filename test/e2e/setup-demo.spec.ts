import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

test('the demo clinic: the SMS step\'s test SMS goes through the simulated provider and marks the step done, sending nothing', async ({ page, host }) => {
  await page.goto(`${host.url}/#/settings/setup`);
  await expect(page.getByTestId('setup-step-sms')).toHaveAttribute('data-state', 'pending');
  await page.getByTestId('setup-do-sms').click();
  await expect(page.getByTestId('setup-sms-pending')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  // No provider settings saved: the demo's simulated SMSAPI answers.
  await page.getByTestId('sms-test-to').fill('+48 601 234 567');
  await page.getByTestId('sms-test-send').click();
  await expect(page.getByTestId('sms-test-result')).toContainText('sim-sms-');
  await expect(page.getByTestId('setup-sms-done')).toBeVisible();
  await page.getByTestId('setup-sms-close').click();
  await expect(page.getByTestId('setup-step-sms')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('setup-hint-sms')).toContainText(/SMSAPI/);
  await page.screenshot({ path: test.info().outputPath('demo-setup-steps.png') });
  expect(await seriousViolations(page)).toEqual([]);
  const status = await host.api<{ facts: { smsTest: { simulated: boolean } | null } }>('setup.status');
  expect(status.facts.smsTest?.simulated).toBe(true);
});
