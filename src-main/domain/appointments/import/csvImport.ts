/**
 * CSV exports of practice-management software and spreadsheets → appointments. Columns are found by
 * their header in Italian, Polish or English, or named explicitly with a mapping. Local dates and times
 * are read in the clinic's zone; each bad row is reported with its line and the rest still imported.
 */
import { localParts, zonedToUtc } from '../../hours/zonedTime';
import { parseCsv } from '../../calls/import/csvTokenizer';
import { findPhone, inRange, type DateRange, type ImportedAppointment, type ImportIssue, type ImportResult } from './importedAppointment';
import type { ErrorParams } from '../../shared/errors';
import { ROW } from '../../shared/rowReasons';

export const CSV_FIELDS = ['id', 'start', 'date', 'time', 'end', 'endTime', 'duration', 'patient', 'firstName', 'lastName', 'phone', 'practitioner', 'type', 'notes', 'status', 'room'] as const;
export type CsvField = (typeof CSV_FIELDS)[number];
/** Field → header text as it appears in the file. */
export type AppointmentColumnMapping = Partial<Record<CsvField, string>>;

const SYNONYMS: Record<CsvField, string[]> = {
  id: ['id', 'uid', 'appointment id', 'id appuntamento', 'id wizyty', 'numero'],
  start: ['start', 'starts at', 'start time', 'inizio', 'data e ora', 'data ora', 'termin', 'początek'],
  date: ['date', 'data', 'giorno', 'data wizyty', 'dzień', 'appointment date'],
  time: ['time', 'ora', 'ora inizio', 'orario', 'godzina', 'godzina rozpoczęcia', 'od'],
  end: ['end', 'ends at', 'fine', 'koniec'],
  endTime: ['end time', 'ora fine', 'godzina zakończenia', 'do'],
  duration: ['duration', 'duration (min)', 'minutes', 'durata', 'durata (min)', 'czas trwania', 'czas trwania (min)'],
  patient: ['patient', 'patient name', 'paziente', 'nominativo', 'pacjent', 'imię i nazwisko'],
  firstName: ['first name', 'nome', 'imię'],
  lastName: ['last name', 'cognome', 'nazwisko'],
  phone: ['phone', 'mobile', 'telephone', 'telefono', 'cellulare', 'tel', 'telefon', 'telefon komórkowy', 'numer telefonu'],
  practitioner: ['practitioner', 'doctor', 'provider', 'medico', 'dottore', 'operatore', 'lekarz', 'specjalista'],
  type: ['type', 'service', 'visit type', 'prestazione', 'tipo', 'tipo visita', 'usługa', 'typ wizyty', 'rodzaj'],
  notes: ['notes', 'note', 'comment', 'uwagi', 'notatki', 'komentarz'],
  status: ['status', 'stato'],
  room: ['room', 'location', 'stanza', 'ambulatorio', 'sala', 'gabinet', 'sala zabiegowa', 'lokalizacja'],
};

const CANCELLED = new Set(['cancelled', 'canceled', 'annullato', 'annullata', 'cancellato', 'disdetto', 'anulowana', 'odwołana', 'odwolana']);

const key = (s: string): string => s.trim().toLowerCase().replace(/\s+/g, ' ');

/** Column index per field: the explicit mapping first, then the known header names. */
export function resolveColumns(
  header: string[],
  mapping: AppointmentColumnMapping = {},
): { columns: Partial<Record<CsvField, number>>; problem: string | null; reason?: string; params?: ErrorParams } {
  const keys = header.map(key);
  const columns: Partial<Record<CsvField, number>> = {};
  for (const field of CSV_FIELDS) {
    const wanted = mapping[field];
    if (wanted !== undefined) {
      const i = keys.indexOf(key(wanted));
      if (i < 0) return { columns, problem: `mapping ${field}="${wanted}": no such column (columns: ${header.join(', ')})`, reason: ROW.noSuchColumn, params: { column: wanted, columns: header.join(', ') } };
      columns[field] = i;
      continue;
    }
    const i = keys.findIndex((k) => SYNONYMS[field].includes(k));
    if (i >= 0 && !Object.values(columns).includes(i)) columns[field] = i;
  }
  if (columns.start === undefined && (columns.date === undefined || columns.time === undefined)) {
    return { columns, problem: `no start column: map "start", or "date" and "time" (columns: ${header.join(', ')})`, reason: ROW.noStartColumn, params: { columns: header.join(', ') } };
  }
  return { columns, problem: null };
}

