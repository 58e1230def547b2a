import type { Db } from '../database';

export interface CallbackTaskRow {
  id: number;
  phone: string;
  patient_id: number | null;
  conversation_id: number | null;
  first_missed_at: number;
  last_missed_at: number;
  missed_count: number;
  last_call_id: number | null;
  attempts: number;
  last_attempt_at: number | null;
  closed_at: number | null;
  close_reason: 'called_back' | 'caller_got_through' | 'dismissed' | null;
  closed_by: string | null;
  created_at: number;
}

export interface CallbackTaskListRow extends CallbackTaskRow {
  first_name: string | null;
  last_name: string | null;
  language: string | null;
}

export function openTaskFor(db: Db, phone: string): CallbackTaskRow | undefined {
  return db.prepare('SELECT * FROM callback_tasks WHERE phone = ? AND closed_at IS NULL').get(phone) as CallbackTaskRow | undefined;
}

export function getTask(db: Db, id: number): CallbackTaskRow | undefined {
  return db.prepare('SELECT * FROM callback_tasks WHERE id = ?').get(id) as CallbackTaskRow | undefined;
}

export function insertTask(
  db: Db,
  t: { phone: string; patientId: number | null; conversationId: number | null; missedAt: number; callId: number },
  at: number,
): number {
  const r = db
    .prepare(
      `INSERT INTO callback_tasks (phone, patient_id, conversation_id, first_missed_at, last_missed_at, missed_count, last_call_id, created_at)
       VALUES (?, ?, ?, ?, ?, 1, ?, ?)`,
    )
    .run(t.phone, t.patientId, t.conversationId, t.missedAt, t.missedAt, t.callId, at);
  return Number(r.lastInsertRowid);
}

export function bumpTask(db: Db, id: number, b: { missedCount: number; firstMissedAt: number; lastMissedAt: number; callId: number }): void {
  db.prepare('UPDATE callback_tasks SET missed_count = ?, first_missed_at = ?, last_missed_at = ?, last_call_id = ? WHERE id = ?').run(
    b.missedCount,
    b.firstMissedAt,
    b.lastMissedAt,
    b.callId,
    id,
  );
}

export function recordAttempt(db: Db, id: number, at: number): void {
  db.prepare('UPDATE callback_tasks SET attempts = attempts + 1, last_attempt_at = max(coalesce(last_attempt_at, 0), ?) WHERE id = ?').run(at, id);
}

/** Closes an open task; false when it was already closed (two desks clicking at once). */
export function closeTask(db: Db, id: number, at: number, reason: 'called_back' | 'caller_got_through' | 'dismissed', by: string | null): boolean {
  return (
    db
      .prepare('UPDATE callback_tasks SET closed_at = ?, close_reason = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL')
      .run(at, reason, by, id).changes === 1
  );
}

/** Undo of a close; false when the caller has another open task (one open task per caller). */
export function reopenTask(db: Db, id: number): boolean {
  const row = getTask(db, id);
  if (!row || row.closed_at === null || openTaskFor(db, row.phone)) return false;
  return db.prepare('UPDATE callback_tasks SET closed_at = NULL, close_reason = NULL, closed_by = NULL WHERE id = ?').run(id).changes === 1;
}

/** Fills in who the caller is once known (a patient created from the popup, a merge). */
export function linkTaskPatient(db: Db, id: number, patientId: number, conversationId: number): void {
  db.prepare('UPDATE callback_tasks SET patient_id = ?, conversation_id = ? WHERE id = ?').run(patientId, conversationId, id);
}

const LIST = `SELECT t.*, p.first_name, p.last_name, p.language FROM callback_tasks t LEFT JOIN patients p ON p.id = t.patient_id`;

/** Open tasks, oldest miss first: who has waited longest is called back first. */
export function listOpenTasks(db: Db, limit = 100): CallbackTaskListRow[] {
  return db.prepare(`${LIST} WHERE t.closed_at IS NULL ORDER BY t.first_missed_at, t.id LIMIT ?`).all(limit) as CallbackTaskListRow[];
}

export function countOpenTasks(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM callback_tasks WHERE closed_at IS NULL').get() as { n: number }).n;
}

export function getTaskListRow(db: Db, id: number): CallbackTaskListRow | undefined {
  return db.prepare(`${LIST} WHERE t.id = ?`).get(id) as CallbackTaskListRow | undefined;
}

/** Open tasks of callers not (yet) matched to a patient. */
export function openTasksWithoutPatient(db: Db): CallbackTaskRow[] {
  return db.prepare('SELECT * FROM callback_tasks WHERE closed_at IS NULL AND patient_id IS NULL').all() as CallbackTaskRow[];
}

/** The calls behind a task (its caller's unanswered calls since the first miss) still without a patient. */
export function linkTaskCalls(db: Db, task: CallbackTaskRow, patientId: number, conversationId: number): void {
  db.prepare(
    `UPDATE calls SET patient_id = ?, conversation_id = ? WHERE patient_id IS NULL AND direction = 'in' AND started_at >= ?
       AND (id = ? OR from_number = ?)`,
  ).run(patientId, conversationId, task.first_missed_at, task.last_call_id, task.phone);
}

/**
 * For the statistics: tasks called back (or got through) in a period, with the wait. Dismissed tasks
 * (spam, wrong number) are not callbacks and are left out. Callback time = closed_at - first_missed_at.
 */
export function callbacksClosedBetween(db: Db, from: number, to: number): Array<{ firstMissedAt: number; closedAt: number; reason: 'called_back' | 'caller_got_through'; missedCount: number }> {
  return db
    .prepare(
      `SELECT first_missed_at AS firstMissedAt, closed_at AS closedAt, close_reason AS reason, missed_count AS missedCount FROM callback_tasks
       WHERE closed_at >= ? AND closed_at < ? AND close_reason IN ('called_back', 'caller_got_through') ORDER BY closed_at`,
    )
    .all(from, to) as Array<{ firstMissedAt: number; closedAt: number; reason: 'called_back' | 'caller_got_through'; missedCount: number }>;
}
