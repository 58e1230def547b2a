import { z } from 'zod';
import { epochMs, id, ok } from './common';
import { method, type EventMap, type MethodMap } from './define';
import { mediaRef } from './media';

/** A reply being written, kept per conversation until it is sent or cleared. */
export const draft = z.object({
  conversationId: id,
  body: z.string().max(10_000),
  mode: z.enum(['reply', 'note']).default('reply'),
  channel: z.enum(['whatsapp', 'sms']).nullable().default(null),
  attachment: mediaRef.nullable().default(null),
  updatedBy: z.string().optional(),
  updatedAt: epochMs.optional(),
});
export type DraftDto = z.output<typeof draft>;

export const draftsApi = {
  /** Every draft of the desk (a few dozen at most): loaded once, then kept in step by `draft.changed`. */
  'drafts.list': method(z.object({}), z.object({ drafts: z.array(draft) })),
  /** Save the draft; an empty text without an attachment deletes it. */
  'drafts.save': method(draft, ok),
} satisfies MethodMap;

export const draftsEvents = {
  'draft.changed': z.object({ conversationId: id, draft: draft.nullable() }),
} satisfies EventMap;
