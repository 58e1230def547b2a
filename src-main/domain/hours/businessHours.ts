/**
 * Business hours per weekday, public holidays and clinic closures, and the two questions the desk asks
 * of them: "is the clinic open at instant t?" and "when does it next open?". Pure; the time zone is
 * part of the data so that answers are right around midnight and on DST change days.
 */
import { z } from 'zod';
import { issueReason } from '../../contract/issueReason';
import { invalidInput } from '../shared/errors';
import { HOLIDAY_COUNTRIES, holidayOn, type Holiday } from './holidays';
import { addDays, isCivilDate, isValidTimeZone, isoWeekdayIndex, localParts, zonedToUtc } from './zonedTime';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

const timeRangeSchema = z
  .object({
    from: z.string().regex(HHMM, 'must be HH:MM (00:00–24:00)'),
    to: z.string().regex(HHMM, 'must be HH:MM (00:00–24:00)'),
  })
  .refine((r) => minutesOf(r.to) > minutesOf(r.from), { message: 'closing time must be after opening time' });

const dayRangesSchema = z.array(timeRangeSchema).refine(
  (ranges) => {
    const sorted = [...ranges].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
    return sorted.every((r, i) => i === 0 || minutesOf(r.from) >= minutesOf(sorted[i - 1]?.to ?? '00:00'));
  },
  { message: 'opening periods overlap' },
);

const civilDateSchema = z.string().refine(isCivilDate, { message: 'must be a date YYYY-MM-DD' });

export const closureSchema = z
  .object({ from: civilDateSchema, to: civilDateSchema, label: z.string().trim().max(120) })
  .refine((c) => c.to >= c.from, { message: 'closure ends before it starts', path: ['to'] });

export const businessHoursSchema = z.object({
  timeZone: z.string().refine(isValidTimeZone, { message: 'unknown time zone' }),
  weekly: z.object(Object.fromEntries(WEEKDAYS.map((d) => [d, dayRangesSchema])) as Record<Weekday, typeof dayRangesSchema>),
  publicHolidays: z.array(z.enum(HOLIDAY_COUNTRIES)),
  closures: z.array(closureSchema),
});

export type TimeRange = z.infer<typeof timeRangeSchema>;
export type Closure = z.infer<typeof closureSchema>;
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** Validates settings typed by a person; the error names the offending field, e.g. "weekly.mon.1.to". */
export function parseBusinessHours(input: unknown): BusinessHours {
  const result = businessHoursSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = ['businessHours', ...(issue?.path ?? []).map(String)].join('.');
  throw invalidInput(field, issue?.message ?? 'invalid business hours', issueReason(issue, field));
}

export type ClosedReason = { kind: 'holiday'; holiday: Holiday } | { kind: 'closure'; closure: Closure } | null;

/** Why the whole local `date` is closed, or null when the weekly hours apply. */
export function dayClosedReason(hours: BusinessHours, date: string): ClosedReason {
  const holiday = holidayOn(date, hours.publicHolidays);
  if (holiday) return { kind: 'holiday', holiday };
  const closure = hours.closures.find((c) => c.from <= date && date <= c.to);
  return closure ? { kind: 'closure', closure } : null;
}

/** Opening periods of a local date (empty on holidays and closures), sorted. */
export function rangesOn(hours: BusinessHours, date: string): TimeRange[] {
  if (dayClosedReason(hours, date)) return [];
  const weekday = WEEKDAYS[isoWeekdayIndex(date)] ?? 'mon';
  return [...hours.weekly[weekday]].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
}

export function isOpenAt(hours: BusinessHours, t: number): boolean {
  return nextOpeningAt(hours, t) === t;
}

/** How far ahead to look before concluding the clinic never opens (a year and a few days). */
const SEARCH_DAYS = 370;

/**
 * The first instant >= t at which the clinic is open: t itself when open now, otherwise the start of the
 * next opening period. Null when no period exists in the coming year (e.g. no weekly hours at all).
 */
export function nextOpeningAt(hours: BusinessHours, t: number): number | null {
  // Start a day early: a local day that began before t may still have a period covering t.
  const today = localParts(t, hours.timeZone).date;
  for (let i = -1; i <= SEARCH_DAYS; i++) {
    const date = addDays(today, i);
    for (const range of rangesOn(hours, date)) {
      const start = zonedToUtc(date, minutesOf(range.from), hours.timeZone);
      const end = zonedToUtc(date, minutesOf(range.to), hours.timeZone);
      if (end > t) return Math.max(start, t);
    }
  }
  return null;
}

/** The instant the current opening period ends, or null when closed at t. */
export function closesAt(hours: BusinessHours, t: number): number | null {
  const today = localParts(t, hours.timeZone).date;
  for (let i = -1; i <= 0; i++) {
    const date = addDays(today, i);
    for (const range of rangesOn(hours, date)) {
      const start = zonedToUtc(date, minutesOf(range.from), hours.timeZone);
      const end = zonedToUtc(date, minutesOf(range.to), hours.timeZone);
      if (start <= t && t < end) return end;
    }
  }
  return null;
}

/** A sensible week for a new clinic: Monday–Friday 08:00–19:00, Saturday 08:30–13:00. */
export function defaultBusinessHours(country: 'IT' | 'PL', timeZone: string): BusinessHours {
  const weekday = [{ from: '08:00', to: '19:00' }];
  return {
    timeZone,
    weekly: { mon: weekday, tue: weekday, wed: weekday, thu: weekday, fri: weekday, sat: [{ from: '08:30', to: '13:00' }], sun: [] },
    publicHolidays: [country],
    closures: [],
  };
}
