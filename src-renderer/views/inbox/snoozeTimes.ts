/**
 * The snooze menu's clock is the clinic's, not the desk PC's: presets come from the clinic calendar
 * (src-main/domain/hours/snoozePresets.ts) and the custom time field reads and writes wall-clock time
 * in the clinic's zone.
 */
import { localParts, zonedToUtc } from '../../../src-main/domain/hours/zonedTime';

const pad = (n: number): string => String(n).padStart(2, '0');

/** The value a <input type="datetime-local"> expects, in `timeZone`: "2026-11-23T15:30". */
export function toZonedInput(t: number, timeZone: string): string {
  const p = localParts(t, timeZone);
  return `${p.date}T${pad(Math.floor(p.minute / 60))}:${pad(p.minute % 60)}`;
}

/** The instant a datetime-local value names in `timeZone`; NaN for an empty or malformed value. */
export function fromZonedInput(v: string, timeZone: string): number {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(v);
  if (!m || !m[1]) return NaN;
  const [y, mo, d] = m[1].split('-').map(Number);
  const check = new Date(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 0));
  if (check.getUTCMonth() + 1 !== mo || check.getUTCDate() !== d || Number(m[2]) > 23 || Number(m[3]) > 59) return NaN;
  return zonedToUtc(m[1], Number(m[2]) * 60 + Number(m[3]), timeZone);
}
