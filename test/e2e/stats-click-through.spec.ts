import type { Page } from '@playwright/test';
import type { StatsResult } from '../../src-main/contract/stats';
import { expect, test } from './fixtures';
import { fieldValue } from './pickers';

/** Issue 18: a figure opens the conversations or calls behind it, for the report's channel or result AND its dates. */

async function openStats(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/#/inbox`);
  await page.getByTestId('ui-language').selectOption('en');
  await page.getByTestId('nav-stats').click();
  await expect(page.getByTestId('contacts-whatsapp')).toBeVisible();
}

interface CallsPage {
  total: number;
}
interface InboxPage {
  total: number;
}

test('missed calls open the call log for that result and the report\'s day, and the period can be removed', async ({ page, host }) => {
  await openStats(page, host.url);
  const unanswered = { results: ['missed', 'abandoned', 'voicemail', 'busy'], direction: 'in', limit: 200 };
  const everyDate = await host.api<CallsPage>('calls.list', unanswered);
  // The demo's calls span the last two days: a day holding some of the unanswered ones, not all (today, or just
  // after midnight the day before), so the list shows that the period narrows it.
  let period = (await host.api<StatsResult>('stats.report', { kind: 'day', date: await fieldValue(page.getByTestId('period-date')) })).current.period;
  let inPeriod = await host.api<CallsPage>('calls.list', { ...unanswered, from: period.startMs, to: period.endMs });
  if (inPeriod.total === 0 || inPeriod.total === everyDate.total) {
    const shown = await fieldValue(page.getByTestId('period-date'));
    await page.getByTestId('period-earlier').click();
    await expect(page.getByTestId('period-date')).not.toHaveAttribute('data-value', shown);
    period = (await host.api<StatsResult>('stats.report', { kind: 'day', date: await fieldValue(page.getByTestId('period-date')) })).current.period;
    inPeriod = await host.api<CallsPage>('calls.list', { ...unanswered, from: period.startMs, to: period.endMs });
  }
  expect(inPeriod.total).toBeGreaterThan(0);
  expect(everyDate.total).toBeGreaterThan(inPeriod.total);
  const { from } = period;

  await page.getByTestId('fig-callsMissed').getByRole('button').click();
  await expect(page).toHaveURL(/#\/calls$/);
  await expect(page.getByTestId('calls-filter-unanswered')).toHaveAttribute('aria-selected', 'true');
  const chip = page.getByTestId('calls-period');
  await expect(chip).toBeVisible();
  const day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${from}T12:00:00Z`));
  await expect(chip).toContainText(`Period: ${day}`);
  await expect(page.getByTestId('calls-table').locator('tbody tr')).toHaveCount(Math.min(200, inPeriod.total));
  await page.screenshot({ path: 'test-results/stats-click-calls-period.png' });

  await page.getByTestId('calls-period-clear').click();
  await expect(chip).toHaveCount(0);
  await expect(page.getByTestId('calls-table').locator('tbody tr')).toHaveCount(Math.min(200, everyDate.total));
});

test('a channel of a day opens its conversations active that day, the period shown and removable in the inbox', async ({ page, host }) => {
  await openStats(page, host.url);
  // The demo's conversations span the last three days: yesterday holds some of them, not all.
  const today = await fieldValue(page.getByTestId('period-date'));
  await page.getByTestId('period-earlier').click();
  await expect(page.getByTestId('period-date')).not.toHaveAttribute('data-value', today);
  const date = await fieldValue(page.getByTestId('period-date'));
  const stats = await host.api<StatsResult>('stats.report', { kind: 'day', date });
  const { startMs, endMs } = stats.current.period;
  const week = await host.api<InboxPage>('inbox.list', { status: 'all', channel: 'whatsapp', from: startMs, to: endMs });
  const all = await host.api<InboxPage>('inbox.list', { status: 'all', channel: 'whatsapp' });
  expect(week.total).toBeGreaterThan(0);
  expect(all.total).toBeGreaterThan(week.total);

  await page.getByTestId('contacts-whatsapp').getByRole('button').click();
  await expect(page).toHaveURL(/#\/inbox$/);
  await expect(page.getByTestId('filter-channel')).toHaveValue('whatsapp');
  const chip = page.getByTestId('inbox-period');
  await expect(chip).toContainText('Period: ');
  await expect(page.getByTestId('conversation-total')).toHaveText(`${week.total} conversation${week.total === 1 ? '' : 's'}`);
  await page.screenshot({ path: 'test-results/stats-click-inbox-period.png' });

  await page.getByTestId('inbox-period-clear').click();
  await expect(chip).toHaveCount(0);
  await expect(page.getByTestId('conversation-total')).toHaveText(`${all.total} conversations`);
});
