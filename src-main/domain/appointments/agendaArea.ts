/** The agenda the desk edits: a practitioner's week, the edit dialog, rooms and visit types (Settings). */
import type { Area } from '../../app/area';
import { writeAudit } from '../../db/repositories/audit';
import { editVisit } from '../visitLoop/visitEdit';
import { visitLoopDeps } from '../visitLoop/visitLoopArea';
import { listRooms, listVisitTypes, saveRoom, saveVisitType } from './agendaCatalog';
import { agendaWeek } from './agendaWeek';

export const agendaArea: Area = {
  name: 'agenda',
  handlers: (ctx) => ({
    'appointments.week': ({ practitionerId, day }) => agendaWeek(ctx.messaging, practitionerId, day),
    'appointments.update': (req, call) => editVisit(visitLoopDeps(ctx), req, call.user),
    'rooms.list': () => ({ rooms: listRooms(ctx.db) }),
    'rooms.save': (req, call) => {
      const saved = saveRoom(ctx.db, req);
      writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'rooms.save', entity: 'room', entityId: saved.id, details: { name: saved.name, active: saved.active } });
      return saved;
    },
    'visitTypes.list': () => ({ visitTypes: listVisitTypes(ctx.db) }),
    'visitTypes.save': (req, call) => {
      const saved = saveVisitType(ctx.db, req);
      writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'visitTypes.save', entity: 'visit_type', entityId: saved.id, details: { name: saved.name, minutes: saved.minutes } });
      return saved;
    },
  }),
};
