import type { Db } from '../database';

/** When this caller was last texted back after a missed call, any channel. */
export function lastTextBackAt(db: Db, phone: string): number | null {
  const row = db.prepare('SELECT max(at) AS at FROM text_backs WHERE phone = ?').get(phone) as { at: number | null };
  return row.at;
}

/** Claims the caller's text-back for the day; false when it was already claimed (UNIQUE phone, local_day). */
export function claimTextBack(db: Db, t: { phone: string; localDay: string; callId: number; channel: 'sms' | 'whatsapp' }, at: number): number | null {
  const r = db
    .prepare('INSERT INTO text_backs (phone, local_day, call_id, channel, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT(phone, local_day) DO NOTHING')
    .run(t.phone, t.localDay, t.callId, t.channel, at);
  return r.changes === 1 ? Number(r.lastInsertRowid) : null;
}

export function setTextBackMessage(db: Db, id: number, messageId: number): void {
  db.prepare('UPDATE text_backs SET message_id = ? WHERE id = ?').run(messageId, id);
}

export function countTextBacks(db: Db, phone: string): number {
  return (db.prepare('SELECT count(*) AS n FROM text_backs WHERE phone = ?').get(phone) as { n: number }).n;
}
