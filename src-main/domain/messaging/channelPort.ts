/**
 * The ports between the domain and the channel adapters. Adapters (src-main/channels/*) implement
 * `ChannelSender` and push what they receive into an `InboundSink`; vendor types never cross this line.
 */
export const CHANNELS = ['whatsapp', 'sms'] as const;
export type Channel = (typeof CHANNELS)[number];

export type MessageStatus = 'received' | 'queued' | 'sent' | 'delivered' | 'read' | 'failed';

export interface MediaRef {
  /** sha256 of the content: the file name under <data>/media. */
  sha256: string;
  mime: string;
  fileName?: string;
  size: number;
}

/** What the outbox worker hands to an adapter. */
export interface OutgoingMessage {
  outboxId: number;
  idempotencyKey: string;
  channel: Channel;
  /** E.164 phone number, always present for sms; for WhatsApp the adapter derives the JID from it unless `whatsappJid` is given. */
  toPhone: string | null;
  whatsappJid?: string | null;
  body: string;
  media?: MediaRef | null;
  /** True when the recipient never wrote to the clinic (WhatsApp caps these per day). */
  firstContact?: boolean;
  /** When an earlier attempt whose outcome is unknown began (persisted before the call), or null. */
  uncertainSince?: number | null;
}

export type SendFailureCode =
  | 'invalid_number'
  | 'not_on_whatsapp'
  | 'no_credit'
  | 'blocked'
  | 'rate_limited'
  | 'auth_failed'
  | 'not_connected'
  | 'provider_error'
  | 'network'
  | 'opted_out'
  | 'daily_cap';

export type SendResult =
  | { ok: true; providerId: string }
  | {
      ok: false;
      code: SendFailureCode;
      /** Human-readable reason shown to the receptionist. */
      reason: string;
      retryable: boolean;
      /** Earliest time to try again (ms epoch), e.g. from a Retry-After header. */
      retryAt?: number;
    };

export interface ChannelSender {
  readonly channel: Channel;
  send(message: OutgoingMessage): Promise<SendResult>;
}

export interface InboundMessage {
  channel: Channel;
  /** Provider's id, unique per channel: re-delivery of the same id is stored once. */
  providerId: string;
  fromPhone: string | null;
  fromWhatsappJid?: string | null;
  /** WhatsApp only: the sender's name as set on their phone. */
  pushName?: string | null;
  body: string;
  at: number;
  kind?: 'text' | 'image' | 'document' | 'audio' | 'video' | 'location' | 'contact' | 'reaction' | 'sticker';
  media?: MediaRef | null;
  /** Outgoing message written on the clinic's phone rather than in the desk. */
  fromClinic?: boolean;
  quotedProviderId?: string | null;
  meta?: Record<string, unknown>;
}

export interface StatusUpdate {
  channel: Channel;
  providerId: string;
  status: Exclude<MessageStatus, 'received' | 'queued'>;
  reason?: string | null;
  at: number;
}

/** What adapters call when something arrives. Implemented by the domain. */
export interface InboundSink {
  message(m: InboundMessage): void;
  status(s: StatusUpdate): void;
}
