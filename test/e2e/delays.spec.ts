import { expect, test } from './fixtures';

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
