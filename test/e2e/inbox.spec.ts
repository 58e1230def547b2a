import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import type { HoursView } from '../../src-main/contract/templates';
import { snoozePresets } from '../../src-main/domain/hours/snoozePresets';
import { localParts } from '../../src-main/domain/hours/zonedTime';
import { typeInto } from './pickers';

/**
 * The unified inbox in the running demo (`serve --demo --no-simulation`), driven in Chromium:
 * one timeline per patient, phone search in any format, keyboard flow, snooze and reopen, merge,
 * search → jump, media, and two tabs seeing each other's changes.
 */

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
const OGG = Buffer.concat([Buffer.from('OggS', 'latin1'), Buffer.alloc(400, 1)]);

interface PatientHit {
  kind: 'patient';
  patientId: number;
  conversationId: number | null;
}
interface Media {
  sha256: string;
  mime: string;
  kind: string;
  size: number;
  fileName: string | null;
}

type Api = <T>(method: string, params?: unknown) => Promise<T>;

async function kasia(api: Api): Promise<{ patientId: number; conversationId: number }> {
  const { results } = await api<{ results: PatientHit[] }>('inbox.search', { query: '+48601234567' });
  const hit = results.find((r) => r.kind === 'patient')!;
  return { patientId: hit.patientId, conversationId: hit.conversationId! };
}

async function searchFor(page: Page, query: string): Promise<void> {
  await page.getByTestId('inbox-search').fill(query);
  await expect(page.getByTestId('search-results')).toBeVisible();
}

const selectedId = async (page: Page): Promise<number> => Number(await page.locator('.conv-item.selected').getAttribute('data-conversation-id'));

test('a patient on WhatsApp, SMS and a missed call is one conversation; any phone format finds her', async ({ page, host, openInbox }) => {
  const k = await kasia(host.api);
  const all = await host.api<{ items: { id: number; patientId: number }[] }>('inbox.list', { status: 'all', limit: 500 });
  expect(all.items.filter((c) => c.patientId === k.patientId).map((c) => c.id)).toEqual([k.conversationId]);

  await openInbox();
  await page.goto(`${host.url}/#/inbox/${k.conversationId}`);
  await expect(page.getByTestId('conversation-title')).toHaveText('Katarzyna Kowalska');
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByTestId('timeline-message').filter({ hasText: 'WhatsApp' }).first()).toBeVisible();
  await expect(timeline.getByTestId('timeline-message').filter({ hasText: 'SMS' }).first()).toBeVisible();
  await expect(timeline.locator('[data-testid="timeline-call"][data-result="missed"]').first()).toBeVisible();
  await expect(timeline.getByTestId('day-separator').first()).toBeVisible();
  // True time order: each item no earlier than the one before (the API says when each happened).
  const view = await host.api<{ timeline: { at: number }[] }>('conversation.get', { conversationId: k.conversationId });
  expect(view.timeline.map((i) => i.at)).toEqual([...view.timeline.map((i) => i.at)].sort((a, b) => a - b));

  for (const query of ['+48 601 234 567', '601234567', '0048601234567']) {
    await searchFor(page, query);
    const first = page.getByTestId('search-patient').first();
    await expect(first).toHaveAttribute('data-patient-id', String(k.patientId));
    await expect(first.locator('mark')).toHaveCount(1);
    await expect(page.getByTestId('search-patient')).toHaveCount(1);
  }
  await page.screenshot({ path: 'test-results/inbox-must-show.png' });
});

test('keyboard flow: j/k move, r replies, Ctrl+Enter sends, e closes, ? shows the sheet, / searches', async ({ page, openInbox }) => {
  await openInbox();
  const items = page.getByTestId('conversation-item');
  await expect(items.nth(2)).toBeVisible();
  const ids = await Promise.all([0, 1, 2].map(async (i) => Number(await items.nth(i).getAttribute('data-conversation-id'))));

  await page.locator('body').press('j');
  await expect.poll(() => selectedId(page)).toBe(ids[0]);
  await page.locator('body').press('j');
  await expect.poll(() => selectedId(page)).toBe(ids[1]);
  await page.locator('body').press('k');
  await expect.poll(() => selectedId(page)).toBe(ids[0]);
  await expect(page.getByTestId('conversation-title')).toBeVisible();

  await page.locator('body').press('r');
  await expect(page.getByTestId('composer-input')).toBeFocused();
  await page.keyboard.type('Buongiorno, le confermo per domani alle 10.');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByTestId('timeline-message').filter({ hasText: 'le confermo per domani' })).toHaveCount(1);
  await expect(page.getByTestId('composer-input')).toHaveValue('');
  await page.keyboard.press('Escape');

  await page.locator('body').press('e');
  await expect(page.getByTestId('conversation-status')).toHaveAttribute('data-status', 'done');
  await expect(page.locator(`[data-testid="conversation-item"][data-conversation-id="${ids[0]}"]`)).toHaveCount(0);

  await page.locator('body').press('?');
  await expect(page.getByTestId('shortcut-sheet')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('shortcut-sheet')).toHaveCount(0);

  await page.locator('body').press('/');
  await expect(page.getByTestId('inbox-search')).toBeFocused();
  await page.keyboard.press('Escape');
});

