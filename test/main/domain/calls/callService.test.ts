import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import type { CallbackTaskDto, CallImportSummary, RecordOutcome } from '../../../../src-main/contract/calls';
import { callbacksClosedBetween } from '../../../../src-main/db/repositories/callbackTasks';
import { countTextBacks } from '../../../../src-main/db/repositories/textBacks';
import { addIdentity, insertPatient } from '../../../../src-main/db/repositories/patients';
import { recordCall, recordMissedWhatsAppCall } from '../../../../src-main/domain/calls/callService';
import type { NormalizedCall } from '../../../../src-main/domain/calls/callTypes';
import { handleLiveCall } from '../../../../src-main/domain/calls/liveCallService';
import { DEFAULT_TEXT_BACK_RULES } from '../../../../src-main/domain/calls/textBack';
import { updateClinicSettings } from '../../../../src-main/domain/settings/clinicSettings';
import { ManualClock } from '../../../../src-main/domain/shared/clock';

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '../../../fixtures/calls', name), 'utf8');
// Tuesday 10 March 2026, 10:00 in Warsaw: the clinic is open and it is not quiet hours.
const T0 = Date.UTC(2026, 2, 10, 9, 0);
const MIN = 60_000;

let dir: string;
let app: App;
let clock: ManualClock;
const call = <T>(m: string, p: unknown): Promise<T> => app.call(m, p) as Promise<T>;

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'calls-svc-'));
  clock = new ManualClock(T0);
  app = await createApp({ dataDir: dir, startOutbox: false, clock });
  updateClinicSettings(app.ctx.db, { defaultRegion: 'PL', timeZone: 'Europe/Warsaw', defaultLanguage: 'pl' });
});
afterEach(async () => {
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

function knownPatient(phone = '+48601234567', language = 'pl'): number {
  const id = insertPatient(app.ctx.db, { firstName: 'Anna', lastName: 'Kowalska', language, preferredChannel: 'sms' }, T0 - 100 * 24 * 60 * MIN);
  addIdentity(app.ctx.db, id, 'phone', phone, T0);
  return id;
}

const missed = (id: string, at: number, o: Partial<NormalizedCall> = {}): NormalizedCall => ({
  direction: 'in',
  fromNumber: '601234567',
  toNumber: '221234500',
  startedAt: at,
  ringSeconds: 25,
  talkSeconds: 0,
  result: 'missed',
  extension: '101',
  source: 'ami',
  sourceId: id,
  note: '',
  ...o,
});

const outboxRows = (): Array<{ idempotency_key: string; body: string; channel: string }> =>
  app.ctx.db.prepare("SELECT idempotency_key, body, channel FROM outbox WHERE idempotency_key LIKE 'textback:%'").all() as never;

describe('importing PBX call records', () => {
  it('stores a FreePBX Master.csv once, however often it is imported', async () => {
    const req = { fileName: 'Master.csv', content: fixture('freepbx-Master.csv') };
    const first = await call<CallImportSummary>('calls.import', req);
    expect(first.format).toBe('asterisk');
    expect(first.errors).toEqual([]);
    expect(first.imported).toBeGreaterThan(0);
    const stored = (app.ctx.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;
    expect(stored).toBe(first.imported);

    const second = await call<CallImportSummary>('calls.import', req);
    expect(second.imported).toBe(0);
    expect(second.alreadyStored).toBe(first.imported);
    expect((app.ctx.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n).toBe(stored);
  });

  it('links calls to the known patient and puts them on the timeline', async () => {
    const patientId = knownPatient();
    await call('calls.import', { fileName: 'Master.csv', content: fixture('freepbx-Master.csv') });
    const rows = app.ctx.db.prepare('SELECT patient_id, conversation_id FROM calls WHERE patient_id = ?').all(patientId) as Array<{ conversation_id: number }>;
    expect(rows.length).toBeGreaterThanOrEqual(2); // her incoming call and the clinic's call to her
    const conv = await call<{ timeline: Array<{ type: string }> }>('conversation.get', { conversationId: rows[0]!.conversation_id });
    expect(conv.timeline.filter((i) => i.type === 'call').length).toBe(rows.length);
  });

  it('reports bad rows with their line and imports the good ones', async () => {
    const r = await call<CallImportSummary>('calls.import', { fileName: 'bad.csv', content: fixture('asterisk-bad-dates.csv') });
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) expect(e.line).toBeGreaterThan(0);
    expect(r.imported).toBe(r.read);
    expect((app.ctx.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n).toBe(r.imported);
  });

  it('an empty file is an error that stores nothing', async () => {
    const r = await call<CallImportSummary>('calls.import', { fileName: 'empty.csv', content: fixture('empty.csv') });
    expect(r.fileError).toBe('the file is empty');
    expect(r.imported).toBe(0);
  });

  it('reports rows repeated in the file and stores them once', async () => {
    const r = await call<CallImportSummary>('calls.import', { fileName: 'dup.csv', content: fixture('asterisk-duplicate-rows.csv') });
    expect(r.duplicateRows.length).toBeGreaterThan(0);
    expect((app.ctx.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n).toBe(r.imported);
  });

  it('a dry run counts exactly and saves nothing', async () => {
    const dry = await call<CallImportSummary>('calls.import', { fileName: 'Master.csv', content: fixture('freepbx-Master.csv'), dryRun: true });
    expect(dry.imported).toBeGreaterThan(0);
    expect((app.ctx.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n).toBe(0);
  });

  it('a generic CSV uses the mapping saved for its source', async () => {
    const mapping = { startedAt: 'Data e ora', direction: 'Tipo', number: 'Numero', status: 'Esito', ringSeconds: 'Attesa (s)', talkSeconds: 'Durata', extension: 'Interno', note: 'Note', dateOrder: 'dmy' };
    const first = await call<CallImportSummary>('calls.import', { fileName: 'calls.csv', content: fixture('generic-calls.csv'), format: 'generic', mappingSource: 'Foglio reception', mapping });
    expect(first.imported).toBeGreaterThan(0);
    const again = await call<CallImportSummary>('calls.import', { fileName: 'calls.csv', content: fixture('generic-calls.csv'), format: 'generic', mappingSource: 'Foglio reception' });
    expect(again.imported).toBe(0);
    expect(again.alreadyStored).toBe(first.imported);
    await expect(call('calls.import', { fileName: 'x.csv', content: fixture('generic-calls.csv'), format: 'generic', mappingSource: 'nope' })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'mappingSource',
    });
  });

  it('the same call seen live on AMI and later in Master.csv is stored once', () => {
    const live = recordCall(app.ctx.messaging, missed('1710231302.45', Date.UTC(2024, 2, 12, 8, 15, 2), { result: 'answered', talkSeconds: 212 }), { createPatient: false });
    expect(live.created).toBe(true);
    const imported = recordCall(app.ctx.messaging, missed('1710231302.45', Date.UTC(2024, 2, 12, 8, 15, 2), { source: 'asterisk', result: 'answered' }), { createPatient: false });
    expect(imported.created).toBe(false);
    expect(imported.callId).toBe(live.callId);
  });
});

describe('callback tasks', () => {
  it('three missed calls from one caller make one task with a count of three', () => {
    knownPatient();
    for (let i = 0; i < 3; i++) recordCall(app.ctx.messaging, missed(`m${i}`, T0 + i * 10 * MIN), { createPatient: false });
    const tasks = app.ctx.db.prepare('SELECT * FROM callback_tasks').all() as Array<{ missed_count: number; closed_at: number | null }>;
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ missed_count: 3, closed_at: null });
  });

  it('an answered call back closes the task and records the callback time; an unanswered one counts as an attempt', async () => {
    knownPatient();
    clock.set(T0 + 5 * MIN);
    recordCall(app.ctx.messaging, missed('m1', T0), { createPatient: false });
    const attempt = recordCall(app.ctx.messaging, missed('o1', T0 + 20 * MIN, { direction: 'out', fromNumber: '101', toNumber: '601234567', result: 'missed' }), { createPatient: false });
    expect(attempt.callback.change).toBe('attempted');
    recordCall(app.ctx.messaging, missed('o2', T0 + 40 * MIN, { direction: 'out', fromNumber: '101', toNumber: '601234567', result: 'answered', talkSeconds: 60 }), { createPatient: false });
    const task = app.ctx.db.prepare('SELECT * FROM callback_tasks').get() as { closed_at: number; first_missed_at: number; attempts: number; close_reason: string };
    expect(task).toMatchObject({ close_reason: 'called_back', attempts: 1 });
    expect(task.closed_at - task.first_missed_at).toBe(40 * MIN);
    expect(callbacksClosedBetween(app.ctx.db, T0, T0 + 60 * MIN)).toEqual([{ firstMissedAt: T0, closedAt: T0 + 40 * MIN, reason: 'called_back', missedCount: 1 }]);
    expect((await call<{ tasks: CallbackTaskDto[] }>('calls.callbacks', {})).tasks).toEqual([]);
  });

  it('closing from the desk records who and when; closing twice is a conflict', async () => {
    knownPatient();
    recordCall(app.ctx.messaging, missed('m1', T0), { createPatient: false });
    const [task] = (await call<{ tasks: CallbackTaskDto[] }>('calls.callbacks', {})).tasks;
    expect(task).toMatchObject({ patientName: 'Anna Kowalska', missedCount: 1 });
    clock.advance(12 * MIN);
    const closed = await call<{ task: CallbackTaskDto }>('calls.closeCallback', { taskId: task!.id, reason: 'called_back' });
    expect(closed.task.closedAt).toBe(T0 + 12 * MIN);
    await expect(call('calls.closeCallback', { taskId: task!.id, reason: 'called_back' })).rejects.toMatchObject({ code: 'conflict' });
    // A new miss after the callback opens a new task.
    clock.set(T0 + 31 * MIN);
    recordCall(app.ctx.messaging, missed('m2', T0 + 30 * MIN), { createPatient: false });
    expect((await call<{ tasks: CallbackTaskDto[] }>('calls.callbacks', {})).tasks).toHaveLength(1);
  });

  it('a withheld number opens no task', () => {
    const r = recordCall(app.ctx.messaging, missed('w', T0, { fromNumber: 'anonymous' }), { createPatient: false });
    expect(r.callback.change).toBe('none');
  });
});

describe('text-back', () => {
  beforeEach(async () => {
    await call('calls.saveSettings', { textBack: { ...DEFAULT_TEXT_BACK_RULES, enabled: true, channel: 'sms' } });
  });

  it('a known patient who missed us three times gets exactly one text that day, in her language', () => {
    knownPatient();
    const results = [0, 7, 19].map((m, i) => {
      clock.set(T0 + m * MIN + 30_000);
      return recordCall(app.ctx.messaging, missed(`m${i}`, T0 + m * MIN), { createPatient: false });
    });
    expect(results.map((r) => r.textBack.sent)).toEqual([true, false, false]);
    expect(results[1]!.textBack.reason).toBe('already_today');
    const rows = outboxRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ idempotency_key: 'textback:+48601234567:2026-03-10', channel: 'sms' });
    expect(rows[0]!.body).toMatch(/oddzwonimy/);
    expect(app.ctx.db.prepare('SELECT count(*) AS n FROM callback_tasks').get()).toEqual({ n: 1 });
  });

  it('the next day the caller can get one more', () => {
    knownPatient();
    clock.set(T0 + 30_000);
    recordCall(app.ctx.messaging, missed('d1', T0), { createPatient: false });
    const nextDay = T0 + 24 * 60 * MIN;
    clock.set(nextDay + 30_000);
    const r = recordCall(app.ctx.messaging, missed('d2', nextDay), { createPatient: false });
    expect(r.textBack.sent).toBe(true);
    expect(countTextBacks(app.ctx.db, '+48601234567')).toBe(2);
  });

  it('sends nothing in quiet hours, for answered calls, or when the rules are off', async () => {
    knownPatient();
    const night = Date.UTC(2026, 2, 10, 21, 30); // 22:30 in Warsaw
    clock.set(night + 30_000);
    expect(recordCall(app.ctx.messaging, missed('n', night), { createPatient: false }).textBack.reason).toBe('quiet_hours');
    clock.set(T0 + 30_000);
    expect(recordCall(app.ctx.messaging, missed('a', T0, { result: 'answered', talkSeconds: 40 }), { createPatient: false }).textBack.reason).toBe('not_unanswered_incoming');
    await call('calls.saveSettings', { textBack: { ...DEFAULT_TEXT_BACK_RULES, enabled: false } });
    expect(recordCall(app.ctx.messaging, missed('x', T0 + MIN), { createPatient: false }).textBack.reason).toBe('disabled');
    expect(outboxRows()).toHaveLength(0);
  });

  it('turning it on adds the /missedcall template to the library; an unknown shortcode is refused', async () => {
    const t = app.ctx.db.prepare("SELECT template_id FROM template_shortcodes WHERE shortcode = 'missedcall'").get();
    expect(t).toBeDefined();
    await expect(call('calls.saveSettings', { textBack: { ...DEFAULT_TEXT_BACK_RULES, enabled: true, templateShortcode: 'nope' } })).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'textBack.templateShortcode',
    });
  });
});

