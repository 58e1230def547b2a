import type { Db } from '../database';

/**
 * SQL of the GDPR answers: everything stored about one person (their record and the records merged into it),
 * erasing it, and the retention purge. The list of tables is domain/gdpr/patientTables.ts; a test fails when a
 * table that references a patient, a conversation or a message is not in it.
 */

export interface PersonKeys {
  patientIds: number[];
  conversationIds: number[];
  /** E.164 numbers and WhatsApp ids the person used. */
  identities: string[];
}

type Row = Record<string, unknown>;

const placeholders = (n: number): string => Array.from({ length: n }, () => '?').join(',');

/** Live patients (not merged away) owning this number, as a phone or as a WhatsApp id of the same digits. */
export function patientsByNumber(db: Db, e164: string): number[] {
  const digits = e164.replace(/^\+/, '');
  const rows = db
    .prepare(
      `SELECT DISTINCT COALESCE(p.merged_into, p.id) AS id FROM patient_identities i JOIN patients p ON p.id = i.patient_id
       WHERE (i.kind = 'phone' AND i.value = ?) OR (i.kind = 'whatsapp' AND (i.value = ? OR i.value LIKE ? || '@%' OR i.value LIKE ? || ':%'))`,
    )
    .all(e164, digits, digits, digits) as { id: number }[];
  return rows.map((r) => r.id);
}

/** The record and every record merged into it (a merge keeps the other row with `merged_into`). */
export function personKeys(db: Db, patientId: number): PersonKeys {
  const patientIds = (
    db.prepare('SELECT id FROM patients WHERE id = ? OR merged_into = ? ORDER BY id').all(patientId, patientId) as { id: number }[]
  ).map((r) => r.id);
  const p = placeholders(patientIds.length);
  const conversationIds = (
    db.prepare(`SELECT id FROM conversations WHERE patient_id IN (${p}) ORDER BY id`).all(...patientIds) as { id: number }[]
  ).map((r) => r.id);
  const identities = (
    db.prepare(`SELECT value FROM patient_identities WHERE patient_id IN (${p}) ORDER BY id`).all(...patientIds) as { value: string }[]
  ).map((r) => r.value);
  return { patientIds, conversationIds, identities };
}

const messagesOf = (k: PersonKeys) => `SELECT id FROM messages WHERE conversation_id IN (${placeholders(k.conversationIds.length)})`;

/** One table's rows about the person, by the table's link to them. */
export const PERSON_QUERIES: Record<string, (k: PersonKeys) => { sql: string; args: unknown[] }> = {
  patients: (k) => ({ sql: `SELECT * FROM patients WHERE id IN (${placeholders(k.patientIds.length)})`, args: k.patientIds }),
  patient_identities: (k) => ({ sql: `SELECT * FROM patient_identities WHERE patient_id IN (${placeholders(k.patientIds.length)})`, args: k.patientIds }),
  patient_consents: (k) => ({ sql: `SELECT * FROM patient_consents WHERE patient_id IN (${placeholders(k.patientIds.length)})`, args: k.patientIds }),
  conversations: (k) => ({ sql: `SELECT * FROM conversations WHERE patient_id IN (${placeholders(k.patientIds.length)})`, args: k.patientIds }),
  messages: (k) => ({ sql: `SELECT * FROM messages WHERE conversation_id IN (${placeholders(k.conversationIds.length)}) ORDER BY created_at, id`, args: k.conversationIds }),
  calls: (k) => ({
    sql: `SELECT * FROM calls WHERE patient_id IN (${placeholders(k.patientIds.length)}) OR conversation_id IN (${placeholders(k.conversationIds.length)})
          OR from_number IN (${placeholders(k.identities.length)}) OR to_number IN (${placeholders(k.identities.length)}) ORDER BY started_at`,
    args: [...k.patientIds, ...k.conversationIds, ...k.identities, ...k.identities],
  }),
  appointments: (k) => ({
    sql: `SELECT a.*, pr.name AS practitioner_name FROM appointments a JOIN practitioners pr ON pr.id = a.practitioner_id
          WHERE a.patient_id IN (${placeholders(k.patientIds.length)}) ORDER BY a.starts_at`,
    args: k.patientIds,
  }),
  outbox: (k) => ({
    sql: `SELECT * FROM outbox WHERE message_id IN (${messagesOf(k)}) OR to_phone IN (${placeholders(k.identities.length)})`,
    args: [...k.conversationIds, ...k.identities],
  }),
  sms_opt_outs: (k) => ({ sql: `SELECT * FROM sms_opt_outs WHERE patient_id IN (${placeholders(k.patientIds.length)})`, args: k.patientIds }),
  callback_tasks: (k) => ({
    sql: `SELECT * FROM callback_tasks WHERE patient_id IN (${placeholders(k.patientIds.length)}) OR conversation_id IN (${placeholders(k.conversationIds.length)})
          OR phone IN (${placeholders(k.identities.length)})`,
    args: [...k.patientIds, ...k.conversationIds, ...k.identities],
  }),
  text_backs: (k) => ({
    sql: `SELECT * FROM text_backs WHERE phone IN (${placeholders(k.identities.length)}) OR message_id IN (${messagesOf(k)})`,
    args: [...k.identities, ...k.conversationIds],
  }),
  delay_notices: (k) => ({ sql: `SELECT * FROM delay_notices WHERE patient_id IN (${placeholders(k.patientIds.length)})`, args: k.patientIds }),
  auto_replies: (k) => ({ sql: `SELECT * FROM auto_replies WHERE conversation_id IN (${placeholders(k.conversationIds.length)})`, args: k.conversationIds }),
  campaign_recipients: (k) => ({
    sql: `SELECT r.*, c.name AS campaign_name FROM campaign_recipients r JOIN campaigns c ON c.id = r.campaign_id
          WHERE r.patient_id IN (${placeholders(k.patientIds.length)}) ORDER BY r.campaign_id`,
    args: k.patientIds,
  }),
  drafts: (k) => ({ sql: `SELECT * FROM drafts WHERE conversation_id IN (${placeholders(k.conversationIds.length)})`, args: k.conversationIds }),
  visit_messages: (k) => ({ sql: `SELECT * FROM visit_messages WHERE patient_id IN (${placeholders(k.patientIds.length)}) ORDER BY id`, args: k.patientIds }),
  automation_sends: (k) => ({ sql: `SELECT * FROM automation_sends WHERE patient_id IN (${placeholders(k.patientIds.length)})`, args: k.patientIds }),
  audit_log: (k) => ({
    sql: `SELECT * FROM audit_log WHERE (entity = 'patient' AND entity_id IN (${placeholders(k.patientIds.length)}))
          OR (entity = 'conversation' AND entity_id IN (${placeholders(k.conversationIds.length)})) ORDER BY id`,
    args: [...k.patientIds.map(String), ...k.conversationIds.map(String)],
  }),
};

