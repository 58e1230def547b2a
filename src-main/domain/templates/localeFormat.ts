/**
 * Dates and times as a patient reads them in their own language, in the clinic's time zone.
 * Intl only, so it runs in the main process and the renderer alike.
 */
import { dateTimeFormat, relativeTimeFormat } from '../shared/intlCache';

/** Language → Intl locale. English defaults to British usage (24-hour clock, day before month) in an EU clinic. */
export function intlLocale(language: string | null | undefined): string {
  const base = (language ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (base === '') return 'en-GB';
  if (base === 'en') return 'en-GB';
  return base;
}

/** "martedì 24 novembre" / "wtorek, 24 listopada" / "Tuesday 24 November". */
export function formatLongDate(t: number, language: string | null, timeZone: string): string {
  return dateTimeFormat(intlLocale(language), { weekday: 'long', day: 'numeric', month: 'long', timeZone }).format(t);
}

/** "09:30" in every supported language (24-hour clock). */
export function formatTime(t: number, language: string | null, timeZone: string): string {
  return dateTimeFormat(intlLocale(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(t);
}

/** Calendar-day difference between two instants as seen on the wall clock of `timeZone`. */
export function calendarDaysBetween(from: number, to: number, timeZone: string): number {
  const dayNumber = (t: number): number => {
    const parts = dateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone }).format(t);
    const [y, m, d] = parts.split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1) / 86_400_000;
  };
  return dayNumber(to) - dayNumber(from);
}

/**
 * When something happens, relative to `now`: "oggi, 15:00" / "jutro, 08:00" / "Monday 30 November, 08:00".
 * Today and tomorrow are spelled the way each language says them (Intl.RelativeTimeFormat).
 */
export function formatWhen(t: number, now: number, language: string | null, timeZone: string): string {
  const locale = intlLocale(language);
  const days = calendarDaysBetween(now, t, timeZone);
  const time = formatTime(t, language, timeZone);
  if (days === 0 || days === 1) {
    const word = relativeTimeFormat(locale, { numeric: 'auto' }).format(days, 'day');
    return `${word}, ${time}`;
  }
  return `${formatLongDate(t, language, timeZone)}, ${time}`;
}