describe('manual entry', () => {
  it('logs a missed call typed by the receptionist and opens the task', async () => {
    const r = await call<RecordOutcome>('calls.add', { number: '601 234 567', direction: 'in', result: 'missed', note: 'ha chiamato dal cellulare' });
    expect(r.call).toMatchObject({ number: '+48601234567', source: 'manual', result: 'missed' });
    expect(r.call.patientId).not.toBeNull();
    expect(r.callbackTask?.missedCount).toBe(1);
  });

  it('refuses a number that is not one and a number that is not the patient picked, storing nothing', async () => {
    const id = knownPatient();
    await expect(call('calls.add', { number: 'abc', direction: 'in', result: 'missed' })).rejects.toMatchObject({ code: 'invalid_input', field: 'number' });
    await expect(call('calls.add', { patientId: id, number: '+48 733 445 566', direction: 'out', result: 'answered' })).rejects.toMatchObject({ field: 'number' });
    await expect(call('calls.add', { direction: 'in', result: 'missed' })).rejects.toMatchObject({ field: 'number' });
    expect(app.ctx.db.prepare('SELECT count(*) AS n FROM calls').get()).toEqual({ n: 0 });
  });

  it('logs an outgoing call to a picked patient using their number', async () => {
    const id = knownPatient();
    const r = await call<RecordOutcome>('calls.add', { patientId: id, direction: 'out', result: 'answered', talkMinutes: 3 });
    expect(r.call).toMatchObject({ patientId: id, number: '+48601234567', talkSeconds: 180 });
  });
});

