import { expect, test } from './fixtures';

/**
 * Long histories (issue 14): a conversation opens on its newest 50 items, scrolling up loads the page
 * before (keeping what the receptionist was reading in view), and a search hit older than the newest
 * page still opens highlighted.
 */
test('a long timeline opens on its newest page, loads older pages on scroll, and a search jumps to an old message', async ({ page, host, openInbox }) => {
  const list = await host.api<{ items: { id: number }[] }>('inbox.list', { status: 'all', limit: 1 });
  const id = list.items[0]!.id;
  await host.api('note.add', { conversationId: id, body: 'Zanotowano: paziente chiede ortopantomografia arcata superiore' });
  for (let i = 1; i <= 130; i++) await host.api('note.add', { conversationId: id, body: `Nota di prova numero ${i}` });

  const first = await host.api<{ timeline: unknown[]; olderCursor: string | null }>('conversation.get', { conversationId: id });
  expect(first.timeline).toHaveLength(50);
  expect(first.olderCursor).not.toBeNull();

  await openInbox();
  await page.goto(`${host.url}/#/inbox/${id}`);
  const timeline = page.getByTestId('timeline');
  const notes = timeline.getByTestId('timeline-note');
  await expect(notes.filter({ hasText: 'Nota di prova numero 130' })).toBeInViewport();
  const before = await notes.count();
  expect(before).toBeLessThanOrEqual(50);

  // Scroll to the top: the page before is added in front, and the note that was on top stays in view.
  const topId = await notes.first().getAttribute('data-message-id');
  await timeline.evaluate((el) => (el.scrollTop = 0));
  await expect.poll(() => notes.count()).toBeGreaterThan(before);
  await expect(timeline.locator(`[data-message-id="${topId}"]`)).toBeInViewport();
  for (let i = 0; i < 5; i++) await timeline.evaluate((el) => (el.scrollTop = 0));
  await expect(notes.filter({ hasText: 'Nota di prova numero 1' }).first()).toBeAttached();

  // The oldest note, far beyond the newest page, found by a word typed without its accents.
  await page.goto(`${host.url}/#/inbox`);
  await page.getByTestId('inbox-search').fill('ortopantomografia');
  const hit = page.getByTestId('search-message').filter({ hasText: 'ortopantomografia' }).first();
  await expect(hit).toBeVisible();
  const messageId = await hit.getAttribute('data-message-id');
  await hit.click();
  const target = page.getByTestId('timeline').locator(`[data-message-id="${messageId}"]`);
  await expect(target).toBeInViewport();
});
