import { seriousViolations } from './axe';
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

test('edit a visit in its dialog, drag it to a colleague (day view) and to another time (week view), move it by keys and cancel it; the notices are in the timeline', async ({ page, host }) => {
  const { conversationId } = await host.api<{ patientId: number; conversationId: number }>('patient.create', {
    phone: '+39 347 555 0288',
    firstName: 'Ada',
    lastName: 'Settimanale',
    language: 'it',
  });
  const patientId = (await host.api<{ patients: { patientId: number }[] }>('agenda.findPatients', { query: 'Settimanale' })).patients[0]!.patientId;
  await host.api('patient.setConsent', { patientId, kind: 'sms', granted: true });
  await host.api('rooms.save', { name: 'Studio 2' });
  const board = await host.api<Board & { timeZone: string }>('appointments.day');
  const [first, second] = board.practitioners;
  // Today 15:00 in the clinic's zone (the demo clock stands at 10:30).
  const fifteen = await page.evaluate(({ day, tz }) => {
    const guess = Date.parse(`${day}T15:00:00Z`);
    const seen = new Intl.DateTimeFormat('en-GB', { timeZone: tz, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(guess);
    const [h, m] = seen.split(':').map(Number);
    return guess - ((h! - 15) * 60 + m!) * 60_000;
  }, { day: board.day, tz: board.timeZone });
  const { id } = await host.api<{ id: number }>('appointments.create', { patientId, practitionerId: first!.id, startsAt: fifteen, endsAt: fifteen + 30 * 60_000 });

  await page.goto(`${host.url}/#/schedule`);
  const row = page.getByTestId(`visit-${id}`);
  await expect(row).toContainText('15:00');
  await row.click();
  await page.keyboard.press('Enter');
  const dialog = page.getByTestId('edit-visit-dialog');
  await expect(dialog).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await typeInto(dialog.getByTestId('visit-time'), '16:00');
  await dialog.getByTestId('visit-room').selectOption('Studio 2');
  await dialog.getByTestId('visit-notes').fill('Porta le lastre');
  await dialog.getByTestId('edit-visit-save').click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('16:00');

  // Day view: dropped on a colleague's column, the visit keeps its time and changes practitioner.
  await row.dragTo(page.getByTestId(`practitioner-${second!.id}`).locator('.practitioner-head'));
  await expect(page.getByTestId(`practitioner-${second!.id}`).getByTestId(`visit-${id}`)).toBeVisible();

  // Week view of that practitioner: the block dragged to 17:00 the same day, then Alt+↓ to 17:15.
  await page.getByTestId(`visit-${id}`).click();
  await page.keyboard.press('w');
  const week = page.getByTestId('week-view');
  await expect(week).toHaveAttribute('data-practitioner', String(second!.id));
  const block = page.getByTestId(`week-visit-${id}`);
  await expect(block).toContainText('16:00');
  expect(await seriousViolations(page)).toEqual([]);
  const firstHour = Number((await week.locator('.week-hour').first().textContent())!.slice(0, 2));
  await block.dragTo(page.getByTestId(`week-slots-${board.day}`), { sourcePosition: { x: 10, y: 4 }, targetPosition: { x: 20, y: (17 - firstHour) * 60 + 4 } });
  await expect(block).toContainText('17:00');
  await block.click();
  await page.keyboard.press('Alt+ArrowDown');
  await expect(block).toContainText('17:15');
  await page.keyboard.press('x');
  await expect(block).toHaveAttribute('data-status', 'cancelled');

  const audit = await host.api<{ visits: unknown }>('appointments.day');
  expect(JSON.stringify(audit)).toContain('Porta le lastre');

  await page.goto(`${host.url}/#/inbox/${conversationId}`);
  const timeline = page.getByTestId('timeline');
  await expect(timeline.getByText(/visita prenotata .*15:00/)).toBeVisible();
  await expect(timeline.getByText(/spostata: .*17:15/)).toBeVisible();
  await expect(timeline.getByText(/17:15 .* è stata annullata/)).toBeVisible();
  // One reschedule notice per move: the dialog, the drag to the colleague, the drag in the week, the key.
  await expect(timeline.getByText(/spostata:/)).toHaveCount(4);
});

test('the clinic’s first import sends no booking confirmations unless ticked; the next import sends them by default', async ({ page, host }) => {
  const tomorrow = new Date(Date.now() + 86_400_000);
  const d = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(tomorrow).map((x) => [x.type, x.value]),
  );
  const day = `${d.day}/${d.month}/${d.year}`;
  const board = await host.api<Board>('appointments.day');
  const doctor = board.practitioners[0]!.name;
  const csvOf = (time: string, name: string, phone: string) => ['Data,Ora,Durata (min),Paziente,Cellulare,Medico', `${day},${time},20,${name},${phone},${doctor}`].join('\n');
  for (const [name, phone] of [['Ettore Primo', '+39 347 555 0301'], ['Olga Seconda', '+39 347 555 0302']] as const) {
    await host.api('patient.create', { phone, firstName: name.split(' ')[0], lastName: name.split(' ')[1], language: 'it' });
    const found = await host.api<{ patients: { patientId: number }[] }>('agenda.findPatients', { query: name.split(' ')[1]! });
    await host.api('patient.setConsent', { patientId: found.patients[0]!.patientId, kind: 'sms', granted: true });
  }

  await page.goto(`${host.url}/#/schedule`);
  const importOnce = async (csv: string, expectChecked: boolean, result: RegExp) => {
    await page.getByTestId('open-import').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.getByTestId('import-file').setInputFiles({ name: 'agenda.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const box = dialog.getByTestId('import-send-confirmations');
    await expect(box).toBeVisible();
    if (expectChecked) await expect(box).toBeChecked();
    else await expect(box).not.toBeChecked();
    await dialog.getByTestId('import-confirm').click();
    await expect(dialog.getByTestId('import-confirmations-result')).toHaveText(result);
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  };
  await importOnce(csvOf('16:00', 'Ettore Primo', '+39 347 555 0301'), false, /Nessuna conferma/);
  await importOnce(csvOf('16:30', 'Olga Seconda', '+39 347 555 0302'), true, /1 avviso in coda/);
});
