import { z } from 'zod';
import { uiLanguage } from './common';
import { method, type EventMap, type MethodMap } from './define';

export const clinicSettings = z.object({
  clinicName: z.string().min(1).max(120),
  defaultRegion: z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code like "IT"'),
  defaultLanguage: z.string().regex(/^[a-z]{2}$/),
  timeZone: z.string().min(1),
  uiLanguage,
});
export type ClinicSettings = z.infer<typeof clinicSettings>;

export const appInfo = z.object({
  name: z.string(),
  version: z.string(),
  demo: z.boolean(),
  dataDir: z.string(),
  settings: clinicSettings,
  /** The desk's clock (ms): the UI measures ages and "today" against it, not against the PC's own clock. */
  now: z.number(),
});

export const coreApi = {
  'app.info': method(z.object({}), appInfo, { public: true }),
  'settings.update': method(clinicSettings.partial().strict(), clinicSettings, { role: 'manager' }),
} satisfies MethodMap;

export const coreEvents = {
  'settings.updated': clinicSettings,
  /** The shell asks the UI to show a conversation (a desktop notification was clicked). */
  'app.openConversation': z.object({ conversationId: z.number().int().positive() }),
} satisfies EventMap;
