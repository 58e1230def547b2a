/**
 * The clinic's business hours as stored in settings. The time zone always follows the clinic settings,
 * so changing it there moves the hours with it.
 */
import type { HoursView } from '../../contract/templates';
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { getClinicSettings } from '../settings/clinicSettings';
import { defaultBusinessHours, isOpenAt, nextOpeningAt, parseBusinessHours, type BusinessHours } from './businessHours';
import { publicHolidays } from './holidays';
import { localParts } from './zonedTime';

const KEY = 'hours';

export function getBusinessHours(db: Db): BusinessHours {
  const clinic = getClinicSettings(db);
  const stored = readSetting<Omit<BusinessHours, 'timeZone'>>(db, KEY);
  if (!stored) {
    return defaultBusinessHours(clinic.defaultRegion === 'PL' ? 'PL' : 'IT', clinic.timeZone);
  }
  return { ...stored, timeZone: clinic.timeZone };
}

/** Validates (the error names the field, e.g. businessHours.weekly.mon.0) and stores. */
export function saveBusinessHours(db: Db, input: Omit<BusinessHours, 'timeZone'>): BusinessHours {
  const hours = parseBusinessHours({ ...input, timeZone: getClinicSettings(db).timeZone });
  const { timeZone: _zone, ...rest } = hours;
  writeSetting(db, KEY, rest);
  return hours;
}

/** What the settings screen shows: the hours, this year's and next year's holidays, open now or when. */
export function hoursView(db: Db, now: number): HoursView {
  const hours = getBusinessHours(db);
  const year = localParts(now, hours.timeZone).year;
  const holidays = hours.publicHolidays
    .flatMap((c) => [...publicHolidays(c, year), ...publicHolidays(c, year + 1)])
    .sort((a, b) => a.date.localeCompare(b.date));
  return { ...hours, holidays, openNow: isOpenAt(hours, now), nextOpening: nextOpeningAt(hours, now) };
}
