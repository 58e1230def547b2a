/**
 * Which automatic replies are on, and with which template. A null template means "the first template of
 * the matching category", so that a new clinic's starter set works without wiring ids by hand.
 */
import { z } from 'zod';
import { issueReason } from '../../contract/issueReason';
import { invalidInput } from '../shared/errors';

export const KEYWORD_TOPICS = ['hours', 'address', 'booking', 'prices', 'documents'] as const;
export type KeywordTopic = (typeof KEYWORD_TOPICS)[number];

export const AUTO_REPLY_KINDS = ['welcome', 'out_of_hours', 'keyword'] as const;
export type AutoReplyKind = (typeof AUTO_REPLY_KINDS)[number];

const templateRef = z.number().int().positive().nullable();
const toggle = z.object({ enabled: z.boolean(), templateId: templateRef });

export const autoReplySettingsSchema = z.object({
  welcome: toggle.extend({ silenceDays: z.number().int().min(1).max(365) }),
  outOfHours: toggle,
  keywords: z.object({
    enabled: z.boolean(),
    topics: z.object({
      hours: toggle,
      address: toggle,
      booking: toggle,
      prices: toggle,
      documents: toggle,
    }),
  }),
});
export type AutoReplySettings = z.infer<typeof autoReplySettingsSchema>;

export const DEFAULT_AUTO_REPLY_SETTINGS: AutoReplySettings = {
  welcome: { enabled: true, templateId: null, silenceDays: 14 },
  outOfHours: { enabled: true, templateId: null },
  keywords: {
    enabled: true,
    topics: {
      hours: { enabled: true, templateId: null },
      address: { enabled: true, templateId: null },
      booking: { enabled: true, templateId: null },
      // Prices differ per treatment: off until the clinic writes its own answer.
      prices: { enabled: false, templateId: null },
      documents: { enabled: true, templateId: null },
    },
  },
};

export function parseAutoReplySettings(input: unknown): AutoReplySettings {
  const result = autoReplySettingsSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = ['autoReplies', ...(issue?.path ?? []).map(String)].join('.');
  throw invalidInput(field, issue?.message ?? 'invalid settings', issueReason(issue, field));
}
