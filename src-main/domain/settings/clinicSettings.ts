import { clinicSettings, type ClinicSettings } from '../../contract/core';
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
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
  const stored = readSetting<Partial<ClinicSettings>>(db, KEY) ?? {};
  return clinicSettings.parse({ ...DEFAULT_CLINIC_SETTINGS, ...stored });
}

export function updateClinicSettings(db: Db, changes: Partial<ClinicSettings>): ClinicSettings {
  checkClinicSettingsMeaning(changes);
  const next = clinicSettings.parse({ ...getClinicSettings(db), ...changes });
  writeSetting(db, KEY, next);
  return next;
}
