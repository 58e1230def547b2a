/**
 * "mar 24/11 10:30 Dr Bianchi, 11:30 Dr Rossi": the visits a message is about, short enough for one SMS.
 * Visits of the same day share the date. Pure (Intl only).
 */
import { dateTimeFormat } from '../shared/intlCache';
import { formatTime, intlLocale } from '../templates/localeFormat';

export interface ListedVisit {
  startsAt: number;
  practitioner: string;
}

export function shortDate(t: number, language: string | null, timeZone: string): string {
  const locale = intlLocale(language);
  const weekday = dateTimeFormat(locale, { weekday: 'short', timeZone }).format(t).replace(/\.$/, '');
  const dm = dateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', timeZone }).format(t);
  return `${weekday} ${dm}`;
}

export function visitList(visits: readonly ListedVisit[], language: string | null, timeZone: string): string {
  const sorted = [...visits].sort((a, b) => a.startsAt - b.startsAt);
  const parts: string[] = [];
  let lastDate = '';
  for (const v of sorted) {
    const date = shortDate(v.startsAt, language, timeZone);
    const time = formatTime(v.startsAt, language, timeZone);
    parts.push(`${date === lastDate ? '' : `${date} `}${time} ${v.practitioner}`.trim());
    lastDate = date;
  }
  return parts.join(', ');
}
