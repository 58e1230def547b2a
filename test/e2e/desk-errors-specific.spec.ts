import { expect, test } from './fixtures';

/** A refusal the desk shows is a specific sentence in the desk's language, not the generic text of its code. */

const cases = [
  ['pl', 'Wpisz użytkownika AMI (z manager.conf).'],
  ['it', "Scrivi l'utente AMI (da manager.conf)."],
  ['en', 'Write the AMI user name (from manager.conf).'],
] as const;

for (const [lang, text] of cases) {
  test(`the PBX link saved without its AMI user says what to write (${lang})`, async ({ page, host }) => {
    await page.addInitScript((l) => localStorage.setItem('clinic-desk.uiLanguage', l), lang);
    await page.goto(`${host.url}/#/settings/phone`);
    const form = page.getByTestId('pbx-form');
    await expect(form).toBeVisible();
    await form.locator('#pbx-enabled').check();
    await form.locator('#pbx-host').fill('192.168.1.10');
    await form.locator('#pbx-user').fill('');
    await page.getByTestId('pbx-save').click();
    await expect(form.getByText(text)).toBeVisible();
    await page.screenshot({ path: `test-results/desk-error-pbx-user-${lang}.png` });
  });
}
