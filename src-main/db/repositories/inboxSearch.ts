import type { Db } from '../database';

/**
 * Search queries. A complete phone number matches patient_identities exactly (UNIQUE index), a part of one
 * goes through the trigram index of digits (051); names and notes go through patients_fts, message text
 * through messages_fts, both holding folded text (050). Merged-away patients are never returned.
 */
export interface PatientSearchRow {
  patient_id: number;
  first_name: string;
  last_name: string;
  notes: string;
  conversation_id: number | null;
  last_message_at: number | null;
}

const PATIENT_SELECT = `
  SELECT p.id AS patient_id, p.first_name, p.last_name, p.notes, c.id AS conversation_id, c.last_message_at
  FROM patients p LEFT JOIN conversations c ON c.patient_id = p.id`;

/** A statement and its parameters: run here (runQuery) or on the search worker's read-only connection. */
export interface ReadQuery {
  sql: string;
  params: unknown[];
}

export const runQuery = <T>(db: Db, q: ReadQuery): T[] => db.prepare(q.sql).all(...q.params) as T[];

export type PhoneSearchRow = PatientSearchRow & { exact: 0 | 1 };

/** A complete number: one seek in UNIQUE(kind, value). */
export function exactPhoneQuery(e164: string, limit: number): ReadQuery {
  return {
    sql: `SELECT p.id AS patient_id, p.first_name, p.last_name, p.notes, c.id AS conversation_id, c.last_message_at, 1 AS exact
       FROM patient_identities i JOIN patients p ON p.id = i.patient_id LEFT JOIN conversations c ON c.patient_id = p.id
       WHERE i.kind = 'phone' AND i.value = ? AND p.merged_into IS NULL LIMIT ?`,
    params: [e164, limit],
  };
}

/** Part of a number (at least 3 digits): the trigram index of the identities' digits (051), most recent activity first. */
export function partialPhoneQuery(digits: string, limit: number): ReadQuery {
  return {
    sql: `SELECT p.id AS patient_id, p.first_name, p.last_name, p.notes, c.id AS conversation_id, c.last_message_at, 0 AS exact
       FROM (SELECT DISTINCT i.patient_id FROM identity_digits d JOIN patient_identities i ON i.id = d.rowid
             WHERE identity_digits MATCH ? LIMIT 500) hit
       JOIN patients p ON p.id = hit.patient_id LEFT JOIN conversations c ON c.patient_id = p.id
       WHERE p.merged_into IS NULL ORDER BY c.last_message_at DESC LIMIT ?`,
    params: [`"${digits.replace(/\D/g, '')}"`, limit],
  };
}

/** The exact number when it is known and stored; otherwise the digits as part of a number. */
export function patientsByPhone(db: Db, e164: string | null, digits: string, limit: number): PhoneSearchRow[] {
  const exact = e164 ? runQuery<PhoneSearchRow>(db, exactPhoneQuery(e164, limit)) : [];
  return exact.length ? exact : runQuery<PhoneSearchRow>(db, partialPhoneQuery(digits, limit));
}

/** Patients by name or notes: the most recently registered candidates first (a cap), ranked by bm25 among them. */
export function patientsTextQuery(match: string, limit: number): ReadQuery {
  return {
    sql: `${PATIENT_SELECT} JOIN (SELECT pid, rank FROM (SELECT rowid AS pid, rank FROM patients_fts WHERE patients_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
                              ORDER BY round(rank, 1), pid DESC LIMIT ?) f ON f.pid = p.id
       WHERE p.merged_into IS NULL ORDER BY round(f.rank, 1), c.last_message_at DESC`,
    params: [match, CANDIDATES, limit],
  };
}

export const patientsByText = (db: Db, match: string, limit: number): PatientSearchRow[] => runQuery(db, patientsTextQuery(match, limit));

/**
 * How many of the newest matches are ranked: FTS5 walks a term's doclist newest first and stops there, so
 * the most frequent word costs the same as a rare one (bm25 for every match was 0.3–0.8 s at 1M messages).
 * An older message is still found by adding a word.
 */
export const CANDIDATES = 120;

/**
 * The words of the messages that start with a prefix (a word being typed, 4 letters or more), from
 * search_vocab (054): a range of a small b-tree. 2- and 3-letter prefixes use the FTS prefix index (050).
 */
export const MAX_EXPANSIONS = 40;

export function termsWithPrefixQuery(prefix: string): ReadQuery {
  return { sql: 'SELECT term FROM search_vocab WHERE term >= ? AND term < ? ORDER BY term LIMIT ?', params: [prefix, `${prefix}\uffff`, MAX_EXPANSIONS] };
}

export const termsWithPrefix = (db: Db, prefix: string): string[] => runQuery<{ term: string }>(db, termsWithPrefixQuery(prefix)).map((r) => r.term);

export interface MessageSearchRow {
  message_id: number;
  conversation_id: number;
  patient_id: number;
  first_name: string;
  last_name: string;
  channel: string;
  direction: 'in' | 'out';
  body: string;
  created_at: number;
}

/**
 * Messages matching `match`: the CANDIDATES newest matches (rowid order = arrival order; FTS5 walks the
 * doclists newest first and stops there), with what the result list shows. Relevance is computed on
 * these candidates by the caller (searchRanking.textRelevance), not by bm25 over every match.
 */
export function messagesTextQuery(match: string): ReadQuery {
  return {
    sql: `SELECT m.id AS message_id, m.conversation_id, c.patient_id, p.first_name, p.last_name, m.channel, m.direction, m.body, m.created_at
       FROM (SELECT rowid AS mid FROM messages_fts WHERE messages_fts MATCH ? ORDER BY rowid DESC LIMIT ?) f
       JOIN messages m ON m.id = f.mid
       JOIN conversations c ON c.id = m.conversation_id
       JOIN patients p ON p.id = c.patient_id`,
    params: [match, CANDIDATES],
  };
}

export const messagesByText = (db: Db, match: string): MessageSearchRow[] => runQuery(db, messagesTextQuery(match));
