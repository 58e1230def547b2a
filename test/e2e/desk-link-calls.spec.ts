import { expect, test } from './fixtures';

interface Task {
  id: number;
  phone: string;
  patientId: number | null;
}

test('a patient created from an unknown caller shows that caller\'s calls at once', async ({ page, host, openInbox }) => {
  // An unknown number rings and nobody answers: a callback task without a patient.
  const number = '+39 347 555 0199';
  await host.api('calls.import', {
    fileName: 'missed.csv',
    format: 'generic',
    dryRun: false,
    mapping: { startedAt: 'Time', from: 'From', to: 'To', status: 'Status', direction: 'Direction', talkSeconds: 'Talk' },
    content: `Time,From,To,Status,Direction,Talk\n${new Date(Date.now() - 40 * 60_000).toISOString()},${number},0212345678,answered,in,65\n${new Date(Date.now() - 10 * 60_000).toISOString()},${number},0212345678,missed,in,0\n`,
  });
  const task = (await host.api<{ tasks: Task[] }>('calls.callbacks')).tasks.find((t) => t.patientId === null && t.phone === '+393475550199');
  expect(task, 'an open callback task for an unknown caller').toBeTruthy();

  await openInbox();
  // The whole number: the demo's own patients may have 347 numbers too.
  const card = page.getByTestId('callback-card').filter({ hasText: '347 555 0199' }).first();
  await card.getByTestId('callback-new-patient').click();
  const dialog = page.getByTestId('new-patient-dialog');
  await expect(dialog.getByTestId('new-patient-phone')).not.toHaveValue('');
  await dialog.getByTestId('new-patient-first').fill('Giulia');
  await dialog.getByTestId('new-patient-last').fill('Ferri');
  await dialog.getByTestId('new-patient-create').click();
  await expect(dialog).toBeHidden();
  // The new record's timeline shows the calls at once, without a reload.
  await expect(page.getByTestId('patient-card')).toBeVisible();
  // Both: the missed one and the answered one before it.
  await expect(page.getByTestId('timeline').getByTestId('timeline-call')).toHaveCount(2);
  const after = (await host.api<{ tasks: Task[] }>('calls.callbacks')).tasks.find((t) => t.id === task!.id);
  expect(after?.patientId).not.toBeNull();
});
