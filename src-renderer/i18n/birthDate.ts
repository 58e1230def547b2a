import { locale } from './format';

/** "1985-03-14" (a civil date, no time zone) as "14 marzo 1985" / "14 marca 1985" / "14 March 1985". */
export function formatBirthDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  // Noon UTC, formatted in UTC: the same calendar day whatever the desk's time zone.
  const at = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12);
  return new Intl.DateTimeFormat(locale(), { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
}