test('snooze with a time, reopen, and a snooze that ends wakes the conversation by itself', async ({ page, host, openInbox }) => {
  await openInbox();
  const item = page.getByTestId('conversation-item').first();
  const id = Number(await item.getAttribute('data-conversation-id'));
  await item.click();
  await expect(page.getByTestId('conversation-status')).toHaveAttribute('data-status', 'open');

  await page.getByTestId('action-snooze').click();
  await page.getByTestId('snooze-hour3').click();
  await expect(page.getByTestId('conversation-status')).toHaveAttribute('data-status', 'snoozed');
  await expect(page.locator(`[data-testid="conversation-item"][data-conversation-id="${id}"]`)).toHaveCount(0);
  await page.getByTestId('filter-status').selectOption('snoozed');
  await expect(page.locator(`[data-testid="conversation-item"][data-conversation-id="${id}"]`)).toHaveCount(1);

  await page.getByTestId('action-reopen').click();
  await expect(page.getByTestId('conversation-status')).toHaveAttribute('data-status', 'open');
  await expect(page.locator(`[data-testid="conversation-item"][data-conversation-id="${id}"]`)).toHaveCount(0);
  await page.getByTestId('filter-status').selectOption('active');

  // The "s" key opens the picker; a custom time in the past is refused with a message.
  await page.locator('body').press('s');
  await expect(page.getByTestId('snooze-menu')).toBeVisible();
  await typeInto(page.getByTestId('snooze-custom'), '2020-01-01T09:00');
  await page.getByTestId('snooze-custom-apply').click();
  await expect(page.getByTestId('snooze-menu').getByRole('alert')).toBeVisible();
  await page.keyboard.press('Escape');

  // Snoozed for three seconds: the server wakes it and the page hears about it.
  await host.api('conversation.snooze', { conversationId: id, until: Date.now() + 3000 });
  await expect(page.getByTestId('conversation-status')).toHaveAttribute('data-status', 'snoozed');
  await expect(page.getByTestId('conversation-status')).toHaveAttribute('data-status', 'open', { timeout: 15_000 });
});

test('snooze presets follow the clinic calendar: a closure skips the next open day, no two presets at one time', async ({ page, host, openInbox }) => {
  const saved = await host.api<HoursView>('hours.get');
  const input = (h: HoursView) => ({ weekly: h.weekly, publicHolidays: h.publicHolidays, closures: h.closures });
  // Close the clinic on its next open day: the menu must offer the day after that instead.
  const before = snoozePresets(Date.now(), saved).find((p) => p.key === 'tomorrow' || p.key === 'nextOpening')!;
  const closedDay = localParts(before.at, saved.timeZone).date;
  const hours = await host.api<HoursView>('hours.save', { ...input(saved), closures: [...saved.closures, { from: closedDay, to: closedDay, label: 'e2e' }] });
  try {
    await openInbox();
    await page.getByTestId('conversation-item').first().click();
    await page.getByTestId('action-snooze').click();
    const items = page.getByTestId('snooze-menu').locator('.menu-item');
    await expect(items.first()).toBeFocused();
    const shown = await items.evaluateAll((els) => els.map((e) => ({ key: (e.getAttribute('data-testid') ?? '').replace('snooze-', ''), at: Number(e.getAttribute('data-at')), text: e.textContent ?? '' })));
    const expected = snoozePresets(Date.now(), hours);
    expect(shown.map((p) => p.key)).toEqual(expected.map((p) => p.key));
    for (const [i, p] of expected.entries()) {
      // Hour presets depend on the instant the menu opened; calendar ones are exact.
      if (p.key === 'hour1' || p.key === 'hour3') expect(Math.abs((shown[i]?.at ?? 0) - p.at)).toBeLessThan(60_000);
      else expect(shown[i]?.at).toBe(p.at);
    }
    expect(new Set(shown.map((p) => p.at)).size).toBe(shown.length);
    expect(shown.some((p) => localParts(p.at, hours.timeZone).date === closedDay && p.key !== 'hour1' && p.key !== 'hour3')).toBe(false);
    // 24-hour wall-clock time of the clinic's zone, never AM/PM.
    for (const p of shown) expect(p.text).not.toMatch(/\b(AM|PM)\b/i);
    const calendar = shown.find((p) => p.key !== 'hour1' && p.key !== 'hour3');
    if (calendar) {
      const local = localParts(calendar.at, hours.timeZone).minute;
      expect(calendar.text).toContain(`${String(Math.floor(local / 60)).padStart(2, '0')}:${String(local % 60).padStart(2, '0')}`);
    }
    await page.keyboard.press('Escape');
  } finally {
    await host.api('hours.save', input(saved));
  }
});

