import { afterEach, describe, expect, it } from 'vitest';
import { generateClinic } from '../../../src-main/bench/generator/generateClinic';
import { queryPlansOf } from '../../../src-main/bench/queryPlans';
import { openDatabase, type Db } from '../../../src-main/db/database';
import { CHANNEL_BITS, countInbox, decodeCursor, listInboxPage, type InboxFilter } from '../../../src-main/db/repositories/inbox';

const closers: Array<() => void> = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

const T = Date.UTC(2026, 10, 23, 9, 0);

/** A generated clinic with a busy active inbox: some open, some waiting, some waited on, some assigned. */
function clinic(): Db {
  const db = openDatabase(':memory:');
  closers.push(() => db.close());
  generateClinic(db, { name: '10k', patients: 300, messages: 3000, calls: 400, appointments: 40, heavyConversations: 1, heavyMessages: 200, heavyCalls: 30 }, T);
  db.prepare("UPDATE conversations SET status = 'open' WHERE id % 3 = 0 AND last_message_at IS NOT NULL").run();
  db.prepare("UPDATE conversations SET status = 'waiting' WHERE id % 7 = 0 AND last_message_at IS NOT NULL").run();
  db.prepare('UPDATE conversations SET waiting_since = last_message_at - (id % 5) * 60000 WHERE id % 2 = 0 AND last_message_at IS NOT NULL').run();
  // Equal waits and equal activity times, so the tie-breakers of the order are exercised.
  db.prepare('UPDATE conversations SET waiting_since = ? WHERE id % 11 = 0 AND waiting_since IS NOT NULL').run(T - 3600_000);
  db.prepare('UPDATE conversations SET last_message_at = ? WHERE id % 13 = 0 AND last_message_at IS NOT NULL').run(T - 7200_000);
  db.prepare("UPDATE conversations SET assigned_to = 'marta' WHERE id % 4 IN (1, 2)").run();
  return db;
}

/** The list as it was before migration 230: every matching row read, then sorted. */
function sortedWhole(db: Db, f: InboxFilter): number[] {
  const parts = [`status IN (${f.statuses.map((s) => `'${s}'`).join(',')})`, 'last_message_at IS NOT NULL'];
  if (f.unanswered) parts.push('waiting_since IS NOT NULL');
  if (f.assignedTo) parts.push(`assigned_to = '${f.assignedTo}'`);
  if (f.channel) parts.push(`channels & ${CHANNEL_BITS[f.channel]} != 0`);
  return (
    db
      .prepare(`SELECT id FROM conversations WHERE ${parts.join(' AND ')} ORDER BY waiting_since IS NULL, waiting_since, last_message_at DESC, id`)
      .all() as { id: number }[]
  ).map((r) => r.id);
}

function paged(db: Db, f: InboxFilter, size: number): number[] {
  const ids: number[] = [];
  for (let cursor: string | null = null, first = true; first || cursor; first = false) {
    const page = listInboxPage(db, f, size, decodeCursor(cursor));
    ids.push(...page.rows.map((r) => r.id));
    cursor = page.next;
  }
  return ids;
}

const ACTIVE: InboxFilter['statuses'] = ['open', 'waiting'];
const VIEWS: InboxFilter[] = [
  { statuses: ACTIVE },
  { statuses: ACTIVE, unanswered: true },
  { statuses: ACTIVE, channel: 'call' },
  { statuses: ACTIVE, channel: 'sms' },
  { statuses: ACTIVE, channel: 'whatsapp', unanswered: true },
  { statuses: ACTIVE, assignedTo: 'marta' },
  { statuses: ['open', 'waiting', 'snoozed', 'done'], unanswered: true },
  { statuses: ['open', 'waiting', 'snoozed', 'done'], channel: 'call' },
  { statuses: ACTIVE, assignedTo: 'marta', unanswered: true },
  { statuses: ['waiting'], channel: 'call' },
];

describe('active inbox lists in index order (migration 230)', () => {
  it('give the rows of the old sorted query, in its order, on every keyset page', () => {
    const db = clinic();
    for (const f of VIEWS) {
      const expected = sortedWhole(db, f);
      expect(expected.length, JSON.stringify(f)).toBeGreaterThan(10);
      for (const size of [1, 7, 50]) expect(paged(db, f, size), `${JSON.stringify(f)} by ${size}`).toEqual(expected);
      expect(countInbox(db, f), JSON.stringify(f)).toBe(expected.length);
    }
  });

  it('read the active, unanswered and channel views in order from an index: no sort of every matching row', async () => {
    const db = clinic();
    for (const f of VIEWS.slice(0, 6)) {
      const plans = await queryPlansOf(db, () => listInboxPage(db, f, 50, null));
      const lists = plans.filter((p) => p.sql.startsWith('SELECT c.id FROM conversations'));
      expect(lists.length, JSON.stringify(f)).toBeGreaterThan(0);
      for (const p of lists) {
        expect(p.plan.join(' | '), JSON.stringify(f)).not.toMatch(/TEMP B-TREE/);
        expect(p.plan.join(' | '), JSON.stringify(f)).toMatch(/conversations_waiting_order|conversations_active_recent/);
      }
      expect(plans.every((p) => !p.suspicious), JSON.stringify(f)).toBe(true);
    }
  });
});
