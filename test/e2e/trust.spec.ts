import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { expect, test, startDemoHost } from './fixtures';

const CLI = path.resolve(__dirname, '../..', process.env.CLINIC_DESK_OUT ?? 'out', 'main/cli.js');

/** A second local server on another port plays the foreign web site the receptionist happens to open. */
async function evilSite(deskUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const desk = new URL(deskUrl);
  const page = `<!doctype html><title>Totally harmless</title>
<form id="f" method="post" action="${deskUrl}/api/note.add" enctype="text/plain" target="sink"><input name='{"conversationId":1,"body":"form","x":"' value='"}'></form>
<iframe name="sink"></iframe>
<script>
window.results = {};
const api = (m) => '${deskUrl}/api/' + m;
(async () => {
  // 1. A no-cors text/plain write: the classic CSRF.
  try { await fetch(api('note.add'), { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body: '{"conversationId":1,"body":"no-cors"}' }); results.noCors = 'sent'; } catch (e) { results.noCors = 'blocked'; }
  // 2. A JSON read: needs CORS, which the desk never grants.
  try { const r = await fetch(api('inbox.list'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }); results.read = await r.text(); } catch (e) { results.read = 'blocked'; }
  // 3. A WebSocket: not bound by CORS at all.
  results.ws = await new Promise((resolve) => {
    const ws = new WebSocket('ws://${desk.host}/ws');
    ws.onopen = () => ws.send(JSON.stringify({ id: 1, method: 'inbox.list', params: {} }));
    ws.onmessage = (e) => resolve('read: ' + String(e.data).slice(0, 80));
    ws.onerror = () => resolve('refused');
    setTimeout(() => resolve('timeout'), 3000);
  });
  // 4. A plain HTML form.
  document.getElementById('f').submit();
  setTimeout(() => (results.done = true), 1000);
})();
</script>`;
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end(page);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  // localhost vs 127.0.0.1: another origin, the same machine, like any page in the receptionist's browser.
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, close: () => new Promise((r) => server.close(() => r())) };
}

test('a page from another origin can neither read nor write the desk (fetch, no-cors, form, WebSocket)', async ({ page, host }) => {
  const notes = async () => {
    const list = await host.api<{ items: { id: number }[] }>('inbox.list', { limit: 100 });
    const all = await Promise.all(list.items.map((c) => host.api<{ timeline: { channel: string }[] }>('conversation.get', { conversationId: c.id })));
    return all.flatMap((c) => c.timeline.filter((m) => m.channel === 'note')).length;
  };
  const before = await notes();
  const evil = await evilSite(host.url);
  try {
    await page.goto(evil.url);
    await expect.poll(() => page.evaluate(() => (window as unknown as { results: { done?: boolean } }).results.done), { timeout: 15_000 }).toBe(true);
    const results = await page.evaluate(() => (window as unknown as { results: Record<string, string> }).results);
    expect(results.read).toBe('blocked');
    expect(results.ws).toBe('refused');
    expect(await notes()).toBe(before);
  } finally {
    await evil.close();
  }
});

test('with personal logins the browser shows the sign-in page, signs in, and signs out', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-e2e-login-'));
  execFileSync(process.execPath, [CLI, 'users', 'add', 'Anna', '--role', 'admin', '--data', dataDir], { input: 'Zebra!Lampa7Okno\n' });
  const h = await startDemoHost({ dataDir, demo: false });
  try {
    await page.goto(h.url);
    await expect(page.getByTestId('login-form')).toBeVisible();
    await page.locator('#login-name').fill('anna');
    await page.locator('#login-password').fill('wrong password here');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('login-error')).toBeVisible();
    await page.locator('#login-password').fill('Zebra!Lampa7Okno');
    await page.getByTestId('login-submit').click();
    await expect(page.getByTestId('conversation-list')).toBeVisible();
    await expect(page.getByTestId('session-menu')).toContainText('Anna');
    await page.screenshot({ path: test.info().outputPath('signed-in.png') });
    await page.getByTestId('sign-out').click();
    await expect(page.getByTestId('login-form')).toBeVisible();
  } finally {
    await h.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});

// Last in this file: after it the file's host has a login and is no longer the open desk.
test('the first admin is added in Settings → Users (a weak password refused with the reason), then the browser signs in', async ({ page, host }) => {
  await page.goto(`${host.url}/#/settings/users`);
  await expect(page.getByTestId('users-table')).toBeVisible();
  await page.locator('#user-name').fill('Luca');
  await page.locator('#user-role').selectOption('manager');
  await page.locator('#user-password').fill('gatto-nero-sul-tetto');
  await page.getByTestId('user-create').click();
  await expect(page.locator('.form-status.error')).toContainText('admin');  // «Il primo accesso deve essere un admin…»
  await page.locator('#user-role').selectOption('admin');
  await page.locator('#user-password').fill('1234567890');
  await page.getByTestId('user-create').click();
  await expect(page.locator('.form-status.error')).toContainText('password');  // «La password è troppo facile da indovinare…»
  await page.locator('#user-password').fill('gatto-nero-sul-tetto');
  await page.getByTestId('user-create').click();
  // With a first personal login the desk stops being open: the page reloads to the sign-in form.
  await expect(page.getByTestId('login-form')).toBeVisible();
  await page.locator('#login-name').fill('Luca');
  await page.locator('#login-password').fill('gatto-nero-sul-tetto');
  await page.getByTestId('login-submit').click();
  await expect(page.getByTestId('users-table')).toContainText('Luca');
  await expect(page.getByTestId('users-table')).toContainText('Amministratore');
  await page.screenshot({ path: test.info().outputPath('users.png') });
  const session = (await (await fetch(`${host.url}/auth/session`)).json()) as { signedIn: boolean; openDesk: boolean };
  expect(session).toMatchObject({ signedIn: false, openDesk: false });
});
