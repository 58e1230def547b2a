import i18next from 'i18next';

const LOCALES: Record<string, string> = { it: 'it-IT', pl: 'pl-PL', en: 'en-GB' };
export const locale = (): string => LOCALES[i18next.language] ?? 'en-GB';

export const formatTime = (t: number): string => new Intl.DateTimeFormat(locale(), { hour: '2-digit', minute: '2-digit' }).format(t);
export const formatDate = (t: number): string => new Intl.DateTimeFormat(locale(), { weekday: 'long', day: 'numeric', month: 'long' }).format(t);
export const formatShortDate = (t: number): string => new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short' }).format(t);
export const formatDateTime = (t: number): string =>
  new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(t);

/** "5 min", "2 h", "3 d" in the UI language. */
export function formatAge(ms: number): string {
  const min = Math.max(0, Math.round(ms / 60_000));
  if (min < 60) return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(min);
  const h = Math.round(min / 60);
  if (h < 48) return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(h);
  return new Intl.NumberFormat(locale(), { style: 'unit', unit: 'day', unitDisplay: 'short' }).format(Math.round(h / 24));
}

/** Today / yesterday / a date, for day separators in a timeline. */
export function dayLabel(t: number, now: number): string {
  const d = new Date(t);
  const n = new Date(now);
  const sameDay = (a: Date, b: Date): boolean => a.toDateString() === b.toDateString();
  if (sameDay(d, n)) return i18next.t('common:time.today');
  const y = new Date(n);
  y.setDate(n.getDate() - 1);
  if (sameDay(d, y)) return i18next.t('common:time.yesterday');
  return formatDate(t);
}
