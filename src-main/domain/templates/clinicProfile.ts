/** Address, phone and website of the clinic, used by template variables. The name lives in the clinic settings. */
import type { ClinicProfile } from '../../contract/templates';
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { getClinicSettings } from '../settings/clinicSettings';
import type { ClinicInfo } from './templateVariables';

const KEY = 'clinicProfile';
const EMPTY: ClinicProfile = { address: '', phone: '', website: '' };

export function getClinicProfile(db: Db): ClinicProfile {
  return { ...EMPTY, ...(readSetting<Partial<ClinicProfile>>(db, KEY) ?? {}) };
}

export function saveClinicProfile(db: Db, profile: ClinicProfile): ClinicProfile {
  writeSetting(db, KEY, profile);
  return profile;
}

export function clinicInfo(db: Db): ClinicInfo {
  return { name: getClinicSettings(db).clinicName, ...getClinicProfile(db) };
}
