import { expect, test } from './fixtures';
import { seriousViolations } from './axe';

// Every screen of the desk (and its dialogs) passes axe-core's WCAG 2.1 AA rules with no serious or critical violation.
test.use({ hostArgs: ['--demo-time', '10:30'] });

const SCREENS = ['#/inbox', '#/templates', '#/schedule', '#/calls', '#/settings/clinic', '#/settings/hours', '#/settings/autoreplies', '#/settings/whatsapp', '#/settings/sms', '#/settings/delays', '#/settings/phone', '#/waiting-room', '#/settings/visitloop'];

for (const screen of SCREENS) {
  test(`axe: ${screen}`, async ({ page, host }) => {
    await page.goto(`${host.url}/${screen}`);
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    expect(await seriousViolations(page)).toEqual([]);
  });
}

test('axe: an open conversation, the snooze menu and the dialogs', async ({ page, host, openInbox }) => {
  await openInbox();
  await page.getByTestId('conversation-item').first().click();
  await expect(page.getByTestId('patient-card')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByTestId('action-snooze').click();
  await expect(page.getByTestId('snooze-menu')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByTestId('new-patient').click();
  await expect(page.getByTestId('new-patient-dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.goto(`${host.url}/#/schedule`);
  await page.getByTestId('open-import').click();
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
