import type { Db } from '../database';

export interface DraftRow {
  conversation_id: number;
  body: string;
  mode: 'reply' | 'note';
  channel: 'whatsapp' | 'sms' | null;
  attachment: string | null;
  updated_by: string;
  updated_at: number;
}

export const listDrafts = (db: Db): DraftRow[] => db.prepare(`SELECT * FROM drafts ORDER BY updated_at DESC`).all() as DraftRow[];

export const getDraft = (db: Db, conversationId: number): DraftRow | undefined =>
  db.prepare(`SELECT * FROM drafts WHERE conversation_id = ?`).get(conversationId) as DraftRow | undefined;

export function saveDraft(db: Db, d: DraftRow): void {
  db.prepare(
    `INSERT INTO drafts (conversation_id, body, mode, channel, attachment, updated_by, updated_at) VALUES (@conversation_id, @body, @mode, @channel, @attachment, @updated_by, @updated_at)
     ON CONFLICT(conversation_id) DO UPDATE SET body = excluded.body, mode = excluded.mode, channel = excluded.channel, attachment = excluded.attachment,
       updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
  ).run(d);
}

export const deleteDraft = (db: Db, conversationId: number): boolean => db.prepare(`DELETE FROM drafts WHERE conversation_id = ?`).run(conversationId).changes > 0;

/** A merge moves the other record's conversation away: its draft follows unless the kept one has its own. */
export function moveDraft(db: Db, fromConversationId: number, toConversationId: number): void {
  db.prepare(`UPDATE OR IGNORE drafts SET conversation_id = ? WHERE conversation_id = ?`).run(toConversationId, fromConversationId);
  deleteDraft(db, fromConversationId);
}
