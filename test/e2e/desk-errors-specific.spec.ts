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

test('a stale link to a conversation says, in Italian, that it no longer exists', async ({ page, host }) => {
  await page.addInitScript(() => localStorage.setItem('clinic-desk.uiLanguage', 'it'));
  await page.goto(`${host.url}/#/inbox/987654`);
  await expect(page.getByTestId('open-error')).toHaveText("Questa conversazione non esiste più: forse è stata unita a un'altra. Ricarica la posta.");
  await page.screenshot({ path: 'test-results/desk-error-conversation-gone.png' });
  // Picking a conversation from the list opens it as usual.
  await page.getByTestId('conversation-list').getByTestId('conversation-item').first().click();
  await expect(page.getByTestId('open-error')).toHaveCount(0);
});