test('search → jump: a message found by a word opens in its timeline, highlighted', async ({ page, host, openInbox }) => {
  const k = await kasia(host.api);
  await openInbox();
  await searchFor(page, 'piatku');
  const hit = page.getByTestId('search-message').filter({ hasText: 'Katarzyna' }).first();
  await expect(hit.locator('mark')).toHaveText('piątku');
  const messageId = await hit.getAttribute('data-message-id');
  await hit.click();
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/inbox/${k.conversationId}`);
  const target = page.locator(`[data-testid="timeline-message"][data-message-id="${messageId}"]`);
  await expect(target.locator('.bubble')).toHaveClass(/focused/);
  await expect(target).toBeInViewport();

  // Without the mouse: Enter opens the first result, j the next one.
  await searchFor(page, 'visita');
  const results = page.locator('.result-item');
  await expect(results.nth(1)).toBeVisible();
  await page.getByTestId('inbox-search').press('Enter');
  await expect(results.nth(0)).toHaveClass(/active/);
  await page.locator('body').press('j');
  await expect(results.nth(1)).toHaveClass(/active/);
  const next = await results.nth(1).getAttribute('data-conversation-id');
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/inbox/${next}`);
});

test('media: an image attached in the composer, a PDF and a voice note show in the timeline', async ({ page, host, openInbox }) => {
  const k = await kasia(host.api);
  await openInbox();
  await page.goto(`${host.url}/#/inbox/${k.conversationId}`);
  await expect(page.getByTestId('conversation-title')).toHaveText('Katarzyna Kowalska');

  await page.getByTestId('composer-file').setInputFiles({ name: 'zdjecie.png', mimeType: 'image/png', buffer: PNG });
  await expect(page.getByTestId('composer-attachment')).toContainText('zdjecie.png');
  await page.getByTestId('composer-input').fill('Zdjęcie skierowania');
  await page.getByTestId('composer-input').press('Control+Enter');
  const sent = page.getByTestId('timeline-message').filter({ hasText: 'Zdjęcie skierowania' });
  await expect(sent.locator('[data-testid="media-image"] img')).toBeVisible();
  await expect.poll(() => sent.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);

  const upload = async (name: string, mime: string, bytes: Buffer): Promise<Media> =>
    (await host.api<{ media: Media }>('media.upload', { uploadId: `e2e-${name.replace(/\W/g, '')}`, index: 0, dataBase64: bytes.toString('base64'), last: true, fileName: name, mime })).media;
  const pdf = await upload('skierowanie.pdf', 'application/pdf', PDF);
  const ogg = await upload('notatka.ogg', 'audio/ogg', OGG);
  expect(pdf.kind).toBe('document');
  await host.api('message.send', { conversationId: k.conversationId, body: 'Skierowanie w PDF', media: pdf });
  await host.api('message.send', { conversationId: k.conversationId, body: '', media: ogg });
  await expect(page.getByTestId('media-document').filter({ hasText: 'skierowanie.pdf' })).toHaveAttribute('href', /^blob:/);
  // The demo's own voice note is there too: two players now.
  await expect(page.locator('[data-testid="media-audio"] audio')).toHaveCount(2);
  await page.screenshot({ path: 'test-results/inbox-media.png' });
});

test('a reply the provider refused shows why, and Retry sends it again', async ({ page, openInbox }) => {
  await openInbox();
  await searchFor(page, 'tessera sanitaria radiografie');
  await page.getByTestId('search-message').first().click();
  const failed = page.getByTestId('timeline-message').filter({ hasText: 'tessera sanitaria' });
  await expect(failed.getByTestId('message-status')).toHaveAttribute('data-status', 'failed');
  await expect(failed.getByTestId('message-failure')).toContainText('non raggiungibile');
  await failed.getByTestId('message-retry').click();
  await expect(failed.getByTestId('message-failure')).toHaveCount(0);
  await expect(failed.getByTestId('message-status')).toHaveAttribute('data-status', /sent|delivered|read/);
});

