import fs from 'node:fs';
import { createApp } from '../../app/createApp';
import { gdprDeps } from '../../domain/gdpr/gdprArea';
import { findPatientForRequest } from '../../domain/gdpr/findPatient';
import { erasePatient } from '../../domain/gdpr/patientErasure';
import { exportPatient } from '../../domain/gdpr/patientExport';
import type { Region } from '../../domain/patients/phone';
import { getClinicSettings } from '../../domain/settings/clinicSettings';
import { invalidInput } from '../../domain/shared/errors';
import { resolveDataDir } from '../../host/dataDir';
import { dataOption, type Command } from '../command';

/** The actor named in the audit log: who ran the command on this machine. */
const cliActor = (): string => `cli:${process.env.USER ?? process.env.USERNAME ?? 'unknown'}`;

async function withApp<T>(dataFlag: string | undefined, fn: (app: Awaited<ReturnType<typeof createApp>>) => Promise<T>): Promise<T> {
  const app = await createApp({ dataDir: resolveDataDir({ flag: dataFlag }), startOutbox: false, backups: false });
  try {
    return await fn(app);
  } finally {
    await app.stop();
  }
}

export const patientExportCommand: Command = {
  name: 'patient export',
  summary: "GDPR: export everything about the patient with this number (JSON + media in one zip); refuses an unknown or shared number.",
  usage: 'patient export --phone NUMBER --to FILE.zip [--data DIR]',
  options: { ...dataOption, phone: { type: 'string' }, to: { type: 'string' } },
  async run({ values }, io) {
    const phone = values.phone as string | undefined;
    const to = values.to as string | undefined;
    if (!phone) throw invalidInput('--phone', 'the number the patient wrote from is needed');
    if (!to) throw invalidInput('--to', 'the zip file to write is needed');
    if (fs.existsSync(to)) throw invalidInput('--to', `${to} already exists`);
    return withApp(values.data as string | undefined, async (app) => {
      const patientId = findPatientForRequest(app.ctx.db, phone, getClinicSettings(app.ctx.db).defaultRegion as Region);
      const out = await exportPatient(gdprDeps(app.ctx), patientId, cliActor());
      fs.writeFileSync(to, out.zip, { mode: 0o600 });
      const rows = Object.entries(out.tables).filter(([, n]) => n > 0).map(([t, n]) => `${t} ${n}`).join(', ');
      io.out(`Exported patient #${patientId} to ${to} (${out.zip.length} bytes): ${rows}.`);
      if (out.missingMedia.length) io.err(`${out.missingMedia.length} media file(s) are listed but no longer on disk.`);
      return 0;
    });
  },
};

export const patientEraseCommand: Command = {
  name: 'patient erase',
  summary: 'GDPR: erase the patient with this number (identities, numbers, media, message texts); refuses an unknown or shared number.',
  usage: 'patient erase --phone NUMBER --yes [--data DIR]',
  options: { ...dataOption, phone: { type: 'string' }, yes: { type: 'boolean' } },
  async run({ values }, io) {
    const phone = values.phone as string | undefined;
    if (!phone) throw invalidInput('--phone', 'the number the patient wrote from is needed');
    return withApp(values.data as string | undefined, async (app) => {
      const patientId = findPatientForRequest(app.ctx.db, phone, getClinicSettings(app.ctx.db).defaultRegion as Region);
      if (values.yes !== true) {
        io.err(`This erases patient #${patientId} for good. Run again with --yes to confirm (export first if the patient asked for a copy).`);
        return 2;
      }
      const out = await erasePatient(gdprDeps(app.ctx), patientId, cliActor());
      io.out(`Erased patient #${patientId}: ${out.rows.messages ?? 0} message(s) emptied, ${out.rows.patient_identities ?? 0} number(s) removed, ${out.mediaFilesRemoved} media file(s) deleted.`);
      if (!out.scrub.vacuumed || out.scrub.walFramesLeft > 0) {
        io.err('The running desk holds the database open, so the file could not be fully compacted: stop the desk and run this command again.');
      }
      io.out('Backups taken before today still hold this patient: see "Backups and erasure" in the README.');
      return 0;
    });
  },
};
