import { useApp } from '../../stores/appStore';
import { addDays, zonedToUtc } from '../../../src-main/domain/hours/zonedTime';

/**
 * Every time the desk shows or asks for is the clinic's wall clock, not the desk PC's: a laptop left on
 * another zone (or a manager's browser abroad) must not shift a snooze, a send-later or a filter by an hour.
 */
export const useClinicZone = (): string => useApp((s) => s.info?.settings.timeZone) ?? 'Europe/Rome';

/** The instant the clinic's day `date` ("2026-11-30") begins. */
export const clinicDayStart = (date: string, timeZone: string): number => zonedToUtc(date, 0, timeZone);

/** The instant the clinic's day `date` ends (the next day's midnight, DST days included). */
export const clinicDayEnd = (date: string, timeZone: string): number => zonedToUtc(addDays(date, 1), 0, timeZone);
