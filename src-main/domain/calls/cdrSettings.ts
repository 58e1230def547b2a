import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { DeskError } from '../shared/errors';
import { DEFAULT_TOPOLOGY, parseExtensionRanges, type PbxTopology } from './import/pbxTopology';

/**
 * How the clinic's PBX writes its call records, set once by IT: the time base of Master.csv (cdr.conf
 * `usegmtime`, on in Asterisk's sample cdr.conf), which channels are trunks and which numbers are desks.
 */
export interface CdrSettings extends PbxTopology {
  timeBase: 'local' | 'utc';
}

const CDR_KEY = 'calls.cdr';

export const DEFAULT_CDR_SETTINGS: CdrSettings = { timeBase: 'local', ...DEFAULT_TOPOLOGY };

export function getCdrSettings(db: Db): CdrSettings {
  return { ...DEFAULT_CDR_SETTINGS, ...(readSetting<Partial<CdrSettings>>(db, CDR_KEY) ?? {}) };
}

/** Validates before writing; each error names its field. */
export function saveCdrSettings(db: Db, input: CdrSettings): CdrSettings {
  const trunkPatterns = input.trunkPatterns.map((p) => p.trim()).filter((p) => p !== '');
  const bad = trunkPatterns.find((p) => !/^[A-Za-z0-9_/*.@-]+$/.test(p));
  if (bad !== undefined) {
    throw new DeskError('invalid_input', `cdr.trunkPatterns: "${bad}" is not a channel or trunk name (letters, digits, / and * only)`, { field: 'cdr.trunkPatterns', reason: 'errors-detail:trunkName', params: { value: bad } });
  }
  const deskExtensions = input.deskExtensions.trim();
  if (deskExtensions !== '' && !parseExtensionRanges(deskExtensions)) {
    throw new DeskError('invalid_input', 'cdr.deskExtensions: write numbers and ranges, e.g. "100-399, 500"', { field: 'cdr.deskExtensions', reason: 'errors-detail:extensionRanges' });
  }
  const next: CdrSettings = { timeBase: input.timeBase, trunkPatterns, deskExtensions };
  writeSetting(db, CDR_KEY, next);
  return next;
}