/** SQLite refuses `IN ()`: an empty key list matches nothing through a value no row has. */
function nonEmpty(k: PersonKeys): PersonKeys {
  return {
    patientIds: k.patientIds.length ? k.patientIds : [-1],
    conversationIds: k.conversationIds.length ? k.conversationIds : [-1],
    identities: k.identities.length ? k.identities : ['\u0000'],
  };
}

export function personRows(db: Db, table: string, keys: PersonKeys): Row[] {
  const q = PERSON_QUERIES[table];
  if (!q) throw new Error(`no query for ${table}`);
  const { sql, args } = q(nonEmpty(keys));
  return db.prepare(sql).all(...args) as Row[];
}

/** sha256 of every media file the person's messages and outbox rows point at. */
export function mediaOf(db: Db, keys: PersonKeys): string[] {
  const k = nonEmpty(keys);
  const rows = db
    .prepare(
      `SELECT DISTINCT json_extract(meta, '$.media.sha256') AS sha FROM messages
       WHERE conversation_id IN (${placeholders(k.conversationIds.length)}) AND json_valid(meta) AND json_extract(meta, '$.media.sha256') IS NOT NULL`,
    )
    .all(...k.conversationIds) as { sha: string }[];
  return rows.map((r) => r.sha);
}

/** Media still used by someone else's message (a clinic leaflet sent to many): its file must stay. */
export function mediaUsedOutside(db: Db, sha256: string, keys: PersonKeys): boolean {
  const k = nonEmpty(keys);
  const row = db
    .prepare(
      `SELECT 1 FROM messages WHERE conversation_id NOT IN (${placeholders(k.conversationIds.length)})
       AND json_valid(meta) AND json_extract(meta, '$.media.sha256') = ? LIMIT 1`,
    )
    .get(...k.conversationIds, sha256);
  return row !== undefined;
}

/**
 * Erases the person in the rows that stay for the statistics and deletes the rows that only describe them.
 * Run inside a transaction with PRAGMA secure_delete on (see scrubDatabaseFile).
 */
