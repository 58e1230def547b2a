import { expect, test } from './fixtures';
import { typeInto } from './pickers';

// The demo clinic's day is built around its clock: at 10:30 the afternoon is free to book.
test.use({ hostArgs: ['--demo-time', '10:30'] });

interface Board {
  day: string;
  practitioners: { id: number; name: string; visits: { id: number; patientName: string; status: string; startsAt: number }[] }[];
}

test('create, move and cancel a visit on the board with the keyboard; the notices are in the patient’s timeline', async ({ page, host }) => {
  const { conversationId } = await host.api<{ patientId: number; conversationId: number }>('patient.create', {
    phone: '+39 347 555 0199',
    firstName: 'Lia',
    lastName: 'Agendaprova',
    language: 'it',
  });
  const found = await host.api<{ patients: { patientId: number }[] }>('agenda.findPatients', { query: 'Agendaprova' });
  const patientId = found.patients[0]!.patientId;
  await host.api('patient.setConsent', { patientId, kind: 'sms', granted: true });

  await page.goto(`${host.url}/#/schedule`);
  await expect(page.getByTestId('schedule-view')).toBeVisible();
  await page.keyboard.press('a');
  const dialog = page.getByTestId('new-visit-dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.type('Agendaprova');
  const match = dialog.getByTestId(`new-visit-match-${patientId}`);
  await expect(match).toBeVisible();
  await match.focus();
  await page.keyboard.press('Enter');
  await typeInto(dialog.getByTestId('new-visit-time'), '15:00');
  await dialog.getByTestId('new-visit-time').locator('[data-type="minute"]').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('agenda-flash')).toBeVisible();

  const board = await host.api<Board>('appointments.day');
  const visit = board.practitioners.flatMap((p) => p.visits).find((v) => v.patientName === 'Lia Agendaprova')!;
  const row = page.getByTestId(`visit-${visit.id}`);
  await expect(row).toContainText('15:00');
  await row.click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(row).toContainText('15:15');
  await page.keyboard.press('x');
  await expect(row).toHaveAttribute('data-status', 'cancelled');

  await page.goto(`${host.url}/#/inbox/${conversationId}`);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByText(/visita prenotata .*15:00/)).toBeVisible();
  await expect(timeline.getByText(/spostata: .*15:15/)).toBeVisible();
  await expect(timeline.getByText(/15:15 .* è stata annullata/)).toBeVisible();

  // Send later: held until tomorrow 09:00 (clinic time), shown as scheduled, cancellable until it goes.
  await page.getByTestId('composer-input').fill('Le ricordiamo di portare le analisi.');
  await page.getByTestId('send-later').click();
  await page.getByTestId('send-later-confirm').click();
  const mark = timeline.getByTestId('scheduled-mark');
  await expect(mark).toBeVisible();
  await mark.getByTestId('scheduled-cancel').click();
  await expect(mark).toHaveCount(0);
});

test('the day navigation shows tomorrow and comes back to today; the reminders panel lists tomorrow’s queue', async ({ page, host }) => {
  await page.goto(`${host.url}/#/schedule`);
  const day = page.getByTestId('agenda-day');
  const today = await day.getAttribute('data-day');
  await page.getByTestId('agenda-next').click();
  await expect(day).not.toHaveAttribute('data-day', today!);
  await page.keyboard.press('t');
  await expect(day).toHaveAttribute('data-day', today!);
  await page.getByTestId('open-reminders').click();
  await expect(page.getByTestId('reminders-dialog')).toBeVisible();
});
