import { z } from 'zod';
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';

/**
 * Birthday greetings and recall (settings key "automations"). Both off until a manager turns them on and picks a
 * template; both are marketing, so they reach only patients with marketing consent on the channel used.
 */
export const automationSettings = z.object({
  birthday: z.object({
    enabled: z.boolean(),
    /** Clinic-local hour at which the day's greetings start. */
    hour: z.number().int().min(0).max(23),
    templateId: z.number().int().positive().nullable(),
    channels: z.array(z.enum(['whatsapp', 'sms'])).min(1),
  }),
  recall: z.object({
    enabled: z.boolean(),
    hour: z.number().int().min(0).max(23),
    templateId: z.number().int().positive().nullable(),
    channels: z.array(z.enum(['whatsapp', 'sms'])).min(1),
    /** Patients not seen for this many months (and with no visit booked). */
    notSeenMonths: z.number().int().min(1).max(60),
    /** A patient is recalled at most once in this many months. */
    repeatMonths: z.number().int().min(1).max(60),
    practitionerIds: z.array(z.number().int().positive()),
    visitTypes: z.array(z.string().min(1).max(80)),
  }),
});
export type AutomationSettings = z.infer<typeof automationSettings>;

export const DEFAULT_AUTOMATIONS: AutomationSettings = {
  birthday: { enabled: false, hour: 9, templateId: null, channels: ['whatsapp', 'sms'] },
  recall: { enabled: false, hour: 10, templateId: null, channels: ['whatsapp', 'sms'], notSeenMonths: 12, repeatMonths: 6, practitionerIds: [], visitTypes: [] },
};

const KEY = 'automations';

export function getAutomationSettings(db: Db): AutomationSettings {
  const stored = readSetting<Partial<AutomationSettings>>(db, KEY) ?? {};
  return automationSettings.parse({
    birthday: { ...DEFAULT_AUTOMATIONS.birthday, ...stored.birthday },
    recall: { ...DEFAULT_AUTOMATIONS.recall, ...stored.recall },
  });
}

export function saveAutomationSettings(db: Db, s: AutomationSettings): AutomationSettings {
  const next = automationSettings.parse(s);
  writeSetting(db, KEY, next);
  return next;
}
