import i18next from 'i18next';
import { locale as uiLocale } from '../../i18n/format';

const LOCALES: Record<string, string> = { it: 'it-IT', pl: 'pl-PL', en: 'en-GB' };
/** The UI's locale, or a given language's (the printed report is in the clinic's language). */
const locale = (lng?: string): string => (lng ? (LOCALES[lng] ?? 'en-GB') : uiLocale());

/** "—" for a figure that has no value (no reply at all), never 0. */
export const NONE = '—';

export function formatCount(n: number | null, lng?: string): string {
  return n === null ? NONE : new Intl.NumberFormat(locale(lng)).format(n);
}

/** 45 min, 1 h 20 min, 2 d 3 h: durations read at a glance. */
export function formatDuration(ms: number | null, lng?: string): string {
  if (ms === null) return NONE;
  const min = Math.round(ms / 60_000);
  const unit = (value: number, u: 'minute' | 'hour' | 'day') => new Intl.NumberFormat(locale(lng), { style: 'unit', unit: u, unitDisplay: 'short' }).format(value);
  if (min < 60) return unit(min, 'minute');
  if (min < 48 * 60) return `${unit(Math.floor(min / 60), 'hour')}${min % 60 ? ` ${unit(min % 60, 'minute')}` : ''}`;
  const h = Math.round(min / 60);
  return `${unit(Math.floor(h / 24), 'day')}${h % 24 ? ` ${unit(h % 24, 'hour')}` : ''}`;
}

export function formatShare(share: number | null, lng?: string): string {
  return share === null ? NONE : new Intl.NumberFormat(locale(lng), { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatMinutes(min: number | null, lng?: string): string {
  return min === null ? NONE : new Intl.NumberFormat(locale(lng), { style: 'unit', unit: 'minute', unitDisplay: 'short', maximumFractionDigits: 1 }).format(min);
}

/** The change against the previous period, as "+12%" or "+3" when the previous was 0; null when either is missing. */
export function change(now: number | null, before: number | null): { text: string; direction: 'up' | 'down' | 'same' } | null {
  if (now === null || before === null) return null;
  if (now === before) return { text: '=', direction: 'same' };
  const direction = now > before ? 'up' : 'down';
  if (before === 0) return { text: `+${formatCount(now)}`, direction };
  const pct = new Intl.NumberFormat(locale(), { style: 'percent', maximumFractionDigits: 0, signDisplay: 'always' }).format((now - before) / before);
  return { text: pct, direction };
}

/** A date of the report (YYYY-MM-DD) in the UI language: "mar 10 mar 2026". */
export function formatDay(date: string, opts: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' }, lng = i18next.language): string {
  return new Intl.DateTimeFormat(locale(lng), { ...opts, timeZone: 'UTC' }).format(Date.parse(`${date}T12:00:00Z`));
}
