import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Channel, ChannelSender, OutgoingMessage, SendResult } from '../../../../src-main/domain/messaging/channelPort';
import { addIdentity, insertPatient, setConsent } from '../../../../src-main/db/repositories/patients';
import { updateClinicSettings } from '../../../../src-main/domain/settings/clinicSettings';
import { fallbackSweep } from '../../../../src-main/domain/visitLoop/failureFallback';
import { visitLoopDeps } from '../../../../src-main/domain/visitLoop/visitLoopArea';
import { T0, tempApp, tempDir } from '../../../helpers/tempApp';

const MIN = 60_000;
const HOUR = 60 * MIN;
type TestApp = Awaited<ReturnType<typeof tempApp>>;

let providerIds = 0;

/** A provider that refuses every message for good (e.g. a number the gateway rejects), and records what it saw. */
class FakeProvider implements ChannelSender {
  readonly sent: OutgoingMessage[] = [];
  constructor(
    readonly channel: Channel,
    private readonly outcome: 'ok' | 'permanent',
  ) {}
  async send(m: OutgoingMessage): Promise<SendResult> {
    this.sent.push(m);
    if (this.outcome === 'ok') return { ok: true, providerId: `${this.channel}-${++providerIds}` };
    return { ok: false, code: 'blocked', reason: 'Recipient refused by the provider', retryable: false };
  }
}

const apps: TestApp[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.cleanup();
});

async function clinic(wa: FakeProvider, sms: FakeProvider, dataDir = tempDir()) {
  const app = await tempApp({ dataDir, startOutbox: true, senders: { whatsapp: wa, sms } });
  apps.push(app);
  return app;
}

function setup(app: TestApp, consents: { sms: boolean; whatsapp: boolean }) {
  const db = app.ctx.db;
  const practitionerId = Number(db.prepare(`INSERT INTO practitioners (name) VALUES ('Dr Rossi')`).run().lastInsertRowid);
  const patientId = insertPatient(db, { firstName: 'Marta', lastName: 'Fallback', language: 'it', preferredChannel: 'whatsapp' } as never, T0 - 30 * 24 * HOUR);
  addIdentity(db, patientId, 'phone', '+393471112233', T0);
  setConsent(db, patientId, 'sms', consents.sms, T0, 'form');
  setConsent(db, patientId, 'whatsapp', consents.whatsapp, T0, 'form');
  db.prepare(`UPDATE patients SET preferred_channel = 'whatsapp' WHERE id = ?`).run(patientId);
  return { practitionerId, patientId };
}

const rows = (app: TestApp, sql: string, ...args: unknown[]) => app.ctx.db.prepare(sql).all(...args) as Record<string, unknown>[];

