import { afterEach, describe, expect, it } from 'vitest';
import { generateClinic } from '../../../src-main/bench/generator/generateClinic';
import { allowScans, largeTablesScanned, queryPlansOf } from '../../../src-main/bench/queryPlans';
import { openDatabase } from '../../../src-main/db/database';
import { countInbox, decodeCursor, listInbox, listInboxPage } from '../../../src-main/db/repositories/inbox';
import { tempApp } from '../../helpers/tempApp';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('statement cache (db/database.ts)', () => {
  it('compiles each SQL text once per connection', () => {
    const db = openDatabase(':memory:');
    cleanups.push(() => void db.close());
    expect(db.prepare('SELECT 1 AS one')).toBe(db.prepare('SELECT 1 AS one'));
    expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
  });
});

describe('query plans of the hot paths (bench)', () => {
  it('records the SQL an API call really runs, with its plan', async () => {
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    const plans = await queryPlansOf(app.ctx.db, () => app.call('inbox.list', { status: 'active', limit: 100 }));
    const page = plans.find((p) => p.sql.includes('waiting_since IS NULL') && p.sql.startsWith('SELECT c.id FROM conversations'));
    // An active view reads the active conversations in order from their own index and stops at the page.
    expect(page?.plan.join(' | ')).toMatch(/INDEX conversations_active_recent/);
    expect(plans.every((p) => !p.suspicious)).toBe(true);
    // The recorder is gone afterwards: statements are the cached ones again.
    expect(app.ctx.db.prepare('SELECT 1')).toBe(app.ctx.db.prepare('SELECT 1'));
  });

  it('reads a page of all conversations in inbox order by keyset from conversations_recent, no full sort', async () => {
    const db = openDatabase(':memory:');
    cleanups.push(() => void db.close());
    generateClinic(db, { name: '10k', patients: 300, messages: 3000, calls: 300, appointments: 50, heavyConversations: 1, heavyMessages: 200, heavyCalls: 20 }, Date.UTC(2026, 10, 23));
    const plans = await queryPlansOf(db, () => listInbox(db, { statuses: ['open', 'waiting', 'snoozed', 'done'] }, 100, 100));
    const page = plans.find((p) => p.sql.includes('waiting_since IS NULL') && p.sql.startsWith('SELECT c.id FROM conversations'))!;
    expect(page.plan.join(' | ')).toMatch(/INDEX conversations_recent/);
    expect(page.plan.join(' | ')).not.toMatch(/TEMP B-TREE/);
    expect(plans.every((p) => !p.suspicious)).toBe(true);
    // Same order as before the index: waiting longest first, then latest activity.
    const { rows } = listInbox(db, { statuses: ['open', 'waiting', 'snoozed', 'done'] }, 1000, 0);
    // Keyset pages of 7 give the same rows in the same order.
    const paged: number[] = [];
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = listInboxPage(db, { statuses: ['open', 'waiting', 'snoozed', 'done'] }, 7, decodeCursor(cursor));
      paged.push(...page.rows.map((r) => r.id));
      cursor = page.next;
    }
    expect(paged).toEqual(rows.map((r) => r.id));
    expect(countInbox(db, { statuses: ['open', 'waiting', 'snoozed', 'done'] })).toBe(rows.length);
    const key = (r: (typeof rows)[number]) => [r.waiting_since === null ? 1 : 0, r.waiting_since ?? 0, -(r.last_message_at ?? 0), r.id];
    for (let i = 1; i < rows.length; i++) {
      const [a, b] = [key(rows[i - 1]!), key(rows[i]!)];
      const cmp = a.findIndex((v, k) => v !== b[k]);
      if (cmp >= 0) expect(a[cmp]! < b[cmp]!).toBe(true);
    }
  });
});

describe('scans a case allows (bench)', () => {
  const scanPatients = { sql: 'SELECT count(*) FROM patients p WHERE p.sex = ?', plan: ['SCAN p'], suspicious: true };
  const scanBoth = { sql: 'SELECT count(*) FROM patients p JOIN appointments a ON a.patient_id = p.id', plan: ['SCAN a', 'SCAN p'], suspicious: true };

  it('names every large table a plan reads whole, by alias', () => {
    expect(largeTablesScanned(scanBoth.sql, scanBoth.plan)).toEqual(['appointments', 'patients']);
    expect(largeTablesScanned('SELECT * FROM patients p WHERE p.id IN (1)', ['SEARCH p USING INTEGER PRIMARY KEY (rowid=?)'])).toEqual([]);
  });

  it('marks a scan of the allowed table as allowed with the reason, and keeps any other scan a failure', () => {
    const out = allowScans([scanPatients, scanBoth], { table: 'patients', why: 'about every patient' });
    expect(out[0]).toMatchObject({ suspicious: false, allowed: 'about every patient' });
    expect(out[1]).toMatchObject({ suspicious: true });
    expect(out[1]!.allowed).toBeUndefined();
    expect(allowScans([scanPatients], undefined)[0]!.suspicious).toBe(true);
  });
});
