import { expect, test } from './fixtures';

// The demo clinic's day is built around its clock: at 10:30 there are visits ahead whenever CI runs.
test.use({ hostArgs: ['--demo-time', '10:30'] });

interface Board {
  practitioners: { id: number; name: string }[];
}

test('the delay flow works from the keyboard alone: d, 25, Enter, Enter sends; Tab stays in the preview; focus returns', async ({ page, host }) => {
  const board = await host.api<Board>('appointments.day');
  const first = board.practitioners[0]!;
  await page.goto(`${host.url}/#/schedule`);
  await expect(page.getByTestId(`practitioner-${first.id}`)).toBeVisible();

  await page.keyboard.press('d');
  const input = page.getByTestId(`practitioner-${first.id}`).getByTestId('delay-input');
  await expect(input).toBeFocused();
  await page.keyboard.type('25');
  await page.keyboard.press('Enter');

  const dialog = page.getByTestId('delay-preview-dialog');
  await expect(dialog).toBeVisible();
  const confirm = dialog.getByTestId('preview-confirm');
  await expect(confirm).toBeEnabled();
  await expect(confirm).toBeFocused();

  // Tab and Shift+Tab walk the dialog only, never the board behind it.
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="delay-preview-dialog"]'))).toBe(true);
  }
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="delay-preview-dialog"]'))).toBe(true);
  }

  await confirm.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('schedule-flash')).toBeVisible();
  await expect(page.getByTestId(`practitioner-${first.id}`).getByTestId('notices-sent').first()).toBeVisible();
  // Back where the receptionist was.
  await expect(input).toBeFocused();
});

test('Escape closes a dialog and gives the focus back', async ({ page, host }) => {
  await page.goto(`${host.url}/#/schedule`);
  const open = page.getByTestId('open-import');
  await open.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('import-dialog')).toBeVisible();
  expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid="import-dialog"]'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('import-dialog')).toBeHidden();
  await expect(open).toBeFocused();
});
