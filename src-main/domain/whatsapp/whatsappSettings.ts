import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { invalidInput } from '../shared/errors';
import { DEFAULT_PACING, validatePacing, type PacingSettings } from './pacing';

/** The clinic's WhatsApp choices, in the settings table under one key. */
export interface WhatsAppSettings extends PacingSettings {
  smsFallback: boolean;
  includeGroups: boolean;
  /** '' or "2.3000.1027934701" (see parseWebVersion). */
  webVersion: string;
}

export const WHATSAPP_SETTINGS_KEY = 'whatsapp.settings';

export const DEFAULT_WHATSAPP_SETTINGS: WhatsAppSettings = { ...DEFAULT_PACING, smsFallback: false, includeGroups: false, webVersion: '' };

export function getWhatsAppSettings(db: Db): WhatsAppSettings {
  return { ...DEFAULT_WHATSAPP_SETTINGS, ...(readSetting<Partial<WhatsAppSettings>>(db, WHATSAPP_SETTINGS_KEY) ?? {}) };
}

/** Validates the whole result (pacing limits, booleans) before writing anything; the error names the field. */
export function updateWhatsAppSettings(db: Db, change: Partial<WhatsAppSettings>): WhatsAppSettings {
  const current = getWhatsAppSettings(db);
  const pacing = validatePacing(
    {
      ...(change.minGapMs !== undefined ? { minGapMs: change.minGapMs } : {}),
      ...(change.maxGapMs !== undefined ? { maxGapMs: change.maxGapMs } : {}),
      ...(change.firstContactDailyCap !== undefined ? { firstContactDailyCap: change.firstContactDailyCap } : {}),
      ...(change.typing !== undefined ? { typing: change.typing } : {}),
    },
    current,
  );
  const webVersion = (change.webVersion ?? current.webVersion).trim();
  if (webVersion !== '' && !parseWebVersion(webVersion)) throw invalidInput('webVersion', 'must look like 2.3000.1027934701, or be empty', { reason: 'errors-detail:webVersion' });
  const next: WhatsAppSettings = {
    ...pacing,
    smsFallback: change.smsFallback ?? current.smsFallback,
    includeGroups: change.includeGroups ?? current.includeGroups,
    webVersion,
  };
  if (typeof next.smsFallback !== 'boolean') throw invalidInput('smsFallback', 'must be true or false', { reason: 'errors-fields:invalid', params: { field: 'smsFallback' } });
  if (typeof next.includeGroups !== 'boolean') throw invalidInput('includeGroups', 'must be true or false', { reason: 'errors-fields:invalid', params: { field: 'includeGroups' } });
  writeSetting(db, WHATSAPP_SETTINGS_KEY, next);
  return next;
}

/** "2.3000.1027934701" → [2, 3000, 1027934701], the shape of Baileys' `version` socket option; null when malformed. */
export function parseWebVersion(text: string): [number, number, number] | null {
  const m = /^(\d{1,4})\.(\d{1,6})\.(\d{1,12})$/.exec(text.trim());
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}
