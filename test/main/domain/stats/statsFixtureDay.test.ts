import { describe, expect, it } from 'vitest';
import { buildReport, statsFor } from '../../../../src-main/domain/stats/statsService';
import { resolvePeriod } from '../../../../src-main/domain/stats/periods';
import { WEEKDAY_HOURS, ZONE, memoryDb } from './statsFixture';
import { DAY, writeFixtureDay } from './fixtureDay';

const MIN = 60_000;

const dist = (n: number, medianMin: number | null, p90Min: number | null) => ({
  n,
  medianMs: medianMin === null ? null : medianMin * MIN,
  p90Ms: p90Min === null ? null : p90Min * MIN,
});

// The same hand-computed figures whether the day is computed from its rows, or (once it has ended) computed once,
// kept in stats_days (migration 170) and read back from there.
const AFTER_THE_DAY = Date.parse('2026-03-12T09:00:00Z');

describe.each([
  ['computed from its rows', undefined],
  ['read back from stats_days', AFTER_THE_DAY],
] as const)('the fixture day, counted by hand (%s)', (_how, now) => {
  const db = writeFixtureDay(memoryDb());
  const period = resolvePeriod({ kind: 'day', date: DAY }, DAY, ZONE);
  let report = buildReport({ db, hours: WEEKDAY_HOURS, now }, period);
  if (now !== undefined) {
    expect(db.prepare('SELECT date FROM stats_days').pluck().all()).toEqual([DAY]);
    report = buildReport({ db, hours: WEEKDAY_HOURS, now }, period);
  }

  it('contacts per channel', () => {
    expect(report.contacts).toEqual([
      // new: A; in: A×3 + C; out: A auto + Anna + C Anna
      { channel: 'whatsapp', newConversations: 1, messagesIn: 4, messagesOut: 3, messagesOutAutomatic: 1, callsIn: 1, callsOut: 0 },
      // new: B; in: B + D; out: A's SMS copy, B auto, Marco ×2, D auto
      { channel: 'sms', newConversations: 1, messagesIn: 2, messagesOut: 5, messagesOutAutomatic: 2, callsIn: 0, callsOut: 0 },
      // new: E (first contact a call); in: 11:00, 15:00, 17:00, 17:10, 18:00; out: the 11:45 callback
      { channel: 'phone', newConversations: 1, messagesIn: 0, messagesOut: 0, messagesOutAutomatic: 0, callsIn: 5, callsOut: 1 },
    ]);
  });

  it('responsiveness', () => {
    expect(report.responsiveness).toEqual({
      // waits begun today: A 09:00, A 18:30, B 07:30, D 20:00 (C's 10:00 continues yesterday's wait)
      waits: 4,
      answered: 3,
      noResponse: 1, // D: only an automatic reply
      // A 20 min, B 60 min, A 18:30 → 08:10 next day = 820 min
      frt: dist(3, 60, 820),
      // inside 08:00–19:00: A 20; B 08:00–08:30 = 30; A 18:30–19:00 + 08:00–08:10 = 40
      frtOpenTime: dist(3, 30, 40),
      // outside: 0; B 07:30–08:00 = 30; 19:00–08:00 = 780
      frtClosedTime: dist(3, 30, 780),
      // begun while open: A 20 and 820 (median of two: 420); while closed: B 60
      frtArrivedOpen: dist(2, 420, 820),
      frtArrivedClosed: dist(1, 60, 60),
      unansweredAtClosing: 1, // A's 18:30 message; D wrote after closing
      repliesByAuthor: [
        { author: 'Anna', replies: 2 }, // A 09:20, C 10:30 (the SMS copy is not a second reply)
        { author: 'Marco', replies: 2 }, // B 08:30, B 12:00 (the 08:10 reply is tomorrow)
      ],
    });
  });

  it('phone', () => {
    expect(report.phone).toEqual({
      total: 6,
      answered: 2,
      missed: 2,
      abandoned: 1,
      voicemail: 1,
      busy: 0,
      missedCallers: 4,
      calledBack: 1,
      gotThrough: 1,
      neverCalledBack: 2, // the WhatsApp caller (open) and the voicemail (dismissed)
      callbackTime: dist(1, 45, 45),
    });
  });

  it('visits and delays per practitioner', () => {
    expect(report.visits).toEqual({
      appointments: 5, // the cancelled visit is not one
      noShows: 1,
      noticesSent: 2,
      practitioners: [
        { practitionerId: 1, name: 'Dr Bianchi', visits: 4, started: 3, avgDelayMinutes: 10, worstDelayMinutes: 20, lateShare: 1 / 3 },
        { practitionerId: 2, name: 'Dr Rossi', visits: 1, started: 1, avgDelayMinutes: 16, worstDelayMinutes: 16, lateShare: 1 },
      ],
    });
  });

  it('SMS cost per provider, heatmap and the day series', () => {
    expect(report.sms).toEqual([
      { provider: 'smsapi', messages: 2, segments: 3 },
      { provider: 'twilio', messages: 1, segments: 1 },
    ]);
    const tuesday = new Array<number>(24).fill(0);
    Object.assign(tuesday, { 7: 1, 9: 2, 10: 1, 11: 1, 15: 1, 16: 1, 17: 2, 18: 2, 20: 1 });
    expect(report.heatmap[1]).toEqual(tuesday);
    expect(report.heatmap.filter((_, i) => i !== 1).flat().every((n) => n === 0)).toBe(true);
    expect(report.daily).toEqual([{ date: DAY, contactsIn: 12, messagesIn: 6, messagesOut: 8, callsIn: 6, missedCalls: 4, frtMedianMs: 60 * MIN }]);
    expect(report.optional).toEqual([]); // no reminders or feedback in this database: hidden, not zero
  });

  it('the day before, for the comparison: C waited from 17:00 to 10:30 next morning', () => {
    const both = statsFor({ db, hours: WEEKDAY_HOURS, timeZone: ZONE, today: DAY, now }, { kind: 'day', date: DAY });
    expect(both.previous?.period.from).toBe('2026-03-09');
    expect(both.previous?.responsiveness.frt).toEqual(dist(1, 17.5 * 60, 17.5 * 60));
    expect(both.previous?.responsiveness.frtOpenTime).toEqual(dist(1, 120 + 150, 120 + 150));
    expect(both.previous?.sms).toEqual([{ provider: 'smsapi', messages: 1, segments: 5 }]);
    expect(both.previous?.contacts[2]?.callsIn).toBe(1);
  });
});
