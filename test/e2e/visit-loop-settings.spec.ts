import { seriousViolations } from './axe';
import { expect, test } from './fixtures';

interface Settings {
  notices: { reschedule: boolean };
  reminders: { hoursBefore: number[] };
  texts: Record<string, Record<string, string>>;
}

test('Settings → Visit loop: rooms, visit types, rules and texts; an over-long text is refused at save with its count', async ({ page, host }) => {
  await page.goto(`${host.url}/#/settings/visitloop`);
  const section = page.getByTestId('visit-loop-settings');
  await expect(section).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(await seriousViolations(page)).toEqual([]);

  await section.getByTestId('room-name').fill('Studio 3');
  await section.getByTestId('room-save').click();
  await expect(section.getByTestId('rooms-form')).toContainText('Studio 3');
  await section.getByTestId('visit-type-name').fill('Igiene dentale');
  await section.getByTestId('visit-type-save').click();
  await expect(section.getByTestId('visit-types-form')).toContainText('Igiene dentale');
  expect((await host.api<{ rooms: { name: string }[] }>('rooms.list')).rooms.map((r) => r.name)).toContain('Studio 3');

  await section.getByTestId('rule-reschedule').uncheck();
  await section.getByTestId('rule-48h').check();
  await section.getByTestId('visit-loop-rules-save').click();
  await expect(section.getByTestId('visit-loop-rules').getByRole('status')).toHaveText(/Salvato/);
  const saved = await host.api<Settings>('visitLoop.settings');
  expect(saved.notices.reschedule).toBe(false);
  expect(saved.reminders.hoursBefore).toEqual([24, 48]);

  // A Polish reminder four times the starter's length: the live count says so, the server refuses it.
  await section.getByTestId('texts-reminder').locator('summary').click();
  const pl = section.getByTestId('text-reminder-pl');
  const long = `${saved.texts.reminder!.pl!} `.repeat(4).trim();
  await pl.fill(long);
  await expect(section.getByTestId('count-reminder-pl')).toContainText(/oltre il limite/);
  await section.getByTestId('visit-loop-texts-save').click();
  const refusal = section.getByTestId('visit-loop-texts').getByRole('status');
  await expect(refusal).toHaveText(/Il testo pl di “Promemoria” costa \d+ SMS .* limite della clinica è \d+/);
  expect((await host.api<Settings>('visitLoop.settings')).texts.reminder!.pl).not.toBe(long);

  // Within the limit it is saved.
  await pl.fill('{{clinic.name}}: wizyta {{appointment.list}}. Odpisz TAK lub NIE.');
  await section.getByTestId('visit-loop-texts-save').click();
  await expect(refusal).toHaveText(/Salvato/);
  expect((await host.api<Settings>('visitLoop.settings')).texts.reminder!.pl).toBe('{{clinic.name}}: wizyta {{appointment.list}}. Odpisz TAK lub NIE.');
});
