import { expect, test } from './fixtures';

interface Summary {
  id: number;
  patientId: number;
  patientName: string;
}
interface Card {
  id: number;
  firstName: string;
  lastName: string;
  phones: { value: string; display: string }[];
}

test('the Italian desk shows an Italian error naming the owner of a number, with a working "open patient" action', async ({ page, host }) => {
  const { items } = await host.api<{ items: Summary[] }>('inbox.list', { limit: 50 });
  let owner: { conv: Summary; card: Card } | null = null;
  for (const conv of items) {
    const card = await host.api<Card>('patient.get', { patientId: conv.patientId });
    if (card.phones.length > 0 && card.firstName) {
      owner = { conv, card };
      break;
    }
  }
  expect(owner).not.toBeNull();
  const { conv, card } = owner!;

  await page.addInitScript(() => localStorage.setItem('clinic-desk.uiLanguage', 'it'));
  await page.goto(`${host.url}/#/inbox`);
  await expect(page.getByTestId('conversation-list')).toBeVisible();
  await page.getByTestId('new-patient').click();
  await page.getByTestId('new-patient-phone').fill(card.phones[0]!.value);
  await page.getByTestId('new-patient-first').fill('Prova');
  await page.getByTestId('new-patient-create').click();

  const error = page.getByTestId('new-patient-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('data-reason', 'patient.numberTaken');
  await expect(error).toContainText(`appartiene già a ${card.firstName}`);
  // No English and no command-line advice.
  await expect(error).not.toContainText('already belongs');
  await expect(error).not.toContainText('merge the two records instead');

  await error.getByTestId('error-open-patient').click();
  await expect(page.getByTestId('new-patient-dialog')).toBeHidden();
  await expect(page).toHaveURL(new RegExp(`#/inbox/${conv.id}$`));
  await expect(page.getByTestId('patient-card')).toHaveAttribute('data-patient-id', String(card.id));
});

test('a call file in an unknown format says so in Polish and leads to the column mappings', async ({ page, host }) => {
  await page.addInitScript(() => localStorage.setItem('clinic-desk.uiLanguage', 'pl'));
  await page.goto(`${host.url}/#/calls`);
  await page.getByTestId('calls-import-open').click();
  await page.getByTestId('import-file').setInputFiles({ name: 'log.csv', mimeType: 'text/csv', buffer: Buffer.from('foo;bar\n1;2\n') });
  await page.getByTestId('import-check').click();
  const summary = page.getByTestId('import-summary');
  await expect(summary).toContainText('Zaimportuj go jako zwykły CSV z mapowaniem kolumn');
  await summary.getByTestId('error-column-mapping').click();
  await expect(page).toHaveURL(/#\/settings\/phone$/);
  await expect(page.getByTestId('mapping-form')).toBeVisible();
});
