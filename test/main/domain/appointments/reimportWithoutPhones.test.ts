/**
 * A calendar whose events carry no phone number (the real OWA export below) matches nobody by number: its
 * first import makes a patient per visit, and importing the same file again must keep those patients,
 * not make a twin of each.
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { ImportSummary } from '../../../../src-main/contract/appointments';
import { tempApp } from '../../../helpers/tempApp';

type TestApp = Awaited<ReturnType<typeof tempApp>>;
let app: TestApp;
beforeEach(async () => {
  app = await tempApp();
});
afterEach(async () => app.cleanup());

const OWA = readFileSync(new URL('../../../fixtures/real/ics/nodeical-Office-2012-owa.ics', import.meta.url), 'utf8');
const importOwa = async (): Promise<ImportSummary> =>
  (await app.call('appointments.import', { format: 'ics', content: OWA, practitioner: 'Dr Rossi', createAllPractitioners: true, dryRun: false, from: '2020-10-01', to: '2020-11-14' })) as ImportSummary;
const count = (sql: string): number => (app.ctx.db.prepare(sql).get() as { n: number }).n;

it('re-importing a calendar without phone numbers creates no second patient for a visit it already has', async () => {
  const first = await importOwa();
  expect(first.errors).toEqual([]);
  expect(first.created).toBe(7);
  const patients = count('SELECT count(*) AS n FROM patients');
  expect(patients).toBe(7);
  const byVisit = app.ctx.db.prepare('SELECT external_uid, patient_id FROM appointments ORDER BY external_uid').all();

  const again = await importOwa();
  expect(again.errors).toEqual([]);
  expect(again.created).toBe(0);
  expect(count('SELECT count(*) AS n FROM patients')).toBe(patients);
  expect(app.ctx.db.prepare('SELECT external_uid, patient_id FROM appointments ORDER BY external_uid').all()).toEqual(byVisit);
});