/** "2026-03-24", "24/03/2026", "24.03.2026", "24-03-2026" → "2026-03-24". */
export function parseLocalDate(raw: string): string | null {
  const s = raw.trim();
  let y: number, m: number, d: number;
  const isoDate = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  const european = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (isoDate) [y, m, d] = [Number(isoDate[1]), Number(isoDate[2]), Number(isoDate[3])];
  else if (european) [y, m, d] = [Number(european[3]), Number(european[2]), Number(european[1])];
  else return null;
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** "9:00", "09.30", "14:05:00" → minutes after midnight. */
export function parseLocalTime(raw: string): number | null {
  const m = /^(\d{1,2})[:.](\d{2})(?:[:.]\d{2})?$/.exec(raw.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

/** A date-time cell: ISO with an offset is an instant; otherwise a local "date time" in the clinic's zone. */
export function parseDateTime(raw: string, timeZone: string): number | null {
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(s)) {
    const t = Date.parse(s);
    return Number.isNaN(t) ? null : t;
  }
  const m = /^(\S+)[ T](\S+)$/.exec(s);
  if (!m) return null;
  const date = parseLocalDate(m[1] ?? '');
  const minute = parseLocalTime(m[2] ?? '');
  return date === null || minute === null ? null : zonedToUtc(date, minute, timeZone);
}

export interface CsvImportOptions {
  range: DateRange | null;
  timeZone: string;
  mapping?: AppointmentColumnMapping;
  practitioner?: string | null;
  defaultVisitMinutes?: number;
  /** The practitioner's usual visit length, for rows with neither an end nor a duration. */
  visitMinutesOf?: (practitioner: string | null) => number | undefined;
}

type RowOutcome = { appointment: ImportedAppointment } | { error: string; reason: string; params?: ErrorParams };

/** `header` names a field's column as the file does ("Data", "Ora"), for the row's error. */
function readRow(cells: (f: CsvField) => string, line: number, opts: CsvImportOptions, header: (f: CsvField) => string): RowOutcome {
  const practitioner = opts.practitioner ?? (cells('practitioner') || null);
  let startsAt: number | null;
  let date: string | null = null;
  if (cells('start') !== '') {
    startsAt = parseDateTime(cells('start'), opts.timeZone);
    if (startsAt === null) return { error: `start "${cells('start')}" is not a date and time (e.g. 24/03/2026 09:30)`, reason: ROW.dateTime, params: { column: header('start'), value: cells('start') } };
  } else {
    date = parseLocalDate(cells('date'));
    if (date === null) return { error: `date "${cells('date')}" is not a date (e.g. 24/03/2026)`, reason: ROW.date, params: { column: header('date'), value: cells('date') } };
    const minute = parseLocalTime(cells('time'));
    if (minute === null) return { error: `time "${cells('time')}" is not a time (e.g. 09:30)`, reason: ROW.time, params: { column: header('time'), value: cells('time') } };
    startsAt = zonedToUtc(date, minute, opts.timeZone);
  }
  let endsAt: number;
  if (cells('end') !== '') {
    const end = parseDateTime(cells('end'), opts.timeZone);
    if (end === null) return { error: `end "${cells('end')}" is not a date and time`, reason: ROW.dateTime, params: { column: header('end'), value: cells('end') } };
    endsAt = end;
  } else if (cells('endTime') !== '') {
    const minute = parseLocalTime(cells('endTime'));
    if (minute === null) return { error: `end time "${cells('endTime')}" is not a time`, reason: ROW.time, params: { column: header('endTime'), value: cells('endTime') } };
    endsAt = zonedToUtc(date ?? localParts(startsAt, opts.timeZone).date, minute, opts.timeZone);
  } else if (cells('duration') !== '') {
    const minutes = Number(cells('duration').replace(',', '.'));
    if (!Number.isFinite(minutes) || minutes <= 0) return { error: `duration "${cells('duration')}" is not a number of minutes`, reason: ROW.minutes, params: { column: header('duration'), value: cells('duration') } };
    endsAt = startsAt + minutes * 60_000;
  } else endsAt = startsAt + (opts.visitMinutesOf?.(practitioner) ?? opts.defaultVisitMinutes ?? 30) * 60_000;
  if (endsAt <= startsAt) return { error: 'the end is not after the start', reason: ROW.endBeforeStart };

  const name = cells('patient') || [cells('firstName'), cells('lastName')].filter(Boolean).join(' ');
  const phone = cells('phone') === '' ? null : (findPhone(cells('phone')) ?? cells('phone'));
  const uid = cells('id') !== '' ? `csv:${cells('id')}` : `csv:${new Date(startsAt).toISOString()}|${practitioner ?? ''}|${phone ?? name}`;
  return {
    appointment: {
      line,
      uid,
      startsAt,
      endsAt,
      patientName: name === '' ? null : name,
      phone,
      practitioner,
      type: cells('type'),
      notes: cells('notes'),
      location: cells('room'),
      cancelled: CANCELLED.has(key(cells('status'))),
    },
  };
}

export function importAppointmentCsv(input: string, opts: CsvImportOptions): ImportResult {
  const appointments: ImportedAppointment[] = [];
  const skipped: ImportIssue[] = [];
  const parsed = parseCsv(input);
  const errors: ImportIssue[] = parsed.problems.map((p) => ({ line: p.line, message: p.message, reason: p.reason }));
  const [header, ...rows] = parsed.records;
  if (!header) return { appointments, errors: [...errors, { line: 1, message: 'the file is empty', reason: ROW.emptyFile }], skipped };
  const { columns, problem, reason, params } = resolveColumns(header.fields, opts.mapping);
  if (problem) return { appointments, errors: [...errors, { line: header.line, message: problem, ...(reason ? { reason } : {}), ...(params ? { params } : {}) }], skipped };

  for (const row of rows) {
    const cells = (f: CsvField): string => {
      const i = columns[f];
      return i === undefined ? '' : (row.fields[i] ?? '').trim();
    };
    const outcome = readRow(cells, row.line, opts, (f) => header.fields[columns[f] ?? -1] ?? f);
    if ('error' in outcome) errors.push({ line: row.line, message: outcome.error, reason: outcome.reason, ...(outcome.params ? { params: outcome.params } : {}) });
    else if (!inRange(outcome.appointment.startsAt, opts.range)) skipped.push({ line: row.line, message: 'outside the date range' });
    else appointments.push(outcome.appointment);
  }
  errors.sort((a, b) => a.line - b.line);
  return { appointments, errors, skipped };
}
