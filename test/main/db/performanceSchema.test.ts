import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateClinic } from '../../../src-main/bench/generator/generateClinic';
import { openDatabase } from '../../../src-main/db/database';
import { allMigrations, runMigrations } from '../../../src-main/db/migrate';
import { countInbox, inboxCounts, type InboxFilter } from '../../../src-main/db/repositories/inbox';
import { patientsByPhone, termsWithPrefix } from '../../../src-main/db/repositories/inboxSearch';
import { searchInbox } from '../../../src-main/domain/inbox/searchService';
import { lastWhatsAppTraffic } from '../../../src-main/db/repositories/whatsappMessages';
import { fold } from '../../../src-main/db/textFold';
import { buildTimelinePage, decodeTimelineCursor, timelineOrder } from '../../../src-main/domain/messaging/timeline';

const closers: Array<() => void> = [];
afterEach(() => {
  while (closers.length) closers.pop()!();
});

const T = Date.UTC(2026, 10, 23, 9, 0);
const SMALL = { name: '10k' as const, patients: 200, messages: 2500, calls: 300, appointments: 40, heavyConversations: 1, heavyMessages: 300, heavyCalls: 40 };

function small(): Database.Database {
  const db = openDatabase(':memory:');
  closers.push(() => db.close());
  generateClinic(db, SMALL, T);
  return db;
}

describe('fold (db/textFold.ts): one folding for index and query', () => {
  it.each([
    ['przełożyć', 'przelozyc'],
    ['Łódź', 'lodz'],
    ['Đurđević', 'durdevic'],
    ['Søren Ærø', 'soren aero'],
    ['Straße', 'strasse'],
    ['Niccolò', 'niccolo'],
    ['Œuvre', 'oeuvre'],
    ['plain ASCII', 'plain ascii'],
  ])('%s → %s', (text, folded) => expect(fold(text)).toBe(folded));
});

