import { splitPersonName, type NameOrder } from '../patients/personName';
import type { ConversationSummary, TimelineMessage } from '../../contract/inbox';
import { inTransaction, type Db } from '../../db/database';
import { conversationListRowByIdentity, ensureConversationListRow, getConversation, saveConversationChanges, type ConversationListRow, type ConversationRow } from '../../db/repositories/conversations';
import { findByProviderId, getMessage, insertMessage, insertNewMessage, setMessageStatus, type MessageRow } from '../../db/repositories/messages';
import { insertOutbox, outboxForMessage, requeue } from '../../db/repositories/outbox';
import { addIdentity, findPatientByIdentity, identitiesOf, insertPatient } from '../../db/repositories/patients';
import { toE164, type Region } from '../patients/phone';
import type { Clock } from '../shared/clock';
import { DeskError, notFound } from '../shared/errors';
import type { EventBus } from '../shared/eventBus';
import type { Channel, InboundMessage, MediaRef, StatusUpdate } from './channelPort';
import { nextMessageStatus, withMessage, type ConversationRowState } from './conversationState';
import { publishConversation, toSummary, toTimelineMessage } from './timeline';

export interface MessagingDeps {
  db: Db;
  clock: Clock;
  events: EventBus;
  region: () => Region;
  /** Wakes the outbox worker after a row is written. */
  kickOutbox: () => void;
}

function applyState(db: Db, conv: ConversationRow, next: ConversationRowState): void {
  saveConversationChanges(db, conv.id, conv, next);
}

type Sender = { phone: string | null; whatsappJid?: string | null; pushName?: string | null; nameOrder?: NameOrder };

/**
 * A number written with its country code (what SMS gateways send) reads the same in every region, so the
 * clinic's region, a settings read, is asked for national numbers only.
 */
const senderE164 = (deps: MessagingDeps, raw: string): string | null => toE164(raw, raw.trimStart().startsWith('+') ? ANY_REGION : deps.region());
const ANY_REGION: Region = 'IT';

/** Who wrote, by reads only: the patient (if known) by each identity given. */
function lookupSender(deps: MessagingDeps, from: Sender): { phone: string | null; byJid: number | undefined; byPhone: number | undefined; existing: number | undefined } {
  const phone = from.phone ? senderE164(deps, from.phone) : null;
  const byJid = from.whatsappJid ? findPatientByIdentity(deps.db, 'whatsapp', from.whatsappJid) : undefined;
  const byPhone = phone ? findPatientByIdentity(deps.db, 'phone', phone) : undefined;
  return { phone, byJid, byPhone, existing: byJid ?? byPhone };
}

/** Finds the patient a phone number or WhatsApp id belongs to, creating one for a first contact. */
export function resolvePatient(deps: MessagingDeps, from: Sender): { patientId: number; created: boolean } {
  const { db, clock } = deps;
  const { phone, byJid, byPhone, existing } = lookupSender(deps, from);
  const now = clock.now();
  if (existing !== undefined) {
    // Learn the other identity the first time we see both together.
    if (phone && byPhone === undefined) addIdentity(db, existing, 'phone', phone, now);
    if (from.whatsappJid && byJid === undefined) addIdentity(db, existing, 'whatsapp', from.whatsappJid, now);
    return { patientId: existing, created: false };
  }
  if (!phone && !from.whatsappJid) throw new DeskError('invalid_input', 'from: a message needs a phone number or a WhatsApp id', { field: 'from', reason: 'errors-detail:noAddress' });
  // An agenda says which order its names are in; a WhatsApp push name is taken first word first.
  const [first, ...rest] = (from.pushName ?? '').trim().split(/\s+/);
  const name = from.nameOrder ? splitPersonName(from.pushName, from.nameOrder) : { firstName: first ?? '', lastName: rest.join(' ') };
  const patientId = insertPatient(db, name, now);
  if (phone) addIdentity(db, patientId, 'phone', phone, now);
  if (from.whatsappJid) addIdentity(db, patientId, 'whatsapp', from.whatsappJid, now);
  return { patientId, created: true };
}

