import { expect, test } from './fixtures';

test('a reply draft survives j/k, another screen and a reload, and shows as "Draft" in the list', async ({ page, openInbox }) => {
  await openInbox();
  const items = page.getByTestId('conversation-item');
  await items.nth(1).click();
  const firstId = await items.nth(1).getAttribute('data-conversation-id');
  const input = page.getByTestId('composer-input');
  await input.fill('Buongiorno, le confermo la visita di domani');
  await input.press('Escape');

  await page.keyboard.press('j');
  await expect(page).not.toHaveURL(new RegExp(`#/inbox/${firstId}$`));
  await expect(input).toHaveValue('');
  const row = page.locator(`[data-conversation-id="${firstId}"]`);
  await expect(row.getByTestId('conversation-draft')).toContainText('le confermo la visita');

  await page.keyboard.press('k');
  await expect(page).toHaveURL(new RegExp(`#/inbox/${firstId}$`));
  await expect(input).toHaveValue('Buongiorno, le confermo la visita di domani');

  // Another screen and back.
  await page.goto(page.url().replace(/#.*$/, '#/schedule'));
  await expect(page.getByTestId('schedule-view')).toBeVisible();
  await page.goBack();
  await expect(input).toHaveValue('Buongiorno, le confermo la visita di domani');

  // A reload reads it back from the database.
  await input.fill('Buongiorno, le confermo la visita di domani alle 10');
  await input.press('Escape');
  await page.keyboard.press('j');
  await page.reload();
  await expect(page.locator(`[data-conversation-id="${firstId}"]`).getByTestId('conversation-draft')).toContainText('alle 10');
  await page.locator(`[data-conversation-id="${firstId}"]`).click();
  await expect(input).toHaveValue('Buongiorno, le confermo la visita di domani alle 10');

  // Sending clears it, here and in the list.
  await input.press('Control+Enter');
  await expect(input).toHaveValue('');
  await page.keyboard.press('j');
  await expect(page.locator(`[data-conversation-id="${firstId}"]`).getByTestId('conversation-draft')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('conversation-list')).toBeVisible();
  await expect(page.locator(`[data-conversation-id="${firstId}"]`).getByTestId('conversation-draft')).toHaveCount(0);
});
