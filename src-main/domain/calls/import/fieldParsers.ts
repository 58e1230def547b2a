import { addDays, civilDate, zonedToUtc } from '../../hours/zonedTime';

/**
 * Field readers shared by the call-record importers. Each returns null for text it cannot read, so the
 * importer can report the row and its line instead of storing a wrong value.
 */

/** "00:01:23", "1:23", "83", "83.4" → seconds; empty → 0. */
export function parseDurationSeconds(raw: string): number | null {
  const text = raw.trim();
  if (text === '') return 0;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text));
  const m = /^(?:(\d+):)?(\d{1,2}):(\d{1,2})(?:\.\d+)?$/.exec(text);
  if (!m) return null;
  const [h, mi, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (mi > 59 || s > 59) return null;
  return h * 3600 + mi * 60 + s;
}

/** Which of day and month comes first in slash/dot dates that could be either (03/04/2024). */
export type DateOrder = 'dmy' | 'mdy';

function validDate(y: number, mo: number, d: number): boolean {
  if (y < 1990 || y > 2200 || mo < 1 || mo > 12 || d < 1) return false;
  const date = civilDate(y, mo, d);
  return addDays(date, 0) === date;
}

function clock(h: number, mi: number, s: number, ampm: string | undefined): number | null {
  let hour = h;
  if (ampm) {
    if (h < 1 || h > 12) return null;
    const pm = ampm.toLowerCase() === 'pm';
    hour = (h % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || mi > 59 || s > 59) return null;
  return hour * 3600 + mi * 60 + s;
}

const TIME = String.raw`(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp][Mm])?)?`;
// Year first is always year-month-day; 3CX's CDR writes it with slashes ("2020/05/04 10:53:43").
const ISO_LOCAL = new RegExp(String.raw`^(\d{4})([-/])(\d{1,2})\2(\d{1,2})${TIME}$`);
const NUMERIC_DATE = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})${TIME}$`);
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

function fromWallClock(y: number, mo: number, d: number, m: RegExpExecArray, offset: number, timeZone: string): number | null {
  if (!validDate(y, mo, d)) return null;
  const seconds = clock(Number(m[offset] ?? 0), Number(m[offset + 1] ?? 0), Number(m[offset + 2] ?? 0), m[offset + 3]);
  if (seconds === null) return null;
  const date = civilDate(y, mo, d);
  return zonedToUtc(date, Math.floor(seconds / 60), timeZone) + (seconds % 60) * 1000;
}

/**
 * Reads the date-times PBX exports write: ISO with an offset or Z (taken as is), "2024-03-12 09:15:02"
 * and "12/03/2024 09:15" (wall clock of the clinic's time zone — PBXs log local time), with optional AM/PM,
 * and Unix seconds or milliseconds.
 */
export function parseDateTime(raw: string, timeZone: string, order: DateOrder = 'dmy'): number | null {
  const text = raw.trim();
  if (text === '') return null;
  if (WITH_OFFSET.test(text)) {
    const t = Date.parse(text);
    return Number.isNaN(t) ? null : t;
  }
  if (/^\d{10}$/.test(text)) return Number(text) * 1000;
  if (/^\d{13}$/.test(text)) return Number(text);
  const iso = ISO_LOCAL.exec(text);
  if (iso) return fromWallClock(Number(iso[1]), Number(iso[3]), Number(iso[4]), iso, 5, timeZone);
  const num = NUMERIC_DATE.exec(text);
  if (num) {
    const [a, b, y] = [Number(num[1]), Number(num[2]), Number(num[3])];
    // An unambiguous day (> 12) wins over the configured order.
    const dayFirst = a > 12 ? true : b > 12 ? false : order === 'dmy';
    return fromWallClock(y, dayFirst ? b : a, dayFirst ? a : b, num, 4, timeZone);
  }
  return null;
}

/** "Anna Rossi (101)" → "101"; "+48 601 234 567" → "+48601234567"; "101" → "101". Empty → "". */
export function phoneDigits(raw: string): string {
  const inParens = /\(([+\d][\d\s-]*)\)\s*$/.exec(raw.trim());
  const source = inParens?.[1] ?? raw;
  const plus = source.trim().startsWith('+') ? '+' : '';
  return plus + source.replace(/[^\d]/g, '');
}

/** Internal extensions are short; outside numbers are not (a 2–6 digit number is a desk, not a patient). */
export function looksLikeExtension(number: string): boolean {
  return /^\d{2,6}$/.test(number);
}
