import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addIdentity, insertPatient, setConsent } from '../../../../src-main/db/repositories/patients';
import { receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { visitLoopDeps, visitLoopTick } from '../../../../src-main/domain/visitLoop/visitLoopArea';
import { T0, tempApp } from '../../../helpers/tempApp';

const MIN = 60_000;
const HOUR = 60 * MIN;
// T0 is Monday 23 Nov 2026, 10:00 in Rome; "tomorrow 10:00" is T0 + 24 h.
type TestApp = Awaited<ReturnType<typeof tempApp>>;
let app: TestApp;
let practitionerId: number;

beforeEach(async () => {
  app = await tempApp();
  practitionerId = Number(app.ctx.db.prepare(`INSERT INTO practitioners (name) VALUES ('Dr Bianchi')`).run().lastInsertRowid);
});
afterEach(async () => app.cleanup());

const db = () => app.ctx.db;
const count = (sql: string, ...args: unknown[]): number => (db().prepare(sql).get(...args) as { n: number }).n;
const deps = () => visitLoopDeps(app.ctx);

function patient(phone: string, language: string, consents: { sms?: boolean; whatsapp?: boolean }): number {
  const id = insertPatient(db(), { firstName: 'Anna', lastName: `Test ${phone}`, language } as never, T0 - 30 * 24 * HOUR);
  addIdentity(db(), id, 'phone', phone, T0);
  for (const [kind, granted] of Object.entries(consents)) setConsent(db(), id, kind as 'sms', granted, T0, 'form');
  return id;
}

function visit(patientId: number, startsAt: number): number {
  return Number(
    db()
      .prepare(`INSERT INTO appointments (patient_id, practitioner_id, starts_at, ends_at, booked_at) VALUES (?, ?, ?, ?, ?)`)
      .run(patientId, practitionerId, startsAt, startsAt + 30 * MIN, T0 - 7 * 24 * HOUR).lastInsertRowid,
  );
}

let provider = 0;
function reply(phone: string, body: string): void {
  receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: `in-${++provider}`, fromPhone: phone, body, at: app.clock.now() });
}

const status = (id: number): string => (db().prepare('SELECT status FROM appointments WHERE id = ?').get(id) as { status: string }).status;
const smsConsent = (id: number): number => (db().prepare(`SELECT granted FROM patient_consents WHERE patient_id = ? AND kind = 'sms'`).get(id) as { granted: number }).granted;

