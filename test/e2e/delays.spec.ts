import { expect, test } from './fixtures';

// The demo clinic's day is built around its clock: at 10:30 there are visits ahead whenever CI runs.
test.use({ hostArgs: ['--demo-time', '10:30'] });

interface Preview {
  practitionerId: number;
  revision: number;
  notices: { appointmentId: number; patientId: number; patientName: string; language: string; text: string }[];
}
interface Board {
  practitioners: { id: number; name: string; visits: { id: number; status: string; language: string | null; noticesSent: number }[] }[];
}

test('set a delay, preview, confirm: notices in the patients’ timelines and the delay on the waiting-room screen', async ({ page, host }) => {
  const board = await host.api<Board>('appointments.day');
  const rossi = board.practitioners.find((p) => p.name.includes('Rossi'))!;
  const before = await host.api<Preview>('delays.preview', { practitionerId: rossi.id });
  expect(before.notices).toEqual([]); // the demo day starts on time

  await page.goto(`${host.url}/#/schedule`);
  const column = page.getByTestId(`practitioner-${rossi.id}`);
  await expect(column).toBeVisible();
  await column.getByTestId('delay-input').fill('25');
  await column.getByTestId('delay-announce').click();

  const dialog = page.getByTestId('delay-preview-dialog');
  await expect(dialog).toBeVisible();
  const items = dialog.getByTestId('preview-notice');
  const n = await items.count();
  expect(n).toBeGreaterThan(0);
  // Only Dr Rossi's patients who have not checked in, each in their own language.
  const visits = new Map(rossi.visits.map((v) => [v.id, v]));
  const preview = await host.api<Preview>('delays.preview', { practitionerId: rossi.id });
  expect(preview.notices).toHaveLength(n);
  for (const notice of preview.notices) {
    const v = visits.get(notice.appointmentId)!;
    expect(['booked', 'confirmed']).toContain(v.status);
    expect(notice.language).toBe(v.language);
    await expect(dialog.getByText(notice.text)).toBeVisible();
  }

  await dialog.getByTestId('preview-confirm').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('schedule-flash')).toBeVisible();
  await expect(column.getByTestId('notices-sent')).toHaveCount(n);
  await expect(column.getByTestId('current-delay')).toContainText('25');

  // The notice is on the patient's timeline, as a message and as a system line.
  const first = preview.notices[0]!;
  const search = await host.api<{ results: { kind: string; patientId?: number; conversationId?: number | null }[] }>('inbox.search', { query: first.patientName });
  const conversationId = search.results.find((r) => r.kind === 'patient' && r.patientId === first.patientId)!.conversationId!;
  await page.goto(`${host.url}/#/inbox/${conversationId}`);
  await expect(page.getByTestId('timeline').getByText(first.text)).toBeVisible();

  // A second "+30" moves everyone by 5 more minutes: below the threshold, nothing new.
  await page.goto(`${host.url}/#/schedule`);
  await column.getByTestId('delay-input').fill('30');
  await column.getByTestId('delay-announce').click();
  await expect(page.getByTestId('preview-empty')).toBeVisible();
  await expect(page.getByTestId('preview-confirm')).toBeDisabled();
  await page.keyboard.press('Escape');

  // The TV: the practitioner's delay in large type, live, and no patient names.
  const tv = await page.context().newPage();
  await tv.goto(`${host.url}/waiting-room`);
  const row = tv.getByTestId(`wr-practitioner-${rossi.id}`);
  await expect(row).toHaveAttribute('data-state', 'delayed');
  await expect(row).toContainText('+30');
  for (const notice of preview.notices) await expect(tv.getByText(notice.patientName)).toHaveCount(0);
  // Live: "on time again" on the desk reaches the screen without a reload.
  await host.api('delays.announce', { practitionerId: rossi.id, minutes: 0 });
  await expect(row).toHaveAttribute('data-state', 'on_time');
});

