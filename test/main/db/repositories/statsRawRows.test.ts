import { describe, expect, it } from 'vitest';
import { openDatabase, prepareRaw, type Db } from '../../../../src-main/db/database';
import { callsInRange } from '../../../../src-main/db/repositories/statsActivity';
import { messagesInRange, waitsStartedIn } from '../../../../src-main/db/repositories/statsMessages';

const T = Date.UTC(2026, 10, 20, 9, 0);
const RAW_MARK = /\n\/\* raw rows \*\/$/;

function clinic(): Db {
  const db = openDatabase(':memory:');
  db.prepare(`INSERT INTO patients (id, first_name, created_at, updated_at) VALUES (1, 'Anna', ?, ?)`).run(T, T);
  db.prepare(`INSERT INTO conversations (id, patient_id, created_at) VALUES (1, 1, ?)`).run(T);
  db.prepare(`INSERT INTO messages (conversation_id, channel, direction, body, status, created_at) VALUES (1, 'sms', 'in', 'Buongiorno', 'received', ?)`).run(T);
  db.prepare(`INSERT INTO messages (conversation_id, channel, direction, body, status, author, created_at) VALUES (1, 'sms', 'out', 'Salve', 'sent', 'desk', ?)`).run(T + 60_000);
  db.prepare(`INSERT INTO calls (conversation_id, patient_id, direction, started_at, result, source, created_at) VALUES (1, 1, 'in', ?, 'missed', 'manual', ?)`).run(T, T);
  return db;
}

/** The SQL texts `fn` prepared, without the raw-rows marker: what another repository would write for the same read. */
function sqlOf(db: Db, fn: () => unknown): string[] {
  const texts: string[] = [];
  const prepare = db.prepare;
  db.prepare = ((sql: string) => {
    texts.push(sql.replace(RAW_MARK, ''));
    return prepare.call(db, sql);
  }) as Db['prepare'];
  try {
    fn();
  } finally {
    db.prepare = prepare;
  }
  return texts;
}

describe("the statistics' raw reads never change the shared statement cache", () => {
  const db = clinic();
  it.each<[string, () => unknown[]]>([
    ['messagesInRange', () => messagesInRange(db, T - 1, T + 3_600_000)],
    ['waitsStartedIn', () => waitsStartedIn(db, T - 1, T + 3_600_000)],
    ['callsInRange', () => callsInRange(db, T - 1, T + 3_600_000)],
  ])('%s returns arrays, and db.prepare of the same SQL still returns objects', (_name, read) => {
    const texts = sqlOf(db, read);
    const rows = read();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => Array.isArray(r))).toBe(true);
    expect(texts).toHaveLength(1);
    const plain = db.prepare(texts[0]!).all(T - 1, T + 3_600_000) as unknown[];
    expect(plain).toHaveLength(rows.length);
    expect(plain.every((r) => !Array.isArray(r) && typeof r === 'object')).toBe(true);
  });

  it('prepareRaw gives its own cached statement: the plain one keeps object rows, the raw one stays raw', () => {
    const sql = 'SELECT id, first_name FROM patients WHERE id = ?';
    expect(db.prepare(sql).get(1)).toEqual({ id: 1, first_name: 'Anna' });
    expect(prepareRaw(db, sql).get(1)).toEqual([1, 'Anna']);
    expect(db.prepare(sql).get(1)).toEqual({ id: 1, first_name: 'Anna' });
    expect(prepareRaw(db, sql)).toBe(prepareRaw(db, sql));
  });
});
