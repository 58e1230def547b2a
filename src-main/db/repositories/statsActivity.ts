import { prepareRaw, type Db } from '../database';

/** The statistics' reads of calls, callback tasks, visits, delay notices and SMS costs (indexes: migrations 001, 005, 090). */

/** [direction, result, isWhatsApp (0/1), startedAt] */
export type StatsCallRow = ['in' | 'out', 'answered' | 'missed' | 'abandoned' | 'voicemail' | 'busy', 0 | 1, number];

export function callsInRange(db: Db, from: number, to: number): StatsCallRow[] {
  return prepareRaw(db, `SELECT direction, result, source = 'whatsapp', started_at FROM calls INDEXED BY calls_started WHERE started_at >= ? AND started_at < ?`).all(
    from,
    to,
  ) as StatsCallRow[];
}

export interface StatsCallbackRow {
  firstMissedAt: number;
  closedAt: number | null;
  closeReason: 'called_back' | 'caller_got_through' | 'dismissed' | null;
}

/** Callback tasks whose first missed call fell in [from, to). */
export function callbackTasksInRange(db: Db, from: number, to: number): StatsCallbackRow[] {
  return db
    .prepare(
      `SELECT first_missed_at AS firstMissedAt, closed_at AS closedAt, close_reason AS closeReason
       FROM callback_tasks INDEXED BY callback_tasks_missed WHERE first_missed_at >= ? AND first_missed_at < ?`,
    )
    .all(from, to) as StatsCallbackRow[];
}

export interface StatsVisitRow {
  practitionerId: number;
  name: string;
  startsAt: number;
  startedAt: number | null;
  status: string;
}

/** Appointments due in [from, to), cancelled ones left out. */
export function visitsInRange(db: Db, from: number, to: number): StatsVisitRow[] {
  return db
    .prepare(
      `SELECT a.practitioner_id AS practitionerId, p.name AS name, a.starts_at AS startsAt, a.started_at AS startedAt, a.status AS status
       FROM appointments a INDEXED BY appointments_start JOIN practitioners p ON p.id = a.practitioner_id
       WHERE a.starts_at >= ? AND a.starts_at < ? AND a.status != 'cancelled'`,
    )
    .all(from, to) as StatsVisitRow[];
}

/** Delay notices decided on the clinic days from..to (inclusive, YYYY-MM-DD) that became a message. */
export function noticesOnDays(db: Db, fromDay: string, toDay: string): number {
  return (
    db
      .prepare(`SELECT count(*) AS n FROM delay_notices INDEXED BY delay_notices_day WHERE day >= ? AND day <= ? AND message_id IS NOT NULL`)
      .get(fromDay, toDay) as { n: number }
  ).n;
}

export function smsUsageInRange(db: Db, from: number, to: number): Array<{ provider: string; messages: number; segments: number }> {
  return db
    .prepare(
      `SELECT provider, count(*) AS messages, sum(segments) AS segments FROM sms_usage INDEXED BY sms_usage_sent
       WHERE sent_at >= ? AND sent_at < ? GROUP BY provider ORDER BY provider`,
    )
    .all(from, to) as Array<{ provider: string; messages: number; segments: number }>;
}

/** Records what a provider accepted; a second record of the same outbox row is ignored. */
export function recordSmsUsage(db: Db, u: { outboxId: number; provider: string; segments: number; at: number }): void {
  db.prepare('INSERT INTO sms_usage (outbox_id, provider, segments, sent_at) VALUES (?, ?, ?, ?) ON CONFLICT (outbox_id) DO NOTHING').run(
    u.outboxId,
    u.provider,
    u.segments,
    u.at,
  );
}

/** Whether a table exists: optional figures (reminders, feedback) show only where their capability does. */
export function tableExists(db: Db, name: string): boolean {
  return Boolean(db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name));
}
