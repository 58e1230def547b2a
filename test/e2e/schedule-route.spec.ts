import type { Page } from '@playwright/test';
import type { StatsResult } from '../../src-main/contract/stats';
import { expect, test } from './fixtures';
import { fieldValue } from './pickers';

/** The Schedule has an address with its day and view: a stats figure opens its day, back and forward walk the days. */

interface Board {
  day: string;
}

const shift = (day: string, days: number): string => new Date(Date.parse(`${day}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function openStatsOnYesterday(page: Page, url: string): Promise<string> {
  await page.goto(`${url}/#/inbox`);
  await page.getByTestId('ui-language').selectOption('en');
  await page.getByTestId('nav-stats').click();
  await expect(page.getByTestId('contacts-whatsapp')).toBeVisible();
  const today = await fieldValue(page.getByTestId('period-date'));
  await page.getByTestId('period-earlier').click();
  await expect(page.getByTestId('period-date')).not.toHaveAttribute('data-value', today);
  return fieldValue(page.getByTestId('period-date'));
}

test("a day's visit figure opens the Schedule on that day; the agenda's moves are in the address and in history", async ({ page, host }) => {
  const day = await openStatsOnYesterday(page, host.url);
  const report = await host.api<StatsResult>('stats.report', { kind: 'day', date: day });
  expect(report.current.period.from).toBe(day);
  const today = (await host.api<Board>('appointments.day')).day;
  expect(day).not.toBe(today);

  await page.getByTestId('fig-appointments').getByRole('button').click();
  await expect(page).toHaveURL(new RegExp(`#/schedule/${day}$`));
  await expect(page.getByTestId('agenda-day')).toHaveAttribute('data-day', day);
  await page.screenshot({ path: 'test-results/schedule-route-from-stats.png' });

  // The agenda's arrow moves the day and the address; back and forward walk them, and back again is the report.
  await page.getByTestId('agenda-next').click();
  await expect(page).toHaveURL(new RegExp(`#/schedule/${shift(day, 1)}$`));
  await expect(page.getByTestId('agenda-day')).toHaveAttribute('data-day', shift(day, 1));
  await page.getByTestId('view-week').click();
  await expect(page).toHaveURL(new RegExp(`#/schedule/${shift(day, 1)}/week$`));
  await expect(page.getByTestId('week-view')).toBeVisible();
  await page.screenshot({ path: 'test-results/schedule-route-week.png' });

  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/schedule/${shift(day, 1)}$`));
  await expect(page.getByTestId('week-view')).toHaveCount(0);
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`#/schedule/${day}$`));
  await expect(page.getByTestId('agenda-day')).toHaveAttribute('data-day', day);
  await page.goBack();
  await expect(page).toHaveURL(/#\/stats/);
  await expect(page.getByTestId('contacts-whatsapp')).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`#/schedule/${day}$`));
  await expect(page.getByTestId('agenda-day')).toHaveAttribute('data-day', day);

  // "Today" is the plain address; a typed address opens its day.
  await page.getByTestId('agenda-today').click();
  await expect(page).toHaveURL(/#\/schedule$/);
  await expect(page.getByTestId('agenda-day')).toHaveAttribute('data-day', today);
  await page.goto(`${host.url}/#/schedule/${shift(today, 2)}/week`);
  await expect(page.getByTestId('week-view')).toBeVisible();
  await expect(page.getByTestId('agenda-day')).toHaveAttribute('data-day', shift(today, 2));
});
