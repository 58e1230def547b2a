import { z } from 'zod';
import { channel, conversationStatus, epochMs, id, language, messageStatus, ok, timelineChannel } from './common';
import { method, type EventMap, type MethodMap } from './define';
import { mediaRef } from './media';

export const conversationSummary = z.object({
  id,
  patientId: id,
  patientName: z.string(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  status: conversationStatus,
  unreadCount: z.number().int().nonnegative(),
  waitingSince: epochMs.nullable(),
  lastMessageAt: epochMs.nullable(),
  lastChannel: z.string().nullable(),
  lastDirection: z.enum(['in', 'out']).nullable(),
  lastPreview: z.string(),
  assignedTo: z.string().nullable(),
  snoozedUntil: epochMs.nullable(),
  /** Why the conversation needs a look (visit loop): a low feedback score or an answer it could not read. */
  flag: z.enum(['low_score', 'ambiguous_answer']).nullable().optional(),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;

export const timelineMessage = z.object({
  type: z.literal('message'),
  id,
  channel: timelineChannel,
  direction: z.enum(['in', 'out']),
  kind: z.string(),
  body: z.string(),
  status: messageStatus,
  failureReason: z.string().nullable(),
  author: z.string().nullable(),
  at: epochMs,
  meta: z.record(z.string(), z.unknown()).nullable(),
});
export type TimelineMessage = z.infer<typeof timelineMessage>;

export const timelineCall = z.object({
  type: z.literal('call'),
  id,
  direction: z.enum(['in', 'out']),
  result: z.enum(['answered', 'missed', 'abandoned', 'voicemail', 'busy']),
  at: epochMs,
  ringSeconds: z.number().int(),
  talkSeconds: z.number().int(),
  source: z.string(),
  note: z.string(),
});
export type TimelineCall = z.infer<typeof timelineCall>;

export const timelineItem = z.discriminatedUnion('type', [timelineMessage, timelineCall]);
export type TimelineItem = z.infer<typeof timelineItem>;

export const consent = z.object({
  kind: z.enum(['whatsapp', 'sms', 'marketing']),
  granted: z.boolean(),
  at: epochMs,
  source: z.string(),
});

export const appointmentBrief = z.object({
  id,
  startsAt: epochMs,
  endsAt: epochMs,
  practitioner: z.string(),
  type: z.string(),
  status: z.string(),
  /** The patient's 1–5 answer to the feedback request (visit loop), when there is one. */
  feedbackScore: z.number().int().min(1).max(5).nullable().optional(),
});

export const patientCard = z.object({
  id,
  firstName: z.string(),
  lastName: z.string(),
  language: z.string().nullable(),
  preferredChannel: channel.nullable(),
  birthDate: z.string().nullable(),
  notes: z.string(),
  tags: z.array(z.string()),
  phones: z.array(z.object({ value: z.string(), display: z.string(), label: z.string().nullable() })),
  whatsapp: z.array(z.object({ value: z.string(), label: z.string().nullable() })),
  consents: z.array(consent),
  appointments: z.array(appointmentBrief),
});
export type PatientCard = z.infer<typeof patientCard>;

const range = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);
const highlighted = z.object({ text: z.string(), ranges: z.array(range) });

export const searchResult = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('patient'),
    patientId: id,
    conversationId: id.nullable(),
    name: highlighted,
    phone: highlighted.nullable(),
    note: highlighted.nullable(),
    matchedBy: z.enum(['phoneExact', 'phonePartial', 'text']),
  }),
  z.object({
    kind: z.literal('message'),
    messageId: id,
    conversationId: id,
    patientId: id,
    patientName: z.string(),
    channel: z.string(),
    direction: z.enum(['in', 'out']),
    at: epochMs,
    snippet: highlighted,
  }),
]);
export type SearchResult = z.infer<typeof searchResult>;

export const inboxCounts = z.object({
  open: z.number().int(),
  waiting: z.number().int(),
  snoozed: z.number().int(),
  done: z.number().int(),
  unanswered: z.number().int(),
  mine: z.number().int(),
  unread: z.number().int(),
});
export type InboxCounts = z.infer<typeof inboxCounts>;

/** Which conversation statuses each inbox view shows (the server filters by it; the UI's live updates too). */
export const INBOX_STATUS_SETS = {
  active: ['open', 'waiting'],
  all: ['open', 'waiting', 'snoozed', 'done'],
  open: ['open'],
  waiting: ['waiting'],
  snoozed: ['snoozed'],
  done: ['done'],
} as const;

