import { describe, expect, it } from 'vitest';
import { defaultBusinessHours } from '../../../../src-main/domain/hours/businessHours';
import { zonedToUtc } from '../../../../src-main/domain/hours/zonedTime';
import { planReminders, type ReminderVisit } from '../../../../src-main/domain/visitLoop/reminderPlan';

const TZ = 'Europe/Rome';
const hours = defaultBusinessHours('IT', TZ); // Mon–Fri 08–19, Sat 08:30–13, Sun closed, Italian holidays
const window = { from: '09:00', to: '19:00' };
const rules = { hoursBefore: [24], skipIfBookedWithinHours: 12 };
const at = (date: string, hhmm: string): number => {
  const [h, m] = hhmm.split(':').map(Number);
  return zonedToUtc(date, h! * 60 + m!, TZ);
};
const local = (t: number): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(t);

let nextId = 1;
const v = (patientId: number, startsAt: number, extra: Partial<ReminderVisit> = {}): ReminderVisit => ({ id: nextId++, patientId, startsAt, status: 'booked', bookedAt: null, ...extra });
const plan = (visits: ReminderVisit[], r = rules) => planReminders({ visits, rules: r, window, hours });

describe('planReminders', () => {
  it('24 h before the first visit, one reminder listing every visit of the patient that day', () => {
    const { reminders } = plan([v(1, at('2026-11-24', '10:00')), v(1, at('2026-11-24', '11:30')), v(2, at('2026-11-24', '12:00'))]);
    expect(reminders.map((r) => [r.patientId, local(r.sendAt), r.appointmentIds.length])).toEqual([
      [1, '2026-11-23 10:00', 2],
      [2, '2026-11-23 12:00', 1],
    ]);
  });

  it('visits of one patient on two days: two reminders, one per day', () => {
    const { reminders } = plan([v(1, at('2026-11-24', '10:00')), v(1, at('2026-11-25', '10:00'))]);
    expect(reminders.map((r) => r.day)).toEqual(['2026-11-24', '2026-11-25']);
  });

  it('no message at night: a 08:00 visit is reminded at 09:00 the day before, a 20:30 visit at 18:59 on the day before', () => {
    expect(local(plan([v(1, at('2026-11-24', '08:00'))]).reminders[0]!.sendAt)).toBe('2026-11-23 09:00');
    // 24 h before 20:30 is 20:30 (after the window): the next allowed time is the visit day 09:00, well ahead.
    expect(local(plan([v(1, at('2026-11-24', '20:30'))]).reminders[0]!.sendAt)).toBe('2026-11-24 09:00');
  });

  it('around midnight: a 00:30 visit is not reminded at 00:30 the night before but at 09:00 that day', () => {
    expect(local(plan([v(1, at('2026-11-25', '00:30'))]).reminders[0]!.sendAt)).toBe('2026-11-24 09:00');
    // 23:50 on Friday: 24 h before is Thursday 23:50 (night) → Friday 09:00.
    expect(local(plan([v(1, at('2026-11-27', '23:50'))]).reminders[0]!.sendAt)).toBe('2026-11-27 09:00');
  });

  it('closed days: a Monday 09:00 visit is reminded on Saturday (Sunday is closed), not Monday morning', () => {
    const { reminders } = plan([v(1, at('2026-11-30', '09:00'))]);
    expect(local(reminders[0]!.sendAt)).toBe('2026-11-28 18:59');
  });

  it('public holiday: nothing goes on 8 December (Immacolata); a 9 December 10:00 visit is reminded on the 7th', () => {
    expect(local(plan([v(1, at('2026-12-09', '10:00'))]).reminders[0]!.sendAt)).toBe('2026-12-07 18:59');
  });

  it('DST: the wall-clock time holds across the change (29 March 2026)', () => {
    const { reminders } = plan([v(1, at('2026-03-31', '10:00'))]);
    expect(local(reminders[0]!.sendAt)).toBe('2026-03-30 10:00');
    // Across the spring change itself: Monday 30 March 10:00 → Saturday evening (Sunday closed, Monday too late).
    expect(local(plan([v(1, at('2026-03-30', '10:00'))]).reminders[0]!.sendAt)).toBe('2026-03-28 18:59');
    expect(local(plan([v(1, at('2026-10-27', '09:30'))]).reminders[0]!.sendAt)).toBe('2026-10-26 09:30');
  });

  it('a visit booked less than 12 h ahead gets no reminder; cancelled visits are left out', () => {
    const start = at('2026-11-24', '10:00');
    const { reminders, skipped } = plan([v(1, start, { bookedAt: start - 3 * 3_600_000 }), v(2, start, { status: 'cancelled' })]);
    expect(reminders).toEqual([]);
    expect(skipped).toEqual([expect.objectContaining({ patientId: 1, reason: 'booked_late' })]);
  });

  it('48 h as well: two reminders with their own keys', () => {
    const { reminders } = plan([v(1, at('2026-11-26', '10:00'))], { hoursBefore: [24, 48], skipIfBookedWithinHours: 12 });
    expect(reminders.map((r) => [r.hoursBefore, local(r.sendAt)])).toEqual([
      [48, '2026-11-24 10:00'],
      [24, '2026-11-25 10:00'],
    ]);
    expect(new Set(reminders.map((r) => r.idempotencyKey)).size).toBe(2);
  });
});
