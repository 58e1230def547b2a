/**
 * Wall-clock arithmetic in an IANA time zone with Intl only (no Node imports, no tz database of our own).
 * Civil dates are 'YYYY-MM-DD' strings; minutes are minutes after local midnight (0–1440).
 */

export interface LocalParts {
  date: string;
  year: number;
  month: number;
  day: number;
  /** Minutes after local midnight. */
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone (e.g. "Europe/Rome"). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function intlFields(t: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const out: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(t)) {
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  }
  return { y: out.year ?? 1970, mo: out.month ?? 1, d: out.day ?? 1, h: out.hour ?? 0, mi: out.minute ?? 0, s: out.second ?? 0 };
}

/**
 * Local calendar fields of instant t. Intl.formatToParts costs ~20 µs and hours, delays and templates
 * ask thousands of times per preview; a zone's offset only changes on a quarter-hour boundary (every
 * DST rule in the tz database), so the offset is asked of Intl once per zone and quarter hour and the
 * fields follow from UTC arithmetic.
 */
const QUARTER_HOUR = 15 * 60_000;
const offsets = new Map<string, number>();

function zoneOffset(t: number, timeZone: string): number {
  const bucket = Math.floor(t / QUARTER_HOUR) * QUARTER_HOUR;
  const key = `${timeZone}|${bucket}`;
  let off = offsets.get(key);
  if (off === undefined) {
    const f = intlFields(bucket, timeZone);
    off = Date.UTC(f.y, f.mo - 1, f.d, f.h, f.mi, f.s) - bucket;
    if (offsets.size >= 10_000) offsets.clear();
    offsets.set(key, off);
  }
  return off;
}

function fields(t: number, timeZone: string): { y: number; mo: number; d: number; h: number; mi: number; s: number } {
  const d = new Date(t + zoneOffset(t, timeZone));
  return { y: d.getUTCFullYear(), mo: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), mi: d.getUTCMinutes(), s: d.getUTCSeconds() };
}

export function civilDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function localParts(t: number, timeZone: string): LocalParts {
  const f = fields(t, timeZone);
  return { date: civilDate(f.y, f.mo, f.d), year: f.y, month: f.mo, day: f.d, minute: f.h * 60 + f.mi };
}

/** Offset of the zone from UTC at instant t, in ms (Rome in summer: +7 200 000). */
function offsetAt(t: number, timeZone: string): number {
  return zoneOffset(t, timeZone);
}

function parseCivil(date: string): [number, number, number] {
  const [y, m, d] = date.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/**
 * The instant at which the wall clock in `timeZone` shows `date` + `minute`. A time skipped by a
 * spring-forward change maps to the same distance after the gap (02:30 → 03:30), as most calendars do;
 * a repeated time in autumn maps to its first occurrence.
 */
export function zonedToUtc(date: string, minute: number, timeZone: string): number {
  const [y, m, d] = parseCivil(date);
  const asUtc = Date.UTC(y, m - 1, d, 0, minute);
  const firstGuess = asUtc - offsetAt(asUtc, timeZone);
  const offset = offsetAt(firstGuess, timeZone);
  const candidate = asUtc - offset;
  // Autumn overlap: an hour earlier may show the same wall time with the summer offset.
  const earlier = candidate - 3_600_000;
  if (Date.UTC(y, m - 1, d, 0, minute) - offsetAt(earlier, timeZone) === earlier) return earlier;
  return candidate;
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = parseCivil(date);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return civilDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** 0 = Monday … 6 = Sunday. */
export function isoWeekdayIndex(date: string): number {
  const [y, m, d] = parseCivil(date);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

/** Instant of local midnight starting the day that contains t. */
export function startOfLocalDay(t: number, timeZone: string): number {
  return zonedToUtc(localParts(t, timeZone).date, 0, timeZone);
}

export function isCivilDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = parseCivil(value);
  return addDays(value, 0) === value && y > 1900 && m >= 1 && d >= 1;
}
