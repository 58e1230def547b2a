import { describe, expect, it } from 'vitest';
import type { BusinessHours } from '../../../../src-main/domain/hours/businessHours';
import { buildReport } from '../../../../src-main/domain/stats/statsService';
import { previousPeriod, resolvePeriod } from '../../../../src-main/domain/stats/periods';
import { optionalFigures, type OptionalFigureProvider } from '../../../../src-main/domain/stats/optionalFigures';
import { WEEKDAY_HOURS, ZONE, at, call, conversation, memoryDb, msg } from './statsFixture';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ALWAYS_OPEN: BusinessHours = {
  ...WEEKDAY_HOURS,
  weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [{ from: '00:00', to: '24:00' }]])) as BusinessHours['weekly'],
};
const day = (date: string) => resolvePeriod({ kind: 'day', date }, date, ZONE);

describe('DST days in the clinic zone', () => {
  it('spring forward (2026-03-29, Rome): a 23-hour day; 01:30 → 03:30 is one real hour; hour 2 never happens', () => {
    const db = memoryDb();
    const c = conversation(db, 'A', at('2026-03-28', '12:00'));
    msg(db, c, at('2026-03-29', '00:10'), { dir: 'in' });
    msg(db, c, at('2026-03-29', '01:30'), { dir: 'out', author: 'Anna' });
    msg(db, c, at('2026-03-29', '01:45'), { dir: 'in' }); // a new wait, CET
    msg(db, c, at('2026-03-29', '03:45'), { dir: 'out', author: 'Anna' }); // CEST: 1 hour later in real time
    msg(db, c, at('2026-03-29', '23:59'), { dir: 'in' });
    msg(db, c, at('2026-03-30', '00:01'), { dir: 'in' }); // next day
    msg(db, c, at('2026-03-28', '23:59'), { dir: 'in' }); // day before
    const p = day('2026-03-29');
    expect(p.endMs - p.startMs).toBe(23 * HOUR);
    const r = buildReport({ db, hours: ALWAYS_OPEN }, p);
    expect(r.contacts[0]?.messagesIn).toBe(3);
    // 00:10 continues the wait begun 23:59 the day before (answered 01:30); the waits begun today are 01:45 and 23:59.
    expect(r.responsiveness.waits).toBe(2);
    expect(r.responsiveness.frt).toEqual({ n: 1, medianMs: HOUR, p90Ms: HOUR });
    expect(r.responsiveness.frtOpenTime.medianMs).toBe(HOUR);
    const sunday = r.heatmap[6]!;
    expect(sunday[0]).toBe(1);
    expect(sunday[1]).toBe(1);
    expect(sunday[2]).toBe(0);
    expect(sunday[23]).toBe(1);
  });

  it('fall back (2026-10-25, Rome): a 25-hour day and the previous day is 24 hours', () => {
    const p = day('2026-10-25');
    expect(p.endMs - p.startMs).toBe(25 * HOUR);
    const prev = previousPeriod(p);
    expect(prev.from).toBe('2026-10-24');
    expect(prev.endMs).toBe(p.startMs);
    expect(prev.endMs - prev.startMs).toBe(24 * HOUR);
  });

  it('a wait across the autumn change, Friday 18:30 to Monday 08:30: 63 h real, 1 h inside opening hours', () => {
    const db = memoryDb();
    const c = conversation(db, 'A', at('2026-10-24', '12:00'));
    msg(db, c, at('2026-10-23', '18:30'), { dir: 'in' }); // Friday
    msg(db, c, at('2026-10-26', '08:30'), { dir: 'out', author: 'Anna' }); // Monday
    const r = buildReport({ db, hours: WEEKDAY_HOURS }, day('2026-10-23'));
    // Fri 18:30 → Mon 08:30 is 62 h of wall clock plus the hour given back on Sunday = 63 h
    expect(r.responsiveness.frt.medianMs).toBe(63 * HOUR);
    expect(r.responsiveness.frtOpenTime.medianMs).toBe(HOUR); // Fri 18:30–19:00 + Mon 08:00–08:30
    expect(r.responsiveness.frtClosedTime.medianMs).toBe(62 * HOUR);
    expect(r.responsiveness.unansweredAtClosing).toBe(1);
  });
});

