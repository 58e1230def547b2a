import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { allMigrations, appliedVersions, runMigrations } from '../../../src-main/db/migrate';
import { openDatabase } from '../../../src-main/db/database';

describe('migrations', () => {
  it('build every table from an empty database, in order, and record each version', () => {
    const db = new Database(':memory:');
    const applied = runMigrations(db);
    const versions = allMigrations().map((m) => m.version);
    expect(applied).toEqual(versions);
    expect(versions[0]).toBe(1);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(appliedVersions(db)).toEqual(versions);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table') ORDER BY name").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['patients', 'patient_identities', 'patient_consents', 'conversations', 'messages', 'calls', 'practitioners', 'appointments', 'templates', 'settings', 'outbox', 'audit_log', 'messages_fts', 'patients_fts']) {
      expect(tables).toContain(t);
    }
  });

  it('are idempotent: a second run applies nothing', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    expect(runMigrations(db)).toEqual([]);
  });

  it('roll back a failing migration whole and leave it unrecorded', () => {
    const db = new Database(':memory:');
    runMigrations(db);
    const broken = { version: 999, name: 'broken', up: (d: Database.Database) => d.exec('CREATE TABLE half (x); SELECT * FROM no_such_table;') };
    expect(() => runMigrations(db, [...allMigrations(), broken])).toThrow(/no_such_table/);
    expect(appliedVersions(db)).not.toContain(999);
    expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'half'").get()).toEqual({ n: 0 });
  });

  it('opens with WAL, foreign keys and a busy timeout', () => {
    const db = openDatabase(':memory:');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
    expect(() => db.prepare('INSERT INTO patient_identities (patient_id, kind, value, created_at) VALUES (999, ?, ?, 0)').run('phone', '+39')).toThrow(/FOREIGN KEY/);
  });

  it('keeps FTS in step with messages and patient names, accents folded', () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO patients (id, first_name, last_name, created_at, updated_at) VALUES (1, 'Małgorzata', 'Wiśniewska', 0, 0)").run();
    db.prepare('INSERT INTO conversations (id, patient_id, created_at) VALUES (1, 1, 0)').run();
    db.prepare("INSERT INTO messages (conversation_id, channel, direction, body, status, created_at) VALUES (1, 'sms', 'in', 'Vorrei spostare l’appuntamento di giovedì', 'received', 0)").run();
    expect(db.prepare("SELECT rowid FROM messages_fts WHERE messages_fts MATCH 'giovedi'").all()).toHaveLength(1);
    expect(db.prepare("SELECT rowid FROM patients_fts WHERE patients_fts MATCH 'wisniewska'").all()).toEqual([{ rowid: 1 }]);
    db.prepare("UPDATE patients SET last_name = 'Nowak' WHERE id = 1").run();
    expect(db.prepare("SELECT rowid FROM patients_fts WHERE patients_fts MATCH 'wisniewska'").all()).toHaveLength(0);
    expect(db.prepare("SELECT rowid FROM patients_fts WHERE patients_fts MATCH 'nowak'").all()).toEqual([{ rowid: 1 }]);
  });
});