export interface InboundResult {
  message: MessageRow;
  conversationId: number;
  patientId: number;
  created: boolean;
  newPatient: boolean;
}

/**
 * Stores what a channel received. The same provider id delivered again is stored once: the unique
 * provider index decides inside the INSERT itself, so a known sender's message costs no lookup first.
 * Runs in the caller's transaction when there is one (a webhook storing its whole payload), without a
 * savepoint, which would copy every page the message touches to a sub-journal.
 */
export function receiveInbound(deps: MessagingDeps, m: InboundMessage): InboundResult {
  const { db, events } = deps;
  let published = 0;
  let summary: ConversationSummary | null = null;
  const from: Sender = { phone: m.fromPhone, whatsappJid: m.fromWhatsappJid ?? null, pushName: m.pushName ?? null };
  const result = inTransaction(db, (): InboundResult => {
    let conv = knownSenderConversation(deps, from);
    let newPatient = false;
    if (!conv) {
      // Something is written before the message (a patient, a number, a conversation): rule out a
      // re-delivery first, so that a refused message leaves nothing behind.
      const duplicate = findByProviderId(db, m.channel, m.providerId);
      if (duplicate) return redelivered(db, duplicate);
      const resolved = resolvePatient(deps, from);
      newPatient = resolved.created;
      conv = ensureConversationListRow(db, resolved.patientId, m.at);
    }
    const row = insertNewMessage(db, {
      conversationId: conv.id,
      channel: m.channel,
      direction: m.fromClinic ? 'out' : 'in',
      kind: m.kind ?? 'text',
      body: m.body,
      status: m.fromClinic ? 'sent' : 'received',
      providerId: m.providerId,
      author: m.fromClinic ? 'phone' : null,
      meta: metaOf(m),
      at: m.at,
    });
    if (!row) return redelivered(db, findByProviderId(db, m.channel, m.providerId)!); // nothing was written before it
    const next = withMessage(conv, m.fromClinic ? { type: 'outbound', at: m.at } : { type: 'inbound', at: m.at }, m.channel, m.body);
    applyState(db, conv, next);
    // The summary the desks get, from the state just written (no re-read after the commit). The
    // channel bit the insert's trigger may have set is only read by filters, not by the summary.
    summary = toSummary({ ...conv, ...next });
    // Inside the transaction: what listeners write for this message (auto-reply, opt-out) commits with it,
    // one commit per message instead of two.
    published = events.emitted;
    try {
      events.emit('message.created', { conversationId: conv.id, message: toTimelineMessage(row) });
    } catch (err) {
      console.error('a message.created listener failed; the message is stored', row.id, err); // never lose the message
    }
    published = events.emitted - published;
    return { message: row, conversationId: conv.id, patientId: conv.patient_id, created: true, newPatient };
  });
  if (!result.created) return result;
  // A listener that wrote something visible (an auto-reply, an opt-out note) announced it: the
  // conversation may have moved on since our summary, so it is read again.
  if (published > 1 || !summary) publishConversation(deps, result.conversationId);
  else events.emit('conversation.updated', { conversation: summary });
  return result;
}

/**
 * The conversation of a sender whose patient, numbers and conversation are all known (nearly every message),
 * in one read; undefined when something is still to be created or learnt (resolvePatient does that).
 */
function knownSenderConversation(deps: MessagingDeps, from: Sender): ConversationListRow | undefined {
  const phone = from.phone ? senderE164(deps, from.phone) : null;
  const jid = from.whatsappJid ?? null;
  const conv = jid ? conversationListRowByIdentity(deps.db, 'whatsapp', jid) : phone ? conversationListRowByIdentity(deps.db, 'phone', phone) : undefined;
  // A WhatsApp sender's number not on file yet is learnt by resolvePatient.
  if (conv && jid && phone && findPatientByIdentity(deps.db, 'phone', phone) === undefined) return undefined;
  return conv;
}

