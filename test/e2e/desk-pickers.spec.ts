import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { seriousViolations } from './axe';
import { typeInto } from './pickers';

/**
 * An Italian desk opened in a US-English browser set to New York: the fields still read 24-hour Italian
 * dates, the calendar starts on Monday, and what the receptionist types is the clinic's (Rome's) time.
 */
test.use({ locale: 'en-US', timezoneId: 'America/New_York' });

/** What the field shows, without the bidi isolation marks Intl puts around the time. */
const shown = async (field: Locator): Promise<string> => ((await field.textContent()) ?? '').replace(/[\u2066-\u2069]/g, '');

/** The calendar's weekday initials, left to right (the grid's header is hidden from screen readers, which read each day's full name). */
const weekHeader = async (page: Page): Promise<string> => (await page.locator('.dt-grid th').allTextContents()).join('');

/** Tomorrow on the clinic's calendar (the demo clinic is in Rome). */
function clinicTomorrow(): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).format(Date.now());
  const d = new Date(`${today}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

test('snooze at a typed time: 24-hour Italian field, Monday-first calendar, "snoozed until" in the clinic zone', async ({ page, host }) => {
  await page.addInitScript(() => localStorage.setItem('clinic-desk.uiLanguage', 'it'));
  await page.goto(`${host.url}/#/inbox`);
  const item = page.getByTestId('conversation-item').first();
  const id = Number(await item.getAttribute('data-conversation-id'));
  await item.click();
  await page.getByTestId('action-snooze').click();

  const field = page.getByTestId('snooze-custom');
  await expect(field).toHaveAttribute('data-value', /T\d{2}:\d{2}$/);
  // Day first, 24 hours, whatever the browser's locale: "30/11/2026, 16:05".
  await expect.poll(() => shown(field)).toMatch(/^\d{2}\/\d{2}\/\d{4}, \d{2}:\d{2}$/);
  const day = clinicTomorrow();
  await typeInto(field, `${day}T14:30`);
  await expect(field).toHaveAttribute('data-value', `${day}T14:30`);
  const [y, mo, d] = day.split('-');
  expect(await shown(field)).toBe(`${d}/${mo}/${y}, 14:30`);
  await expect(field).not.toContainText(/AM|PM/);
  // ↑ steps the focused segment (the minutes) and ↓ brings it back.
  await field.locator('[data-type="minute"]').press('ArrowUp');
  await expect(field).toHaveAttribute('data-value', `${day}T14:31`);
  await field.locator('[data-type="minute"]').press('ArrowDown');
  await expect(field).toHaveAttribute('data-value', `${day}T14:30`);

  // The calendar opens on the chosen day; the week starts on Monday ("lun"); Escape closes it, not the menu.
  await field.getByRole('button').click();
  const grid = page.getByRole('grid');
  await expect(grid).toBeVisible();
  expect(await weekHeader(page)).toBe('LMMGVSD');
  await expect(grid.locator('[aria-selected="true"]')).toHaveText(String(Number(d)));
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(grid).toBeHidden();
  await expect(page.getByTestId('snooze-menu')).toBeVisible();

  await page.getByTestId('snooze-custom-apply').click();
  await expect(page.getByTestId('conversation-status')).toHaveAttribute('data-status', 'snoozed');
  // 14:30 in Rome, although the browser's own clock is six hours behind.
  await expect(page.getByTestId('conversation-status')).toContainText('14:30');
  await expect(page.getByTestId('conversation-status')).not.toContainText(/AM|PM|08:30/);
  const conv = await host.api<{ conversation: { snoozedUntil: number } }>('conversation.get', { conversationId: id });
  const rome = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(conv.conversation.snoozedUntil);
  expect(rome).toBe('14:30');
});

test('Polish and English desks: 24-hour times and day-first dates on the agenda and the new-visit dialog', async ({ page, host }) => {
  for (const [lang, week] of [
    ['pl', 'PWŚCPSN'],
    ['en', 'MTWTFSS'],
  ] as const) {
    await page.addInitScript((l) => localStorage.setItem('clinic-desk.uiLanguage', l), lang);
    await page.goto(`${host.url}/#/schedule`);
    await page.reload(); // the language is read at start
    const agendaDate = page.getByTestId('agenda-date');
    await expect(agendaDate).toHaveText(lang === 'pl' ? /^\d{2}\.\d{2}\.\d{4}$/ : /^\d{2}\/\d{2}\/\d{4}$/);
    await agendaDate.getByRole('button').click();
    await expect(page.getByRole('grid')).toBeVisible();
    expect(await weekHeader(page)).toBe(week);
    await page.keyboard.press('Escape');

    await page.keyboard.press('a');
    const dialog = page.getByTestId('new-visit-dialog');
    await expect(dialog).toBeVisible();
    const time = dialog.getByTestId('new-visit-time');
    expect(await seriousViolations(page)).toEqual([]);
    await typeInto(time, '17:45');
    expect(await shown(time)).toBe('17:45');
    await expect(time).toHaveAttribute('data-value', '17:45');
    // Visits start on 5-minute marks: ↑/↓ on the minutes step by 5 (the other fields by 1).
    await time.locator('[data-type="minute"]').press('ArrowUp');
    await expect(time).toHaveAttribute('data-value', '17:50');
    await time.locator('[data-type="minute"]').press('ArrowDown');
    await time.locator('[data-type="minute"]').press('ArrowDown');
    await expect(time).toHaveAttribute('data-value', '17:40');
    expect(await shown(time)).toBe('17:40');
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});
