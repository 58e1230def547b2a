import i18next from 'i18next';
import { useApp } from '../stores/appStore';
import { addDays, localParts } from '../../src-main/domain/hours/zonedTime';

const LOCALES: Record<string, string> = { it: 'it-IT', pl: 'pl-PL', en: 'en-GB' };
export const locale = (): string => LOCALES[i18next.language] ?? 'en-GB';

/**
 * Times on the desk are the clinic's wall clock, 24-hour, whatever the PC's own zone or the browser's
 * locale: a manager's laptop abroad shows "snoozed until 14:30" as the desk in the clinic does.
 */
export const clinicZone = (): string => useApp.getState().info?.settings.timeZone ?? 'Europe/Rome';

/** Formatters are costly to build and the list formats hundreds of rows: one per locale, zone and shape. */
const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(shape: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const timeZone = clinicZone();
  const key = `${locale()}|${timeZone}|${shape}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale(), { ...opts, timeZone, ...(opts.hour ? { hourCycle: 'h23' as const } : {}) });
    cache.set(key, f);
  }
  return f;
}

export const formatTime = (t: number): string => fmt('time', { hour: '2-digit', minute: '2-digit' }).format(t);
export const formatDate = (t: number): string => fmt('date', { weekday: 'long', day: 'numeric', month: 'long' }).format(t);
export const formatShortDate = (t: number): string => fmt('short', { day: 'numeric', month: 'short' }).format(t);
export const formatDateTime = (t: number): string => fmt('dateTime', { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(t);

/** The clinic's calendar day of an instant: "2026-11-30". */
export const clinicDay = (t: number): string => localParts(t, clinicZone()).date;

/** "5 min", "2 h", "3 d" in the UI language. */
export function formatAge(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(min);
  const h = Math.round(min / 60);
  if (h < 48) return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(h);
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'day', unitDisplay: 'short' }).format(Math.round(h / 24));
}

/** Today / yesterday / a date, for day separators in a timeline (the clinic's days). */
export function dayLabel(t: number, now: number): string {
  const day = clinicDay(t);
  const today = clinicDay(now);
  if (day === today) return i18next.t('common:time.today');
  if (day === addDays(today, -1)) return i18next.t('common:time.yesterday');
  return formatDate(t);
}
