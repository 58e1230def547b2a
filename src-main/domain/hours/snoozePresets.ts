/**
 * Snooze choices computed from the clinic's calendar (zone, weekly hours, holidays, closures), not from
 * the desk PC's clock and zone: "tomorrow morning" on a Saturday means Monday at opening, and never a
 * Sunday or a holiday. Pure (Intl only), so the renderer can import it beside the settings screen.
 */
import { WEEKDAYS, nextOpeningAt, type BusinessHours, type Weekday } from './businessHours';
import { addDays, isoWeekdayIndex, localParts, zonedToUtc } from './zonedTime';

export type SnoozePresetKey = 'hour1' | 'hour3' | 'tomorrow' | 'nextOpening' | 'nextWeek';

export interface SnoozePreset {
  /** i18n key under `inbox:snooze.` */
  key: SnoozePresetKey;
  /** Absolute instant (ms). */
  at: number;
  /** Clinic-local weekday of `at`, for labels such as "Monday at opening". */
  weekday: Weekday;
}

const HOUR = 3_600_000;

function weekdayOf(t: number, timeZone: string): Weekday {
  return WEEKDAYS[isoWeekdayIndex(localParts(t, timeZone).date)] ?? 'mon';
}

/**
 * In 1 h, in 3 h, the next open day's opening ("tomorrow" when that day is tomorrow in the clinic's zone,
 * otherwise "next opening" with its weekday), and the first opening of next week (ISO week, Monday first).
 * Presets at the same instant collapse into the first one; the next-week preset that equals the next
 * opening becomes "<weekday> at opening" rather than "tomorrow" (Saturday or Sunday → Monday).
 */
export function snoozePresets(now: number, hours: BusinessHours): SnoozePreset[] {
  const zone = hours.timeZone;
  const today = localParts(now, zone).date;
  const tomorrow = addDays(today, 1);
  const mondayNext = addDays(today, 7 - isoWeekdayIndex(today));

  const out: SnoozePreset[] = [];
  const add = (key: SnoozePresetKey, at: number | null): void => {
    if (at === null || at <= now) return;
    const same = out.find((p) => p.at === at);
    if (same) {
      // The next opening is also next week's first: one entry, named by its weekday.
      if (key === 'nextWeek' && (same.key === 'tomorrow' || same.key === 'nextOpening')) same.key = 'nextOpening';
      return;
    }
    out.push({ key, at, weekday: weekdayOf(at, zone) });
  };

  add('hour1', now + HOUR);
  add('hour3', now + 3 * HOUR);
  const opening = nextOpeningAt(hours, zonedToUtc(tomorrow, 0, zone));
  add(opening !== null && localParts(opening, zone).date === tomorrow ? 'tomorrow' : 'nextOpening', opening);
  add('nextWeek', nextOpeningAt(hours, zonedToUtc(mondayNext, 0, zone)));
  return out.sort((a, b) => a.at - b.at);
}
