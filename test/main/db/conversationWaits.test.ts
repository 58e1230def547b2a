import Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src-main/db/database';
import { allMigrations, runMigrations } from '../../../src-main/db/migrate';
import { deleteConversation, moveReferences } from '../../../src-main/db/repositories/patientMerge';
import { waitsStartedIn } from '../../../src-main/db/repositories/statsMessages';
import { seededRandom } from '../../../src-main/domain/shared/random';
import { findWaits, type Turn } from '../../../src-main/domain/stats/waits';

/**
 * conversation_waits (migration 091) is kept by triggers on messages. Each case checks the table against
 * findWaits — the statistics' own definition of a wait, run over every turn of the database — and, where the
 * story is short, against waits written out by hand.
 */
const T = Date.parse('2026-03-10T08:00:00Z');
const MIN = 60_000;
type Kind = 'in' | 'human' | 'auto' | 'note';

function addConversation(db: Database.Database | Db): number {
  const p = Number(db.prepare("INSERT INTO patients (first_name, last_name, created_at, updated_at) VALUES ('Anna', 'Rossi', ?, ?)").run(T, T).lastInsertRowid);
  return Number(db.prepare("INSERT INTO conversations (patient_id, status, created_at) VALUES (?, 'open', ?)").run(p, T).lastInsertRowid);
}

