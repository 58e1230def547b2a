import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../src-main/app/createApp';
import { generateClinic } from '../../../src-main/bench/generator/generateClinic';
import { allMigrations, runMigrations } from '../../../src-main/db/migrate';
import { countInbox, inboxCounts, wakeDueSnoozes } from '../../../src-main/db/repositories/inbox';
import { erasePatient } from '../../../src-main/domain/gdpr/patientErasure';
import { gdprDeps } from '../../../src-main/domain/gdpr/gdprArea';
import { receiveInbound } from '../../../src-main/domain/messaging/messagingService';
import { mergePatients } from '../../../src-main/domain/patients/mergePatients';
import { ManualClock } from '../../../src-main/domain/shared/clock';

const T = Date.parse('2026-11-20T09:00:00Z');
const MIN = 60_000;
const USERS = ['marta', 'anna', 'piotr'];

/** What the tally (migration 230) must equal at every moment: the active conversations counted from the table. */
function recount(app: App) {
  const db = app.ctx.db;
  const rows = db
    .prepare(
      `SELECT coalesce(assigned_to, '') AS assignee, count(*) AS n, sum(waiting_since IS NOT NULL) AS unanswered, sum(unread_count) AS unread
       FROM conversations WHERE status IN ('open','waiting') AND last_message_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
    )
    .all();
  const tally = db.prepare('SELECT assignee, n, unanswered, unread FROM inbox_active_tally WHERE n != 0 OR unanswered != 0 OR unread != 0 ORDER BY 1').all();
  return { rows, tally };
}

function expectExact(app: App, step: string): void {
  const { rows, tally } = recount(app);
  expect(tally, step).toEqual(rows);
  const db = app.ctx.db;
  for (const user of USERS) {
    const brute = db
      .prepare(
        `SELECT coalesce(sum(waiting_since IS NOT NULL), 0) AS unanswered, coalesce(sum(assigned_to = ?), 0) AS mine, coalesce(sum(unread_count), 0) AS unread
         FROM conversations WHERE status IN ('open','waiting') AND last_message_at IS NOT NULL`,
      )
      .get(user) as { unanswered: number; mine: number; unread: number };
    expect(inboxCounts(db, user), `${step} ${user}`).toMatchObject(brute);
    expect(countInbox(db, { statuses: ['open', 'waiting'], assignedTo: user }), `${step} mine ${user}`).toBe(brute.mine);
    expect(countInbox(db, { statuses: ['waiting', 'open'], unanswered: true }), `${step} unanswered`).toBe(brute.unanswered);
  }
}

describe('active tally (migration 230) against a recount, through every write path', () => {
  let app: App;
  let dir: string;
  let clock: ManualClock;
  const call = <T>(method: string, req: unknown, user = 'marta') => app.call(method, req, { user }) as Promise<T>;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-tally-'));
    clock = new ManualClock(T);
    app = await createApp({ dataDir: dir, clock, startOutbox: false });
  });
  afterEach(async () => {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stays exact for inbound, outbound, read, assign, close/reopen, snooze/wake, merge and erase', async () => {
    const inbound = (phone: string, n: number) =>
      receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: `sms-${phone}-${n}`, fromPhone: phone, body: `Dzień dobry ${n}`, at: clock.now() }).conversationId;
    const phones = ['+48601234501', '+48601234502', '+48601234503', '+48601234504', '+48601234505'];
    const convs = phones.map((p, i) => inbound(p, i));
    expectExact(app, 'inbound, new conversations');
    clock.advance(MIN);
    inbound(phones[0]!, 10);
    inbound(phones[1]!, 11);
    expectExact(app, 'inbound to open conversations');

    await call('message.send', { conversationId: convs[0], body: 'Buongiorno, a domani' });
    expectExact(app, 'outbound reply');
    await call('conversation.markRead', { conversationId: convs[1] });
    expectExact(app, 'read');

    await call('conversation.assign', { conversationId: convs[1], to: 'marta' });
    await call('conversation.assign', { conversationId: convs[2], to: 'anna' });
    expectExact(app, 'assign');
    await call('conversation.assign', { conversationId: convs[2], to: 'marta' });
    await call('conversation.assign', { conversationId: convs[1], to: null });
    expectExact(app, 'reassign and unassign');
    clock.advance(MIN);
    inbound(phones[2]!, 20);
    expectExact(app, 'inbound to an assigned conversation');

    await call('conversation.setStatus', { conversationId: convs[2], status: 'done' });
    await call('conversation.setStatus', { conversationId: convs[3], status: 'waiting' });
    expectExact(app, 'close and waiting');
    await call('conversation.setStatus', { conversationId: convs[2], status: 'open' });
    expectExact(app, 'reopen');
    await call('conversation.setStatus', { conversationId: convs[2], status: 'done' });
    clock.advance(MIN);
    inbound(phones[2]!, 21);
    expectExact(app, 'inbound reopens a done conversation');

    await call('conversation.snooze', { conversationId: convs[3], until: clock.now() + 10 * MIN });
    expectExact(app, 'snooze');
    clock.advance(11 * MIN);
    wakeDueSnoozes(app.ctx.db, clock.now());
    expectExact(app, 'wake');

    const patientOf = (conv: number) => (app.ctx.db.prepare('SELECT patient_id FROM conversations WHERE id = ?').get(conv) as { patient_id: number }).patient_id;
    await call('conversation.assign', { conversationId: convs[4], to: 'piotr' });
    mergePatients(app.ctx.db, { keepId: patientOf(convs[0]!), otherId: patientOf(convs[4]!), actor: 'anna', at: clock.now() });
    expectExact(app, 'merge');
    await erasePatient(gdprDeps(app.ctx), patientOf(convs[1]!), 'admin');
    expectExact(app, 'erase');
    expect(inboxCounts(app.ctx.db, 'marta').mine).toBeGreaterThan(0);
  });
});

describe('migration 230 on a database that already holds conversations', () => {
  it('fills the tally from the rows, then keeps it in step', () => {
    const db = new Database(':memory:');
    try {
      runMigrations(db, allMigrations().filter((m) => m.version < 230));
      generateClinic(db, { name: '10k', patients: 150, messages: 1500, calls: 100, appointments: 20, heavyConversations: 1, heavyMessages: 100, heavyCalls: 10 }, T);
      db.prepare("UPDATE conversations SET status = 'open', waiting_since = last_message_at, unread_count = id % 4 WHERE id % 3 = 0 AND last_message_at IS NOT NULL").run();
      db.prepare("UPDATE conversations SET assigned_to = 'anna' WHERE id % 2 = 0").run();
      runMigrations(db);
      const recounted = () =>
        db
          .prepare(
            `SELECT coalesce(assigned_to, '') AS assignee, count(*) AS n, sum(waiting_since IS NOT NULL) AS unanswered, sum(unread_count) AS unread
             FROM conversations WHERE status IN ('open','waiting') AND last_message_at IS NOT NULL GROUP BY 1 ORDER BY 1`,
          )
          .all();
      const tally = () => db.prepare('SELECT assignee, n, unanswered, unread FROM inbox_active_tally WHERE n != 0 ORDER BY 1').all();
      expect(recounted().length).toBe(2);
      expect(tally()).toEqual(recounted());
      db.prepare("UPDATE conversations SET status = 'done', waiting_since = NULL, unread_count = 0 WHERE id % 9 = 0").run();
      db.prepare("UPDATE conversations SET assigned_to = NULL WHERE id % 6 = 0").run();
      expect(tally()).toEqual(recounted());
    } finally {
      db.close();
    }
  });
});
