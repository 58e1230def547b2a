import { createApp } from '../../app/createApp';
import { getClinicSettings } from '../../domain/settings/clinicSettings';
import { invalidInput } from '../../domain/shared/errors';
import { reminderLines, reminderTick } from '../../domain/visitLoop/reminderService';
import { visitLoopDeps } from '../../domain/visitLoop/visitLoopArea';
import { resolveDataDir } from '../../host/dataDir';
import { dataOption, type Command } from '../command';
import { isoWithOffset } from './importAppointments';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `clinic-desk reminders --date YYYY-MM-DD`: the reminder plan of a clinic day, one line per patient (visits
 * covered, channel, language, send time, text), as the desk's Reminders panel shows it. Without --dry-run the
 * reminders whose time has come are queued (the same idempotent keys as the desk's scheduler: nothing twice).
 */
export const remindersCommand: Command = {
  name: 'reminders',
  summary: "Show (or queue what is due of) a day's appointment reminders: one line per patient.",
  usage: 'reminders --date YYYY-MM-DD [--dry-run] [--json] [--data DIR]',
  options: { ...dataOption, date: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
  async run({ values }, io) {
    const day = values.date;
    if (typeof day !== 'string' || !DATE.test(day)) throw invalidInput('--date', `"${String(day ?? '')}" is not a date like 2026-11-24`);
    const app = await createApp({ dataDir: resolveDataDir({ flag: values.data as string | undefined }), startOutbox: false, backups: false });
    try {
      const deps = visitLoopDeps(app.ctx);
      const queued = values['dry-run'] === true ? 0 : reminderTick(deps);
      const lines = reminderLines(deps, day);
      const tz = getClinicSettings(app.ctx.db).timeZone;
      if (values.json) {
        io.out(JSON.stringify({ day, timeZone: tz, dryRun: values['dry-run'] === true, queued, reminders: lines.map((l) => ({ ...l, sendAtLocal: isoWithOffset(l.sendAt, tz) })) }, null, 2));
        return 0;
      }
      for (const l of lines) {
        const via = l.channel ? `${l.channel}${l.fallbackWhy ? ` (fallback: ${l.fallbackWhy})` : ''}` : 'unreachable';
        io.out(`${l.patientName || `patient ${l.patientId}`}  visits ${l.appointmentIds.join(',')}  ${via}  ${l.language ?? '-'}  ${isoWithOffset(l.sendAt, tz)}  ${l.state}  ${JSON.stringify(l.text ?? '')}`);
      }
      io.out(`${lines.length} reminder(s) for ${day}${values['dry-run'] === true ? ' (dry run: nothing queued)' : `; ${queued} queued now`}.`);
      return 0;
    } finally {
      await app.stop();
    }
  },
};