test('two tabs: a note, a status change and an assignment in one show in the other at once', async ({ page, context, host, openInbox }) => {
  const k = await kasia(host.api);
  const a = await openInbox(page);
  const b = await openInbox(await context.newPage());
  await a.goto(`${host.url}/#/inbox/${k.conversationId}`);
  await b.goto(`${host.url}/#/inbox/${k.conversationId}`);
  await expect(b.getByTestId('conversation-title')).toHaveText('Katarzyna Kowalska');

  await a.getByTestId('composer-mode-note').click();
  await a.getByTestId('composer-input').fill('Richiamare dopo le 15, chiede della fattura');
  await a.getByTestId('composer-input').press('Control+Enter');
  await expect(b.getByTestId('timeline-note').filter({ hasText: 'chiede della fattura' })).toBeVisible();

  const total = async (p: typeof b): Promise<number> => Number((await p.getByTestId('conversation-total').textContent())!.replace(/\D/g, ''));
  const before = await total(b);
  await a.getByTestId('action-done').click();
  await expect(b.getByTestId('conversation-status')).toHaveAttribute('data-status', 'done');
  await expect.poll(() => total(b)).toBe(before - 1);
  await a.getByTestId('action-reopen').click();
  await expect(b.getByTestId('conversation-status')).toHaveAttribute('data-status', 'open');
  await expect.poll(() => total(b)).toBe(before);

  await b.getByTestId('assign-select').selectOption({ index: 1 });
  await expect(a.getByTestId('assign-select')).not.toHaveValue('');
  await b.close();
});

test('host mode: a missed call while the tab is in the background notifies; clicking opens it; do-not-disturb silences', async ({ page, host, openInbox }) => {
  const k = await kasia(host.api);
  // The browser's Notification API, recorded; and a tab that is not in front.
  await page.addInitScript(() => {
    const shown: { title: string; body: string; click(): void }[] = [];
    (window as unknown as { __notes: typeof shown }).__notes = shown;
    class FakeNotification {
      static permission = 'granted';
      static requestPermission = async () => 'granted';
      onclick: (() => void) | null = null;
      constructor(title: string, opts: { body: string }) {
        shown.push({ title, body: opts.body, click: () => this.onclick?.() });
      }
      close(): void {}
    }
    Object.defineProperty(window, 'Notification', { value: FakeNotification });
    document.hasFocus = () => false;
  });
  await openInbox();
  const notes = () => page.evaluate(() => (window as unknown as { __notes: { title: string; body: string }[] }).__notes.map(({ title, body }) => ({ title, body })));

  await host.api('calls.add', { patientId: k.patientId, direction: 'in', result: 'missed' });
  await expect.poll(notes).toEqual([{ title: 'Katarzyna Kowalska', body: 'Chiamata persa' }]);
  await page.evaluate(() => (window as unknown as { __notes: { click(): void }[] }).__notes[0]!.click());
  await expect(page.getByTestId('conversation-title')).toHaveText('Katarzyna Kowalska');
  expect(await page.evaluate(() => location.hash)).toBe(`#/inbox/${k.conversationId}`);

  await page.getByTestId('dnd-toggle').click();
  await expect(page.getByTestId('dnd-toggle')).toHaveAttribute('aria-pressed', 'true');
  const missed = page.locator('[data-testid="timeline-call"][data-result="missed"]');
  const seen = await missed.count();
  await host.api('calls.add', { patientId: k.patientId, direction: 'in', result: 'missed' });
  await expect(missed).toHaveCount(seen + 1); // the page heard about the call…
  expect(await notes()).toHaveLength(1); // …and stayed quiet
  await page.getByTestId('dnd-toggle').click(); // the setting is desk-wide: leave it off
  await expect(page.getByTestId('dnd-toggle')).toHaveAttribute('aria-pressed', 'false');
});

