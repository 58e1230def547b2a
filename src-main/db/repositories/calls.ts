import type { Db } from '../database';

export interface CallRow {
  id: number;
  patient_id: number | null;
  conversation_id: number | null;
  direction: 'in' | 'out';
  from_number: string | null;
  to_number: string | null;
  started_at: number;
  ring_seconds: number;
  talk_seconds: number;
  result: 'answered' | 'missed' | 'abandoned' | 'voicemail' | 'busy';
  extension: string | null;
  source: string;
  source_id: string | null;
  note: string;
  created_at: number;
}

export type NewCall = Omit<CallRow, 'id' | 'created_at'>;

/** Inserts a call; the same (source, source_id) imported again is skipped. */
export function insertCall(db: Db, c: NewCall, at: number): { id: number; created: boolean } {
  const r = db
    .prepare(
      `INSERT INTO calls (patient_id, conversation_id, direction, from_number, to_number, started_at, ring_seconds, talk_seconds,
         result, extension, source, source_id, note, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    )
    .run(
      c.patient_id,
      c.conversation_id,
      c.direction,
      c.from_number,
      c.to_number,
      c.started_at,
      c.ring_seconds,
      c.talk_seconds,
      c.result,
      c.extension,
      c.source,
      c.source_id,
      c.note,
      at,
    );
  if (r.changes === 1) return { id: Number(r.lastInsertRowid), created: true };
  const existing = db.prepare('SELECT id FROM calls WHERE source = ? AND source_id = ?').get(c.source, c.source_id) as { id: number };
  return { id: existing.id, created: false };
}

export function getCall(db: Db, id: number): CallRow | undefined {
  return db.prepare('SELECT * FROM calls WHERE id = ?').get(id) as CallRow | undefined;
}

export function callsForConversation(db: Db, conversationId: number, limit = 200): CallRow[] {
  return db
    .prepare('SELECT * FROM (SELECT * FROM calls WHERE conversation_id = ? ORDER BY started_at DESC LIMIT ?) ORDER BY started_at')
    .all(conversationId, limit) as CallRow[];
}