/** What the message carries besides its text; null (not "{}") for a plain text, like a raw insert. */
function metaOf(m: InboundMessage): Record<string, unknown> | null {
  if (!m.media && !m.quotedProviderId && !(m.meta && Object.keys(m.meta).length > 0)) return null;
  return { ...(m.meta ?? {}), ...(m.media ? { media: m.media } : {}), ...(m.quotedProviderId ? { quoted: m.quotedProviderId } : {}) };
}

function redelivered(db: Db, duplicate: MessageRow): InboundResult {
  const conv = getConversation(db, duplicate.conversation_id)!;
  return { message: duplicate, conversationId: conv.id, patientId: conv.patient_id, created: false, newPatient: false };
}

/** A receipt from a channel. Unknown ids are ignored (a message sent before the desk existed). */
export function applyStatus(deps: MessagingDeps, s: StatusUpdate): boolean {
  const { db } = deps;
  const msg = findByProviderId(db, s.channel, s.providerId);
  if (!msg) return false;
  const next = nextMessageStatus(msg.status, s.status);
  if (!next) return false;
  setMessageStatus(db, msg.id, next as MessageRow['status'], s.at, { failureReason: s.status === 'failed' ? (s.reason ?? 'failed') : null });
  deps.events.emit('message.updated', { conversationId: msg.conversation_id, message: toTimelineMessage(getMessage(db, msg.id)!) });
  return true;
}

export interface OutgoingRequest {
  conversationId: number;
  channel?: Channel;
  body: string;
  author: string | null;
  /** Automatic messages (auto-replies, notices) must not mark the conversation answered. */
  automatic?: boolean;
  /** Defaults to one key per message; callers that decide in bulk pass their own (e.g. `delay:<appointment>:<revision>`). */
  idempotencyKey?: string;
  kind?: string;
  meta?: Record<string, unknown>;
  /** An attachment already in the media store; it travels with the outbox row and shows in the timeline. */
  media?: MediaRef | null;
  /** Send later: the outbox holds the row until then (restart-safe: the time is in the row). */
  notBefore?: number;
}

/** Where a patient's messages go: their first phone number and WhatsApp identity. */
function recipientOf(db: Db, patientId: number): { phone: string | null; jid: string | null } {
  const ids = identitiesOf(db, patientId);
  return { phone: ids.find((i) => i.kind === 'phone')?.value ?? null, jid: ids.find((i) => i.kind === 'whatsapp')?.value ?? null };
}

/** Picks the channel: the one asked for, else the one the patient last wrote on, else their preferred one, else SMS. */
export function chooseChannel(db: Db, conversationId: number, preferred: Channel | null): Channel {
  const row = db
    .prepare(`SELECT channel FROM messages WHERE conversation_id = ? AND direction = 'in' AND channel IN ('whatsapp','sms') ORDER BY created_at DESC LIMIT 1`)
    .get(conversationId) as { channel: Channel } | undefined;
  return row?.channel ?? preferred ?? 'sms';
}

/**
 * Writes an outgoing message and its outbox row in one transaction. Returns the stored message;
 * with an idempotency key already used, returns the message written the first time.
 */