describe('missed WhatsApp calls', () => {
  it('are stored once per provider call id and open the callback task', () => {
    const c = { fromPhone: '+48601234567', whatsappJid: '48601234567@s.whatsapp.net', providerCallId: 'ABCD1234', at: T0, pushName: 'Anna' };
    const first = recordMissedWhatsAppCall(app.ctx.messaging, c);
    const again = recordMissedWhatsAppCall(app.ctx.messaging, c);
    expect(first.created).toBe(true);
    expect(again.created).toBe(false);
    expect(first.patientId).not.toBeNull();
    expect(first.callback.change).toBe('opened');
    expect(app.ctx.db.prepare("SELECT source, result FROM calls").all()).toEqual([{ source: 'whatsapp', result: 'missed' }]);
  });
});

describe('live AMI events', () => {
  it('ringing pushes the popup with the patient and next appointment; hangup writes the call', () => {
    const patientId = knownPatient();
    const events: Array<{ name: string; payload: unknown }> = [];
    app.ctx.events.on('calls.ringing', (p) => events.push({ name: 'ringing', payload: p }));
    app.ctx.events.on('calls.ended', (p) => events.push({ name: 'ended', payload: p }));
    handleLiveCall(app.ctx.messaging, { kind: 'ringing', callId: 'L1', direction: 'in', number: '601234567', extension: '101', at: T0 });
    expect(events[0]!.payload).toMatchObject({ number: '601234567', patient: { id: patientId, name: 'Anna Kowalska', language: 'pl' } });
    handleLiveCall(app.ctx.messaging, { kind: 'ended', callId: 'L1', call: missed('L1', T0, { result: 'abandoned', ringSeconds: 6 }) });
    expect(events[1]!.payload).toMatchObject({ callId: 'L1', call: { result: 'abandoned', patientId } });
  });
});

