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
  dedupe_key: string | null;
}

export type NewCall = Omit<CallRow, 'id' | 'created_at' | 'dedupe_key'> & {
  /** Same key = same call, whichever feed saw it; defaults to `source:source_id` (live AMI and Master.csv share `asterisk:`). */
  dedupe_key?: string | null;
};

/** Inserts a call; a call whose dedupe key (or source id) is already stored is skipped and the stored one returned. */
export function insertCall(db: Db, c: NewCall, at: number): { id: number; created: boolean } {
  const namespace = c.source === 'ami' ? 'asterisk' : c.source;
  const key = c.dedupe_key ?? (c.source_id !== null ? `${namespace}:${c.source_id}` : null);
  const r = db
    .prepare(
      `INSERT INTO calls (patient_id, conversation_id, direction, from_number, to_number, started_at, ring_seconds, talk_seconds,
         result, extension, source, source_id, note, created_at, dedupe_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
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
      key,
    );
  if (r.changes === 1) return { id: Number(r.lastInsertRowid), created: true };
  const existing = (key !== null ? db.prepare('SELECT id FROM calls WHERE dedupe_key = ?').get(key) : undefined) as { id: number } | undefined;
  const bySource = existing ?? (db.prepare('SELECT id FROM calls WHERE source = ? AND source_id = ?').get(c.source, c.source_id) as { id: number });
  return { id: bySource.id, created: false };
}

export function findCallByDedupeKey(db: Db, key: string): CallRow | undefined {
  return db.prepare('SELECT * FROM calls WHERE dedupe_key = ?').get(key) as CallRow | undefined;
}

export function getCall(db: Db, id: number): CallRow | undefined {
  return db.prepare('SELECT * FROM calls WHERE id = ?').get(id) as CallRow | undefined;
}

export function callsForConversation(db: Db, conversationId: number, limit = 200): CallRow[] {
  return db
    .prepare('SELECT * FROM (SELECT * FROM calls WHERE conversation_id = ? ORDER BY started_at DESC LIMIT ?) ORDER BY started_at')
    .all(conversationId, limit) as CallRow[];
}

/** The newest `limit` calls of a conversation strictly before a timeline cursor (messages.ts), newest first. */
export function callsBefore(db: Db, conversationId: number, limit: number, before: { at: number; call: 0 | 1; id: number } | null): CallRow[] {
  if (!before) {
    return db.prepare('SELECT * FROM calls WHERE conversation_id = ? ORDER BY started_at DESC, id DESC LIMIT ?').all(conversationId, limit) as CallRow[];
  }
  // At the cursor's millisecond every call is older than a message; among calls, a smaller id is older.
  return db
    .prepare(
      `SELECT * FROM calls WHERE conversation_id = ? AND started_at <= ? AND (started_at < ? OR ? = 0 OR id < ?)
       ORDER BY started_at DESC, id DESC LIMIT ?`,
    )
    .all(conversationId, before.at, before.at, before.call, before.id, limit) as CallRow[];
}

export interface CallListRow extends CallRow {
  first_name: string | null;
  last_name: string | null;
}

export interface CallFilter {
  from: number | null;
  to: number | null;
  results: string[];
  direction: 'in' | 'out' | null;
  /** Digits of a number, matched anywhere in from/to. */
  numberLike: string | null;
  patientId: number | null;
  limit: number;
  offset: number;
}

/** The Calls view: newest first, with the patient's name; uses calls_started / calls_patient. */
export function listCalls(db: Db, f: CallFilter): { rows: CallListRow[]; total: number } {
  const where: string[] = [];
  const args: unknown[] = [];
  const add = (sql: string, ...values: unknown[]): void => {
    where.push(sql);
    args.push(...values);
  };
  if (f.from !== null) add('c.started_at >= ?', f.from);
  if (f.to !== null) add('c.started_at < ?', f.to);
  if (f.results.length > 0) add('c.result IN (SELECT value FROM json_each(?))', JSON.stringify(f.results));
  if (f.direction) add('c.direction = ?', f.direction);
  if (f.patientId !== null) add('c.patient_id = ?', f.patientId);
  if (f.numberLike) add('(c.from_number LIKE ? OR c.to_number LIKE ?)', `%${f.numberLike}%`, `%${f.numberLike}%`);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const rows = db
    .prepare(
      `SELECT c.*, p.first_name, p.last_name FROM calls c LEFT JOIN patients p ON p.id = c.patient_id
       ${clause} ORDER BY c.started_at DESC, c.id DESC LIMIT ? OFFSET ?`,
    )
    .all(...args, f.limit, f.offset) as CallListRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM calls c ${clause}`).get(...args) as { n: number }).n;
  return { rows, total };
}

