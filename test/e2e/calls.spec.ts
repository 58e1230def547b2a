import type { Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { startAmiServer } from '../main/channels/pbx/amiServer';
import { expect, test } from './fixtures';

const FIXTURES = path.join(__dirname, '../fixtures/calls');
const SHOTS = process.env.CALLS_SHOTS_DIR;
const shot = async (page: Page, name: string): Promise<void> => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, name) });
};

interface CallList {
  total: number;
  calls: Array<{ number: string | null; result: string; source: string }>;
}

test('a call is logged from the keyboard alone and lands on the callback list', async ({ page, host }) => {
  await page.goto(`${host.url}/#/calls`);
  await expect(page.getByTestId('calls-table')).toBeVisible();
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('n');
  await expect(page.getByTestId('quick-who')).toBeFocused();
  await page.keyboard.type('+39 347 000 1122');
  await page.keyboard.press('Alt+m'); // result: missed
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('quick-status')).toContainText('+39 347 000 1122');
  await expect(page.getByTestId('quick-who')).toBeFocused();
  await expect(page.getByTestId('call-row').first()).toContainText('+39 347 000 1122');
  const list = await host.api<CallList>('calls.list', { number: '3470001122' });
  expect(list.calls).toEqual([expect.objectContaining({ number: '+393470001122', result: 'missed', source: 'manual' })]);
  await shot(page, 'calls-view.png');

  await page.goto(`${host.url}/#/inbox`);
  await expect(page.getByTestId('callback-strip')).toContainText('+39 347 000 1122');
});

test('importing the same FreePBX Master.csv twice stores its calls once', async ({ page, host }) => {
  const before = (await host.api<CallList>('calls.list', { limit: 1 })).total;
  await page.goto(`${host.url}/#/calls`);
  await page.getByTestId('calls-import-open').click();
  await page.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'freepbx-Master.csv'));
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-summary')).toBeVisible();
  const afterFirst = (await host.api<CallList>('calls.list', { limit: 1 })).total;
  expect(afterFirst).toBeGreaterThan(before);

  await page.getByTestId('import-file').setInputFiles(path.join(FIXTURES, 'freepbx-Master.csv'));
  await page.getByTestId('import-run').click();
  await expect(page.getByTestId('import-summary')).toContainText(`${afterFirst - before}`);
  expect((await host.api<CallList>('calls.list', { limit: 1 })).total).toBe(afterFirst);
  await shot(page, 'calls-import.png');
});

test('a live Asterisk call pops up the patient, then is written to the log at hang-up', async ({ page, host }) => {
  const ami = await startAmiServer({ secret: 'e2e-secret' });
  try {
    await page.goto(`${host.url}/#/inbox`);
    await expect(page.getByTestId('conversation-list')).toBeVisible();
    await host.api('calls.saveSettings', { pbx: { enabled: true, host: '127.0.0.1', port: ami.port, username: 'clinicdesk', secret: 'e2e-secret' } });
    await expect.poll(async () => (await host.api<{ pbxState: { status: string } }>('calls.settings')).pbxState.status).toBe('connected');

    // Katarzyna Kowalska of the demo clinic calls; the recording's own timestamps are dropped so it happens now.
    const recording = fs
      .readFileSync(path.join(FIXTURES, 'ami/ring-answer-hangup.txt'), 'utf8')
      .replace(/^Timestamp: .*\r?\n/gm, '')
      .replace(/CallerIDNum: 601234567/g, 'CallerIDNum: +48601234567')
      .replace(/ConnectedLineNum: 601234567/g, 'ConnectedLineNum: +48601234567');
    const [ring, rest] = splitAfterDialBegin(recording);
    ami.replay(ring);
    const popup = page.getByTestId('call-popup');
    await expect(popup).toBeVisible();
    await expect(page.getByTestId('call-popup-name')).toHaveText('Katarzyna Kowalska');
    await expect(page.getByTestId('call-popup-open')).toBeVisible();
    await shot(page, 'calls-popup.png');

    ami.replay(rest);
    await expect(popup).toHaveClass(/ended/);
    const list = await host.api<CallList>('calls.list', { number: '48601234567', limit: 50 });
    expect(list.calls.some((c) => c.source === 'ami' && c.result === 'answered')).toBe(true);
  } finally {
    await host.api('calls.saveSettings', { pbx: { enabled: false, host: '127.0.0.1', port: ami.port, username: 'clinicdesk' } });
    await ami.close();
  }
});

test('Settings → Phone system turns the text-back on and closing a callback task empties it from the strip', async ({ page, host }) => {
  await page.goto(`${host.url}/#/settings/phone`);
  await expect(page.getByTestId('phone-settings')).toBeVisible();
  await page.getByTestId('textback-enabled').check();
  await page.getByTestId('textback-save').click();
  await expect(page.getByTestId('textback-form').getByRole('status')).toBeVisible();
  expect((await host.api<{ textBack: { enabled: boolean } }>('calls.settings')).textBack.enabled).toBe(true);
  await shot(page, 'calls-settings.png');

  await page.goto(`${host.url}/#/inbox`);
  const cards = page.getByTestId('callback-card');
  // count() does not wait: let the strip load first.
  await expect(cards.first()).toBeVisible();
  const n = await cards.count();
  expect(n).toBeGreaterThan(0);
  await cards.first().getByTestId('callback-done').click();
  await expect(cards).toHaveCount(n - 1);
  await shot(page, 'calls-inbox.png');
});

test('the demo clinic can ring a desk to show the popup without a switchboard', async ({ page, host }) => {
  await page.goto(`${host.url}/#/calls`);
  await page.getByTestId('calls-demo-ring').click();
  await expect(page.getByTestId('call-popup')).toBeVisible();
  await expect(page.getByTestId('call-popup-name')).not.toBeEmpty();
});

/** The recording up to and including DialBegin (the desk rings), and the rest (answer, hang-up). */
function splitAfterDialBegin(text: string): [string, string] {
  const blocks = text.split(/\r?\n\r?\n/).filter((b) => b.trim() !== '');
  const i = blocks.findIndex((b) => b.startsWith('Event: DialBegin'));
  const join = (bs: string[]): string => bs.map((b) => `${b.replace(/\r?\n/g, '\r\n')}\r\n\r\n`).join('');
  return [join(blocks.slice(0, i + 1)), join(blocks.slice(i + 1))];
}