function add(db: Database.Database | Db, conversationId: number, kind: Kind, at: number, channel: 'whatsapp' | 'sms' = 'whatsapp'): number {
  const direction = kind === 'in' ? 'in' : 'out';
  const author = kind === 'human' ? 'marta' : null;
  return Number(
    db
      .prepare('INSERT INTO messages (conversation_id, channel, direction, body, status, author, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(conversationId, kind === 'note' ? 'note' : channel, direction, 'x', direction === 'in' ? 'received' : 'sent', author, at).lastInsertRowid,
  );
}

type W = [number, number, number | null];
const sortW = (w: W[]): W[] => [...w].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
const table = (db: Database.Database | Db): W[] =>
  sortW(db.prepare('SELECT conversation_id, start_at, responded_at FROM conversation_waits').raw().all() as W[]);

/** The definition, over all of history: turns sorted by conversation, time, patient message first. */
function expected(db: Database.Database | Db): W[] {
  const rows = db
    .prepare("SELECT conversation_id, created_at, direction FROM messages WHERE channel IN ('whatsapp','sms') AND (direction = 'in' OR author IS NOT NULL)")
    .raw()
    .all() as [number, number, 'in' | 'out'][];
  const turns: Turn[] = rows.map(([conversationId, at, d]) => ({ conversationId, at, kind: d === 'in' ? 'in' : 'human' }));
  turns.sort((a, b) => a.conversationId - b.conversationId || a.at - b.at || (a.kind === b.kind ? 0 : a.kind === 'in' ? -1 : 1));
  return sortW(findWaits(turns, new Set()).waits.map((w) => [w.conversationId, w.startAt, w.respondedAt]));
}

describe('conversation_waits kept by triggers', () => {
  let db: Db;
  beforeEach(() => {
    db = openDatabase(':memory:');
  });

  it('messages appended in time order open and close waits; automatic replies and notes do not answer', () => {
    const c = addConversation(db);
    add(db, c, 'in', T);
    add(db, c, 'auto', T + 1 * MIN);
    add(db, c, 'in', T + 2 * MIN);
    add(db, c, 'note', T + 3 * MIN);
    expect(table(db)).toEqual([[c, T, null]]);
    add(db, c, 'human', T + 10 * MIN, 'sms');
    add(db, c, 'human', T + 11 * MIN);
    add(db, c, 'in', T + 20 * MIN);
    expect(table(db)).toEqual([
      [c, T, T + 10 * MIN],
      [c, T + 20 * MIN, null],
    ]);
    expect(waitsStartedIn(db, T + MIN, T + 60 * MIN)).toEqual([[c, T + 20 * MIN, null]]);
  });

  it('a message imported before later turns recomputes the conversation (reply and message in the same millisecond: message first)', () => {
    const c = addConversation(db);
    add(db, c, 'in', T);
    add(db, c, 'in', T + 30 * MIN);
    add(db, c, 'human', T + 40 * MIN);
    add(db, c, 'human', T + 5 * MIN); // an earlier desk reply arrives late (history sync)
    expect(table(db)).toEqual([
      [c, T, T + 5 * MIN],
      [c, T + 30 * MIN, T + 40 * MIN],
    ]);
    add(db, c, 'in', T + 40 * MIN);
    expect(table(db)).toEqual([
      [c, T, T + 5 * MIN],
      [c, T + 30 * MIN, T + 40 * MIN],
    ]);
  });

  it('matches the definition after 3,000 random inserts, out of order, over 40 conversations', () => {
    const r = seededRandom(18);
    const convs = Array.from({ length: 40 }, () => addConversation(db));
    const kinds: Kind[] = ['in', 'in', 'in', 'human', 'human', 'auto', 'note'];
    db.transaction(() => {
      for (let i = 0; i < 3000; i++) {
        // Minutes on a coarse grid so ties in the same millisecond happen often.
        const at = T + Math.floor(r() * 500) * MIN;
        add(db, convs[Math.floor(r() * convs.length)]!, kinds[Math.floor(r() * kinds.length)]!, at, r() < 0.3 ? 'sms' : 'whatsapp');
      }
    })();
    const want = expected(db);
    expect(want.some((w) => w[2] !== null) && want.some((w) => w[2] === null)).toBe(true);
    expect(table(db)).toEqual(want);
  });

  it('a turn in the same millisecond as the newest one appends in place unless a reply sorts after it (migration 250)', () => {
    const c = addConversation(db);
    for (let k = 0; k < 30; k++) {
      add(db, c, 'in', T + k * 10 * MIN);
      add(db, c, 'human', T + k * 10 * MIN + MIN);
    }
    add(db, addConversation(db), 'in', T); // holds the highest wait id, so rebuilt rows get new ids
    const ids = (): number[] => (db.prepare('SELECT id FROM conversation_waits WHERE conversation_id = ? ORDER BY id').all(c) as { id: number }[]).map((r) => r.id);
    const at = T + 300 * MIN; // WhatsApp's dates are whole seconds: a photo and its caption share one.
    add(db, c, 'in', at);
    const before = ids();
    add(db, c, 'in', at);
    add(db, c, 'in', at);
    expect(ids()).toEqual(before); // no rebuild: the 30 earlier waits keep their rows
    add(db, c, 'human', at); // the reply in the same second answers the wait in place
    expect(ids()).toEqual(before);
    expect(table(db)).toEqual(expected(db));
    expect(table(db).filter((w) => w[0] === c).at(-1)).toEqual([c, at, at]);
    // A patient message at the millisecond of a reply sorts before it: that wait is recomputed, the 30 before it stay.
    add(db, c, 'in', at);
    expect(ids().slice(0, 30)).toEqual(before.slice(0, 30));
    expect(table(db)).toEqual(expected(db));
  });

  it('a late message rebuilds only the waits from its own on; the ones answered before it keep their rows (migration 250)', () => {
    const c = addConversation(db);
    for (let k = 0; k < 40; k++) {
      add(db, c, 'in', T + k * 10 * MIN);
      add(db, c, 'human', T + k * 10 * MIN + 5 * MIN);
    }
    add(db, addConversation(db), 'in', T);
    const ids = (): number[] => (db.prepare('SELECT id FROM conversation_waits WHERE conversation_id = ? ORDER BY start_at').all(c) as { id: number }[]).map((r) => r.id);
    const before = ids();
    // A desk reply synced late, inside wait 30 (before its own reply): wait 30 is answered earlier; 0–29 are untouched.
    add(db, c, 'human', T + 300 * MIN + 2 * MIN);
    expect(table(db)).toEqual(expected(db));
    expect(ids().slice(0, 30)).toEqual(before.slice(0, 30));
    expect(ids()[30]).not.toBe(before[30]);
    expect(table(db).find((w) => w[0] === c && w[1] === T + 300 * MIN)).toEqual([c, T + 300 * MIN, T + 302 * MIN]);
    // A patient message at the very millisecond of a reply continues that wait (it sorts before the reply).
    add(db, c, 'in', T + 100 * MIN + 5 * MIN);
    expect(table(db)).toEqual(expected(db));
    // Late before everything: the whole conversation.
    add(db, c, 'human', T - MIN);
    add(db, c, 'in', T - 2 * MIN);
    expect(table(db)).toEqual(expected(db));
    expect(table(db).filter((w) => w[0] === c)).toHaveLength(41);
  });

  it('matches the definition after every one of 600 inserts crowded into 20 minutes (ties everywhere), seeds 1–3', () => {
    const kinds: Kind[] = ['in', 'in', 'human', 'human', 'auto'];
    for (const seed of [1, 2, 3]) {
      const r = seededRandom(seed);
      const convs = Array.from({ length: 3 }, () => addConversation(db));
      for (let i = 0; i < 200; i++) {
        add(db, convs[Math.floor(r() * convs.length)]!, kinds[Math.floor(r() * kinds.length)]!, T + Math.floor(r() * 20) * MIN);
        expect(table(db)).toEqual(expected(db));
      }
    }
  });

  it('merging two conversations (the patient merge moves messages) recomputes the survivor', () => {
    const keep = addConversation(db);
    const other = addConversation(db);
    add(db, keep, 'in', T + 10 * MIN);
    add(db, keep, 'human', T + 20 * MIN);
    add(db, other, 'in', T);
    add(db, other, 'human', T + 30 * MIN);
    moveReferences(db, 'conversations', other, keep, []);
    deleteConversation(db, other);
    // One timeline: waiting from T, answered at +20; the message of +10 continued that wait.
    expect(table(db)).toEqual([[keep, T, T + 20 * MIN]]);
    expect(table(db)).toEqual(expected(db));
  });

  it('erasing a conversation removes its waits; deleting or re-authoring a reply reopens the wait', () => {
    const a = addConversation(db);
    const b = addConversation(db);
    add(db, a, 'in', T);
    const reply = add(db, a, 'human', T + 5 * MIN);
    add(db, b, 'in', T);
    deleteConversation(db, b);
    expect(table(db)).toEqual([[a, T, T + 5 * MIN]]);
    db.prepare('UPDATE messages SET author = NULL WHERE id = ?').run(reply);
    expect(table(db)).toEqual([[a, T, null]]);
    db.prepare("UPDATE messages SET author = 'marta' WHERE id = ?").run(reply);
    expect(table(db)).toEqual([[a, T, T + 5 * MIN]]);
    db.prepare('DELETE FROM messages WHERE id = ?').run(reply);
    expect(table(db)).toEqual([[a, T, null]]);
  });

  it("the period's read is a range on the covering index", () => {
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT conversation_id, start_at, responded_at FROM conversation_waits INDEXED BY conversation_waits_start WHERE start_at >= ? AND start_at < ?').all(0, 1) as { detail: string }[]).map((p) => p.detail);
    expect(plan.join('\n')).toMatch(/SEARCH conversation_waits USING COVERING INDEX conversation_waits_start \(start_at>\? AND start_at<\?\)/);
  });
});

describe('migration 091 backfill', () => {
  it('fills conversation_waits from the messages already stored', () => {
    const raw = new Database(':memory:');
    raw.pragma('foreign_keys = ON');
    runMigrations(raw, allMigrations().filter((m) => m.version < 91));
    const r = seededRandom(91);
    const convs = Array.from({ length: 20 }, () => addConversation(raw));
    const kinds: Kind[] = ['in', 'in', 'human', 'auto', 'note'];
    for (let i = 0; i < 800; i++) add(raw, convs[Math.floor(r() * convs.length)]!, kinds[Math.floor(r() * kinds.length)]!, T + Math.floor(r() * 300) * MIN);
    runMigrations(raw);
    const want = expected(raw);
    expect(want.length).toBeGreaterThan(20);
    expect(table(raw)).toEqual(want);
    raw.close();
  });
});
