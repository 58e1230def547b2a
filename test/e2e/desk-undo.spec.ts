import { expect, test } from './fixtures';

interface Summary {
  id: number;
  patientId: number;
  status: string;
}
interface Card {
  id: number;
  phones: { value: string; display: string }[];
  whatsapp: { value: string }[];
}

test('Undo puts back a removed number', async ({ page, host, openInbox }) => {
  const { items } = await host.api<{ items: Summary[] }>('inbox.list', { limit: 30 });
  let target: { conv: Summary; card: Card } | null = null;
  for (const conv of items) {
    const card = await host.api<Card>('patient.get', { patientId: conv.patientId });
    // A patient keeps at least one number (the desk refuses to remove the last): one with a second identity.
    if (card.phones.length > 0 && card.phones.length + card.whatsapp.length > 1) {
      target = { conv, card };
      break;
    }
  }
  const { conv, card } = target!;
  await openInbox();
  await page.goto(`${host.url}/#/inbox/${conv.id}`);
  const phones = page.getByTestId('patient-phones');
  await expect(phones).toContainText(card.phones[0]!.display);
  await phones.getByTestId('remove-phone').first().click();
  await expect(phones).not.toContainText(card.phones[0]!.display);
  const toast = page.getByTestId('undo-toast');
  await expect(toast).toBeVisible();
  await toast.getByTestId('undo-button').click();
  await expect(phones).toContainText(card.phones[0]!.display);
  const after = await host.api<Card>('patient.get', { patientId: card.id });
  expect(after.phones.map((p) => p.value)).toContain(card.phones[0]!.value);
});

test('`e` marks done with Undo; Undo reopens the conversation as it was', async ({ page, host, openInbox }) => {
  const { items } = await host.api<{ items: Summary[] }>('inbox.list', { limit: 10 });
  const conv = items.find((c) => c.status === 'open' || c.status === 'waiting')!;
  await openInbox();
  await page.goto(`${host.url}/#/inbox/${conv.id}`);
  await expect(page.getByTestId('conversation-status')).toHaveAttribute('data-status', conv.status);
  await page.keyboard.press('e');
  await expect(page.getByTestId('undo-toast')).toBeVisible();
  await expect.poll(async () => (await host.api<{ conversation: Summary }>('conversation.get', { conversationId: conv.id })).conversation.status).toBe('done');
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await host.api<{ conversation: Summary }>('conversation.get', { conversationId: conv.id })).conversation.status).toBe(conv.status);
});
