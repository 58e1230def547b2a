import type { Db } from '../database';
import type { ConversationListRow, ConversationRow } from './conversations';

/**
 * The inbox list with its filters, counts, snooze timer and assignment. Orders and filters are
 * backed by conversations_inbox (001) and conversations_snoozed / _assigned / _unanswered (002).
 */
export type ListChannel = 'whatsapp' | 'sms' | 'call';

export interface InboxFilter {
  statuses: ConversationRow['status'][];
  assignedTo?: string | null;
  unanswered?: boolean;
  channel?: ListChannel | null;
}

/** Names and the first phone for one page of ids only: computing them for every row before the sort was 5x slower at 10k. */
const PAGE_SELECT = `
  SELECT c.*, p.first_name, p.last_name, p.language,
    (SELECT value FROM patient_identities i WHERE i.patient_id = p.id AND i.kind = 'phone' ORDER BY i.id LIMIT 1) AS phone
  FROM page JOIN conversations c ON c.id = page.id JOIN patients p ON p.id = c.patient_id`;

/** Waiting for the clinic first, oldest wait first; then the rest by latest activity. */
const INBOX_ORDER = 'ORDER BY (c.waiting_since IS NULL), c.waiting_since, c.last_message_at DESC, c.id';

function where(f: InboxFilter, forPage = false): { sql: string; params: unknown[] } {
  // Views that include the done conversations (most of the table) read the page in inbox order from
  // conversations_inbox_order and stop at LIMIT/OFFSET; the unary + keeps SQLite from choosing the status
  // index and sorting every row first. Active views are small: the status index and a sort are cheaper.
  const status = forPage && f.statuses.includes('done') ? '+c.status' : 'c.status';
  const parts = [`${status} IN (${f.statuses.map(() => '?').join(',')})`, 'c.last_message_at IS NOT NULL'];
  const params: unknown[] = [...f.statuses];
  if (f.assignedTo) {
    parts.push('c.assigned_to = ?');
    params.push(f.assignedTo);
  }
  if (f.unanswered) parts.push('c.waiting_since IS NOT NULL');
  if (f.channel === 'call') parts.push('EXISTS (SELECT 1 FROM calls k WHERE k.conversation_id = c.id)');
  else if (f.channel) {
    parts.push('EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.channel = ?)');
    params.push(f.channel);
  }
  return { sql: `WHERE ${parts.join(' AND ')}`, params };
}

export function listInbox(db: Db, f: InboxFilter, limit: number, offset: number): { rows: ConversationListRow[]; total: number } {
  const w = where(f);
  const page = where(f, true);
  const rows = db
    .prepare(`WITH page AS (SELECT c.id FROM conversations c ${page.sql} ${INBOX_ORDER} LIMIT ? OFFSET ?) ${PAGE_SELECT} ${INBOX_ORDER}`)
    .all(...page.params, limit, offset) as ConversationListRow[];
  const total = (db.prepare(`SELECT count(*) AS n FROM conversations c ${w.sql}`).get(...w.params) as { n: number }).n;
  return { rows, total };
}

export interface InboxCounts {
  open: number;
  waiting: number;
  snoozed: number;
  done: number;
  unanswered: number;
  mine: number;
  unread: number;
}

export function inboxCounts(db: Db, user: string): InboxCounts {
  return db
    .prepare(
      `SELECT
         coalesce(sum(status = 'open'), 0) AS open,
         coalesce(sum(status = 'waiting'), 0) AS waiting,
         coalesce(sum(status = 'snoozed'), 0) AS snoozed,
         coalesce(sum(status = 'done'), 0) AS done,
         coalesce(sum(waiting_since IS NOT NULL AND status IN ('open','waiting')), 0) AS unanswered,
         coalesce(sum(assigned_to = ? AND status IN ('open','waiting')), 0) AS mine,
         coalesce(sum(CASE WHEN status IN ('open','waiting') THEN unread_count ELSE 0 END), 0) AS unread
       FROM conversations WHERE last_message_at IS NOT NULL`,
    )
    .get(user) as InboxCounts;
}

export function setConversationFields(
  db: Db,
  id: number,
  s: Pick<ConversationRow, 'status' | 'snoozed_until' | 'unread_count' | 'waiting_since' | 'assigned_to'>,
): void {
  db.prepare('UPDATE conversations SET status = ?, snoozed_until = ?, unread_count = ?, waiting_since = ?, assigned_to = ? WHERE id = ?').run(
    s.status,
    s.snoozed_until,
    s.unread_count,
    s.waiting_since,
    s.assigned_to,
    id,
  );
}

/** Snoozed conversations whose time has come, woken in one statement; returns their ids. */
export function wakeDueSnoozes(db: Db, now: number): number[] {
  const rows = db
    .prepare(`UPDATE conversations SET status = 'open', snoozed_until = NULL WHERE status = 'snoozed' AND snoozed_until <= ? RETURNING id`)
    .all(now) as { id: number }[];
  return rows.map((r) => r.id);
}

export function nextSnoozeEnd(db: Db): number | null {
  const row = db.prepare(`SELECT min(snoozed_until) AS t FROM conversations WHERE status = 'snoozed'`).get() as { t: number | null };
  return row.t;
}

export function touchDeskUser(db: Db, name: string, at: number): void {
  db.prepare('INSERT INTO desk_users (name, last_seen_at) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET last_seen_at = excluded.last_seen_at').run(name, at);
}

export function deskUsers(db: Db): string[] {
  return (db.prepare('SELECT name FROM desk_users ORDER BY name COLLATE NOCASE').all() as { name: string }[]).map((r) => r.name);
}

export function conversationOfPatient(db: Db, patientId: number): number | null {
  const row = db.prepare('SELECT id FROM conversations WHERE patient_id = ?').get(patientId) as { id: number } | undefined;
  return row?.id ?? null;
}