describe('demo ringing', () => {
  it('is refused outside the demo clinic', async () => {
    await expect(call('calls.demoRing', {})).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('demo calls', () => {
  it('seeding twice adds nothing and keeps one task per caller', async () => {
    const { seedDemoCalls } = await import('../../../../src-main/domain/calls/demoCalls');
    knownPatient('+48601234567', 'pl');
    knownPatient('+39 347 1234567', 'it');
    seedDemoCalls(app.ctx.messaging);
    const calls = (app.ctx.db.prepare('SELECT count(*) AS n FROM calls').get() as { n: number }).n;
    const tasks = (app.ctx.db.prepare('SELECT count(*) AS n FROM callback_tasks').get() as { n: number }).n;
    seedDemoCalls(app.ctx.messaging);
    expect(app.ctx.db.prepare('SELECT count(*) AS n FROM calls').get()).toEqual({ n: calls });
    expect(app.ctx.db.prepare('SELECT count(*) AS n FROM callback_tasks').get()).toEqual({ n: tasks });
    expect(app.ctx.db.prepare("SELECT missed_count FROM callback_tasks WHERE phone = '+48601234567'").get()).toEqual({ missed_count: 3 });
  });
});

describe('a caller who becomes a patient later', () => {
  it('gets their open task and missed calls moved onto the new card and timeline', async () => {
    recordCall(app.ctx.messaging, missed('u1', T0, { fromNumber: '+48 733 445 566' }), { createPatient: false });
    let [task] = (await call<{ tasks: CallbackTaskDto[] }>('calls.callbacks', {})).tasks;
    expect(task).toMatchObject({ phone: '+48733445566', patientId: null });
    const patientId = knownPatient('+48733445566');
    [task] = (await call<{ tasks: CallbackTaskDto[] }>('calls.callbacks', {})).tasks;
    expect(task).toMatchObject({ patientId, patientName: 'Anna Kowalska' });
    expect(app.ctx.db.prepare('SELECT patient_id FROM calls').all()).toEqual([{ patient_id: patientId }]);
  });
});
