import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * No English in the Polish desk: walks every screen (and a server error) with the UI in Polish and
 * looks for (a) any English UI text of the locale files that Polish translates differently, and (b)
 * English function words in the desk's own text. What patients wrote (previews, the timeline,
 * template bodies, notes) is data, not UI, and is left out.
 */
test.use({ hostArgs: ['--demo-time', '10:30'] });

const LOCALES = path.join(__dirname, '../../src-renderer/i18n/locales');
function strings(lang: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, v: unknown): void => {
    if (typeof v === 'string') out.set(prefix, v);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(`${prefix}.${k}`, x);
  };
  for (const f of fs.readdirSync(path.join(LOCALES, lang))) walk(f, JSON.parse(fs.readFileSync(path.join(LOCALES, lang, f), 'utf8')));
  return out;
}
const en = strings('en');
const pl = strings('pl');
/** English UI sentences (no placeholders, a few words long) that Polish says differently. */
const ENGLISH_UI = [...en].filter(([k, v]) => pl.get(k) !== v && !v.includes('{{') && v.trim().split(/\s+/).length >= 3).map(([, v]) => v);
const ENGLISH_WORDS = /\b(the|and|with|already|please|cannot|does not|is not|your|click|loading|settings|save|cancel|undo)\b/i;
const USER_CONTENT = '.conv-preview, .timeline, .bubble, .tpl-body, .tpl-variant, textarea, input, select, option, .patient-notes, .preview-text, .search-results, .visit-name, [data-user-content]';

async function englishOn(page: Page): Promise<string[]> {
  const text: string = await page.evaluate((skip: string) => {
    const clone = document.body.cloneNode(true) as HTMLElement;
    for (const el of clone.querySelectorAll(skip)) el.remove();
    return clone.innerText;
  }, USER_CONTENT);
  const found = ENGLISH_UI.filter((s) => text.includes(s));
  for (const line of text.split('\n')) if (ENGLISH_WORDS.test(line)) found.push(line.trim());
  return [...new Set(found)];
}

const SCREENS = ['#/inbox', '#/templates', '#/schedule', '#/calls', '#/settings/clinic', '#/settings/hours', '#/settings/autoreplies', '#/settings/whatsapp', '#/settings/sms', '#/settings/delays', '#/settings/phone', '#/waiting-room', '#/settings/visitloop'];

test('the Polish desk shows no English on any screen', async ({ page, host }) => {
  await page.addInitScript(() => localStorage.setItem('clinic-desk.uiLanguage', 'pl'));
  const seen: Record<string, string[]> = {};
  for (const screen of SCREENS) {
    await page.goto(`${host.url}/${screen}`);
    await page.waitForLoadState('networkidle');
    const english = await englishOn(page);
    if (english.length) seen[screen] = english;
  }
  // An open conversation, the shortcut sheet and an error from the server.
  await page.goto(`${host.url}/#/inbox`);
  await page.getByTestId('conversation-item').first().click();
  await expect(page.getByTestId('patient-card')).toBeVisible();
  await page.keyboard.press('?');
  const sheet = await englishOn(page);
  if (sheet.length) seen['inbox + ?'] = sheet;
  await page.keyboard.press('Escape');
  await page.getByTestId('new-patient').click();
  await page.getByTestId('new-patient-phone').fill('zadzwoń');
  await page.getByTestId('new-patient-create').click();
  // Not a number at all: an error, or the suggestions box that says so (issue 13).
  await expect(page.getByTestId('new-patient-error').or(page.getByTestId('phone-suggestions'))).toBeVisible();
  const error = await englishOn(page);
  if (error.length) seen['new patient error'] = error;
  expect(seen).toEqual({});
});

test('the detector itself finds English when the desk is in English', async ({ page, host }) => {
  await page.addInitScript(() => localStorage.setItem('clinic-desk.uiLanguage', 'en'));
  await page.goto(`${host.url}/#/settings/sms`);
  await page.waitForLoadState('networkidle');
  expect((await englishOn(page)).length).toBeGreaterThan(0);
});
