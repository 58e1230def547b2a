import path from 'node:path';
import { createApp } from '../../app/createApp';
import type { ImportSummary } from '../../contract/appointments';
import { getClinicSettings } from '../../domain/settings/clinicSettings';
import { invalidInput } from '../../domain/shared/errors';
import { resolveDataDir } from '../../host/dataDir';
import { dataOption, type CliIo, type Command } from '../command';
import { readImportFile, importFileArg, importOptions, mapOptions, printIssues } from '../importFile';

/** "2026-03-29T08:30:00+02:00": the instant with the clinic's offset on that day, as IT checks it against the calendar. */
export function isoWithOffset(t: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
      .formatToParts(t)
      .map((p) => [p.type, p.value]),
  );
  const local = Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute), Number(parts.second));
  const offset = Math.round((local - Math.floor(t / 1000) * 1000) / 60_000);
  const sign = offset < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(offset) / 60)).padStart(2, '0');
  const mm = String(Math.abs(offset) % 60).padStart(2, '0');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${sign}${hh}:${mm}`;
}

/** "Dr Bianchi, Dr Verdi" → two names. */
export const splitNames = (list: string): string[] =>
  list
    .split(',')
    .map((n) => n.trim())
    .filter((n) => n !== '');

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function printSummary(s: ImportSummary, timeZone: string, file: string, io: CliIo): void {
  for (const r of s.rows) {
    const who = [r.patientName ?? '(no name)', r.phone ? `<${r.phone}>` : ''].filter(Boolean).join(' ');
    const flag = r.cancelled ? ' [cancelled]' : '';
    io.out(`${file}:${r.line}  ${isoWithOffset(r.startsAt, timeZone)} → ${isoWithOffset(r.endsAt, timeZone)}  ${r.practitioner}  ${who}${flag}  ${r.outcome}`);
  }
  for (const n of s.newPractitioners) {
    const state = n.confirmed ? (s.dryRun ? 'will be created' : 'created') : 'not confirmed: pass --create-practitioners to create it';
    io.out(`new practitioner "${n.name}" (lines ${n.lines.join(', ')})${n.similarTo ? ` similar to "${n.similarTo}"` : ''}: ${state}`);
  }
  printIssues(s, file, io);
  if (!s.dryRun && s.confirmations) {
    io.out(
      s.confirmations.sent
        ? `Booking confirmations: on; ${s.confirmations.noticesQueued} notice(s) queued.`
        : `Booking confirmations: off${s.firstImport ? ' (first import; pass --send-confirmations to send them)' : ''}; ${s.confirmations.noticesQueued} other notice(s) queued.`,
    );
  }
  const verb = s.dryRun ? 'Dry run (nothing saved): would create' : 'Created';
  io.out(
    `${verb} ${s.created}, updated ${s.updated}, unchanged ${s.unchanged}; ${s.patientsCreated} new patient(s)` +
      (s.practitionersCreated.length ? `, new practitioner(s): ${s.practitionersCreated.join(', ')}` : '') +
      `; ${s.skipped.length} skipped, ${s.errors.length} error(s).`,
  );
}

export const importAppointmentsCommand: Command = {
  name: 'import appointments',
  summary: 'Import appointments from an ICS (Google, Outlook) or CSV file; re-importing updates by UID, never duplicates.',
  usage: 'import appointments FILE [--practitioner NAME] [--from YYYY-MM-DD --to YYYY-MM-DD] [--format ics|csv] [--map field=Header ...] [--create-practitioners "A,B" | --create-all] [--send-confirmations | --no-confirmations] [--dry-run] [--json] [--data DIR]',
  options: {
    ...dataOption,
    practitioner: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    format: { type: 'string' },
    'create-practitioners': { type: 'string' },
    'create-all': { type: 'boolean' },
    // Booking confirmations for this import's new visits: off by default for the clinic's first import, on afterwards.
    'send-confirmations': { type: 'boolean' },
    'no-confirmations': { type: 'boolean' },
    ...importOptions,
  },
  allowPositionals: true,
  async run({ values, positionals }, io) {
    const file = importFileArg(positionals, this.usage);
    for (const key of ['from', 'to'] as const) {
      const v = values[key];
      if (v !== undefined && (typeof v !== 'string' || !DATE.test(v))) throw invalidInput(`--${key}`, `"${String(v)}" is not a date like 2026-03-24`);
    }
    const ext = path.extname(file).toLowerCase();
    const format = (values.format as string | undefined) ?? (ext === '.ics' || ext === '.ical' ? 'ics' : ext === '.csv' || ext === '.txt' ? 'csv' : null);
    if (format !== 'ics' && format !== 'csv') throw invalidInput('--format', `cannot tell the format of ${file}: pass --format ics or --format csv`);
    const mapping = mapOptions(values.map as string[] | undefined, 'phone="Cellulare"');

    if (values['send-confirmations'] === true && values['no-confirmations'] === true) throw invalidInput('--send-confirmations', 'pass either --send-confirmations or --no-confirmations, not both');
    const app = await createApp({ dataDir: resolveDataDir({ flag: values.data as string | undefined }), startOutbox: false, program: 'clinic-desk import appointments', backups: false });
    try {
      const request = {
        format,
        content: readImportFile(file),
        dryRun: values['dry-run'] === true,
        ...(values.practitioner ? { practitioner: values.practitioner } : {}),
        // New practitioner names are created only when named here (or with --create-all): a typo never becomes a doctor.
        ...(typeof values['create-practitioners'] === 'string' ? { createPractitioners: splitNames(values['create-practitioners']) } : {}),
        ...(values['create-all'] === true ? { createAllPractitioners: true } : {}),
        ...(values['send-confirmations'] === true ? { sendConfirmations: true } : values['no-confirmations'] === true ? { sendConfirmations: false } : {}),
        ...(values.from ? { from: values.from } : {}),
        ...(values.to ? { to: values.to } : {}),
        ...(Object.keys(mapping).length ? { mapping } : {}),
      };
      const summary = (await app.call('appointments.import', request, { user: 'cli' })) as ImportSummary;
      const timeZone = getClinicSettings(app.ctx.db).timeZone;
      if (values.json) {
        const rows = summary.rows.map((r) => ({ ...r, start: isoWithOffset(r.startsAt, timeZone), end: isoWithOffset(r.endsAt, timeZone) }));
        io.out(JSON.stringify({ ...summary, timeZone, rows }, null, 2));
      } else printSummary(summary, timeZone, path.basename(file), io);
      return summary.errors.length > 0 ? 1 : 0;
    } finally {
      await app.stop();
    }
  },
};
