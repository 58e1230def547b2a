import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../src-main/db/database';
import { listInbox } from '../../../../src-main/db/repositories/inbox';

const T = Date.parse('2026-11-20T09:00:00Z');
const MIN = 60_000;
const ALL = ['open', 'waiting', 'snoozed', 'done'] as const;

/**
 * The inbox behind a statistic: only conversations with a message (or a call) inside the statistic's period, on
 * its channel when one is chosen. Conversation i has three messages around T - i minutes; every tenth also a call.
 */
describe('inbox list limited to a period', () => {
  let db: Db;
  beforeAll(() => {
    db = openDatabase(':memory:');
    const patient = db.prepare('INSERT INTO patients (first_name, last_name, created_at, updated_at) VALUES (?, ?, ?, ?)');
    const conv = db.prepare(
      `INSERT INTO conversations (patient_id, status, waiting_since, last_message_at, last_channel, last_preview, last_direction, created_at)
       VALUES (?, ?, NULL, ?, ?, 'x', 'in', ?)`,
    );
    const msg = db.prepare(`INSERT INTO messages (conversation_id, channel, direction, body, status, created_at) VALUES (?, ?, 'in', 'Buongiorno', 'received', ?)`);
    const call = db.prepare(
      `INSERT INTO calls (patient_id, conversation_id, direction, from_number, to_number, started_at, ring_seconds, talk_seconds, result, source, created_at)
       VALUES (?, ?, 'in', '+39333', '+39020', ?, 5, 0, 'missed', 'manual', ?)`,
    );
    db.transaction(() => {
      for (let i = 1; i <= 400; i++) {
        const p = Number(patient.run(`P${i}`, 'Rossi', T, T).lastInsertRowid);
        const channel = i % 5 === 0 ? 'sms' : 'whatsapp';
        const c = Number(conv.run(p, ALL[i % 4], T - i * MIN, channel, T - 500 * MIN).lastInsertRowid);
        for (let k = 0; k < 3; k++) msg.run(c, channel, T - i * MIN - k * 1000);
        // Calls half a minute before the messages' minute, so a call can be in a period its messages are not.
        if (i % 10 === 0) call.run(p, c, T - i * MIN - 30_000, T);
      }
    })();
  });

  // i = 101..200: their messages fall in [T - 200.5 min, T - 100.5 min).
  const period = { from: T - 200.5 * MIN, to: T - 100.5 * MIN };

  it('lists and counts only the conversations active in the period', () => {
    const page = listInbox(db, { statuses: [...ALL], period }, 500, 0);
    expect(page.total).toBe(100);
    expect(page.rows).toHaveLength(100);
    expect(page.rows.every((r) => r.last_message_at! >= period.from && r.last_message_at! < T - 100 * MIN)).toBe(true);
  });

  it('combines the period with the channel and the status', () => {
    expect(listInbox(db, { statuses: [...ALL], channel: 'sms', period }, 500, 0).total).toBe(20);
    expect(listInbox(db, { statuses: [...ALL], channel: 'whatsapp', period }, 500, 0).total).toBe(80);
    // Calls of i = 110, 120, ..., 200 (at T - i min - 30 s; i = 100's is at the period's exclusive end).
    expect(listInbox(db, { statuses: [...ALL], channel: 'call', period }, 500, 0).total).toBe(10);
    expect(listInbox(db, { statuses: ['done'], period }, 500, 0).total).toBe(25);
  });

  it('without a period the whole list is there (the filter removed)', () => {
    expect(listInbox(db, { statuses: [...ALL] }, 10, 0).total).toBe(400);
  });
});
