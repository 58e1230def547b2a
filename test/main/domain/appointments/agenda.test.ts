import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AgendaWeek } from '../../../../src-main/contract/agenda';
import { addIdentity, insertPatient, setConsent } from '../../../../src-main/db/repositories/patients';
import { weekStart } from '../../../../src-main/domain/appointments/agendaWeek';
import { T0, tempApp } from '../../../helpers/tempApp';

const MIN = 60_000;
const HOUR = 60 * MIN;
type TestApp = Awaited<ReturnType<typeof tempApp>>;
let app: TestApp;
let rossi: number;
let bianchi: number;
let patientId: number;

beforeEach(async () => {
  app = await tempApp();
  const db = app.ctx.db;
  rossi = Number(db.prepare(`INSERT INTO practitioners (name) VALUES ('Dr Rossi')`).run().lastInsertRowid);
  bianchi = Number(db.prepare(`INSERT INTO practitioners (name) VALUES ('Dr Bianchi')`).run().lastInsertRowid);
  patientId = insertPatient(db, { firstName: 'Anna', lastName: 'Verdi', language: 'it' } as never, T0 - 30 * 24 * HOUR);
  addIdentity(db, patientId, 'phone', '+393471234567', T0);
  setConsent(db, patientId, 'sms', true, T0, 'form');
});
afterEach(async () => app.cleanup());

const call = <T>(m: string, p: unknown): Promise<T> => app.call(m, p) as Promise<T>;
const count = (sql: string): number => (app.ctx.db.prepare(sql).get() as { n: number }).n;
const TOMORROW_10 = T0 + 24 * HOUR; // Tuesday 24 Nov 2026, 10:00 in Rome

describe('the agenda the desk edits', () => {
  it('weeks start on Monday', () => {
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // Sunday
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    expect(weekStart('2026-03-01')).toBe('2026-02-23'); // across a month end
  });

  it('the week view lists one practitioner’s visits per clinic-local day, Monday to Sunday', async () => {
    await call('appointments.create', { patientId, practitionerId: rossi, startsAt: TOMORROW_10, endsAt: TOMORROW_10 + 30 * MIN });
    await call('appointments.create', { patientId, practitionerId: bianchi, startsAt: TOMORROW_10, endsAt: TOMORROW_10 + 30 * MIN });
    // 23:30 in Rome on Saturday is still Saturday there (22:30 UTC).
    const lateSaturday = Date.UTC(2026, 10, 28, 22, 30);
    await call('appointments.create', { patientId, practitionerId: rossi, startsAt: lateSaturday, endsAt: lateSaturday + 20 * MIN });
    const week = await call<AgendaWeek>('appointments.week', { practitionerId: rossi, day: '2026-11-26' });
    expect(week.days.map((d) => d.day)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    expect(week.days.map((d) => d.visits.length)).toEqual([0, 1, 0, 0, 0, 1, 0]);
    expect(week.days[1]!.visits[0]).toMatchObject({ patientName: 'Anna Verdi', room: null, notes: '' });
  });

  it('the edit dialog saves room, type and notes without telling the patient; a new time or practitioner sends one reschedule notice', async () => {
    const { id } = await call<{ id: number }>('appointments.create', { patientId, practitionerId: rossi, startsAt: TOMORROW_10, endsAt: TOMORROW_10 + 30 * MIN });
    const base = { appointmentId: id, startsAt: TOMORROW_10, endsAt: TOMORROW_10 + 30 * MIN, practitionerId: rossi, room: 'Studio 2', type: 'Controllo', notes: 'porta le lastre' };
    expect(await call('appointments.update', base)).toEqual({ rescheduled: false });
    // A longer visit at the same time: no notice either.
    expect(await call('appointments.update', { ...base, endsAt: TOMORROW_10 + 45 * MIN })).toEqual({ rescheduled: false });
    expect(count(`SELECT count(*) AS n FROM visit_messages WHERE kind = 'reschedule'`)).toBe(0);
    const row = app.ctx.db.prepare('SELECT room, type, notes, ends_at, revision FROM appointments WHERE id = ?').get(id);
    expect(row).toEqual({ room: 'Studio 2', type: 'Controllo', notes: 'porta le lastre', ends_at: TOMORROW_10 + 45 * MIN, revision: 0 });

    expect(await call('appointments.update', { ...base, practitionerId: bianchi, startsAt: TOMORROW_10 + HOUR, endsAt: TOMORROW_10 + 90 * MIN })).toEqual({ rescheduled: true });
    // The same save again (a double click) changes nothing and sends nothing.
    expect(await call('appointments.update', { ...base, practitionerId: bianchi, startsAt: TOMORROW_10 + HOUR, endsAt: TOMORROW_10 + 90 * MIN })).toEqual({ rescheduled: false });
    expect(count(`SELECT count(*) AS n FROM visit_messages WHERE kind = 'reschedule'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.edit'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.move'`)).toBe(1);
  });

  it('refuses to move a visit that is over, with a reason the desk translates', async () => {
    const { id } = await call<{ id: number }>('appointments.create', { patientId, practitionerId: rossi, startsAt: TOMORROW_10, endsAt: TOMORROW_10 + 30 * MIN });
    await call('appointments.setStatus', { appointmentId: id, action: 'cancel' });
    await expect(call('appointments.update', { appointmentId: id, startsAt: TOMORROW_10 + HOUR, endsAt: TOMORROW_10 + 90 * MIN, practitionerId: rossi, room: null, type: '', notes: '' })).rejects.toMatchObject({
      code: 'conflict',
      reason: 'errors-agenda:notMovable',
    });
  });

  it('rooms and visit types: unique names, renamed and retired in place', async () => {
    const room = await call<{ id: number }>('rooms.save', { name: 'Studio 1' });
    await expect(call('rooms.save', { name: 'studio 1' })).rejects.toMatchObject({ code: 'conflict', reason: 'errors-agenda:nameTaken' });
    await call('rooms.save', { id: room.id, name: 'Studio Uno', active: false });
    expect(await call('rooms.list', {})).toEqual({ rooms: [{ id: room.id, name: 'Studio Uno', active: false }] });
    const type = await call<{ id: number }>('visitTypes.save', { name: 'Igiene', minutes: 45 });
    await expect(call('visitTypes.save', { name: 'Lunga', minutes: 600 })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await call('visitTypes.list', {})).toEqual({ visitTypes: [{ id: type.id, name: 'Igiene', minutes: 45, active: true }] });
  });

  it('rooms, visit types and the visit-loop rules are the manager’s: a receptionist reads them, cannot change them', async () => {
    const receptionist = { user: 'anna', role: 'receptionist' as const };
    const manager = { user: 'marco', role: 'manager' as const };
    await expect(app.call('rooms.save', { name: 'Studio 1' }, receptionist)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(app.call('visitTypes.save', { name: 'Igiene', minutes: 45 }, receptionist)).rejects.toMatchObject({ code: 'forbidden' });
    const settings = await app.call('visitLoop.settings', {}, receptionist);
    await expect(app.call('visitLoop.saveSettings', settings, receptionist)).rejects.toMatchObject({ code: 'forbidden' });
    await expect(app.call('rooms.save', { name: 'Studio 1' }, manager)).resolves.toMatchObject({ name: 'Studio 1' });
    await expect(app.call('visitLoop.saveSettings', settings, manager)).resolves.toEqual(settings);
    // The desk itself edits visits: the edit dialog and the week are for every role.
    await expect(app.call('rooms.list', {}, receptionist)).resolves.toMatchObject({ rooms: [{ name: 'Studio 1' }] });
  });
});
