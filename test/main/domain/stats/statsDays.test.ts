import { describe, expect, it } from 'vitest';
import type { Db } from '../../../../src-main/db/database';
import type { BusinessHours } from '../../../../src-main/domain/hours/businessHours';
import { addDays } from '../../../../src-main/domain/hours/zonedTime';
import { resolvePeriod } from '../../../../src-main/domain/stats/periods';
import { buildReport } from '../../../../src-main/domain/stats/statsService';
import { DAY, writeFixtureDay } from './fixtureDay';
import { WEEKDAY_HOURS, ZONE, at, call, conversation, memoryDb, msg } from './statsFixture';

/**
 * Closed days kept in stats_days (migration 170): a report that reads them equals the report computed from the
 * rows, after every kind of write that can touch a stored day (the triggers drop it), and a write of today leaves
 * the stored days alone.
 */
const NOW = at(addDays(DAY, 2), '09:00');
const storedDates = (db: Db): string[] => db.prepare('SELECT date FROM stats_days ORDER BY date').pluck().all() as string[];
const range = (from: string, to: string) => resolvePeriod({ kind: 'range', from, to }, DAY, ZONE);

function expectSameAsComputed(db: Db, from: string, to: string, hours: BusinessHours = WEEKDAY_HOURS): void {
  const kept = buildReport({ db, hours, now: NOW }, range(from, to));
  const computed = buildReport({ db, hours }, range(from, to));
  expect(kept).toEqual(computed);
}