export function eraseRows(db: Db, keys: PersonKeys, erasedMedia: string[], at: number): Record<string, number> {
  const k = nonEmpty(keys);
  const pIn = placeholders(k.patientIds.length);
  const cIn = placeholders(k.conversationIds.length);
  const iIn = placeholders(k.identities.length);
  const n: Record<string, number> = {};
  const run = (name: string, sql: string, ...args: unknown[]) => {
    n[name] = (n[name] ?? 0) + db.prepare(sql).run(...args).changes;
  };
  const msgIds = `SELECT id FROM messages WHERE conversation_id IN (${cIn})`;
  // Rows that only say something about the person go.
  run('patient_identities', `DELETE FROM patient_identities WHERE patient_id IN (${pIn})`, ...k.patientIds);
  run('patient_consents', `DELETE FROM patient_consents WHERE patient_id IN (${pIn})`, ...k.patientIds);
  run('sms_opt_outs', `DELETE FROM sms_opt_outs WHERE patient_id IN (${pIn})`, ...k.patientIds);
  run('drafts', `DELETE FROM drafts WHERE conversation_id IN (${cIn})`, ...k.conversationIds);
  // The search vocabulary (054) keeps every word ever written: the person's words go with their messages,
  // unless another message still uses them (read after the bodies are emptied, below).
  const words = new Set(
    (db.prepare(`SELECT DISTINCT j.value AS term FROM messages m, json_each(desk_words(m.body)) j WHERE m.conversation_id IN (${cIn})`).all(...k.conversationIds) as { term: string }[]).map((r) => r.term),
  );
  // Rows the statistics count stay, with nothing that names or reaches the person.
  run(
    'patients',
    `UPDATE patients SET first_name = '', last_name = '', birth_date = NULL, sex = NULL, notes = '', tags = '[]',
       preferred_channel = NULL, erased_at = ?, updated_at = ? WHERE id IN (${pIn})`,
    at,
    at,
    ...k.patientIds,
  );
  run('conversations', `UPDATE conversations SET last_preview = '' WHERE id IN (${cIn})`, ...k.conversationIds);
  // What the WhatsApp link kept to answer retry requests (migration 120): the sealed text or media keys of those messages.
  run(
    'whatsapp_sent_content',
    `DELETE FROM whatsapp_sent_content WHERE provider_id IN (SELECT provider_id FROM messages WHERE conversation_id IN (${cIn}) AND provider_id IS NOT NULL)`,
    ...k.conversationIds,
  );
  run('messages', `UPDATE messages SET body = '', meta = NULL, failure_reason = NULL WHERE conversation_id IN (${cIn})`, ...k.conversationIds);
  run(
    'outbox',
    `UPDATE outbox SET body = '', to_phone = NULL, whatsapp_jid = NULL, media = NULL, last_error = NULL,
       status = CASE WHEN status IN ('pending','sending','parked') THEN 'cancelled' ELSE status END
     WHERE message_id IN (${msgIds}) OR to_phone IN (${iIn}) OR whatsapp_jid IN (${iIn})`,
    ...k.conversationIds,
    ...k.identities,
    ...k.identities,
  );
  run(
    'calls',
    `UPDATE calls SET from_number = NULL, to_number = NULL, note = '' WHERE patient_id IN (${pIn}) OR conversation_id IN (${cIn})
       OR from_number IN (${iIn}) OR to_number IN (${iIn})`,
    ...k.patientIds,
    ...k.conversationIds,
    ...k.identities,
    ...k.identities,
  );
  run('appointments', `UPDATE appointments SET notes = '' WHERE patient_id IN (${pIn})`, ...k.patientIds);
  n.search_vocab = (n.search_vocab ?? 0) + pruneVocabulary(db, words);
  // A phone column that is part of a uniqueness rule gets a placeholder that cannot collide.
  run(
    'callback_tasks',
    `UPDATE callback_tasks SET phone = 'erased-' || id,
       closed_at = COALESCE(closed_at, ?), close_reason = COALESCE(close_reason, 'dismissed'), closed_by = COALESCE(closed_by, 'gdpr')
     WHERE patient_id IN (${pIn}) OR conversation_id IN (${cIn}) OR phone IN (${iIn})`,
    at,
    ...k.patientIds,
    ...k.conversationIds,
    ...k.identities,
  );
  run('text_backs', `UPDATE text_backs SET phone = 'erased-' || id WHERE phone IN (${iIn}) OR message_id IN (${msgIds})`, ...k.identities, ...k.conversationIds);
  // The audit trail keeps who did what and when; details that quoted the person go.
  run(
    'audit_log',
    `UPDATE audit_log SET details = NULL WHERE (entity = 'patient' AND entity_id IN (${pIn})) OR (entity = 'conversation' AND entity_id IN (${cIn}))`,
    ...k.patientIds.map(String),
    ...k.conversationIds.map(String),
  );
  for (const value of k.identities) {
    if (value === '\u0000') continue;
    run('audit_log', `UPDATE audit_log SET details = NULL WHERE instr(details, ?) > 0`, value);
    // WhatsApp's per-contact encryption sessions are named by the contact's number: they are rebuilt on the next message.
    const digits = value.replace(/^\+/, '').replace(/[@:].*$/, '');
    if (digits.length >= 6) run('whatsapp_auth', `DELETE FROM whatsapp_auth WHERE instr(id, ?) > 0`, digits);
    if (digits.length >= 6) run('whatsapp_retry_counts', `DELETE FROM whatsapp_retry_counts WHERE instr(key, ?) > 0`, digits);
  }
  for (const sha of erasedMedia) run('media', 'DELETE FROM media WHERE sha256 = ?', sha);
  return n;
}

