import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../src-main/db/database';
import { decodeCursor, listInbox, listInboxPage } from '../../../../src-main/db/repositories/inbox';

const T = Date.parse('2026-11-20T09:00:00Z');
const MIN = 60_000;
const N = 10_000;

/**
 * The list at 10,000 conversations (30,000 messages): paged in inbox order, filtered, and fast
 * enough that scrolling never waits on the database.
 */
describe('inbox list with 10,000 conversations', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(':memory:');
    const patient = db.prepare('INSERT INTO patients (first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const conv = db.prepare(
      `INSERT INTO conversations (patient_id, status, waiting_since, last_message_at, last_channel, last_preview, last_direction, assigned_to, created_at)
       VALUES (?, ?, ?, ?, ?, 'x', 'in', ?, ?)`,
    );
    const msg = db.prepare(`INSERT INTO messages (conversation_id, channel, direction, body, status, created_at) VALUES (?, ?, 'in', 'Buongiorno', 'received', ?)`);
    db.transaction(() => {
      for (let i = 1; i <= N; i++) {
        const p = Number(patient.run(`P${i}`, 'Rossi', T, T).lastInsertRowid);
        const status = ['open', 'waiting', 'snoozed', 'done'][i % 4]!;
        const waiting = status === 'open' && i % 3 === 0 ? T - i * MIN : null;
        const channel = i % 5 === 0 ? 'sms' : 'whatsapp';
        const c = Number(conv.run(p, status, waiting, T - i * MIN, channel, i % 7 === 0 ? 'marta' : null, T).lastInsertRowid);
        for (let k = 0; k < 3; k++) msg.run(c, channel, T - i * MIN - k * 1000);
      }
    })();
    // 30,000 messages through the FTS, vocabulary and counter triggers: seconds on a shared machine.
  }, 60_000);

  it('pages through the active list in inbox order, without gaps or repeats', () => {
    const seen: number[] = [];
    let total = 0;
    for (let offset = 0; ; offset += 500) {
      const page = listInbox(db, { statuses: ['open', 'waiting'] }, 500, offset);
      total = page.total;
      seen.push(...page.rows.map((r) => r.id));
      if (page.rows.length < 500) break;
    }
    expect(total).toBe(N / 2);
    expect(new Set(seen).size).toBe(N / 2);
    const first = listInbox(db, { statuses: ['open', 'waiting'] }, 3, 0).rows;
    // Oldest wait first: the conversation waiting since the earliest time leads.
    expect(first.every((r) => r.waiting_since !== null)).toBe(true);
    expect(first[0]!.waiting_since! <= first[1]!.waiting_since!).toBe(true);
  });

  it('filters by channel, assignment and unanswered with the right totals', () => {
    expect(listInbox(db, { statuses: ['open', 'waiting', 'snoozed', 'done'], channel: 'sms' }, 10, 0).total).toBe(N / 5);
    expect(listInbox(db, { statuses: ['open', 'waiting', 'snoozed', 'done'], assignedTo: 'marta' }, 10, 0).total).toBe(Math.floor(N / 7));
    const unanswered = listInbox(db, { statuses: ['open', 'waiting'], unanswered: true }, 10, 0);
    expect(unanswered.rows.every((r) => r.waiting_since !== null)).toBe(true);
  });

  it('answers a page in a few milliseconds, the 20th as fast as the first (keyset, as the list scrolls)', () => {
    for (const channel of [null, 'sms'] as const) {
      let cursor: string | null = null;
      const started = performance.now();
      let pages = 0;
      for (let i = 0; i < 20; i++, pages++) {
        cursor = listInboxPage(db, { statuses: ['open', 'waiting'], channel }, 100, decodeCursor(cursor)).next;
        if (!cursor) break;
      }
      expect(pages).toBeGreaterThanOrEqual(channel ? 9 : 19); // 5,000 active, 1,000 of them on SMS
      expect((performance.now() - started) / (pages + 1)).toBeLessThan(50);
    }
  });

  it('probes the channel filter through its index (migration 008)', () => {
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM conversations c WHERE EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.channel = 'sms')`)
      .all() as { detail: string }[];
    expect(plan.map((p) => p.detail).join('\n')).toMatch(/messages_conversation_channel/);
  });
});
