/** Practitioners as the clinic edits them: name, room, colour on the board, usual visit length, active. */
import type { Practitioner } from '../../contract/appointments';
import type { Db } from '../../db/database';
import { insertPractitioner } from '../../db/repositories/appointments';
import { allPractitioners, findPractitionerByName, getPractitioner, updatePractitioner, type PractitionerRow } from '../../db/repositories/schedule';
import { DeskError, notFound } from '../shared/errors';

const toDto = (r: PractitionerRow): Practitioner => ({ id: r.id, name: r.name, room: r.room, colour: r.colour, visitMinutes: r.visit_minutes, active: r.active === 1 });

export function listPractitioners(db: Db): Practitioner[] {
  return allPractitioners(db).map(toDto);
}

export function savePractitioner(db: Db, p: { id?: number | undefined; name: string; room: string | null; colour: string; visitMinutes: number; active: boolean }): Practitioner {
  return db.transaction(() => {
    const clash = findPractitionerByName(db, p.name);
    // Names are how imports find the practitioner, so two may not share one.
    if (clash && clash.id !== p.id) throw new DeskError('conflict', `name: "${p.name}" is already a practitioner`, { field: 'name', reason: 'appointments.practitionerExists', params: { name: p.name } });
    const room = p.room && p.room.length > 0 ? p.room : null;
    let id = p.id;
    if (id === undefined) id = insertPractitioner(db, { name: p.name, ...(room ? { room } : {}), colour: p.colour, visitMinutes: p.visitMinutes });
    if (!updatePractitioner(db, id, { ...p, room })) throw notFound('Practitioner', id);
    return toDto(getPractitioner(db, id)!);
  })();
}
