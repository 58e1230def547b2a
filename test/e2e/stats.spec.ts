import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import type { StatsResult } from '../../src-main/contract/stats';
import { expect, startDemoHost, test } from './fixtures';

const CLI = path.resolve(__dirname, '../..', process.env.CLINIC_DESK_OUT ?? 'out', 'main/cli.js');

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/${name}`, fullPage: true });

async function openStats(page: Page, url: string, lang: 'it' | 'pl' | 'en'): Promise<void> {
  await page.goto(`${url}/#/inbox`);
  await page.getByTestId('ui-language').selectOption(lang);
  await page.getByTestId('nav-stats').click();
  await expect(page.getByTestId('stats-view')).toBeVisible();
  await expect(page.getByTestId('contacts-whatsapp')).toBeVisible();
  await expect(page.getByTestId('chart-heatmap').locator('canvas')).toBeVisible();
}

test('the statistics of the demo day in it, pl and en, with the figures the API returns', async ({ page, host }) => {
  const api = await host.api<StatsResult>('stats.report', { kind: 'day' });
  const wa = api.current.contacts.find((c) => c.channel === 'whatsapp')!;
  expect(wa.messagesIn).toBeGreaterThan(0);

  for (const [lang, title, frt] of [
    ['it', 'Statistiche', 'Prima risposta, mediana'],
    ['pl', 'Statystyki', 'Pierwsza odpowiedź, mediana'],
    ['en', 'Statistics', 'First response, median'],
  ] as const) {
    await openStats(page, host.url, lang);
    await expect(page.locator('.stats-head h1')).toHaveText(title);
    await expect(page.getByTestId('fig-frtMedian')).toContainText(frt);
    await expect(page.getByTestId('contacts-whatsapp').locator('td').nth(1)).toContainText(String(wa.messagesIn));
    await shot(page, `stats-${lang}.png`);
  }
});

test('a definition is one hover away, and a figure opens the calls behind it', async ({ page, host }) => {
  await openStats(page, host.url, 'en');
  const def = page.getByTestId('def-frtMedian');
  await def.hover();
  await expect(def.locator('.definition')).toBeVisible();
  await expect(def.locator('.definition')).toContainText('first unanswered patient message');
  await page.screenshot({ path: 'test-results/stats-definition.png' });

  await page.getByTestId('fig-callsMissed').getByRole('button').click();
  await expect(page).toHaveURL(/#\/calls$/);
  await expect(page.getByTestId('calls-filter-unanswered')).toHaveAttribute('aria-selected', 'true');
});

test('a week with the week before, CSV of a table, and the printable daily report', async ({ page, host }) => {
  await openStats(page, host.url, 'en');
  await page.getByTestId('period-week').click();
  await expect(page.getByTestId('chart-trend').locator('canvas')).toBeVisible();
  await expect(page.getByTestId('period-label')).toContainText('–');
  await shot(page, 'stats-week-en.png');
  await page.getByTestId('chart-heatmap').scrollIntoViewIfNeeded();
  await page.getByTestId('chart-heatmap').screenshot({ path: 'test-results/stats-heatmap-en.png' });
  await page.getByTestId('chart-trend').screenshot({ path: 'test-results/stats-trend-en.png' });

  const download = page.waitForEvent('download');
  await page.getByTestId('csv-contacts').click();
  const file = await (await download).path();
  const csv = fs.readFileSync(file!, 'utf8').replace(/^\ufeff/, '');
  expect(csv.split('\r\n')[0]).toBe('Channel,New conversations,Messages in,Messages out,Of which automatic,Calls in,Calls out');
  expect(csv).toMatch(/^whatsapp,\d+,\d+/m);

  await page.getByTestId('period-day').click();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('stats-print')).toBeVisible();
  await expect(page.getByTestId('stats-view').locator('.stats-grid')).toBeHidden();
  await page.screenshot({ path: 'test-results/stats-print.png' });
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  fs.writeFileSync('test-results/stats-daily-report.pdf', pdf);
});

test('the charting library loads with the statistics screen, not with the desk', async ({ page, host }) => {
  const scripts: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto(`${host.url}/#/inbox`);
  await expect(page.getByTestId('conversation-list')).toBeVisible();
  const atDesk = scripts.length;
  await page.getByTestId('nav-stats').click();
  await expect(page.getByTestId('chart-heatmap').locator('canvas')).toBeVisible();
  expect(scripts.slice(atDesk).some((u) => /StatsView/.test(u))).toBe(true);
  expect(scripts.slice(0, atDesk).some((u) => /StatsView/.test(u))).toBe(false);
});

test('with personal logins a manager sees Statistics and a receptionist does not (nor may call it)', async ({ browser }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-e2e-stats-roles-'));
  // The first login of a clinic must be an admin (trust issue).
  execFileSync(process.execPath, [CLI, 'users', 'add', 'Anna', '--role', 'admin', '--data', dataDir], { input: 'Quercia!Fiume9Sole\n' });
  execFileSync(process.execPath, [CLI, 'users', 'add', 'Marta', '--role', 'manager', '--data', dataDir], { input: 'Zebra!Lampa7Okno\n' });
  execFileSync(process.execPath, [CLI, 'users', 'add', 'Ola', '--role', 'receptionist', '--data', dataDir], { input: 'Kawa!Rower9Most\n' });
  const h = await startDemoHost({ dataDir, demo: false });
  try {
    const signIn = async (name: string, password: string) => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(h.url);
      await page.locator('#login-name').fill(name);
      await page.locator('#login-password').fill(password);
      await page.getByTestId('login-submit').click();
      await expect(page.getByTestId('conversation-list')).toBeVisible();
      return page;
    };
    const manager = await signIn('marta', 'Zebra!Lampa7Okno');
    await manager.getByTestId('nav-stats').click();
    await expect(manager.getByTestId('stats-view')).toBeVisible();
    await expect(manager.getByTestId('contacts-whatsapp')).toBeVisible();
    await manager.screenshot({ path: 'test-results/stats-manager.png' });

    const receptionist = await signIn('ola', 'Kawa!Rower9Most');
    await expect(receptionist.getByTestId('nav-inbox')).toBeVisible();
    await expect(receptionist.getByTestId('nav-stats')).toHaveCount(0);
    await receptionist.goto(`${h.url}/#/stats`);
    await expect(receptionist.getByTestId('conversation-list')).toBeVisible();
    await expect(receptionist.getByTestId('stats-view')).toHaveCount(0);
    const status = await receptionist.evaluate(async () => (await fetch('/api/stats.report', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kind":"day"}' })).status);
    expect(status).toBe(403);
    await receptionist.screenshot({ path: 'test-results/stats-receptionist.png' });
  } finally {
    await h.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