export interface ScrubResult {
  walFramesLeft: number;
  vacuumed: boolean;
}

/**
 * Leaves no copy of erased text in the database file or its WAL:
 * - FTS5 keeps deleted tokens in older index segments until they are merged: 'optimize' rewrites the index as one
 *   segment without them (messages_fts and the contentless patients_fts);
 * - VACUUM rebuilds the file, so no free page or freed cell keeps old bytes (secure_delete zeroes them too);
 * - a TRUNCATE checkpoint copies the WAL into the file and empties it.
 */
export function scrubDatabaseFile(db: Db, opts: { vacuum?: boolean } = {}): ScrubResult {
  db.exec(`INSERT INTO messages_fts(messages_fts) VALUES ('optimize')`);
  db.exec(`INSERT INTO patients_fts(patients_fts) VALUES ('optimize')`);
  db.pragma('wal_checkpoint(TRUNCATE)');
  let vacuumed = false;
  if (opts.vacuum !== false && !db.inTransaction) {
    db.exec('VACUUM');
    vacuumed = true;
  }
  const r = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number; log: number; checkpointed: number }[];
  return { walFramesLeft: r[0] ? r[0].log - r[0].checkpointed + r[0].busy : 0, vacuumed };
}

/**
 * The search vocabulary (054) keeps every word ever written, and suggests it while a word is typed: after bodies
 * were emptied, the words they held go unless another message still uses them (one FTS look-up each).
 */
export function pruneVocabulary(db: Db, words: Iterable<string>): number {
  const stillUsed = db.prepare('SELECT 1 FROM messages_fts WHERE messages_fts MATCH ? LIMIT 1');
  const dropWord = db.prepare('DELETE FROM search_vocab WHERE term = ?');
  let dropped = 0;
  for (const term of words) {
    if (!stillUsed.get(`"${term.replace(/"/g, '""')}"`)) dropped += dropWord.run(term).changes;
  }
  return dropped;
}

/**
 * Retention: message bodies and media links older than `before` are emptied, and their words leave the search
 * vocabulary unless a newer message still uses them; returns the media they pointed at.
 */
export function purgeOldMessages(db: Db, before: number): { messages: number; media: string[]; words: number } {
  const media = (
    db
      .prepare(
        `SELECT DISTINCT json_extract(meta, '$.media.sha256') AS sha FROM messages
         WHERE created_at < ? AND json_valid(meta) AND json_extract(meta, '$.media.sha256') IS NOT NULL`,
      )
      .all(before) as { sha: string }[]
  ).map((r) => r.sha);
  const purged = `created_at < ? AND channel IN ('whatsapp','sms','note') AND (body <> '' OR meta IS NOT NULL)`;
  // Read before the bodies are emptied, checked against the index after (json_each has no column of these names).
  const words = (db.prepare(`SELECT DISTINCT j.value AS term FROM messages m, json_each(desk_words(m.body)) j WHERE ${purged}`).all(before) as { term: string }[]).map((r) => r.term);
  const messages = db.prepare(`UPDATE messages SET body = '', meta = NULL WHERE ${purged}`).run(before).changes;
  db.prepare(`UPDATE outbox SET body = '', media = NULL WHERE created_at < ? AND status IN ('sent','cancelled','parked') AND body <> ''`).run(before);
  return { messages, media, words: pruneVocabulary(db, words) };
}

/** Media still linked from a message after a purge. */
export function mediaStillUsed(db: Db, sha256: string): boolean {
  return (
    db.prepare(`SELECT 1 FROM messages WHERE json_valid(meta) AND json_extract(meta, '$.media.sha256') = ? LIMIT 1`).get(sha256) !== undefined
  );
}

export function deleteMediaRow(db: Db, sha256: string): void {
  db.prepare('DELETE FROM media WHERE sha256 = ?').run(sha256);
}

/** Every table and the tables its foreign keys point at, for the completeness test and `clinic-desk doctor`. */
export function foreignKeyGraph(db: Db): { table: string; references: string[] }[] {
  const tables = db
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .all() as { name: string }[];
  return tables.map(({ name }) => ({
    table: name,
    references: [...new Set((db.prepare(`SELECT "table" FROM pragma_foreign_key_list(?)`).all(name) as { table: string }[]).map((r) => r.table))],
  }));
}
