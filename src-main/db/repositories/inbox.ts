import type { Db } from '../database';
import type { ConversationListRow, ConversationRow } from './conversations';

/**
 * The inbox list with its filters, counts, snooze timer and assignment. Orders and filters are backed by
 * conversations_recent (001), conversations_snoozed / _assigned (002), the channel bits and
 * counters of 052, and the active tally and the ordered waiting / active indexes of 230.
 */
export type ListChannel = 'whatsapp' | 'sms' | 'call';

export interface InboxFilter {
  statuses: ConversationRow['status'][];
  assignedTo?: string | null;
  unanswered?: boolean;
  channel?: ListChannel | null;
  /** Only conversations with activity (a message, or a call) in [from, to), on `channel` when one is set: a period's list behind a statistic. */
  period?: { from: number; to: number } | null;
}

/** Names and the first phone for one page of ids only. */
const PAGE_SELECT = `
  SELECT c.*, p.first_name, p.last_name, p.language,
    (SELECT value FROM patient_identities i WHERE i.patient_id = p.id AND i.kind = 'phone' ORDER BY i.id LIMIT 1) AS phone
  FROM page JOIN conversations c ON c.id = page.id JOIN patients p ON p.id = c.patient_id`;

/** Bits of conversations.channels (migration 052). */
export const CHANNEL_BITS: Record<ListChannel, number> = { whatsapp: 1, sms: 2, call: 4 };

/**
 * Where a page starts: after the last row of the previous page, in inbox order. The order has two runs:
 * conversations someone waits on (oldest wait first, then latest activity), then the others by latest
 * activity. `w` is the waiting_since of the last row (null in the second run).
 */
export interface InboxCursor {
  w: number | null;
  l: number;
  id: number;
}

export const encodeCursor = (c: InboxCursor): string => `${c.w ?? ''}:${c.l}:${c.id}`;

export function decodeCursor(s: string | null | undefined): InboxCursor | null {
  const m = s ? /^(\d*):(\d+):(\d+)$/.exec(s) : null;
  return m ? { w: m[1] ? Number(m[1]) : null, l: Number(m[2]), id: Number(m[3]) } : null;
}

function filters(f: InboxFilter): { parts: string[]; params: unknown[] } {
  const parts = [`c.status IN (${f.statuses.map(() => '?').join(',')})`, 'c.last_message_at IS NOT NULL'];
  const params: unknown[] = [...f.statuses];
  if (f.assignedTo) {
    parts.push('c.assigned_to = ?');
    params.push(f.assignedTo);
  }
  if (f.channel) {
    parts.push('c.channels & ? != 0');
    params.push(CHANNEL_BITS[f.channel]);
  }
  if (f.period) {
    // Uncorrelated, so SQLite builds the period's conversation ids once from the time indexes (messages_stats_range,
    // calls_started) and checks each listed row against them.
    const fromMessages = `SELECT conversation_id FROM messages INDEXED BY messages_stats_range WHERE created_at >= ? AND created_at < ?${f.channel && f.channel !== 'call' ? ' AND channel = ?' : ''}`;
    const fromCalls = 'SELECT conversation_id FROM calls INDEXED BY calls_started WHERE started_at >= ? AND started_at < ? AND conversation_id IS NOT NULL';
    const { from, to } = f.period;
    if (f.channel === 'call') {
      parts.push(`c.id IN (${fromCalls})`);
      params.push(from, to);
    } else if (f.channel) {
      parts.push(`c.id IN (${fromMessages})`);
      params.push(from, to, f.channel);
    } else {
      parts.push(`c.id IN (${fromMessages} UNION ALL ${fromCalls})`);
      params.push(from, to, from, to);
    }
  }
  return { parts, params };
}

/**
 * One page of the inbox in inbox order, by keyset: the page after `cursor` costs the same as the first.
 * Both runs are read in their order from an index and stop at the page size: the waiting run from
 * conversations_waiting_order (230), the other run from conversations_recent in views that hold the done
 * conversations (most of the table) and from conversations_active_recent (230) in active views.
 */
