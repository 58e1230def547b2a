import { textBackRules, type TextBackRules } from '../../contract/calls';
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { DeskError } from '../shared/errors';
import type { SecretBox } from '../shared/secretBox';
import { DEFAULT_ABANDON_WITHIN_SECONDS } from './import/classifyCall';
import { DEFAULT_TEXT_BACK_RULES } from './textBack';

/** The call log's settings, each under its own key in the settings table. */
const TEXT_BACK_KEY = 'calls.textBack';
const OPTIONS_KEY = 'calls.options';
const PBX_KEY = 'calls.pbx';

export interface PbxConfig {
  enabled: boolean;
  host: string;
  port: number;
  username: string;
  /** Sealed by the desk's secret box (base64); null when none is stored. */
  sealedSecret: string | null;
}

export const DEFAULT_PBX: PbxConfig = { enabled: false, host: '', port: 5038, username: '', sealedSecret: null };

export function getTextBackRules(db: Db): TextBackRules {
  const stored = readSetting<Partial<TextBackRules>>(db, TEXT_BACK_KEY) ?? {};
  const parsed = textBackRules.safeParse({ ...DEFAULT_TEXT_BACK_RULES, ...stored });
  return parsed.success ? parsed.data : DEFAULT_TEXT_BACK_RULES;
}

export function saveTextBackRules(db: Db, rules: TextBackRules): void {
  writeSetting(db, TEXT_BACK_KEY, rules);
}

export function getAbandonWithinSeconds(db: Db): number {
  return readSetting<{ abandonWithinSeconds?: number }>(db, OPTIONS_KEY)?.abandonWithinSeconds ?? DEFAULT_ABANDON_WITHIN_SECONDS;
}

export function saveAbandonWithinSeconds(db: Db, seconds: number): void {
  writeSetting(db, OPTIONS_KEY, { abandonWithinSeconds: seconds });
}

export function getPbxConfig(db: Db): PbxConfig {
  return { ...DEFAULT_PBX, ...(readSetting<Partial<PbxConfig>>(db, PBX_KEY) ?? {}) };
}

/** Saves the AMI link; an omitted secret keeps the stored one (when it can still be read). Enabling needs host, user and secret. */
export function savePbxConfig(
  db: Db,
  secrets: SecretBox,
  input: { enabled: boolean; host: string; port: number; username: string; secret?: string | undefined },
): PbxConfig {
  const current = getPbxConfig(db);
  // An unreadable stored secret (sealed on another machine, key file replaced) counts as none: it must be typed again.
  const kept = hasReadablePbxSecret(db, secrets) ? current.sealedSecret : null;
  const sealedSecret = input.secret !== undefined && input.secret !== '' ? secrets.seal(input.secret).toString('base64') : kept;
  if (input.enabled) {
    if (!/^[A-Za-z0-9.-]+$|^\[?[0-9a-fA-F:]+\]?$/.test(input.host)) {
      throw new DeskError('invalid_input', 'pbx.host: the PBX address (a host name or IP address) is required', { field: 'pbx.host', reason: 'errors-detail:pbxHost' });
    }
    if (!input.username) throw new DeskError('invalid_input', 'pbx.username: the AMI user (manager.conf) is required', { field: 'pbx.username', reason: 'errors-detail:pbxUser' });
    if (!sealedSecret) throw new DeskError('invalid_input', 'pbx.secret: the AMI secret is required', { field: 'pbx.secret', reason: 'errors-detail:pbxSecret' });
  }
  const next: PbxConfig = { enabled: input.enabled, host: input.host, port: input.port, username: input.username, sealedSecret };
  writeSetting(db, PBX_KEY, next);
  return next;
}

/** The AMI secret in clear, or why it cannot be read on this machine (key store missing, key file replaced): type it again. */
export function pbxSecret(db: Db, secrets: SecretBox): { secret: string } | { unreadable: string } | null {
  const sealed = getPbxConfig(db).sealedSecret;
  if (!sealed) return null;
  try {
    return { secret: secrets.open(Buffer.from(sealed, 'base64')) };
  } catch (err) {
    return { unreadable: err instanceof Error ? err.message : 'unreadable' };
  }
}

export function hasReadablePbxSecret(db: Db, secrets: SecretBox): boolean {
  const stored = pbxSecret(db, secrets);
  return stored !== null && 'secret' in stored;
}