describe('an empty day', () => {
  it('has zero counts, no durations (null, not 0), an empty heatmap and one point in the series', () => {
    const r = buildReport({ db: memoryDb(), hours: WEEKDAY_HOURS }, day('2026-03-10'));
    expect(r.contacts.map((c) => c.messagesIn + c.messagesOut + c.callsIn + c.callsOut + c.newConversations)).toEqual([0, 0, 0]);
    expect(r.responsiveness).toMatchObject({ waits: 0, answered: 0, noResponse: 0, unansweredAtClosing: 0, repliesByAuthor: [] });
    expect(r.responsiveness.frt).toEqual({ n: 0, medianMs: null, p90Ms: null });
    expect(r.phone.callbackTime).toEqual({ n: 0, medianMs: null, p90Ms: null });
    expect(r.phone.total).toBe(0);
    expect(r.visits).toEqual({ appointments: 0, noShows: 0, noticesSent: 0, practitioners: [] });
    expect(r.sms).toEqual([]);
    expect(r.heatmap.flat().every((n) => n === 0)).toBe(true);
    expect(r.daily).toEqual([{ date: '2026-03-10', contactsIn: 0, messagesIn: 0, messagesOut: 0, callsIn: 0, missedCalls: 0, frtMedianMs: null }]);
  });
});

describe('a day answered only by automatic replies', () => {
  it('reports "no response" for every wait: first-response time has no value, it is not 0', () => {
    const db = memoryDb();
    for (const [i, time] of ['07:00', '10:00', '21:00'].entries()) {
      const c = conversation(db, `P${i}`, at('2026-03-10', time));
      msg(db, c, at('2026-03-10', time), { dir: 'in', channel: 'sms' });
      msg(db, c, at('2026-03-10', time) + 5_000, { dir: 'out', channel: 'sms', author: null }); // auto-reply
      msg(db, c, at('2026-03-10', time) + 60_000, { dir: 'out', channel: 'system', author: null }); // a timeline event
    }
    call(db, at('2026-03-10', '11:00'), { direction: 'in', result: 'missed' });
    const r = buildReport({ db, hours: WEEKDAY_HOURS }, day('2026-03-10'));
    expect(r.responsiveness).toMatchObject({ waits: 3, answered: 0, noResponse: 3, unansweredAtClosing: 2, repliesByAuthor: [] }); // 07:00 and 10:00; 21:00 came after closing
    expect(r.responsiveness.frt).toEqual({ n: 0, medianMs: null, p90Ms: null });
    expect(r.responsiveness.frtArrivedClosed).toEqual({ n: 0, medianMs: null, p90Ms: null });
    expect(r.contacts[1]).toMatchObject({ messagesIn: 3, messagesOut: 3, messagesOutAutomatic: 3 });
    expect(r.daily[0]?.frtMedianMs).toBeNull();
  });
});

describe('optional figures (reminders, feedback)', () => {
  const reminders: OptionalFigureProvider = {
    group: 'reminders',
    tables: ['reminders_test'],
    figures: (db, range) => [
      {
        key: 'remindersSent',
        group: 'reminders',
        unit: 'count',
        value: (db.prepare('SELECT count(*) AS n FROM reminders_test WHERE at >= ? AND at < ?').get(range.startMs, range.endMs) as { n: number }).n,
      },
    ],
  };
  const range = { ...day('2026-03-10') };

  it('are left out while their tables do not exist, and shown (even at 0) once they do', () => {
    const db = memoryDb();
    expect(optionalFigures(db, [reminders], range)).toEqual([]);
    db.exec('CREATE TABLE reminders_test (at INTEGER NOT NULL)');
    expect(optionalFigures(db, [reminders], range)).toEqual([{ key: 'remindersSent', group: 'reminders', unit: 'count', value: 0 }]);
    db.prepare('INSERT INTO reminders_test (at) VALUES (?)').run(at('2026-03-10', '09:00'));
    expect(buildReport({ db, hours: WEEKDAY_HOURS, optional: [reminders] }, range).optional[0]?.value).toBe(1);
  });
});
