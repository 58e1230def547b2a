import type { Db } from '../../../../src-main/db/database';
import { recordSmsUsage } from '../../../../src-main/db/repositories/statsActivity';
import { at, call, callbackTask, conversation, msg, practitioner, visit } from './statsFixture';

export const DAY = '2026-03-10'; // a Tuesday, Rome on winter time (UTC+1)

/**
 * One clinic day in which every figure was counted by hand; the comments give the arithmetic.
 * Opening hours: 08:00–19:00.
 */
export function writeFixtureDay(db: Db): Db {
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

