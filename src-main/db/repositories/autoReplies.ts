import type { Db } from '../database';

export interface AutoReplyRow {
  kind: 'welcome' | 'out_of_hours' | 'keyword';
  topic: string | null;
  at: number;
}

/** Automatic replies of a conversation since `since` (served by auto_replies_conversation). */
export function recentAutoReplies(db: Db, conversationId: number, since: number): AutoReplyRow[] {
  return db
    .prepare('SELECT kind, topic, at FROM auto_replies WHERE conversation_id = ? AND at >= ? ORDER BY at')
    .all(conversationId, since) as AutoReplyRow[];
}

export function autoReplyForInbound(db: Db, inboundMessageId: number): { id: number; message_id: number | null } | undefined {
  return db.prepare('SELECT id, message_id FROM auto_replies WHERE inbound_message_id = ?').get(inboundMessageId) as
    | { id: number; message_id: number | null }
    | undefined;
}

export function insertAutoReply(
  db: Db,
  r: { conversationId: number; inboundMessageId: number; kind: string; topic: string | null; templateId: number | null; language: string; messageId: number; at: number },
): void {
  db.prepare(
    `INSERT INTO auto_replies (conversation_id, inbound_message_id, kind, topic, template_id, language, message_id, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.conversationId, r.inboundMessageId, r.kind, r.topic, r.templateId, r.language, r.messageId, r.at);
}

/** The patient's inbound message before this one (messages_timeline index). */
export function previousInboundAt(db: Db, conversationId: number, messageId: number, at: number): number | null {
  const row = db
    .prepare(
      `SELECT max(created_at) AS at FROM messages
       WHERE conversation_id = ? AND direction = 'in' AND channel IN ('whatsapp','sms') AND id <> ? AND created_at <= ?`,
    )
    .get(conversationId, messageId, at) as { at: number | null };
  return row.at;
}

/** The first texts a patient wrote, for the language proposal. */
export function firstInboundTexts(db: Db, conversationId: number, limit: number): string[] {
  const rows = db
    .prepare(
      `SELECT body FROM messages WHERE conversation_id = ? AND direction = 'in' AND channel IN ('whatsapp','sms') AND body <> ''
       ORDER BY created_at LIMIT ?`,
    )
    .all(conversationId, limit) as Array<{ body: string }>;
  return rows.map((r) => r.body);
}

/** True when the patient withdrew consent for the channel (no row means they never said no). */
export function hasOptedOut(db: Db, patientId: number, channel: string): boolean {
  const row = db.prepare('SELECT granted FROM patient_consents WHERE patient_id = ? AND kind = ?').get(patientId, channel) as
    | { granted: number }
    | undefined;
  return row?.granted === 0;
}
