import { expect, test } from './fixtures';

/**
 * The manager's campaign screen and the admin's privacy tools in the demo clinic: build an audience with a live
 * count, preview per language with the SMS cost, start and follow the report; erase a patient from their card;
 * find both in the audit log.
 */
interface Summary {
  id: number;
  patientId: number;
}

test('a manager builds a segment, previews the cost, starts a campaign and sees its report', async ({ page, host }) => {
  // Two demo patients given marketing + SMS consent, so the segment has someone to reach.
  const { items } = await host.api<{ items: Summary[] }>('inbox.list', { status: 'active', limit: 500 });
  for (const c of items.slice(0, 2)) {
    await host.api('patient.setConsent', { patientId: c.patientId, kind: 'marketing', granted: true, source: 'form' });
    await host.api('patient.setConsent', { patientId: c.patientId, kind: 'sms', granted: true, source: 'form' });
  }
  await host.api('campaigns.setPricing', { pricePerSegment: 0.05, currency: 'EUR' });

  await page.goto(`${host.url}/#/campaigns`);
  await expect(page.getByTestId('campaigns-view')).toBeVisible();
  const count = page.getByTestId('segment-count');
  // The builder starts at "marketing consent given"; its live count is the server's.
  const expected = await host.api<{ count: number }>('segments.count', { definition: { marketingConsent: true } });
  await expect(count).toContainText(String(expected.count));
  await page.getByLabel(/Marketing consent|Consenso marketing|Zgoda marketingowa/).selectOption('');
  const everyone = await host.api<{ count: number }>('segments.count', { definition: {} });
  await expect(count).toContainText(String(everyone.count));
  await page.getByLabel(/Marketing consent|Consenso marketing|Zgoda marketingowa/).selectOption('true');
  await expect(count).toContainText(String(expected.count));
  await page.getByTestId('campaign-template').selectOption({ index: 1 });
  await page.getByTestId('campaign-preview').click();
  const preview = page.getByTestId('campaign-preview-result');
  await expect(preview).toBeVisible();
  await expect(page.getByTestId('campaign-cost')).toContainText('EUR');
  await preview.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/campaigns-preview.png' });

  await page.getByTestId('campaign-start-now').click();
  const report = page.getByTestId('campaign-report');
  await expect(report).toBeVisible();
  await expect(page.getByTestId('campaign-figures')).toBeVisible();
  await page.screenshot({ path: 'test-results/campaigns-report.png', fullPage: true });

  await page.goto(`${host.url}/#/audit`);
  await expect(page.getByTestId('audit-table')).toContainText('campaign.start');
  await page.screenshot({ path: 'test-results/audit-log.png', fullPage: true });
});

test('an admin erases a patient from their card with a typed confirmation', async ({ page, host }) => {
  const { items } = await host.api<{ items: Summary[] }>('inbox.list', { status: 'active', limit: 500 });
  const target = items.at(-1)!;
  await page.goto(`${host.url}/#/inbox/${target.id}`);
  await expect(page.getByTestId('patient-card')).toBeVisible();
  await page.getByTestId('gdpr-erase').click();
  const dialog = page.getByTestId('gdpr-erase-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('gdpr-erase-confirm')).toBeDisabled();
  await page.screenshot({ path: 'test-results/gdpr-erase-dialog.png' });
  const word = (await dialog.locator('label').innerText()).match(/\b[A-ZĄĘŚŁŃÓŹŻ]{4,}\b/)![0];
  await page.getByTestId('gdpr-erase-word').fill(word);
  await page.getByTestId('gdpr-erase-confirm').click();
  await expect(dialog).toBeHidden();
  await page.goto(`${host.url}/#/audit`);
  await page.getByTestId('audit-action').selectOption('patient.erase');
  await expect(page.getByTestId('audit-table')).toContainText('patient.erase');
});