test('the day board buttons and shortcuts move a visit through the day', async ({ page, host }) => {
  const board = await host.api<Board>('appointments.day');
  const conti = board.practitioners.find((p) => p.name.includes('Conti'))!;
  const next = conti.visits.find((v) => v.status === 'booked' || v.status === 'confirmed')!;
  await page.goto(`${host.url}/#/schedule`);
  const row = page.getByTestId(`visit-${next.id}`);
  await row.getByTestId('action-check_in').click();
  await expect(row).toHaveAttribute('data-status', 'checked_in');
  await row.click();
  await page.keyboard.press('u');
  await expect(row).toHaveAttribute('data-status', 'booked');
  await page.keyboard.press('c');
  await expect(row).toHaveAttribute('data-status', 'checked_in');
  await page.keyboard.press('s');
  await expect(row).toHaveAttribute('data-status', 'in_visit');
  await page.keyboard.press('e');
  await expect(row).toHaveAttribute('data-status', 'done');
});

test('a preview overtaken by the day (a visit started meanwhile) is refreshed, not sent', async ({ page, host }) => {
  const board = await host.api<Board>('appointments.day');
  const bianchi = board.practitioners.find((p) => p.name.includes('Bianchi'))!;
  await page.goto(`${host.url}/#/schedule`);
  const column = page.getByTestId(`practitioner-${bianchi.id}`);
  await column.getByTestId('quick-25').click();
  const dialog = page.getByTestId('delay-preview-dialog');
  await expect(dialog).toBeVisible();
  // Another desk starts the next visit: a new revision of the practitioner's day.
  const waiting = bianchi.visits.find((v) => v.status === 'checked_in')!;
  await host.api('appointments.setStatus', { appointmentId: waiting.id, action: 'start' });
  await dialog.getByTestId('preview-confirm').click();
  await expect(dialog.getByTestId('preview-stale')).toBeVisible();
  const after = await host.api<Board>('appointments.day');
  expect(after.practitioners.find((p) => p.id === bianchi.id)!.visits.every((v) => v.noticesSent === 0)).toBe(true);
});

test('import a CSV from the day board: a dry run with line-numbered errors, then the import; again changes nothing', async ({ page, host }) => {
  const d = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(Date.now()).map((x) => [x.type, x.value]),
  );
  const today = `${d.day}/${d.month}/${d.year}`;
  const csv = ['Data,Ora,Durata (min),Paziente,Cellulare,Medico', `${today},23:50,5,Marta Neri,+39 347 555 0101,Dr. Import Test`, `${today},alle dieci,5,Ugo Blu,+39 347 555 0102,Dr. Import Test`, `${today},23:55,4,Ida Verdi,+39 347 555 0103,Dr. Import Test`].join('\n');
  await page.goto(`${host.url}/#/schedule`);
  await page.getByTestId('open-import').click();
  const dialog = page.getByTestId('import-dialog');
  await dialog.getByTestId('import-file').setInputFiles({ name: 'agenda.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  // A practitioner the clinic does not have is never created silently: its rows wait until it is ticked.
  await expect(dialog.getByTestId('import-new-practitioners')).toContainText('Dr. Import Test');
  await expect(dialog.getByTestId('import-error')).toHaveCount(3);
  await dialog.getByTestId('import-create-practitioner').check();
  await expect(dialog.getByTestId('import-error')).toHaveCount(1);
  await expect(dialog.getByTestId('import-error')).toContainText('3');
  await expect(dialog.getByTestId('import-counts')).toContainText('2');
  await dialog.getByTestId('import-confirm').click();
  await expect(dialog.getByTestId('import-confirm')).toBeDisabled();
  const board = await host.api<Board>('appointments.day');
  const dr = board.practitioners.find((p) => p.name === 'Dr. Import Test')!;
  expect(dr.visits).toHaveLength(2);
  const again = await host.api<{ created: number; unchanged: number }>('appointments.import', { format: 'csv', content: csv });
  expect(again).toMatchObject({ created: 0, unchanged: 2 });
});