describe('migration 050 on a database that already holds messages', () => {
  it('rebuilds the FTS indexes from the rows, folded', () => {
    const db = new Database(':memory:');
    closers.push(() => db.close());
    const before = allMigrations().filter((m) => m.version < 50);
    runMigrations(db, before);
    db.prepare("INSERT INTO patients (id, first_name, last_name, created_at, updated_at) VALUES (1, 'Łukasz', 'Dąbrowski', 0, 0)").run();
    db.prepare('INSERT INTO conversations (id, patient_id, created_at) VALUES (1, 1, 0)').run();
    db.prepare("INSERT INTO messages (conversation_id, channel, direction, body, status, created_at) VALUES (1, 'sms', 'in', 'Czy mogę przełożyć wizytę?', 'received', 1)").run();
    runMigrations(db);
    expect(db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?').all('"przelozyc"')).toEqual([{ rowid: 1 }]);
    expect(db.prepare('SELECT rowid FROM patients_fts WHERE patients_fts MATCH ?').all('"lukasz" "dab"*')).toEqual([{ rowid: 1 }]);
    // Later writes keep the index in step (triggers), deletes too (contentless_delete).
    db.prepare("UPDATE messages SET body = 'Grüße aus Straße' WHERE id = 1").run();
    expect(db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?').all('"strasse"')).toEqual([{ rowid: 1 }]);
    expect(db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?').all('"przelozyc"')).toEqual([]);
    db.prepare('DELETE FROM messages WHERE id = 1').run();
    expect(db.prepare('SELECT rowid FROM messages_fts WHERE messages_fts MATCH ?').all('"strasse"')).toEqual([]);
  });
});

describe('maintained inbox counters (052)', () => {
  it('agree with counting the table, for every status set and channel, after updates and a delete', () => {
    const db = small();
    db.prepare("UPDATE conversations SET status = 'snoozed', snoozed_until = ? WHERE id % 17 = 0").run(T + 3600_000);
    db.prepare("UPDATE conversations SET status = 'open' WHERE id % 23 = 0").run();
    db.prepare('DELETE FROM conversations WHERE id = 5').run();
    const statusSets: InboxFilter['statuses'][] = [['open', 'waiting'], ['open', 'waiting', 'snoozed', 'done'], ['done'], ['snoozed']];
    for (const statuses of statusSets) {
      for (const channel of [null, 'whatsapp', 'sms', 'call'] as const) {
        const exists =
          channel === 'call'
            ? 'EXISTS (SELECT 1 FROM calls k WHERE k.conversation_id = c.id)'
            : channel
              ? `EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.channel = '${channel}')`
              : '1';
        const expected = (
          db.prepare(`SELECT count(*) AS n FROM conversations c WHERE status IN (${statuses.map(() => '?').join(',')}) AND last_message_at IS NOT NULL AND ${exists}`).get(...statuses) as { n: number }
        ).n;
        expect(countInbox(db, { statuses, channel }), `${statuses.join('+')} ${channel}`).toBe(expected);
      }
    }
    const counts = inboxCounts(db, 'desk');
    const brute = db
      .prepare(
        `SELECT sum(status = 'open') AS open, sum(status = 'done') AS done, sum(status = 'snoozed') AS snoozed,
           sum(waiting_since IS NOT NULL AND status IN ('open','waiting')) AS unanswered FROM conversations WHERE last_message_at IS NOT NULL`,
      )
      .get() as { open: number; done: number; snoozed: number; unanswered: number };
    expect(counts).toMatchObject(brute);
  });
});

describe('timeline pages (keyset)', () => {
  it('walk the heaviest conversation back to its start, in timeline order, without gaps or repeats', () => {
    const db = small();
    const conv = (db.prepare('SELECT conversation_id AS id FROM messages GROUP BY conversation_id ORDER BY count(*) DESC LIMIT 1').get() as { id: number }).id;
    const all = [
      ...(db.prepare("SELECT 'message' AS type, id, created_at AS at FROM messages WHERE conversation_id = ?").all(conv) as { type: 'message'; id: number; at: number }[]),
      ...(db.prepare("SELECT 'call' AS type, id, started_at AS at FROM calls WHERE conversation_id = ?").all(conv) as { type: 'call'; id: number; at: number }[]),
    ].sort((a, b) => timelineOrder(a as never, b as never));
    expect(all.length).toBeGreaterThan(300);
    const seen: string[] = [];
    let page = buildTimelinePage(db, conv, 50);
    expect(page.items).toHaveLength(50);
    for (let guard = 0; guard < 100; guard++) {
      seen.unshift(...page.items.map((i) => `${i.type}-${i.id}`));
      if (!page.olderCursor) break;
      page = buildTimelinePage(db, conv, 50, decodeTimelineCursor(page.olderCursor));
    }
    expect(seen).toEqual(all.map((i) => `${i.type}-${i.id}`));
  });
});

describe('search at the index', () => {
  it('ranks the newest of equally relevant messages first', () => {
    const db = openDatabase(':memory:');
    closers.push(() => db.close());
    db.prepare("INSERT INTO patients (id, first_name, last_name, created_at, updated_at) VALUES (1, 'Anna', 'Nowak', 0, 0)").run();
    db.prepare('INSERT INTO conversations (id, patient_id, created_at) VALUES (1, 1, 0)').run();
    const insert = db.prepare("INSERT INTO messages (conversation_id, channel, direction, body, status, created_at) VALUES (1, 'sms', 'in', ?, 'received', ?)");
    for (let i = 0; i < 5; i++) insert.run('Czy mogę przełożyć wizytę?', T + i * 60_000);
    const { results } = searchInbox(db, 'przelozyc', 'PL', 5);
    expect(results.map((r) => r.kind === 'message' && r.at)).toEqual([4, 3, 2, 1, 0].map((i) => T + i * 60_000));
    // A word being typed (4+ letters) is matched through the index's vocabulary, accents folded.
    expect(termsWithPrefix(db, 'przel')).toEqual(['przelozyc']);
    expect(searchInbox(db, 'przeło wizy', 'PL', 5).results).toHaveLength(5);
    expect(searchInbox(db, 'przelx', 'PL', 5).results).toEqual([]);
  });

  it('finds a complete number through the identity index and a part of one through the digits index', () => {
    const db = small();
    const phone = (db.prepare("SELECT value FROM patient_identities WHERE kind = 'phone' ORDER BY id LIMIT 1 OFFSET 7").get() as { value: string }).value;
    const exact = patientsByPhone(db, phone, phone.slice(1), 10);
    expect(exact).toHaveLength(1);
    expect(exact[0]!.exact).toBe(1);
    const partial = patientsByPhone(db, null, phone.slice(-7), 10);
    expect(partial.map((r) => r.patient_id)).toContain(exact[0]!.patient_id);
    expect(partial.every((r) => r.exact === 0)).toBe(true);
  });

  it('lastWhatsAppTraffic reads the partial indexes (053), no scan', () => {
    const db = small();
    const plan = (db.prepare("EXPLAIN QUERY PLAN SELECT max(created_at) FROM messages WHERE channel = 'whatsapp' AND direction = 'in'").all() as { detail: string }[]).map((r) => r.detail).join(' | ');
    expect(plan).toMatch(/messages_whatsapp_in/);
    const t = lastWhatsAppTraffic(db);
    expect(t.lastInboundAt).toBe((db.prepare("SELECT max(created_at) AS t FROM messages WHERE channel = 'whatsapp' AND direction = 'in'").get() as { t: number }).t);
  });
});
