/**
 * Opening hours written out for a patient in their language, e.g. "lun–ven 08:00–19:00; sab 08:30–13:00"
 * or "pon.–pt. 08:00–19:00; sob. 08:30–13:00". Consecutive days with the same periods are grouped.
 */
import { dateTimeFormat } from '../shared/intlCache';
import { WEEKDAYS, type BusinessHours, type TimeRange } from './businessHours';

/** Short weekday names from Intl: 2024-01-01 was a Monday. */
function weekdayNames(locale: string): string[] {
  const f = dateTimeFormat(locale, { weekday: 'short', timeZone: 'UTC' });
  return WEEKDAYS.map((_, i) => f.format(Date.UTC(2024, 0, 1 + i)));
}

function rangesKey(ranges: TimeRange[]): string {
  return ranges.map((r) => `${r.from}–${r.to}`).join(', ');
}

export function formatWeeklyHours(hours: BusinessHours, locale: string): string {
  const names = weekdayNames(locale);
  const groups: Array<{ first: number; last: number; text: string }> = [];
  WEEKDAYS.forEach((day, i) => {
    const text = rangesKey(hours.weekly[day]);
    const previous = groups[groups.length - 1];
    if (previous && previous.text === text && previous.last === i - 1) previous.last = i;
    else groups.push({ first: i, last: i, text });
  });
  return groups
    .filter((g) => g.text !== '')
    .map((g) => {
      const days = g.first === g.last ? names[g.first] : `${names[g.first]}–${names[g.last]}`;
      return `${days} ${g.text}`;
    })
    .join('; ');
}
