import { expect, test } from './fixtures';

/**
 * Settings → Automations (issue 19): the channels of birthday greetings and recall, and the practitioners whose
 * patients recall reaches, picked on the screen and saved through the API that already took them.
 */
interface Automations {
  birthday: { channels: string[] };
  recall: { channels: string[]; practitionerIds: number[] };
}

test('a manager picks the channels of each automation and the practitioners recall reaches, in it, pl and en', async ({ page, host }) => {
  const { practitioners } = await host.api<{ practitioners: { id: number; name: string }[] }>('practitioners.list', {});
  expect(practitioners.length).toBeGreaterThan(1);
  const [first] = practitioners;

  await page.goto(`${host.url}/#/inbox`);
  await page.getByTestId('ui-language').selectOption('en');
  await page.goto(`${host.url}/#/settings/automations`);
  const form = page.getByTestId('automations-form');
  await expect(form).toBeVisible();
  await expect(page.getByTestId('bd-channels-whatsapp')).toBeChecked();
  await expect(page.getByTestId('bd-channels-sms')).toBeChecked();
  await expect(page.getByTestId('rc-practitioners')).toContainText('None ticked: patients of every practitioner');

  // Birthday greetings on WhatsApp only: the last channel ticked cannot be unticked.
  await page.getByTestId('bd-channels-sms').uncheck();
  await expect(page.getByTestId('bd-channels-whatsapp')).toBeDisabled();
  // Recall by SMS only, for the first practitioner's patients.
  await page.getByTestId('rc-channels-whatsapp').uncheck();
  await page.getByTestId('rc-practitioners').getByLabel(first!.name).check();
  await expect(page.getByTestId('rc-practitioners')).toContainText('Only patients of the 1 practitioner ticked');
  await page.getByTestId('automations-save').click();
  await expect(form.getByRole('status')).toContainText('Automations saved');

  const saved = await host.api<Automations>('automations.get', {});
  expect(saved.birthday.channels).toEqual(['whatsapp']);
  expect(saved.recall.channels).toEqual(['sms']);
  expect(saved.recall.practitionerIds).toEqual([first!.id]);

  // Opened again, the screen shows what was saved, in each UI language.
  for (const [lang, channels, patientsOf] of [
    ['it', 'Canali', 'Pazienti di'],
    ['pl', 'Kanały', 'Pacjenci lekarzy'],
    ['en', 'Channels', 'Patients of'],
  ] as const) {
    await page.goto(`${host.url}/#/inbox`);
    await page.getByTestId('ui-language').selectOption(lang);
    await page.goto(`${host.url}/#/settings/automations`);
    await expect(page.getByTestId('bd-channels-sms')).not.toBeChecked();
    await expect(page.getByTestId('rc-channels-whatsapp')).not.toBeChecked();
    await expect(page.getByTestId('rc-channels-sms')).toBeChecked();
    await expect(page.getByTestId('rc-practitioners').getByLabel(first!.name)).toBeChecked();
    await expect(page.locator('#bd-channels-label')).toHaveText(channels);
    await expect(page.locator('#rc-practitioners-label')).toHaveText(patientsOf);
    await page.getByTestId('automations-form').screenshot({ path: `test-results/automations-${lang}.png` });
  }
});
