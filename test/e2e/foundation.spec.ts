import { expect, test } from './fixtures';

test('the inbox opens on the demo clinic, a reply is delivered and read, the UI switches language', async ({ page, host, openInbox }) => {
  await openInbox();
  await expect(page.locator('.clinic-name')).toContainText('Studio Dentistico Moretti');
  const items = page.getByTestId('conversation-item');
  await expect(items.first()).toBeVisible();
  expect(await items.count()).toBeGreaterThan(20);

  // Oldest waiting first: the first conversation shows a "waiting" age.
  await expect(items.first().locator('.waiting')).toBeVisible();

  await items.first().click();
  await expect(page.getByTestId('conversation-title')).toBeVisible();
  await expect(page.getByTestId('patient-card')).toBeVisible();
  const before = await page.getByTestId('timeline-message').count();

  await page.getByTestId('composer-input').fill('Buongiorno, la richiamiamo a breve.');
  await page.getByTestId('composer-input').press('Control+Enter');
  const mine = page.getByTestId('timeline-message').filter({ hasText: 'la richiamiamo a breve' });
  await expect(mine).toHaveCount(1);
  expect(await page.getByTestId('timeline-message').count()).toBe(before + 1);
  await expect(mine.getByTestId('message-status')).toHaveAttribute('data-status', /delivered|read/);
  await expect(mine.getByTestId('message-status')).toHaveAttribute('data-status', 'read');
  await expect(page.getByTestId('composer-input')).toHaveValue('');

  // The same message is in the database behind the API.
  const conversationId = Number(await page.locator('.conv-item.selected').getAttribute('data-conversation-id'));
  const view = await host.api<{ timeline: { type: string; body?: string; status?: string }[] }>('conversation.get', { conversationId });
  expect(view.timeline.filter((i) => i.body === 'Buongiorno, la richiamiamo a breve.').map((i) => i.status)).toEqual(['read']);

  await page.getByTestId('ui-language').selectOption('pl');
  await expect(page.getByTestId('nav-inbox')).toContainText('Wiadomości');
  await page.getByTestId('ui-language').selectOption('en');
  await expect(page.getByTestId('nav-inbox')).toContainText('Inbox');
  await expect(page.getByTestId('composer-send')).toContainText('Send');
  await page.screenshot({ path: 'test-results/foundation-inbox.png' });
});

test('bad input through POST /api is refused with the field named, and nothing is written', async ({ host }) => {
  const res = await fetch(`${host.url}/api/message.send`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ conversationId: 1, body: '   ' }) });
  expect(res.status).toBe(400);
  const json = (await res.json()) as { error: { code: string; field: string; message: string } };
  expect(json.error).toMatchObject({ code: 'invalid_input', field: 'body' });
  const bad = await fetch(`${host.url}/api/message.send`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' });
  expect(bad.status).toBe(400);
  const view = await host.api<{ timeline: { body?: string }[] }>('conversation.get', { conversationId: 1 });
  expect(view.timeline.some((i) => i.body?.trim() === '')).toBe(false);
});