export function queueOutgoing(deps: MessagingDeps, req: OutgoingRequest): { message: MessageRow; created: boolean } {
  const { db, clock } = deps;
  const conv = getConversation(db, req.conversationId);
  if (!conv) throw notFound('Conversation', req.conversationId);
  const patient = db.prepare('SELECT preferred_channel FROM patients WHERE id = ?').get(conv.patient_id) as { preferred_channel: Channel | null };
  const channel = req.channel ?? chooseChannel(db, conv.id, patient.preferred_channel);
  const { phone, jid } = recipientOf(db, conv.patient_id);
  if (!phone && !(channel === 'whatsapp' && jid)) {
    throw new DeskError('invalid_input', `channel: the patient has no phone number to reach on ${channel}`, { field: 'channel', reason: 'messaging.noNumberForChannel', params: { channel } });
  }
  const now = clock.now();
  const out = db.transaction(() => {
    if (req.idempotencyKey) {
      const prior = db.prepare('SELECT message_id FROM outbox WHERE idempotency_key = ?').get(req.idempotencyKey) as { message_id: number | null } | undefined;
      if (prior?.message_id) return { message: getMessage(db, prior.message_id)!, created: false };
    }
    const { row } = insertMessage(db, {
      conversationId: conv.id,
      channel,
      direction: 'out',
      kind: req.kind ?? 'text',
      body: req.body,
      status: 'queued',
      author: req.author,
      meta: req.media ? { ...(req.meta ?? {}), media: req.media } : (req.meta ?? null),
      at: now,
    });
    const firstContact = !db.prepare(`SELECT 1 FROM messages WHERE conversation_id = ? AND direction = 'in' LIMIT 1`).get(conv.id);
    insertOutbox(
      db,
      {
        idempotencyKey: req.idempotencyKey ?? `message:${row.id}`,
        messageId: row.id,
        channel,
        toPhone: phone,
        whatsappJid: jid,
        body: req.body,
        firstContact,
        media: req.media ?? null,
        ...(req.notBefore !== undefined ? { notBefore: req.notBefore } : {}),
      },
      now,
    );
    applyState(db, conv, withMessage(conv, { type: 'outbound', at: now, automated: Boolean(req.automatic) }, channel, req.body));
    return { message: row, created: true };
  })();
  if (out.created) {
    deps.events.emit('message.created', { conversationId: conv.id, message: toTimelineMessage(out.message) });
    publishConversation(deps, conv.id);
    deps.kickOutbox();
  }
  return out;
}

/** Sends a failed message again, from the start of its backoff. */
export function retryMessage(deps: MessagingDeps, messageId: number): TimelineMessage {
  const { db, clock } = deps;
  const msg = getMessage(db, messageId);
  if (!msg) throw notFound('Message', messageId);
  if (msg.status !== 'failed' || (msg.channel !== 'whatsapp' && msg.channel !== 'sms')) throw new DeskError('conflict', `Message ${messageId} has not failed; nothing to retry`, { reason: 'messaging.notFailed' });
  const row = outboxForMessage(db, messageId);
  db.transaction(() => {
    if (row) requeue(db, row.id, clock.now());
    else requeueWithoutRow(db, msg, clock.now()); // a failure recorded with no outbox row left (imported history, the demo)
    setMessageStatus(db, messageId, 'queued', clock.now());
  })();
  const updated = toTimelineMessage(getMessage(db, messageId)!);
  deps.events.emit('message.updated', { conversationId: msg.conversation_id, message: updated });
  deps.kickOutbox();
  return updated;
}

function requeueWithoutRow(db: Db, msg: MessageRow, at: number): void {
  const conv = getConversation(db, msg.conversation_id)!;
  const { phone, jid } = recipientOf(db, conv.patient_id);
  const media = msg.meta ? ((JSON.parse(msg.meta) as { media?: MediaRef }).media ?? null) : null;
  insertOutbox(db, { idempotencyKey: `retry:${msg.id}`, messageId: msg.id, channel: msg.channel as Channel, toPhone: phone, whatsappJid: jid, body: msg.body, media }, at);
}

/** A line in the timeline that is not a message: "delay notice sent", "reminder sent", "merged with …". */
export function recordSystemEvent(deps: MessagingDeps, conversationId: number, body: string, meta: Record<string, unknown> = {}): MessageRow {
  const { row } = insertMessage(deps.db, { conversationId, channel: 'system', direction: 'out', kind: 'event', body, status: 'sent', meta, at: deps.clock.now() });
  deps.events.emit('message.created', { conversationId, message: toTimelineMessage(row) });
  return row;
}
