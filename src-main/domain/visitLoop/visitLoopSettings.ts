/**
 * The clinic's visit-loop rules (settings key "visitLoop"): reminders, notices, reply window, feedback and
 * the texts. Missing keys take the defaults, so a new clinic works without setup.
 */
import { type z } from 'zod';
import { visitLoopSettings } from '../../contract/visitLoop';
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { issueReason } from '../../contract/issueReason';
import { DeskError, invalidInput } from '../shared/errors';
import { getSmsSettings } from '../sms/smsSettings';
import { typicalSegments } from './typicalSegments';
import { DEFAULT_VISIT_TEXTS, type VisitTextKind } from './visitTexts';

export { TYPICAL_VALUES, typicalSegments } from './typicalSegments';

export const visitLoopSettingsSchema = visitLoopSettings;
export type VisitLoopSettings = z.infer<typeof visitLoopSettingsSchema>;

export const DEFAULT_VISIT_LOOP_SETTINGS: VisitLoopSettings = {
  reminders: { enabled: true, hoursBefore: [24], skipIfBookedWithinHours: 12 },
  sendingWindow: { from: '09:00', to: '19:00' },
  notices: { bookingConfirmation: true, reschedule: true, cancellation: true },
  replies: { windowHours: null, acknowledge: true },
  feedback: { enabled: true, hoursAfter: 2, lowScoreAtMost: 3, reviewFromScore: 5, reviewUrl: '' },
  texts: DEFAULT_VISIT_TEXTS,
};

const KEY = 'visitLoop';

export function getVisitLoopSettings(db: Db): VisitLoopSettings {
  const stored = readSetting<Partial<VisitLoopSettings>>(db, KEY) ?? {};
  const merged = { ...DEFAULT_VISIT_LOOP_SETTINGS, ...stored, texts: { ...DEFAULT_VISIT_TEXTS, ...(stored.texts ?? {}) } };
  const parsed = visitLoopSettingsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_VISIT_LOOP_SETTINGS;
}

export function saveVisitLoopSettings(db: Db, input: unknown): VisitLoopSettings {
  const result = visitLoopSettingsSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field = ['visitLoop', ...(issue?.path ?? []).map(String)].join('.');
    throw invalidInput(field, issue?.message ?? 'invalid settings', issueReason(issue, field));
  }
  const sms = getSmsSettings(db);
  for (const [kind, byLanguage] of Object.entries(result.data.texts) as Array<[VisitTextKind, Record<string, string>]>) {
    for (const [language, body] of Object.entries(byLanguage)) {
      const segments = typicalSegments(body, sms.transliterate);
      if (segments > sms.maxSegments) {
        const field = `texts.${kind}.${language}`;
        throw new DeskError('invalid_input', `${field}: costs ${segments} SMS segments with typical values; the clinic's limit is ${sms.maxSegments}`, {
          field,
          details: { segments, limit: sms.maxSegments },
          reason: 'errors-agenda:tooManySegments',
          params: { kind, language, segments, limit: sms.maxSegments },
        });
      }
    }
  }
  writeSetting(db, KEY, result.data);
  return result.data;
}