test('patient card edits inline; a new patient from an unknown number; merge, then search loses nothing', async ({ page, host, openInbox }) => {
  const k = await kasia(host.api);
  await openInbox();

  // A patient from a number nobody knows yet.
  await page.getByTestId('new-patient').click();
  await page.getByTestId('new-patient-phone').fill('chiamami');
  await page.getByTestId('new-patient-create').click();
  await expect(page.getByTestId('phone-suggestions')).toBeVisible();
  // A Polish mobile typed without +48 in an Italian clinic is invalid here: the desk proposes it, one click takes it.
  await page.getByTestId('new-patient-phone').fill('602 111 222');
  await page.getByTestId('new-patient-create').click();
  await page.getByTestId('phone-suggestion').filter({ hasText: '+48 602 111 222' }).click();
  await expect(page.getByTestId('new-patient-phone')).toHaveValue('+48 602 111 222');
  await page.getByTestId('new-patient-first').fill('Kasia');
  await page.getByTestId('new-patient-last').fill('Kowalska');
  await page.getByTestId('new-patient-create').click();
  await expect(page.getByTestId('patient-card')).toContainText('+48 602 111 222');
  const otherId = Number(await page.getByTestId('patient-card').getAttribute('data-patient-id'));
  await page.getByTestId('composer-mode-note').click();
  await page.getByTestId('composer-input').fill('Porta la lastra panoramica alla prossima visita');
  await page.getByTestId('composer-input').press('Control+Enter');
  await expect(page.getByTestId('timeline-note')).toHaveCount(1);

  // Inline edits on Katarzyna's card.
  await page.goto(`${host.url}/#/inbox/${k.conversationId}`);
  await expect(page.getByTestId('conversation-title')).toHaveText('Katarzyna Kowalska');
  await page.getByTestId('patient-notes').click();
  await page.getByTestId('patient-notes-input').fill('Preferisce appuntamenti al mattino');
  await page.getByTestId('patient-notes-input').press('Control+Enter');
  await expect(page.getByTestId('patient-notes')).toContainText('Preferisce appuntamenti al mattino');
  await page.getByTestId('patient-tag-input').fill('ortodonzia');
  await page.getByTestId('patient-tag-input').press('Enter');
  await expect(page.getByTestId('patient-tags')).toContainText('ortodonzia');
  // The box follows the server: it flips once the consent is stored, with the date and source "desk".
  const marketing = page.getByTestId('consent-marketing');
  const wasGranted = await marketing.isChecked();
  await marketing.click();
  await expect(marketing).toBeChecked({ checked: !wasGranted });
  // The source is shown translated ("in reception"); the stored value rides along in data-source.
  await expect(page.getByTestId('patient-consents').locator('li', { has: marketing }).locator('[data-source="desk"]')).toBeVisible();
  const card = await host.api<{ notes: string; tags: string[]; consents: { kind: string; granted: boolean; source: string }[] }>('patient.get', { patientId: k.patientId });
  expect(card.notes).toBe('Preferisce appuntamenti al mattino');
  expect(card.tags).toContain('ortodonzia');
  expect(card.consents.find((c) => c.kind === 'marketing')).toMatchObject({ granted: !wasGranted, source: 'desk' });

  // Merge the stray record into Katarzyna's.
  await page.getByTestId('patient-merge').click();
  await page.getByTestId('merge-search').fill('602111222');
  await page.locator(`[data-testid="merge-candidate"][data-patient-id="${otherId}"]`).click();
  await expect(page.getByTestId('merge-preview')).toContainText('Kasia');
  await page.getByTestId('merge-confirm').click();
  await expect(page.getByTestId('merge-dialog')).toHaveCount(0);
  await expect(page.getByTestId('patient-phones')).toContainText('+48 602 111 222');
  await expect(page.getByTestId('patient-phones')).toContainText('+48 601 234 567');
  await expect(page.getByTestId('timeline-note').filter({ hasText: 'lastra panoramica' })).toBeVisible();
  await expect(page.getByTestId('timeline-event').filter({ hasText: new RegExp(`(#|n\\. |nr )${otherId}\\b`) })).toBeVisible();

  // Nothing lost: every number and every word still finds Katarzyna.
  for (const query of ['+48 602 111 222', '0048601234567', 'Katarzyna Kowalska']) {
    await searchFor(page, query);
    await expect(page.getByTestId('search-patient')).toHaveCount(1);
    await expect(page.getByTestId('search-patient').first()).toHaveAttribute('data-patient-id', String(k.patientId));
  }
  await searchFor(page, 'lastra');
  await expect(page.getByTestId('search-message').first()).toHaveAttribute('data-conversation-id', String(k.conversationId));
  await searchFor(page, 'piątku');
  await expect(page.getByTestId('search-message').first()).toHaveAttribute('data-conversation-id', String(k.conversationId));
});
