import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import type { DayBoard, DelayPreview } from '../../../../src-main/contract/appointments';
import { setConsent } from '../../../../src-main/db/repositories/patients';
import { writeSetting } from '../../../../src-main/db/repositories/settings';
import { ManualClock } from '../../../../src-main/domain/shared/clock';

const MIN = 60_000;
// Tuesday 24 March 2026, 10:05 in Rome: the demo clinic's session runs 07:30–16:30.
const T = Date.UTC(2026, 2, 24, 9, 5);

let app: App;
let clock: ManualClock;
let dir: string;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'delays-'));
  clock = new ManualClock(T);
  app = await createApp({ dataDir: dir, clock, demo: { simulate: false }, startOutbox: false, backups: false });
});

afterEach(async () => {
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const call = <R>(method: string, req: unknown): Promise<R> => app.call(method, req) as Promise<R>;
const board = (): Promise<DayBoard> => call<DayBoard>('appointments.day', {});
const count = (sql: string, ...args: unknown[]): number => (app.ctx.db.prepare(sql).get(...args) as { n: number }).n;

async function rossi(): Promise<DayBoard['practitioners'][number]> {
  return (await board()).practitioners.find((p) => p.name.includes('Rossi'))!;
}

describe('the delay broadcaster over the demo clinic', () => {
  it('"+25 min" previews notices only for that practitioner’s waiting patients whose ETA moved ≥ 15 min, in their language; "+30" adds nothing', async () => {
    const dr = await rossi();
    const preview = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 25 });
    const visits = new Map(dr.visits.map((v) => [v.id, v]));

    expect(preview.notices.length).toBeGreaterThan(3);
    for (const n of preview.notices) {
      const v = visits.get(n.appointmentId);
      expect(v, 'only Dr Rossi’s appointments').toBeDefined();
      expect(['booked', 'confirmed']).toContain(v!.status);
      expect(n.eta - n.previousEta).toBeGreaterThanOrEqual(15 * MIN);
      expect(n.language).toBe(v!.language);
      expect(n.kind).toBe('delay');
    }
    // Each patient reads their own language.
    const byLang = new Map(preview.notices.map((n) => [n.language, n.text]));
    if (byLang.has('it')) expect(byLang.get('it')).toMatch(/è in ritardo di circa 25 minuti/);
    if (byLang.has('pl')) expect(byLang.get('pl')).toMatch(/opóźnienia/);
    if (byLang.has('en')) expect(byLang.get('en')).toMatch(/running about 25 minutes late/);
    // Checked-in patients are skipped, as are later ones whose ETA a gap brought back within 15 minutes.
    const checkedIn = dr.visits.find((v) => v.status === 'checked_in')!;
    expect(preview.skipped).toContainEqual(expect.objectContaining({ appointmentId: checkedIn.id, reason: 'not_waiting' }));
    const told = new Set(preview.notices.map((n) => n.appointmentId));
    for (const v of dr.visits) {
      if ((v.status === 'booked' || v.status === 'confirmed') && v.startsAt > T && !told.has(v.id)) {
        expect(preview.skipped).toContainEqual(expect.objectContaining({ appointmentId: v.id, reason: 'below_threshold' }));
      }
    }

    const sent = await call<{ queued: number }>('delays.send', { practitionerId: dr.id, revision: preview.revision });
    expect(sent.queued).toBe(preview.notices.length);
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'delay-notice:%'`)).toBe(preview.notices.length);
    expect(count(`SELECT count(*) AS n FROM messages WHERE channel = 'system' AND body LIKE '%+25 min%'`)).toBe(preview.notices.length);

    // The same confirmation clicked twice sends nothing new.
    expect((await call<{ queued: number }>('delays.send', { practitionerId: dr.id, revision: preview.revision })).queued).toBe(0);

    const again = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 30 });
    expect(again.notices).toEqual([]);
    expect((await call<{ queued: number }>('delays.send', { practitionerId: dr.id, revision: again.revision })).queued).toBe(0);
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'delay-notice:%'`)).toBe(preview.notices.length);
  });

  it('a send that dies half-way leaves nothing behind, and the retry sends every notice once', async () => {
    const dr = await rossi();
    const preview = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 25 });
    expect(preview.notices.length).toBeGreaterThan(3);
    // The third notice row fails to write, as if the process died in the middle of the decision.
    app.ctx.db.exec(`CREATE TEMP TRIGGER crash_at_third BEFORE INSERT ON delay_notices
      WHEN (SELECT count(*) FROM delay_notices) >= 2 BEGIN SELECT RAISE(ABORT, 'simulated crash'); END`);
    await expect(call('delays.send', { practitionerId: dr.id, revision: preview.revision })).rejects.toThrow();
    expect(count(`SELECT count(*) AS n FROM delay_notices`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'delay-notice:%'`)).toBe(0);
    expect(count(`SELECT count(*) AS n FROM messages WHERE kind = 'delay_notice'`)).toBe(0);
    app.ctx.db.exec('DROP TRIGGER crash_at_third');
    expect((await call<{ queued: number }>('delays.send', { practitionerId: dr.id, revision: preview.revision })).queued).toBe(preview.notices.length);
    expect((await call<{ queued: number }>('delays.send', { practitionerId: dr.id, revision: preview.revision })).queued).toBe(0);
    expect(count(`SELECT count(DISTINCT idempotency_key) AS n FROM outbox WHERE idempotency_key LIKE 'delay-notice:%'`)).toBe(preview.notices.length);
  });

  it('a patient who arrives before their queued notice left gets no notice: it is withdrawn, visibly', async () => {
    const dr = await rossi();
    const preview = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 25 });
    await call('delays.send', { practitionerId: dr.id, revision: preview.revision }); // the outbox is not running: all pending
    const [early, other] = preview.notices;
    await call('appointments.setStatus', { appointmentId: early!.appointmentId, action: 'check_in' });
    const row = (key: string): { status: string } => app.ctx.db.prepare('SELECT status FROM outbox WHERE idempotency_key = ?').get(key) as { status: string };
    expect(row(`delay-notice:${early!.appointmentId}:${preview.revision}`).status).toBe('cancelled');
    expect(row(`delay-notice:${other!.appointmentId}:${preview.revision}`).status).toBe('pending');
    const msg = app.ctx.db
      .prepare(`SELECT m.status, m.failure_reason FROM messages m JOIN delay_notices n ON n.message_id = m.id WHERE n.appointment_id = ?`)
      .get(early!.appointmentId) as { status: string; failure_reason: string };
    expect(msg).toEqual({ status: 'failed', failure_reason: 'Not sent: the patient had already arrived' });
  });

  it('sends only the notices the receptionist saw; the rest wait for the next preview', async () => {
    const dr = await rossi();
    const preview = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 25 });
    const shown = preview.notices.slice(0, 2).map((n) => n.appointmentId);
    expect((await call<{ queued: number }>('delays.send', { practitionerId: dr.id, revision: preview.revision, appointmentIds: shown })).queued).toBe(2);
    const next = await call<DelayPreview>('delays.preview', { practitionerId: dr.id });
    expect(next.notices.map((n) => n.appointmentId)).toEqual(preview.notices.slice(2).map((n) => n.appointmentId));
  });

  it('refuses to send a preview that is no longer current', async () => {
    const dr = await rossi();
    const first = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 25 });
    await call('delays.announce', { practitionerId: dr.id, minutes: 50 });
    await expect(call('delays.send', { practitionerId: dr.id, revision: first.revision })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('re-notifies only on a further move of the threshold, caps at 2 a day, and says "on time again"', async () => {
    const dr = await rossi();
    const send = async (minutes: number): Promise<DelayPreview> => {
      const p = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes });
      await call('delays.send', { practitionerId: dr.id, revision: p.revision });
      return p;
    };
    const first = await send(25);
    const target = first.notices[0]!.appointmentId;
    expect((await send(35)).notices).toEqual([]); // moved 10 min: below threshold
    const second = await send(45); // moved 20 min from what they were told
    expect(second.notices.map((n) => n.appointmentId)).toContain(target);
    const third = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 90 });
    expect(third.notices.map((n) => n.appointmentId)).not.toContain(target);
    expect(third.skipped).toContainEqual(expect.objectContaining({ appointmentId: target, reason: 'daily_cap' }));

    writeSetting(app.ctx.db, 'delays.policy', { quietHours: null, capPerPatientPerDay: 5 });
    const cleared = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 0 });
    const back = cleared.notices.find((n) => n.appointmentId === target)!;
    expect(back.kind).toBe('on_time');
    expect(back.eta).toBe(back.startsAt);
  });

  it('tells nobody after check-in, nobody without consent, nothing in quiet hours', async () => {
    const dr = await rossi();
    const preview = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 25 });
    const [a, b] = preview.notices;
    await call('appointments.setStatus', { appointmentId: a!.appointmentId, action: 'check_in' });
    setConsent(app.ctx.db, b!.patientId, 'sms', false, T, 'desk');
    setConsent(app.ctx.db, b!.patientId, 'whatsapp', false, T, 'desk');
    const after = await call<DelayPreview>('delays.preview', { practitionerId: dr.id });
    expect(after.skipped).toContainEqual(expect.objectContaining({ appointmentId: a!.appointmentId, reason: 'not_waiting' }));
    expect(after.skipped).toContainEqual(expect.objectContaining({ appointmentId: b!.appointmentId, reason: 'no_consent' }));

    writeSetting(app.ctx.db, 'delays.policy', { quietHours: { from: '10:00', to: '11:00' } });
    const quiet = await call<DelayPreview>('delays.preview', { practitionerId: dr.id });
    expect(quiet.notices).toEqual([]);
    expect(quiet.skipped.some((s) => s.reason === 'quiet_hours')).toBe(true);
  });

  it('derives the delay from a visit running long, and automatic mode sends as the clock moves', async () => {
    const dr = await rossi();
    const inVisit = dr.visits.find((v) => v.status === 'in_visit');
    expect(inVisit).toBeDefined();
    await call('delays.setAutomatic', { practitionerId: dr.id, automatic: true });
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'delay-notice:%'`)).toBe(0); // on time: nothing to say

    // Nobody presses "end": the visit runs long and the queue behind it slides.
    const next = dr.visits.find((v) => v.status === 'checked_in')!;
    clock.set(Math.max(inVisit!.endsAt, next.startsAt) + 5 * MIN);
    expect((await rossi()).currentDelayMinutes).toBe(5);
    clock.advance(15 * MIN);
    const late = await rossi();
    expect(late.currentDelayMinutes).toBe(20);
    const { automaticTick } = await import('../../../../src-main/domain/delays/delayService');
    const queued = automaticTick(app.ctx.messaging);
    expect(queued).toBeGreaterThan(0);
    expect(count(`SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'delay-notice:%'`)).toBe(queued);
    // A minute later nothing moved by 15 minutes more: nothing new.
    clock.advance(MIN);
    expect(automaticTick(app.ctx.messaging)).toBe(0);
  });

  it('rejects a bad delay with an error naming the field', async () => {
    const dr = await rossi();
    await expect(call('delays.announce', { practitionerId: dr.id, minutes: -5 })).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(call('delays.announce', { practitionerId: 99_999, minutes: 5 })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('practitioners and the notice policy', () => {
  it('saves the policy the broadcaster then follows, and refuses bad values naming the field', async () => {
    expect(await call('delays.policy', {})).toEqual({ thresholdMinutes: 15, capPerPatientPerDay: 2, quietHours: null }); // the demo clinic has none
    const saved = await call('delays.setPolicy', { thresholdMinutes: 30, capPerPatientPerDay: 1, quietHours: { from: '20:30', to: '07:00' } });
    expect(saved).toEqual({ thresholdMinutes: 30, capPerPatientPerDay: 1, quietHours: { from: '20:30', to: '07:00' } });
    const dr = await rossi();
    const preview = await call<DelayPreview>('delays.announce', { practitionerId: dr.id, minutes: 25 });
    expect(preview.notices).toEqual([]); // 25 < 30
    await expect(call('delays.setPolicy', { thresholdMinutes: 15, capPerPatientPerDay: 2, quietHours: { from: '25:00', to: '07:00' } })).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringContaining('quietHours.from'),
    });
    await expect(call('delays.setPolicy', { thresholdMinutes: 0, capPerPatientPerDay: 2, quietHours: null })).rejects.toMatchObject({ message: expect.stringContaining('thresholdMinutes') });
    expect(await call('delays.policy', {})).toEqual(saved); // nothing half-written
  });

  it('adds and edits practitioners; a taken name is a conflict on "name"', async () => {
    const added = await call<{ id: number }>('practitioners.save', { name: 'Dr. Anna Ferri', room: 'Studio 3', colour: '#be123c', visitMinutes: 40 });
    expect(added).toMatchObject({ name: 'Dr. Anna Ferri', room: 'Studio 3', visitMinutes: 40, active: true });
    await call('practitioners.save', { id: added.id, name: 'Dr.ssa Anna Ferri', room: null, colour: '#be123c', visitMinutes: 40, active: false });
    const { practitioners } = await call<{ practitioners: { id: number; name: string; active: boolean }[] }>('practitioners.list', {});
    expect(practitioners.find((p) => p.id === added.id)).toMatchObject({ name: 'Dr.ssa Anna Ferri', active: false });
    expect((await board()).practitioners.map((p) => p.id)).not.toContain(added.id); // inactive: off the board
    await expect(call('practitioners.save', { name: 'dr. marco bianchi', colour: '#000000', visitMinutes: 20 })).rejects.toMatchObject({ code: 'conflict', field: 'name' });
    await expect(call('practitioners.save', { name: 'X', colour: 'red', visitMinutes: 20 })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringContaining('colour') });
  });
});
