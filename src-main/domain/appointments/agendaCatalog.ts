/** Rooms and visit types as the clinic manages them in Settings (names are unique, case-insensitively). */
import type { Room, VisitType } from '../../contract/agenda';
import type { Db } from '../../db/database';
import { allRooms, allVisitTypes, getRoom, getVisitType, roomByName, upsertRoom, upsertVisitType, visitTypeByName } from '../../db/repositories/agendaCatalog';
import { DeskError, notFound } from '../shared/errors';

export function listRooms(db: Db): Room[] {
  return allRooms(db).map((r) => ({ id: r.id, name: r.name, active: r.active === 1 }));
}

export function listVisitTypes(db: Db): VisitType[] {
  return allVisitTypes(db).map((v) => ({ id: v.id, name: v.name, minutes: v.minutes, active: v.active === 1 }));
}

const taken = (name: string): DeskError =>
  new DeskError('conflict', `name: "${name}" exists already`, { field: 'name', reason: 'errors-agenda:nameTaken', params: { name } });

export function saveRoom(db: Db, r: { id?: number | undefined; name: string; active: boolean }): Room {
  return db.transaction(() => {
    const clash = roomByName(db, r.name);
    if (clash && clash.id !== r.id) throw taken(r.name);
    if (r.id !== undefined && !getRoom(db, r.id)) throw notFound('Room', r.id);
    const id = upsertRoom(db, r);
    const row = getRoom(db, id)!;
    return { id: row.id, name: row.name, active: row.active === 1 };
  })();
}

export function saveVisitType(db: Db, v: { id?: number | undefined; name: string; minutes: number; active: boolean }): VisitType {
  return db.transaction(() => {
    const clash = visitTypeByName(db, v.name);
    if (clash && clash.id !== v.id) throw taken(v.name);
    if (v.id !== undefined && !getVisitType(db, v.id)) throw notFound('Visit type', v.id);
    const id = upsertVisitType(db, v);
    const row = getVisitType(db, id)!;
    return { id: row.id, name: row.name, minutes: row.minutes, active: row.active === 1 };
  })();
}
