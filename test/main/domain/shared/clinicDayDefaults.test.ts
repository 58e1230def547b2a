import { afterEach, describe, expect, it } from 'vitest';
import { insertOptOut } from '../../../../src-main/db/repositories/sms';
import { addIdentity, insertPatient, setConsent } from '../../../../src-main/db/repositories/patients';
import { automaticSmsBlockReason } from '../../../../src-main/domain/sms/optOutService';
import { updateClinicSettings } from '../../../../src-main/domain/settings/clinicSettings';
import { tempApp } from '../../../helpers/tempApp';

/**
 * Days a manager reads (file names, "opted out on …") are the clinic's days. At 00:30 in Rome it is still the
 * day before in UTC, which is when a `toISOString().slice(0, 10)` default went wrong.
 */
const ROME_0030 = Date.UTC(2026, 10, 26, 23, 30); // Friday 27 November 2026, 00:30 in Rome (UTC+1)

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

async function romeAt0030() {
  const app = await tempApp();
  cleanup = app.cleanup;
  updateClinicSettings(app.ctx.db, { timeZone: 'Europe/Rome', uiLanguage: 'en' });
  app.clock.set(ROME_0030);
  return app;
}

describe("defaults that are a clinic day use the clinic's zone (fake clock at 00:30 in Rome)", () => {
  it('the audit CSV and the patient export are named for the clinic day', async () => {
    const app = await romeAt0030();
    const audit = (await app.call('audit.exportCsv', {})) as { fileName: string };
    expect(audit.fileName).toBe('audit-2026-11-27.csv');
    const patientId = insertPatient(app.ctx.db, { firstName: 'Ada', lastName: 'Export', language: 'it' } as never, ROME_0030 - 86_400_000);
    const exported = (await app.call('gdpr.exportPatient', { patientId })) as { fileName: string };
    expect(exported.fileName).toBe(`patient-${patientId}-2026-11-27.zip`);
  });

  it("an SMS opt-out sent at 00:30 is dated that clinic day in the reason automatic SMS are refused", async () => {
    const app = await romeAt0030();
    const { db } = app.ctx;
    const patientId = insertPatient(db, { firstName: 'Bea', lastName: 'Stop', language: 'it' } as never, ROME_0030 - 86_400_000);
    addIdentity(db, patientId, 'phone', '+393471119988', ROME_0030);
    setConsent(db, patientId, 'sms', false, ROME_0030, 'opt-out keyword');
    insertOptOut(db, { patientId, inboundMessageId: null, keyword: 'STOP', at: ROME_0030 });
    const reason = automaticSmsBlockReason({ db }, patientId);
    expect(reason).toContain('2026-11-27');
    expect(reason).not.toContain('2026-11-26');
  });
});
