/** The clinic's SMS preferences (settings key "sms"): active provider, transliteration, segment warning, polling, opt-out words. */
import { smsGeneralSettings, type SmsGeneralSettings } from '../../contract/sms';
import type { Db } from '../../db/database';
import { readSettingParsed, writeSetting } from '../../db/repositories/settings';
import { DEFAULT_OPT_OUT_CONFIRMATION, DEFAULT_OPT_OUT_KEYWORDS } from './optOut';

const KEY = 'sms';

export const DEFAULT_SMS_SETTINGS: SmsGeneralSettings = {
  activeProvider: null,
  // On for new clinics: a Polish or Italian accent would otherwise force UCS-2 and triple the cost (issue 17).
  transliterate: true,
  maxSegments: 3,
  pollIntervalSeconds: 120,
  optOutKeywords: { ...DEFAULT_OPT_OUT_KEYWORDS },
  optOutConfirmation: { ...DEFAULT_OPT_OUT_CONFIRMATION },
};

export function getSmsSettings(db: Db): SmsGeneralSettings {
  return readSettingParsed(db, KEY, (stored) => {
    const parsed = smsGeneralSettings.safeParse({ ...DEFAULT_SMS_SETTINGS, ...((stored as Partial<SmsGeneralSettings> | undefined) ?? {}) });
    // A hand-edited or older value that no longer parses falls back to the defaults rather than breaking sending.
    return parsed.success ? parsed.data : DEFAULT_SMS_SETTINGS;
  });
}

export function updateSmsSettings(db: Db, changes: Partial<SmsGeneralSettings>): SmsGeneralSettings {
  const next = smsGeneralSettings.parse({ ...getSmsSettings(db), ...changes });
  writeSetting(db, KEY, next);
  return next;
}