describe('stored closed days', () => {
  it('stores the days that ended before now, never today, and reads them back', () => {
    const db = writeFixtureDay(memoryDb());
    buildReport({ db, hours: WEEKDAY_HOURS, now: NOW }, range(addDays(DAY, -3), addDays(DAY, 3)));
    // DAY + 2 is today at NOW; later days have not happened.
    expect(storedDates(db)).toEqual([-3, -2, -1, 0, 1].map((d) => addDays(DAY, d)));
    expectSameAsComputed(db, addDays(DAY, -3), addDays(DAY, 3));
  });

  it('drops a stored day when a late message, a call, a merge-like move or a delete touches it', () => {
    const db = writeFixtureDay(memoryDb());
    const from = addDays(DAY, -1);
    buildReport({ db, hours: WEEKDAY_HOURS, now: NOW }, range(from, DAY));
    expect(storedDates(db)).toEqual([from, DAY]);
    const before = buildReport({ db, hours: WEEKDAY_HOURS, now: NOW }, range(DAY, DAY));

    // A late history sync: a patient message at 12:00 of the stored day.
    const late = conversation(db, 'Late', at(DAY, '11:00'));
    const lateMsg = msg(db, late, at(DAY, '12:00'), { dir: 'in' });
    expect(storedDates(db)).toEqual([from]);
    const after = buildReport({ db, hours: WEEKDAY_HOURS, now: NOW }, range(DAY, DAY));
    expect(after.contacts[0]!.messagesIn).toBe(before.contacts[0]!.messagesIn + 1);
    expect(after.responsiveness.unansweredAtClosing).toBe(before.responsiveness.unansweredAtClosing + 1);
    expectSameAsComputed(db, from, DAY);

    // A PBX import of last week's calls: the day before.
    call(db, at(from, '10:00'), { direction: 'in', result: 'missed' });
    expect(storedDates(db)).toEqual([DAY]);
    expectSameAsComputed(db, from, DAY);

    // A merge moves messages to another conversation; an answer changes the closing count.
    const other = conversation(db, 'Other', at(DAY, '08:00'));
    db.prepare('UPDATE messages SET conversation_id = ? WHERE id = ?').run(other, lateMsg);
    expect(storedDates(db)).toEqual([from]);
    expectSameAsComputed(db, from, DAY);

    // An erasure deletes the messages.
    buildReport({ db, hours: WEEKDAY_HOURS, now: NOW }, range(from, DAY));
    db.prepare('DELETE FROM messages WHERE id = ?').run(lateMsg);
    expect(storedDates(db)).toEqual([from]);
    const erased = buildReport({ db, hours: WEEKDAY_HOURS, now: NOW }, range(DAY, DAY));
    expect(erased.contacts).toEqual(before.contacts);
    expectSameAsComputed(db, from, DAY);
  });

  it("leaves the stored days alone when today's messages and calls arrive (the live path stays one seek)", () => {
    const db = writeFixtureDay(memoryDb());
    buildReport({ db, hours: WEEKDAY_HOURS, now: NOW }, range(addDays(DAY, -1), addDays(DAY, 1)));
    const c = conversation(db, 'Today', NOW - 60_000);
    msg(db, c, NOW - 30_000, { dir: 'in' });
    msg(db, c, NOW, { dir: 'out', author: 'Anna' });
    call(db, NOW, { direction: 'in', result: 'answered' });
    msg(db, c, NOW + 1, { dir: 'in', channel: 'note' });
    expect(storedDates(db)).toEqual([-1, 0, 1].map((d) => addDays(DAY, d)));
  });

  it("drops a stored day when one of its waits is answered later (Monday's reply to Friday's message)", () => {
    const db = writeFixtureDay(memoryDb());
    const friday = addDays(DAY, -4); // DAY is a Tuesday
    const c = conversation(db, 'Friday', at(friday, '17:00'));
    msg(db, c, at(friday, '18:30'), { dir: 'in' });
    const mondayNoon = at(addDays(DAY, -1), '12:00');
    const now = mondayNoon - 3_600_000;
    const before = buildReport({ db, hours: WEEKDAY_HOURS, now }, range(friday, friday));
    expect(before.responsiveness.noResponse).toBe(1);
    expect(storedDates(db)).toContain(friday);
    msg(db, c, mondayNoon, { dir: 'out', author: 'Anna' });
    expect(storedDates(db)).not.toContain(friday);
    const after = buildReport({ db, hours: WEEKDAY_HOURS, now: mondayNoon }, range(friday, friday));
    expect(after.responsiveness.noResponse).toBe(0);
    expect(after.responsiveness.frtOpenTime.medianMs).toBe((30 + 4 * 60) * 60_000); // Fri 18:30–19:00 + Mon 08:00–12:00
    expect(after).toEqual(buildReport({ db, hours: WEEKDAY_HOURS }, range(friday, friday)));
  });

  it('recomputes a stored day computed under other opening hours', () => {
    const db = writeFixtureDay(memoryDb());
    buildReport({ db, hours: WEEKDAY_HOURS, now: NOW }, range(DAY, DAY));
    const earlyClosing: BusinessHours = { ...WEEKDAY_HOURS, weekly: { ...WEEKDAY_HOURS.weekly, tue: [{ from: '08:00', to: '12:00' }] } };
    const before = buildReport({ db, hours: WEEKDAY_HOURS, now: NOW }, range(DAY, DAY)).responsiveness.unansweredAtClosing;
    const after = buildReport({ db, hours: earlyClosing, now: NOW }, range(DAY, DAY)).responsiveness.unansweredAtClosing;
    expect(after).toBe(buildReport({ db, hours: earlyClosing }, range(DAY, DAY)).responsiveness.unansweredAtClosing);
    expect(after).not.toBe(before);
  });

  it('equals the computed report after random writes over a month, days stored and dropped along the way', () => {
    const db = memoryDb();
    let seed = 42;
    const rand = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const first = addDays(DAY, -30);
    const convs = Array.from({ length: 12 }, (_, i) => conversation(db, `P${i}`, at(first, '07:00')));
    const ids: number[] = [];
    const write = (): void => {
      const date = addDays(first, Math.floor(rand() * 32));
      const when = at(date, `${String(6 + Math.floor(rand() * 15)).padStart(2, '0')}:${String(Math.floor(rand() * 60)).padStart(2, '0')}`);
      const conv = convs[Math.floor(rand() * convs.length)]!;
      const r = rand();
      if (r < 0.45) ids.push(msg(db, conv, when, { dir: 'in', channel: rand() < 0.7 ? 'whatsapp' : 'sms' }));
      else if (r < 0.75) ids.push(msg(db, conv, when, { dir: 'out', author: rand() < 0.3 ? null : rand() < 0.5 ? 'Anna' : 'Marco' }));
      else if (r < 0.85) call(db, when, { direction: rand() < 0.8 ? 'in' : 'out', result: rand() < 0.5 ? 'answered' : 'missed', conversation_id: conv });
      else if (r < 0.93 && ids.length) db.prepare('DELETE FROM messages WHERE id = ?').run(ids.splice(Math.floor(rand() * ids.length), 1)[0]);
      else if (ids.length) db.prepare('UPDATE messages SET conversation_id = ? WHERE id = ?').run(convs[Math.floor(rand() * convs.length)], ids[Math.floor(rand() * ids.length)]);
    };
    for (let round = 0; round < 8; round++) {
      for (let i = 0; i < 60; i++) write();
      expectSameAsComputed(db, first, addDays(DAY, 1));
      expect(storedDates(db).length).toBeGreaterThan(0);
    }
  });
});
