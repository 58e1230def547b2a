/** Builders for the statistics tests: rows written straight through the repositories, times in the clinic's zone. */
import { openDatabase, type Db } from '../../../../src-main/db/database';
import { insertAppointment, insertPractitioner } from '../../../../src-main/db/repositories/appointments';
import { insertCall, type NewCall } from '../../../../src-main/db/repositories/calls';
import { ensureConversation } from '../../../../src-main/db/repositories/conversations';
import { insertMessage } from '../../../../src-main/db/repositories/messages';
import { insertPatient } from '../../../../src-main/db/repositories/patients';
import type { BusinessHours } from '../../../../src-main/domain/hours/businessHours';
import { zonedToUtc } from '../../../../src-main/domain/hours/zonedTime';

export const ZONE = 'Europe/Rome';

/** The instant the clinic's wall clock shows `date` `hh:mm[:ss]`. */
export function at(date: string, time: string, zone = ZONE): number {
  const [h, m, s] = time.split(':').map(Number);
  return zonedToUtc(date, (h ?? 0) * 60 + (m ?? 0), zone) + (s ?? 0) * 1000;
}

/** Monday–Friday 08:00–19:00, closed at weekends, no holidays: easy to count by hand. */
export const WEEKDAY_HOURS: BusinessHours = {
  timeZone: ZONE,
  weekly: {
    mon: [{ from: '08:00', to: '19:00' }],
    tue: [{ from: '08:00', to: '19:00' }],
    wed: [{ from: '08:00', to: '19:00' }],
    thu: [{ from: '08:00', to: '19:00' }],
    fri: [{ from: '08:00', to: '19:00' }],
    sat: [],
    sun: [],
  },
  publicHolidays: [],
  closures: [],
};

export function memoryDb(): Db {
  return openDatabase(':memory:');
}

export function conversation(db: Db, name: string, createdAt: number): number {
  const patientId = insertPatient(db, { firstName: name, lastName: 'Test' }, createdAt);
  return ensureConversation(db, patientId, createdAt).id;
}

export function msg(
  db: Db,
  conversationId: number,
  when: number,
  m: { dir: 'in' | 'out'; channel?: 'whatsapp' | 'sms' | 'note' | 'system'; author?: string | null; meta?: Record<string, unknown> },
): number {
  return insertMessage(db, {
    conversationId,
    channel: m.channel ?? 'whatsapp',
    direction: m.dir,
    body: 'x',
    status: m.dir === 'in' ? 'received' : 'sent',
    author: m.author ?? null,
    meta: m.meta ?? null,
    at: when,
  }).row.id;
}

export function call(db: Db, when: number, c: Partial<NewCall> & Pick<NewCall, 'direction' | 'result'>): number {
  return insertCall(
    db,
    {
      patient_id: null,
      conversation_id: null,
      from_number: '+390611111111',
      to_number: null,
      started_at: when,
      ring_seconds: 10,
      talk_seconds: 0,
      extension: null,
      source: 'asterisk',
      source_id: null,
      note: '',
      ...c,
    },
    when,
  ).id;
}

export function callbackTask(db: Db, phone: string, missedAt: number, closed: { at: number; reason: 'called_back' | 'caller_got_through' | 'dismissed' } | null): void {
  db.prepare(
    `INSERT INTO callback_tasks (phone, first_missed_at, last_missed_at, closed_at, close_reason, created_at) VALUES (?, ?, ?, ?, ?, ?)`,
  ).run(phone, missedAt, missedAt, closed?.at ?? null, closed?.reason ?? null, missedAt);
}

export function practitioner(db: Db, name: string): number {
  return insertPractitioner(db, { name });
}

export function visit(db: Db, practitionerId: number, startsAt: number, o: { startedAt?: number; status?: string } = {}): number {
  const id = insertAppointment(db, { patientId: null, practitionerId, startsAt, endsAt: startsAt + 30 * 60_000, ...(o.status ? { status: o.status } : {}) });
  if (o.startedAt !== undefined) db.prepare('UPDATE appointments SET started_at = ? WHERE id = ?').run(o.startedAt, id);
  return id;
}
