import type { Db } from '../../db/database';
import { shortcodeOwner } from '../../db/repositories/templates';
import { getClinicSettings } from '../settings/clinicSettings';
import { DeskError } from '../shared/errors';
import { saveTemplate } from '../templates/templateService';
import { MISSED_CALL_SHORTCODE, MISSED_CALL_VARIANTS } from './missedCallText';

const NAMES = { it: 'Chiamata persa', pl: 'Nieodebrane połączenie', en: 'Missed call' } as const;

/**
 * Turning the text-back on needs its template in the library: the standard "/missedcall" one is added
 * there (through the template service, so the clinic can edit its wording); any other shortcode must exist.
 */
export function ensureTextBackTemplate(db: Db, shortcode: string, now: number): void {
  const code = shortcode.trim().replace(/^\//, '').toLowerCase();
  if (shortcodeOwner(db, code) !== undefined) return;
  if (code !== MISSED_CALL_SHORTCODE) {
    throw new DeskError('invalid_input', `textBack.templateShortcode: no template has the shortcode /${code}`, { field: 'textBack.templateShortcode', reason: 'errors-detail:noShortcode', params: { code } });
  }
  saveTemplate(db, { name: NAMES[getClinicSettings(db).uiLanguage], shortcode: code, category: 'general', variants: MISSED_CALL_VARIANTS }, now);
}
