import type { Db } from '../database';

/** Rooms and visit types (migration 160): the lists the edit dialog offers. */
export interface RoomRow {
  id: number;
  name: string;
  active: number;
}

export interface VisitTypeRow {
  id: number;
  name: string;
  minutes: number;
  active: number;
}

export function allRooms(db: Db): RoomRow[] {
  return db.prepare('SELECT id, name, active FROM rooms ORDER BY active DESC, name').all() as RoomRow[];
}

export function allVisitTypes(db: Db): VisitTypeRow[] {
  return db.prepare('SELECT id, name, minutes, active FROM visit_types ORDER BY active DESC, name').all() as VisitTypeRow[];
}

export function roomByName(db: Db, name: string): RoomRow | undefined {
  return db.prepare('SELECT id, name, active FROM rooms WHERE name = ?').get(name) as RoomRow | undefined;
}

export function visitTypeByName(db: Db, name: string): VisitTypeRow | undefined {
  return db.prepare('SELECT id, name, minutes, active FROM visit_types WHERE name = ?').get(name) as VisitTypeRow | undefined;
}

export function getRoom(db: Db, id: number): RoomRow | undefined {
  return db.prepare('SELECT id, name, active FROM rooms WHERE id = ?').get(id) as RoomRow | undefined;
}

export function getVisitType(db: Db, id: number): VisitTypeRow | undefined {
  return db.prepare('SELECT id, name, minutes, active FROM visit_types WHERE id = ?').get(id) as VisitTypeRow | undefined;
}

export function upsertRoom(db: Db, r: { id?: number | undefined; name: string; active: boolean }): number {
  if (r.id === undefined) return Number(db.prepare('INSERT INTO rooms (name, active) VALUES (?, ?)').run(r.name, r.active ? 1 : 0).lastInsertRowid);
  db.prepare('UPDATE rooms SET name = ?, active = ? WHERE id = ?').run(r.name, r.active ? 1 : 0, r.id);
  return r.id;
}

export function upsertVisitType(db: Db, v: { id?: number | undefined; name: string; minutes: number; active: boolean }): number {
  if (v.id === undefined) return Number(db.prepare('INSERT INTO visit_types (name, minutes, active) VALUES (?, ?, ?)').run(v.name, v.minutes, v.active ? 1 : 0).lastInsertRowid);
  db.prepare('UPDATE visit_types SET name = ?, minutes = ?, active = ? WHERE id = ?').run(v.name, v.minutes, v.active ? 1 : 0, v.id);
  return v.id;
}

/** What the edit dialog changes besides time and practitioner. */
export function saveVisitDetails(db: Db, id: number, d: { room: string | null; type: string; notes: string }): void {
  db.prepare('UPDATE appointments SET room = ?, type = ?, notes = ? WHERE id = ?').run(d.room, d.type, d.notes, id);
}

/** True until an import has saved a visit (the first import's confirmations default to off). */
export function isFirstImport(db: Db): boolean {
  return !db.prepare(`SELECT 1 FROM appointments WHERE source = 'import' LIMIT 1`).get();
}