export function listInboxPage(db: Db, f: InboxFilter, limit: number, cursor: InboxCursor | null): { rows: ConversationListRow[]; next: string | null } {
  const wide = f.statuses.includes('done');
  const ids: number[] = [];
  if (!cursor || cursor.w !== null) {
    const { parts, params } = filters(f);
    parts.push('c.waiting_since IS NOT NULL');
    if (cursor) {
      // Spelled with the index's own columns so that SQLite seeks to the cursor instead of filtering from the start.
      parts.push('c.waiting_since >= ? AND (c.waiting_since > ? OR c.last_message_at < ? OR (c.last_message_at = ? AND c.id > ?))');
      params.push(cursor.w, cursor.w, cursor.l, cursor.l, cursor.id);
    }
    const rows = db
      .prepare(`SELECT c.id FROM conversations c INDEXED BY conversations_waiting_order WHERE ${parts.join(' AND ')} ORDER BY c.waiting_since, c.last_message_at DESC, c.id LIMIT ?`)
      .all(...params, limit + 1) as { id: number }[];
    ids.push(...rows.map((r) => r.id));
  }
  if (!f.unanswered && ids.length <= limit) {
    const { parts, params } = filters(f);
    parts.push('c.waiting_since IS NULL');
    // Spelled out so that SQLite may use the partial index (it cannot read the bound statuses).
    if (!wide && onlyActive(f)) parts.push("c.status IN ('open','waiting')");
    if (cursor && cursor.w === null) {
      parts.push('c.last_message_at <= ? AND (c.last_message_at < ? OR c.id > ?)');
      params.push(cursor.l, cursor.l, cursor.id);
    }
    const rows = db
      .prepare(`SELECT c.id FROM conversations c ${wide ? 'INDEXED BY conversations_recent' : onlyActive(f) ? 'INDEXED BY conversations_active_recent' : ''} WHERE ${parts.join(' AND ')} ORDER BY c.last_message_at DESC, c.id LIMIT ?`)
      .all(...params, limit + 1 - ids.length) as { id: number }[];
    ids.push(...rows.map((r) => r.id));
  }
  const more = ids.length > limit;
  const pageIds = ids.slice(0, limit);
  if (!pageIds.length) return { rows: [], next: null };
  const rows = db
    .prepare(`WITH page(id, k) AS (SELECT value, key FROM json_each(?)) ${PAGE_SELECT} ORDER BY page.k`)
    .all(JSON.stringify(pageIds)) as ConversationListRow[];
  const last = rows[rows.length - 1]!;
  return { rows, next: more ? encodeCursor({ w: last.waiting_since, l: last.last_message_at ?? 0, id: last.id }) : null };
}

/**
 * A view of open and waiting conversations only: read from their own ordered index. Left to itself
 * SQLite walks conversations_recent for the order, which under a channel filter matching few active
 * conversations reads nearly every conversation of the clinic's history before it finds a page.
 */
const onlyActive = (f: InboxFilter): boolean => f.statuses.every((s) => s === 'open' || s === 'waiting');

/** How many conversations a view holds: from the maintained counters (052, 230), or the small active/assigned sets. */
export function countInbox(db: Db, f: InboxFilter): number {
  if (isActiveSet(f) && !f.channel && !f.period && !(f.assignedTo && f.unanswered) && (f.assignedTo || f.unanswered)) {
    const row = f.assignedTo
      ? (db.prepare('SELECT n FROM inbox_active_tally WHERE assignee = ?').get(f.assignedTo) as { n: number } | undefined)
      : (db.prepare('SELECT coalesce(sum(unanswered), 0) AS n FROM inbox_active_tally').get() as { n: number });
    return row?.n ?? 0;
  }
  if (!f.assignedTo && !f.unanswered && !f.period) {
    const bit = f.channel ? CHANNEL_BITS[f.channel] : 7;
    const row = db
      .prepare(`SELECT coalesce(sum(n), 0) AS n FROM inbox_counts WHERE status IN (${f.statuses.map(() => '?').join(',')}) AND (channels & ? != 0 OR ? = 7)`)
      .get(...f.statuses, bit, bit) as { n: number };
    return row.n;
  }
  const { parts, params } = filters(f);
  if (f.unanswered) parts.push('c.waiting_since IS NOT NULL');
  // What the counters cannot answer (two filters at once, a period) walks the smallest set the filter names:
  // one user's conversations or the waiting ones (the index covers status and channel bits). Otherwise only a
  // period is left, and SQLite starts from the period's conversation ids (the time indexes, see filters()).
  const index = f.assignedTo ? 'conversations_assigned' : f.unanswered ? 'conversations_waiting_order' : null;
  return (db.prepare(`SELECT count(*) AS n FROM conversations c ${index ? `INDEXED BY ${index}` : ''} WHERE ${parts.join(' AND ')}`).get(...params) as { n: number }).n;
}

/** Offset paging, kept for callers that jump to a page number; the UI scrolls with the cursor. */
export function listInbox(db: Db, f: InboxFilter, limit: number, offset: number): { rows: ConversationListRow[]; total: number } {
  let cursor: InboxCursor | null = null;
  let skipped = 0;
  while (skipped < offset) {
    const step = Math.min(500, offset - skipped);
    const page = listInboxPage(db, f, step, cursor);
    skipped += page.rows.length;
    cursor = decodeCursor(page.next);
    if (!cursor) return { rows: [], total: countInbox(db, f) };
  }
  return { rows: listInboxPage(db, f, limit, cursor).rows, total: countInbox(db, f) };
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

/** The open and waiting conversations, exactly: what inbox_active_tally (230) counts. */
const isActiveSet = (f: InboxFilter): boolean => onlyActive(f) && f.statuses.includes('open') && f.statuses.includes('waiting');

/** All from maintained counters: a row per (status, channels) of 052 and a row per desk user of 230. */
export function inboxCounts(db: Db, user: string): InboxCounts {
  const byStatus = db.prepare('SELECT status, sum(n) AS n FROM inbox_counts GROUP BY status').all() as { status: string; n: number }[];
  const of = (s: string): number => byStatus.find((r) => r.status === s)?.n ?? 0;
  const active = db
    .prepare(
      `SELECT coalesce(sum(unanswered), 0) AS unanswered, coalesce(sum(CASE WHEN assignee = ? THEN n END), 0) AS mine, coalesce(sum(unread), 0) AS unread
       FROM inbox_active_tally`,
    )
    .get(user) as Pick<InboxCounts, 'unanswered' | 'mine' | 'unread'>;
  return { open: of('open'), waiting: of('waiting'), snoozed: of('snoozed'), done: of('done'), ...active };
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
