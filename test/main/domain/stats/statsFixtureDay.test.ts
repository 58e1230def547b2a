import { describe, expect, it } from 'vitest';
import { recordSmsUsage } from '../../../../src-main/db/repositories/statsActivity';
import { buildReport, statsFor } from '../../../../src-main/domain/stats/statsService';
import { resolvePeriod } from '../../../../src-main/domain/stats/periods';
import { WEEKDAY_HOURS, ZONE, at, call, callbackTask, conversation, memoryDb, msg, practitioner, visit } from './statsFixture';

const MIN = 60_000;
const DAY = '2026-03-10'; // a Tuesday, Rome on winter time (UTC+1)

/**
 * One clinic day in which every figure was counted by hand; the comments give the arithmetic.
 * Opening hours: 08:00–19:00.
 */
function fixtureDay() {
  const db = memoryDb();
  const t = (time: string, date = DAY) => at(date, time);

  // A (new today, WhatsApp): two messages, an auto-reply, Anna answers after 20 min (all inside hours);
  // an evening message at 18:30 is still unanswered at 19:00 and Marco answers at 08:10 next morning.
  const a = conversation(db, 'A', t('09:00'));
  msg(db, a, t('09:00'), { dir: 'in' });
  msg(db, a, t('09:05'), { dir: 'in' });
  msg(db, a, t('09:06'), { dir: 'out', author: null });
  const annaReply = msg(db, a, t('09:20'), { dir: 'out', author: 'Anna' });
  msg(db, a, t('09:21'), { dir: 'out', channel: 'sms', author: 'Anna', meta: { fallbackFor: annaReply } }); // SMS copy: an SMS, not a reply
  msg(db, a, t('09:25'), { dir: 'out', channel: 'note', author: 'Anna' }); // internal note: nothing
  msg(db, a, t('18:30'), { dir: 'in' });
  msg(db, a, t('08:10', '2026-03-11'), { dir: 'out', author: 'Marco' });

  // B (new today, SMS): writes at 07:30 before opening, gets the out-of-hours reply, Marco answers at 08:30.
  const b = conversation(db, 'B', t('07:30'));
  msg(db, b, t('07:30'), { dir: 'in', channel: 'sms' });
  msg(db, b, t('07:31'), { dir: 'out', channel: 'sms', author: null });
  msg(db, b, t('08:30'), { dir: 'out', channel: 'sms', author: 'Marco' });
  msg(db, b, t('12:00'), { dir: 'out', channel: 'sms', author: 'Marco' });

  // C (known since March 2): waiting since yesterday 17:00; writes again at 10:00, Anna answers at 10:30.
  const c = conversation(db, 'C', t('09:00', '2026-03-02'));
  msg(db, c, t('17:00', '2026-03-09'), { dir: 'in' });
  msg(db, c, t('10:00'), { dir: 'in' });
  msg(db, c, t('10:30'), { dir: 'out', author: 'Anna' });

  // D (known since March 1): writes at 20:00, after closing; only the automatic reply answers, nobody else.
  const d = conversation(db, 'D', t('09:00', '2026-03-01'));
  msg(db, d, t('20:00'), { dir: 'in', channel: 'sms' });
  msg(db, d, t('20:00:30'), { dir: 'out', channel: 'sms', author: null });

  // E (new today by phone): a missed call at 11:00, called back at 11:45.
  const e = conversation(db, 'E', t('11:00'));
  call(db, t('11:00'), { direction: 'in', result: 'missed', conversation_id: e, from_number: '+390622222222' });
  callbackTask(db, '+390622222222', t('11:00'), { at: t('11:45'), reason: 'called_back' });
  call(db, t('11:45'), { direction: 'out', result: 'answered', conversation_id: e, to_number: '+390622222222' });
  // More calls: answered, a missed WhatsApp call (never called back), abandoned then got through, voicemail dismissed.
  call(db, t('15:00'), { direction: 'in', result: 'answered', conversation_id: a });
  call(db, t('16:00'), { direction: 'in', result: 'missed', conversation_id: c, source: 'whatsapp' });
  callbackTask(db, '+390633333333', t('16:00'), null);
  call(db, t('17:00'), { direction: 'in', result: 'abandoned', from_number: '+390644444444' });
  callbackTask(db, '+390644444444', t('17:00'), { at: t('17:10'), reason: 'caller_got_through' });
  call(db, t('17:10'), { direction: 'in', result: 'answered', from_number: '+390644444444' });
  call(db, t('18:00'), { direction: 'in', result: 'voicemail', from_number: '+390655555555' });
  callbackTask(db, '+390655555555', t('18:00'), { at: t('18:30'), reason: 'dismissed' });
  call(db, t('10:00', '2026-03-09'), { direction: 'in', result: 'answered' }); // yesterday: not today

  // Visits: Bianchi 10, 20 and 0 (started early) minutes late and a no-show; Rossi 16 late and a cancelled visit.
  const bianchi = practitioner(db, 'Dr Bianchi');
  const rossi = practitioner(db, 'Dr Rossi');
  visit(db, bianchi, t('09:00'), { startedAt: t('09:10'), status: 'done' });
  visit(db, bianchi, t('09:30'), { startedAt: t('09:50'), status: 'done' });
  const early = visit(db, bianchi, t('10:00'), { startedAt: t('09:58'), status: 'done' });
  visit(db, bianchi, t('10:30'), { status: 'no_show' });
  visit(db, rossi, t('14:00'), { startedAt: t('14:16'), status: 'done' });
  visit(db, rossi, t('14:30'), { status: 'cancelled' });
  // Two delay notices became messages, a third was decided but never written (no message): 2.
  const rev = Number(db.prepare(`INSERT INTO delay_revisions (practitioner_id, day, reason, actor, at) VALUES (?, ?, 'announced', 'desk', ?)`).run(bianchi, DAY, t('09:15')).lastInsertRowid);
  const pid = (db.prepare('SELECT patient_id FROM conversations WHERE id = ?').get(a) as { patient_id: number }).patient_id;
  const notice = db.prepare(
    `INSERT INTO delay_notices (appointment_id, patient_id, revision_id, day, kind, channel, eta, previous_eta, message_id, idempotency_key, created_at)
     VALUES (?, ?, ?, ?, 'delay', 'sms', 0, 0, ?, ?, ?)`,
  );
  notice.run(early, pid, rev, DAY, annaReply, 'k1', t('09:15'));
  notice.run(early, pid, rev, DAY, annaReply, 'k2', t('09:16'));
  notice.run(early, pid, rev, DAY, null, 'k3', t('09:17'));

  // SMS cost: two SMSAPI sends (1 + 2 segments) and one Twilio today; one SMSAPI yesterday.
  recordSmsUsage(db, { outboxId: 1, provider: 'smsapi', segments: 1, at: t('08:30') });
  recordSmsUsage(db, { outboxId: 2, provider: 'smsapi', segments: 2, at: t('12:00') });
  recordSmsUsage(db, { outboxId: 3, provider: 'twilio', segments: 1, at: t('12:01') });
  recordSmsUsage(db, { outboxId: 4, provider: 'smsapi', segments: 5, at: t('12:00', '2026-03-09') });
  return db;
}

const dist = (n: number, medianMin: number | null, p90Min: number | null) => ({
  n,
  medianMs: medianMin === null ? null : medianMin * MIN,
  p90Ms: p90Min === null ? null : p90Min * MIN,
});

describe('the fixture day, counted by hand', () => {
  const db = fixtureDay();
  const report = buildReport({ db, hours: WEEKDAY_HOURS }, resolvePeriod({ kind: 'day', date: DAY }, DAY, ZONE));

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
    const both = statsFor({ db, hours: WEEKDAY_HOURS, timeZone: ZONE, today: DAY }, { kind: 'day', date: DAY });
    expect(both.previous?.period.from).toBe('2026-03-09');
    expect(both.previous?.responsiveness.frt).toEqual(dist(1, 17.5 * 60, 17.5 * 60));
    expect(both.previous?.responsiveness.frtOpenTime).toEqual(dist(1, 120 + 150, 120 + 150));
    expect(both.previous?.sms).toEqual([{ provider: 'smsapi', messages: 1, segments: 5 }]);
    expect(both.previous?.contacts[2]?.callsIn).toBe(1);
  });
});
