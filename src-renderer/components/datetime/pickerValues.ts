import { addDays, zonedToUtc } from '../../../src-main/domain/hours/zonedTime';
import { CalendarDate, type CalendarDateTime, type Time, parseDate, parseDateTime, parseTime } from '@internationalized/date';

/**
 * The fields speak the native inputs' strings ("2026-11-30", "14:30", "2026-11-30T14:30") so a screen swaps
 * `<input type="date">` for `<DateField>` without touching its state; these convert at the edge, and anything
 * malformed is "no value" rather than an exception in the middle of typing.
 */
const pad = (n: number): string => String(n).padStart(2, '0');

function safe<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

export const toDate = (v: string | undefined): CalendarDate | null => (v && /^\d{4}-\d{2}-\d{2}$/.test(v) ? safe(() => parseDate(v)) : null);
export const toTime = (v: string | undefined): Time | null => (v && /^\d{2}:\d{2}$/.test(v) ? safe(() => parseTime(v)) : null);
export const toDateTime = (v: string | undefined): CalendarDateTime | null =>
  v && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(v) ? safe(() => parseDateTime(v)) : null;

export const fromDate = (d: CalendarDate | null): string => (d ? `${String(d.year).padStart(4, '0')}-${pad(d.month)}-${pad(d.day)}` : '');
export const fromTime = (t: Time | null): string => (t ? `${pad(t.hour)}:${pad(t.minute)}` : '');
export const fromDateTime = (d: CalendarDateTime | null): string => (d ? `${fromDate(new CalendarDate(d.year, d.month, d.day))}T${pad(d.hour)}:${pad(d.minute)}` : '');

/** The UI language's region for the fields: Italian and Polish as spoken there, English as in the UK (24 h, Monday first). */
const PICKER_LOCALES: Record<string, string> = { it: 'it-IT', pl: 'pl-PL', en: 'en-GB' };
export const pickerLocale = (lang: string): string => PICKER_LOCALES[lang] ?? 'en-GB';

/** The instant the clinic's day `date` ("2026-11-30") begins. */
export const clinicDayStart = (date: string, timeZone: string): number => zonedToUtc(date, 0, timeZone);

/** The instant the clinic's day `date` ends (the next day's midnight, DST days included). */
export const clinicDayEnd = (date: string, timeZone: string): number => zonedToUtc(addDays(date, 1), 0, timeZone);

/**
 * ↑/↓ on the minutes of a field that steps by `step` (visits start on 5-minute marks): "09:07" ↑ → "09:10",
 * ↓ → "09:05". The minutes wrap within the hour as the field's own step does ("09:55" ↑ → "09:00"). An empty or
 * incomplete value is left to the field.
 */
export function stepMinutes(value: string, direction: 1 | -1, step: number): string | null {
  const m = /^(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const minute = Number(m[2]);
  const next = direction === 1 ? Math.floor(minute / step) * step + step : Math.ceil(minute / step) * step - step;
  return `${m[1]}:${pad((next + 60) % 60)}`;
}