describe('the visit loop (issue 17 "must show")', () => {
  it('two visits tomorrow: exactly one reminder at the configured time; "NIE" cancels both with audit, frees the slots, keeps SMS consent', async () => {
    const p = patient('+48601234567', 'pl', { sms: true, whatsapp: false });
    const a = visit(p, T0 + 24 * HOUR);
    const b = visit(p, T0 + 25.5 * HOUR);

    app.clock.set(T0 - MIN);
    expect(visitLoopTick(deps()).reminders).toBe(0);
    app.clock.set(T0);
    expect(visitLoopTick(deps()).reminders).toBe(1);
    // Restart-safe: the same tick again (or after a restart) queues nothing new.
    expect(visitLoopTick(deps()).reminders).toBe(0);
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'reminder:%'`)).toBe(1);
    const rem = db().prepare(`SELECT v.channel, v.fallback_reason, m.body FROM visit_messages v JOIN messages m ON m.id = v.message_id WHERE v.kind = 'reminder'`).get() as {
      channel: string;
      fallback_reason: string;
      body: string;
    };
    // No WhatsApp consent: SMS, with the reason recorded and shown.
    expect(rem).toMatchObject({ channel: 'sms', fallback_reason: 'no_consent' });
    expect(rem.body).toMatch(/10:00 Dr Bianchi, 11:30 Dr Bianchi/);
    expect(count(`SELECT count(*) AS n FROM visit_message_appointments`)).toBe(2);

    app.clock.advance(30 * MIN);
    reply('+48601234567', 'NIE');
    expect(status(a)).toBe('cancelled');
    expect(status(b)).toBe('cancelled');
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.cancel_by_reply'`)).toBe(2);
    expect(smsConsent(p)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM sms_opt_outs`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM messages WHERE kind = 'visit_reply_ack' AND body LIKE 'Wizyta odwołana%'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM visit_messages WHERE kind = 'reminder' AND answer = 'cancelled'`)).toBe(1);
  });

  it('"SI" confirms; "STOP" opts out and the confirmation says how to opt back in; an ambiguous answer flags the conversation', async () => {
    const it1 = patient('+393331112222', 'it', { sms: true });
    const it2 = patient('+393331113333', 'it', { sms: true });
    const it3 = patient('+393331114444', 'it', { sms: true });
    const v1 = visit(it1, T0 + 24 * HOUR);
    const v2 = visit(it2, T0 + 24 * HOUR);
    const v3 = visit(it3, T0 + 25 * HOUR);
    app.clock.set(T0 + HOUR);
    expect(visitLoopTick(deps()).reminders).toBe(3);

    reply('+393331112222', 'Sì, grazie');
    expect(status(v1)).toBe('confirmed');
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.confirm_by_reply'`)).toBe(1);

    reply('+393331113333', 'STOP');
    expect(smsConsent(it2)).toBe(0);
    expect(status(v2)).toBe('booked');
    const conf = db().prepare(`SELECT body FROM messages WHERE kind = 'sms_opt_out_confirmation'`).get() as { body: string };
    expect(conf.body).toMatch(/START/);

    reply('+393331114444', 'sì ma posso venire alle 11?');
    expect(status(v3)).toBe('booked');
    expect(db().prepare(`SELECT c.flag FROM conversations c WHERE c.patient_id = ?`).get(it3)).toEqual({ flag: 'ambiguous_answer' });
    const flagged = (await app.call('inbox.list', { status: 'all' })) as { items: Array<{ patientId: number; flag?: string | null }> };
    expect(flagged.items.find((c) => c.patientId === it3)?.flag).toBe('ambiguous_answer');
    expect(flagged.items.find((c) => c.patientId === it2)?.flag ?? null).toBeNull();
    const q = db().prepare(`SELECT id FROM visit_messages WHERE patient_id = ? AND kind = 'reminder'`).get(it3) as { id: number };
    await app.call('visitLoop.resolve', { visitMessageId: q.id, answer: 'cancel' });
    expect(status(v3)).toBe('cancelled');
    expect(db().prepare(`SELECT c.flag FROM conversations c WHERE c.patient_id = ?`).get(it3)).toEqual({ flag: null });
  });

  it('moving a visit sends one reschedule notice per change; a desk cancellation one cancellation notice', async () => {
    const p = patient('+393331115555', 'it', { sms: true });
    const v = visit(p, T0 + 48 * HOUR);
    await app.call('appointments.move', { appointmentId: v, startsAt: T0 + 49 * HOUR });
    await app.call('appointments.move', { appointmentId: v, startsAt: T0 + 49 * HOUR });
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'reschedule:%'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM audit_log WHERE action = 'appointment.move'`)).toBe(1);
    const body = (db().prepare(`SELECT body FROM messages WHERE kind = 'visit_reschedule'`).get() as { body: string }).body;
    expect(body).toMatch(/spostata/);
    await app.call('appointments.setStatus', { appointmentId: v, action: 'cancel' });
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'cancellation:%'`)).toBe(1);
  });

  it('a visit created at the desk gets one booking confirmation, which "TAK" answers', async () => {
    const p = patient('+48601999888', 'pl', { sms: true });
    const { id } = (await app.call('appointments.create', { patientId: p, practitionerId, startsAt: T0 + 72 * HOUR, endsAt: T0 + 72.5 * HOUR })) as { id: number };
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key = ?`, `booking:${id}`)).toBe(1);
    reply('+48601999888', 'Tak, będę');
    expect(status(id)).toBe('confirmed');
  });

  it('feedback 2 h after "done": the score "2" is stored on the visit and flags the conversation', async () => {
    const p = patient('+393331116666', 'it', { sms: true });
    const v = visit(p, T0 - 3 * HOUR);
    db().prepare(`UPDATE appointments SET status = 'done', finished_at = ? WHERE id = ?`).run(T0 - 2 * HOUR - MIN, v);
    app.clock.set(T0);
    expect(visitLoopTick(deps()).feedback).toBe(1);
    expect(visitLoopTick(deps()).feedback).toBe(0);
    reply('+393331116666', '2');
    expect(db().prepare('SELECT feedback_score FROM appointments WHERE id = ?').get(v)).toEqual({ feedback_score: 2 });
    expect(db().prepare(`SELECT flag FROM conversations WHERE patient_id = ?`).get(p)).toEqual({ flag: 'low_score' });
    // The inbox list row carries the flag (shown as a labelled marker).
    const list = (await app.call('inbox.list', { status: 'all' })) as { items: Array<{ patientId: number; flag?: string | null }> };
    expect(list.items.find((c) => c.patientId === p)?.flag).toBe('low_score');
    const card = (await app.call('patient.get', { patientId: p })) as { appointments: Array<{ id: number; feedbackScore?: number | null }> };
    expect(card.appointments.find((a) => a.id === v)?.feedbackScore).toBe(2);
    expect(count(`SELECT count(*) AS n FROM messages WHERE channel = 'system' AND body LIKE 'Voto della visita: 2/5 (segnalato al responsabile)'`)).toBe(1);
  });
});

describe('a patient with no consented channel', () => {
  it('is told about once in the timeline, not at every scheduler pass', async () => {
    const p = patient('+393331119999', 'it', {});
    visit(p, T0 + 24 * HOUR);
    app.clock.set(T0);
    visitLoopTick(deps());
    visitLoopTick(deps());
    app.clock.advance(MIN);
    visitLoopTick(deps());
    expect(count(`SELECT count(*) AS n FROM messages WHERE channel = 'system' AND body LIKE 'Non inviato (reminder)%'`)).toBe(1);
    expect(count(`SELECT count(*) AS n FROM outbox`)).toBe(0);
  });
});

describe('the scheduler after a night off', () => {
  it('does not send reminders whose time passed more than an hour ago; "send the rest now" does', async () => {
    const p = patient('+393331118888', 'it', { sms: true });
    visit(p, T0 + 24 * HOUR);
    app.clock.set(T0 + 90 * MIN);
    expect(visitLoopTick(deps()).reminders).toBe(0);
    expect(await app.call('reminders.day', { day: '2026-11-24' })).toMatchObject({ lines: [expect.objectContaining({ state: 'queued', channel: 'sms' })] });
    expect(await app.call('reminders.sendRest', { day: '2026-11-24' })).toEqual({ queued: 1 });
    expect(await app.call('reminders.day', { day: '2026-11-24' })).toMatchObject({ lines: [expect.objectContaining({ state: 'queued' })] });
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'reminder:%'`)).toBe(1);
  });
});
