import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { startDemoHost, type DemoHost } from './fixtures';

/**
 * "Connect to the main desk": one host (the main desk, with personal logins) and two renderers over its
 * WebSocket, each signed in as its own person. A change made at one desk reaches the other within a
 * second, both ways.
 */
const PASSWORDS: Record<string, string> = { anna: 'Zebra!Lampa7Okno', marco: 'gatto-nero-sul-tetto' };
let host: DemoHost;
let annaCookie = '';

/** POST /auth/login → the session cookie (`name=token`), as a connected desk keeps it. */
async function login(name: string): Promise<string> {
  const res = await fetch(`${host.url}/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, password: PASSWORDS[name] }) });
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

test.beforeAll(async () => {
  host = await startDemoHost();
  // The open desk (no users yet) creates the first admin; the admin adds the receptionist.
  await host.api('users.create', { name: 'anna', role: 'admin', password: PASSWORDS.anna });
  annaCookie = await login('anna');
  const res = await fetch(`${host.url}/api/users.create`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Cookie: annaCookie },
    body: JSON.stringify({ name: 'marco', role: 'receptionist', password: PASSWORDS.marco }),
  });
  expect(res.status).toBe(200);
});
test.afterAll(async () => {
  await host.stop();
  fs.rmSync(host.dataDir, { recursive: true, force: true });
});

async function desk(browser: Browser, user: string, conversationId: number): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${host.url}/#/inbox/${conversationId}`);
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.locator('#login-name').fill(user);
  await page.locator('#login-password').fill(PASSWORDS[user]!);
  await page.getByTestId('login-submit').click();
  await page.goto(`${host.url}/#/inbox/${conversationId}`);
  await expect(page.getByTestId('conversation-title')).toBeVisible();
  return page;
}

async function firstConversation(): Promise<number> {
  const res = await fetch(`${host.url}/api/inbox.list`, { method: 'POST', headers: { 'Content-Type': 'application/json', Cookie: annaCookie }, body: JSON.stringify({ limit: 1 }) });
  return ((await res.json()) as { result: { items: { id: number }[] } }).result.items[0]!.id;
}

test('without a login the main desk refuses the desk (only the waiting-room page is public)', async () => {
  const res = await fetch(`${host.url}/api/inbox.list`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
  expect(res.status).toBe(401);
});

test('two desks with their own logins see each other’s changes within 1 s', async ({ browser }) => {
  const conversationId = await firstConversation();
  const anna = await desk(browser, 'anna', conversationId);
  const marco = await desk(browser, 'marco', conversationId);
  const latencies: number[] = [];

  const send = async (from: Page, to: Page, text: string): Promise<void> => {
    await from.getByTestId('composer-input').fill(text);
    const t0 = Date.now();
    await from.getByTestId('composer-input').press('Control+Enter');
    await expect(to.getByTestId('timeline-message').filter({ hasText: text })).toHaveCount(1, { timeout: 1000 });
    latencies.push(Date.now() - t0);
  };
  await send(anna, marco, `Da Anna ${Date.now()}`);
  await send(marco, anna, `Da Marco ${Date.now()}`);

  // A status change travels too: Marco closes the conversation, Anna sees it done.
  await marco.keyboard.press('Escape');
  await marco.locator('body').press('e');
  await expect(marco.getByTestId('conversation-status')).toHaveAttribute('data-status', 'done');
  const t0 = Date.now();
  await expect(anna.getByTestId('conversation-status')).toHaveAttribute('data-status', 'done', { timeout: 1000 });
  latencies.push(Date.now() - t0);
  console.warn(`main desk → second desk: ${latencies.map((l) => `${l} ms`).join(', ')}`);
  // Replies are signed by the person who wrote them, not by "desk".
  await expect(anna.getByTestId('timeline-message').filter({ hasText: 'Da Marco' })).toContainText('marco');
});