const notifications = z.object({ doNotDisturb: z.boolean() });

export const inboxApi = {
  'inbox.list': method(
    z.object({
      status: z.enum(['active', 'all', 'open', 'waiting', 'snoozed', 'done']).default('active'),
      mine: z.boolean().default(false),
      unanswered: z.boolean().default(false),
      channel: z.enum(['whatsapp', 'sms', 'call']).nullable().default(null),
      /** Only conversations with a message or call in [from, to) (on `channel` when set): the list behind a statistic. */
      from: epochMs.optional(),
      to: epochMs.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().nonnegative().default(0),
      /** The `nextCursor` of the previous page: the next page in inbox order (keyset; `offset` is then ignored). */
      cursor: z.string().max(64).nullable().default(null),
    }),
    z.object({ items: z.array(conversationSummary), total: z.number().int(), nextCursor: z.string().nullable() }),
  ),
  'inbox.counts': method(z.object({}), inboxCounts),
  'inbox.search': method(
    z.object({ query: z.string().max(200), limit: z.number().int().min(1).max(100).default(30) }),
    z.object({ terms: z.array(z.string()), results: z.array(searchResult) }),
  ),
  'inbox.users': method(z.object({}), z.object({ me: z.string(), users: z.array(z.string()) })),
  'inbox.notifications': method(z.object({ doNotDisturb: z.boolean().optional() }), notifications),
  'conversation.setStatus': method(z.object({ conversationId: id, status: z.enum(['open', 'waiting', 'done']) }), conversationSummary),
  'conversation.snooze': method(z.object({ conversationId: id, until: epochMs }), conversationSummary),
  'conversation.assign': method(z.object({ conversationId: id, to: z.string().trim().min(1).max(60).nullable() }), conversationSummary),
  'note.add': method(
    z.object({ conversationId: id, body: z.string().trim().min(1, 'the note is empty').max(4096) }),
    z.object({ message: timelineMessage }),
  ),
  'conversation.get': method(
    z.object({ conversationId: id }),
    /** The newest page of the timeline; `olderCursor` asks conversation.timeline for the page before it (null: nothing older). */
    z.object({ conversation: conversationSummary, patient: patientCard, timeline: z.array(timelineItem), olderCursor: z.string().nullable() }),
  ),
  'conversation.timeline': method(
    z.object({ conversationId: id, before: z.string().max(64), limit: z.number().int().min(1).max(200).default(50) }),
    z.object({ items: z.array(timelineItem), olderCursor: z.string().nullable() }),
  ),
  'conversation.markRead': method(z.object({ conversationId: id }), ok),
  'message.send': method(
    z
      .object({
        conversationId: id,
        channel: channel.optional(),
        body: z.string().trim().max(4096).default(''),
        media: mediaRef.optional(),
        /** Made by the client once per message typed: a resend after a lost connection or a reload sends it once. */
        clientKey: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'letters, digits, - and _ (8 to 64)').optional(),
      })
      .refine((r) => r.body.length > 0 || r.media, { message: 'the message is empty', path: ['body'] }),
    z.object({ message: timelineMessage }),
  ),
  'message.retry': method(z.object({ messageId: id }), z.object({ message: timelineMessage })),
  'patient.get': method(z.object({ patientId: id }), patientCard),
  'patient.update': method(
    z.object({
      patientId: id,
      firstName: z.string().trim().max(100).optional(),
      lastName: z.string().trim().max(100).optional(),
      language: language.nullable().optional(),
      preferredChannel: channel.nullable().optional(),
      birthDate: z.iso.date('a date like 1985-03-14').nullable().optional(),
      notes: z.string().max(10_000).optional(),
      tags: z.array(z.string().trim().min(1).max(40)).max(30).optional(),
    }),
    patientCard,
  ),
} satisfies MethodMap;

export const inboxEvents = {
  'message.created': z.object({ conversationId: id, message: timelineMessage }),
  'message.updated': z.object({ conversationId: id, message: timelineMessage }),
  'conversation.updated': z.object({ conversation: conversationSummary }),
  'call.created': z.object({ conversationId: id.nullable(), call: timelineCall }),
  'inbox.notifications.updated': notifications,
} satisfies EventMap;
