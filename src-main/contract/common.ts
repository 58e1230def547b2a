import { z } from 'zod';

export const id = z.number().int().positive();
export const epochMs = z.number().int().nonnegative();
export const channel = z.enum(['whatsapp', 'sms']);
export const timelineChannel = z.enum(['whatsapp', 'sms', 'note', 'system']);
export const language = z.string().regex(/^[a-z]{2}$/, 'a two-letter language code like "it"');
export const uiLanguage = z.enum(['it', 'pl', 'en']);
export const messageStatus = z.enum(['received', 'queued', 'sent', 'delivered', 'read', 'failed']);
export const conversationStatus = z.enum(['open', 'waiting', 'snoozed', 'done']);
export const empty = z.object({}).strict();
export const ok = z.object({ ok: z.literal(true) });
