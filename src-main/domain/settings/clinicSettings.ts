import { clinicSettings, type ClinicSettings } from '../../contract/core';
import type { Db } from '../../db/database';
import { readSettingParsed, writeSetting } from '../../db/repositories/settings';
import { localParts } from '../hours/zonedTime';
import { checkClinicSettingsMeaning } from './settingsMeaning';

const KEY = 'clinic';

export const DEFAULT_CLINIC_SETTINGS: ClinicSettings = {
  clinicName: 'Clinic Desk',
  defaultRegion: 'IT',
  defaultLanguage: 'it',
  timeZone: 'Europe/Rome',
  uiLanguage: 'it',
};

export function getClinicSettings(db: Db): ClinicSettings {
  // Read for every message (the region of its phone number): parsed once per stored value.
  return readSettingParsed(db, KEY, (stored) => clinicSettings.parse({ ...DEFAULT_CLINIC_SETTINGS, ...((stored as Partial<ClinicSettings> | undefined) ?? {}) }));
}

export function updateClinicSettings(db: Db, changes: Partial<ClinicSettings>): ClinicSettings {
  checkClinicSettingsMeaning(changes);
  const next = clinicSettings.parse({ ...getClinicSettings(db), ...changes });
  writeSetting(db, KEY, next);
  return next;
}

/** The clinic's date (YYYY-MM-DD) of an instant: its own calendar, not UTC's (00:30 in Rome is that day). */
export function clinicDate(db: Db, at: number): string {
  return localParts(at, getClinicSettings(db).timeZone).date;
}