describe('channel fallback after a permanent send failure', () => {
  it('a booking confirmation refused for good on WhatsApp goes once by SMS, with the reason in the timeline; a restart sends nothing more', async () => {
    const dataDir = tempDir();
    const wa = new FakeProvider('whatsapp', 'permanent');
    const sms = new FakeProvider('sms', 'ok');
    const app = await clinic(wa, sms, dataDir);
    const { practitionerId, patientId } = setup(app, { sms: true, whatsapp: true });
    // Three days ahead: no reminder is due yet, so whatever is sent is the confirmation and its fallback.
    await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 72 * HOUR, endsAt: T0 + 72.5 * HOUR });

    await vi.waitFor(() => expect(sms.sent).toHaveLength(1), { timeout: 15_000 });
    expect(wa.sent).toHaveLength(1);
    expect(sms.sent[0]!.body).toBe(wa.sent[0]!.body);
    expect(sms.sent[0]!.idempotencyKey).toMatch(/^fallback:booking:/);
    const vm = rows(app, `SELECT fallback_state, fallback_message_id FROM visit_messages WHERE kind = 'booking_confirmation'`);
    expect(vm).toEqual([{ fallback_state: 'queued', fallback_message_id: expect.any(Number) }]);
    // The failed WhatsApp message keeps its reason; the timeline says why the SMS went.
    expect(rows(app, `SELECT failure_reason FROM messages WHERE channel = 'whatsapp' AND kind = 'visit_booking_confirmation'`)).toEqual([{ failure_reason: 'Recipient refused by the provider' }]);
    const lines = rows(app, `SELECT body FROM messages WHERE channel = 'system' AND body LIKE '%invece di WhatsApp%'`);
    expect(lines).toEqual([{ body: 'Inviato via SMS invece di WhatsApp: invio fallito (Recipient refused by the provider)' }]);

    // The sweep (every scheduler pass) and a restart on the same folder decide nothing again.
    expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(0);
    await app.stop();
    apps.splice(apps.indexOf(app), 1);
    const wa2 = new FakeProvider('whatsapp', 'permanent');
    const sms2 = new FakeProvider('sms', 'ok');
    const again = await clinic(wa2, sms2, dataDir);
    expect(fallbackSweep(visitLoopDeps(again.ctx))).toBe(0);
    await new Promise((r) => setTimeout(r, 200));
    expect([...wa2.sent, ...sms2.sent]).toHaveLength(0);
    expect(rows(again, `SELECT count(*) AS n FROM outbox`)).toEqual([{ n: 2 }]);
  });

  it('a fallback that fails too is not bounced back: two attempts in all', async () => {
    const wa = new FakeProvider('whatsapp', 'permanent');
    const sms = new FakeProvider('sms', 'permanent');
    const app = await clinic(wa, sms);
    const { practitionerId, patientId } = setup(app, { sms: true, whatsapp: true });
    await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 24 * HOUR, endsAt: T0 + 24.5 * HOUR });
    await vi.waitFor(() => expect(rows(app, `SELECT count(*) AS n FROM outbox WHERE status = 'parked'`)).toEqual([{ n: 2 }]), { timeout: 15_000 });
    expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(0);
    expect(wa.sent).toHaveLength(1);
    expect(sms.sent).toHaveLength(1);
  });

  it('no other consented channel: nothing is queued and the timeline says the patient is unreachable', async () => {
    const wa = new FakeProvider('whatsapp', 'permanent');
    const sms = new FakeProvider('sms', 'ok');
    const app = await clinic(wa, sms);
    const { practitionerId, patientId } = setup(app, { sms: false, whatsapp: true });
    await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 24 * HOUR, endsAt: T0 + 24.5 * HOUR });
    await vi.waitFor(() => expect(rows(app, `SELECT fallback_state FROM visit_messages`)).toEqual([{ fallback_state: 'unreachable' }]), { timeout: 15_000 });
    expect(sms.sent).toHaveLength(0);
    expect(rows(app, `SELECT count(*) AS n FROM messages WHERE channel = 'system' AND body LIKE 'Non inviato%'`)).toEqual([{ n: 1 }]);
  });

  it('a failure left undecided by a crash is picked up by the sweep; a notice about a visit already over is not sent', async () => {
    // No senders: the outbox cannot run, so the "parked" state is written as a crashed process would have left it.
    const app = await tempApp();
    apps.push(app);
    const { practitionerId, patientId } = setup(app, { sms: true, whatsapp: true });
    app.ctx.senders.set('whatsapp', new FakeProvider('whatsapp', 'ok')); // linked, so WhatsApp is the first choice
    const soon = await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 2 * HOUR, endsAt: T0 + 2.5 * HOUR });
    await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 26 * HOUR, endsAt: T0 + 26.5 * HOUR });
    app.ctx.db.prepare(`UPDATE outbox SET status = 'parked', last_error_code = 'blocked', last_error = 'gone' WHERE channel = 'whatsapp'`).run();
    app.ctx.db.prepare(`UPDATE messages SET status = 'failed' WHERE channel = 'whatsapp'`).run();
    app.clock.set(T0 + 3 * HOUR); // the first visit has started meanwhile
    expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(1);
    expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(0);
    const states = rows(app, `SELECT vm.fallback_state AS state, x.appointment_id AS a FROM visit_messages vm JOIN visit_message_appointments x ON x.visit_message_id = vm.id ORDER BY x.appointment_id`);
    expect(states).toEqual([
      { state: 'expired', a: (soon as { id: number }).id },
      { state: 'queued', a: expect.any(Number) },
    ]);
    expect(rows(app, `SELECT count(*) AS n FROM outbox WHERE channel = 'sms' AND idempotency_key LIKE 'fallback:%'`)).toEqual([{ n: 1 }]);
  });

  it('a delay notice refused for good on WhatsApp goes once by SMS while the patient has not arrived', async () => {
    const wa = new FakeProvider('whatsapp', 'permanent');
    const sms = new FakeProvider('sms', 'ok');
    const app = await clinic(wa, sms);
    const { practitionerId, patientId } = setup(app, { sms: true, whatsapp: true });
    // A visit this afternoon (T0 is 10:00 in Rome); the doctor runs 30 minutes late.
    await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 4 * HOUR, endsAt: T0 + 4.5 * HOUR });
    await vi.waitFor(() => expect(sms.sent).toHaveLength(1), { timeout: 15_000 }); // the booking confirmation's own fallback
    const preview = (await app.call('delays.announce', { practitionerId, minutes: 30 })) as { revision: number; notices: unknown[] };
    expect(preview.notices).toHaveLength(1);
    await app.call('delays.send', { practitionerId, revision: preview.revision });
    await vi.waitFor(() => expect(sms.sent).toHaveLength(2), { timeout: 15_000 });
    expect(sms.sent[1]!.idempotencyKey).toMatch(/^fallback:delay-notice:/);
    // The same text (the SMS sender only swaps the em dash, outside GSM-7, for "-").
    expect(wa.sent.at(-1)!.body).toMatch(/^Gentile Marta, Dr Rossi è in ritardo di circa 30 minuti: .* — Clinic Desk$/);
    expect(sms.sent[1]!.body).toBe(wa.sent.at(-1)!.body.replace('—', '-'));
    expect(rows(app, `SELECT fallback_state FROM delay_notices`)).toEqual([{ fallback_state: 'queued' }]);
    expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(0);
  });

  it('a delay notice whose patient has arrived meanwhile is not re-sent', async () => {
    const app = await tempApp();
    apps.push(app);
    const { practitionerId, patientId } = setup(app, { sms: true, whatsapp: true });
    app.ctx.senders.set('whatsapp', new FakeProvider('whatsapp', 'ok'));
    const { id } = (await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 4 * HOUR, endsAt: T0 + 4.5 * HOUR })) as { id: number };
    const preview = (await app.call('delays.announce', { practitionerId, minutes: 30 })) as { revision: number };
    await app.call('delays.send', { practitionerId, revision: preview.revision });
    app.ctx.db.prepare(`UPDATE outbox SET status = 'parked', last_error_code = 'blocked', last_error = 'gone' WHERE idempotency_key LIKE 'delay-notice:%'`).run();
    await app.call('appointments.setStatus', { appointmentId: id, action: 'check_in' });
    expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(0);
    expect(rows(app, `SELECT fallback_state FROM delay_notices`)).toEqual([{ fallback_state: 'expired' }]);
    expect(rows(app, `SELECT count(*) AS n FROM outbox WHERE idempotency_key LIKE 'fallback:delay-notice:%'`)).toEqual([{ n: 0 }]);
  });

  describe('the sending window (fake clock, Rome: the window is 09:00–19:00 on open days)', () => {
    /** A crashed process's leftovers: the WhatsApp rows parked, their messages failed; the sweep then decides. */
    function park(app: TestApp, like: string) {
      app.ctx.db.prepare(`UPDATE outbox SET status = 'parked', last_error_code = 'blocked', last_error = 'gone' WHERE channel = 'whatsapp' AND idempotency_key LIKE ?`).run(like);
      app.ctx.db.prepare(`UPDATE messages SET status = 'failed' WHERE channel = 'whatsapp'`).run();
    }
    const fallbackRows = (app: TestApp) => rows(app, `SELECT next_attempt_at AS at, status FROM outbox WHERE idempotency_key LIKE 'fallback:%'`);

    async function bookedOnWhatsApp() {
      const app = await tempApp();
      apps.push(app);
      const { practitionerId, patientId } = setup(app, { sms: true, whatsapp: true });
      app.ctx.senders.set('whatsapp', new FakeProvider('whatsapp', 'ok'));
      // Wednesday 25 Nov, 15:00 in Rome.
      await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 53 * HOUR, endsAt: T0 + 53.5 * HOUR });
      park(app, 'booking:%');
      return app;
    }

    it('a failure known at 22:30 clinic time is queued for the next morning at 09:00, once, and stays so after a second sweep', async () => {
      const app = await bookedOnWhatsApp();
      const at2230 = Date.UTC(2026, 10, 23, 21, 30); // Monday 22:30 in Rome (UTC+1)
      app.clock.set(at2230);
      expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(1);
      const tuesday9 = Date.UTC(2026, 10, 24, 8, 0); // Tuesday 09:00 in Rome
      expect(fallbackRows(app)).toEqual([{ at: tuesday9, status: 'pending' }]);
      expect(rows(app, `SELECT fallback_state FROM visit_messages`)).toEqual([{ fallback_state: 'queued' }]);
      expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(0);
      expect(fallbackRows(app)).toEqual([{ at: tuesday9, status: 'pending' }]);
    });

    it('while it waits, the timeline says when the SMS will go (clinic time); once sent it says sent, in it/pl/en', async () => {
      const cases = [
        ['it', 'SMS programmato per domani, 09:00 invece di WhatsApp: invio fallito (gone)', 'Inviato via SMS invece di WhatsApp: invio fallito (gone)'],
        ['pl', 'SMS zaplanowany na jutro, 09:00 zamiast WhatsApp: wysyłka nieudana (gone)', 'Wysłano przez SMS zamiast WhatsApp: wysyłka nieudana (gone)'],
        ['en', 'SMS scheduled for tomorrow, 09:00 instead of WhatsApp: sending failed (gone)', 'Sent by SMS instead of WhatsApp: sending failed (gone)'],
      ] as const;
      for (const [lang, waiting, sent] of cases) {
        const app = await bookedOnWhatsApp();
        updateClinicSettings(app.ctx.db, { uiLanguage: lang });
        const sms = new FakeProvider('sms', 'ok');
        app.ctx.senders.set('sms', sms);
        app.clock.set(Date.UTC(2026, 10, 23, 21, 30)); // Monday 22:30 in Rome
        const updates: string[] = [];
        app.ctx.events.on('message.updated', ({ message }) => {
          if (message.channel === 'system') updates.push(message.body);
        });
        expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(1);
        const line = () => rows(app, `SELECT body, json_extract(meta, '$.fallback.scheduledFor') AS at FROM messages WHERE channel = 'system' AND json_extract(meta, '$.fallback.from') = 'whatsapp'`);
        expect(line()).toEqual([{ body: waiting, at: Date.UTC(2026, 10, 24, 8, 0) }]);
        // Before 09:00 the outbox holds it back; the line still says "scheduled".
        app.ctx.outbox.start();
        await new Promise((r) => setTimeout(r, 100));
        expect(sms.sent).toHaveLength(0);
        expect(line()[0]!.body).toBe(waiting);
        app.clock.set(Date.UTC(2026, 10, 24, 8, 0));
        app.ctx.outbox.kick();
        await vi.waitFor(() => expect(sms.sent).toHaveLength(1), { timeout: 5_000 });
        expect(line()).toEqual([{ body: sent, at: Date.UTC(2026, 10, 24, 8, 0) }]);
        // The open timeline is told once; the search index follows the stored text.
        expect(updates).toEqual([sent]);
      }
    });

    it('a failure inside the window goes at once', async () => {
      const app = await bookedOnWhatsApp();
      const at11 = T0 + HOUR; // Monday 11:00 in Rome
      app.clock.set(at11);
      expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(1);
      expect(fallbackRows(app)).toEqual([{ at: at11, status: 'pending' }]);
    });

    it('a failure on a closed day waits for the next open day (Sunday 10:00 → Monday 09:00)', async () => {
      const app = await tempApp();
      apps.push(app);
      const { practitionerId, patientId } = setup(app, { sms: true, whatsapp: true });
      app.ctx.senders.set('whatsapp', new FakeProvider('whatsapp', 'ok'));
      app.clock.set(T0 - 24 * HOUR); // Sunday 22 Nov, 10:00 in Rome
      await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 5 * HOUR, endsAt: T0 + 5.5 * HOUR });
      park(app, 'booking:%');
      expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(1);
      expect(fallbackRows(app)).toEqual([{ at: Date.UTC(2026, 10, 23, 8, 0), status: 'pending' }]);
    });

    it('a failure whose next allowed time is after the visit started sends nothing (expired)', async () => {
      const app = await tempApp();
      apps.push(app);
      const { practitionerId, patientId } = setup(app, { sms: true, whatsapp: true });
      app.ctx.senders.set('whatsapp', new FakeProvider('whatsapp', 'ok'));
      // Tuesday 08:30 in Rome, before the window opens.
      await app.call('appointments.create', { patientId, practitionerId, startsAt: Date.UTC(2026, 10, 24, 7, 30), endsAt: Date.UTC(2026, 10, 24, 8, 0) });
      park(app, 'booking:%');
      app.clock.set(Date.UTC(2026, 10, 23, 21, 30));
      expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(0);
      expect(rows(app, `SELECT fallback_state FROM visit_messages`)).toEqual([{ fallback_state: 'expired' }]);
      expect(fallbackRows(app)).toEqual([]);
    });

    it("a delay notice's fallback goes at once, even after the window closed (it is urgent)", async () => {
      const app = await tempApp();
      apps.push(app);
      const { practitionerId, patientId } = setup(app, { sms: true, whatsapp: true });
      app.ctx.senders.set('whatsapp', new FakeProvider('whatsapp', 'ok'));
      await app.call('appointments.create', { patientId, practitionerId, startsAt: T0 + 10 * HOUR, endsAt: T0 + 10.5 * HOUR }); // 20:00 in Rome
      const at1930 = T0 + 9.5 * HOUR;
      app.clock.set(at1930);
      const preview = (await app.call('delays.announce', { practitionerId, minutes: 30 })) as { revision: number; notices: unknown[] };
      expect(preview.notices).toHaveLength(1);
      await app.call('delays.send', { practitionerId, revision: preview.revision });
      park(app, 'delay-notice:%');
      expect(fallbackSweep(visitLoopDeps(app.ctx))).toBe(1);
      expect(rows(app, `SELECT next_attempt_at AS at FROM outbox WHERE idempotency_key LIKE 'fallback:delay-notice:%'`)).toEqual([{ at: at1930 }]);
    });
  });
});