/** Counts per result in a period, for the view's header and the statistics. */
export function countCallsByResult(db: Db, from: number, to: number): Array<{ direction: 'in' | 'out'; result: CallRow['result']; n: number }> {
  return db
    .prepare('SELECT direction, result, count(*) AS n FROM calls WHERE started_at >= ? AND started_at < ? GROUP BY direction, result')
    .all(from, to) as Array<{ direction: 'in' | 'out'; result: CallRow['result']; n: number }>;
}

/** Links calls of a number with no patient yet to the patient now known for it (manual entry, first contact). */
export function attachCallToPatient(db: Db, callId: number, patientId: number, conversationId: number): void {
  db.prepare('UPDATE calls SET patient_id = ?, conversation_id = ? WHERE id = ?').run(patientId, conversationId, callId);
}

/** The patient's conversation, if they have one (the popup must not create one for a caller). */
export function conversationIdOfPatient(db: Db, patientId: number): number | null {
  const row = db.prepare('SELECT id FROM conversations WHERE patient_id = ?').get(patientId) as { id: number } | undefined;
  return row?.id ?? null;
}

/** Unanswered incoming calls since a time, oldest first (the demo's callback list is rebuilt from them). */
export function unansweredSince(db: Db, since: number): CallRow[] {
  return db.prepare(`SELECT * FROM calls WHERE direction = 'in' AND result != 'answered' AND started_at >= ? ORDER BY started_at, id`).all(since) as CallRow[];
}

/** A few patients with a phone number, by language (the demo's call log picks its callers here). */
export function patientsWithPhone(db: Db, language: string, limit: number): Array<{ id: number; phone: string }> {
  return db
    .prepare(
      `SELECT p.id, (SELECT value FROM patient_identities i WHERE i.patient_id = p.id AND i.kind = 'phone' ORDER BY i.id LIMIT 1) AS phone
       FROM patients p WHERE p.language = ? AND p.merged_into IS NULL ORDER BY p.id LIMIT ?`,
    )
    .all(language, limit)
    .filter((r) => (r as { phone: string | null }).phone !== null) as Array<{ id: number; phone: string }>;
}

/** Patients with a phone and a visit still to come (the demo's pretend caller, so the popup shows the visit). */
export function patientsWithUpcomingVisit(db: Db, now: number, limit: number): Array<{ id: number; phone: string }> {
  return db
    .prepare(
      `SELECT DISTINCT a.patient_id AS id,
         (SELECT value FROM patient_identities i WHERE i.patient_id = a.patient_id AND i.kind = 'phone' ORDER BY i.id LIMIT 1) AS phone
       FROM appointments a WHERE a.patient_id IS NOT NULL AND a.starts_at >= ? AND a.status IN ('booked','confirmed')
       ORDER BY a.starts_at LIMIT ?`,
    )
    .all(now, limit)
    .filter((r) => (r as { phone: string | null }).phone !== null) as Array<{ id: number; phone: string }>;
}

/**
 * Calls with no patient whose other party's number ends with these digits (ignoring spaces, dashes,
 * dots, brackets and "+"): the candidates for a number just given to a patient. The caller checks
 * each one exactly (the stored numbers are as the PBX wrote them, not always E.164).
 */
export function unlinkedCallsEndingWith(db: Db, digits: string): Array<Pick<CallRow, 'id' | 'direction' | 'from_number' | 'to_number'>> {
  const bare = (col: string): string => `replace(replace(replace(replace(replace(replace(${col}, ' ', ''), '-', ''), '.', ''), '(', ''), ')', ''), '+', '')`;
  return db
    .prepare(
      `SELECT id, direction, from_number, to_number FROM calls INDEXED BY calls_unlinked WHERE patient_id IS NULL AND started_at >= 0
         AND ((direction = 'in' AND ${bare('from_number')} LIKE ?) OR (direction = 'out' AND ${bare('to_number')} LIKE ?))`,
    )
    .all(`%${digits}`, `%${digits}`) as Array<Pick<CallRow, 'id' | 'direction' | 'from_number' | 'to_number'>>;
}
