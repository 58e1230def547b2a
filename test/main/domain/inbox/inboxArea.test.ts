import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import { receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { ManualClock } from '../../../../src-main/domain/shared/clock';

const T = Date.parse('2026-11-20T09:00:00Z');
const MIN = 60_000;
const PNG = Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), Buffer.alloc(600_000, 7)]);

interface Summary {
  id: number;
  status: string;
  snoozedUntil: number | null;
  assignedTo: string | null;
  waitingSince: number | null;
}

describe('inbox API', () => {
  let app: App;
  let dir: string;
  let clock: ManualClock;
  let conv: number;
  const call = <T>(method: string, req: unknown, user = 'marta') => app.call(method, req, { user }) as Promise<T>;

  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'desk-inbox-'));
    clock = new ManualClock(T);
    app = await createApp({ dataDir: dir, clock, startOutbox: false });
    conv = receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'sms-1', fromPhone: '+48601234567', body: 'Dzień dobry', at: T }).conversationId;
    receiveInbound(app.ctx.messaging, { channel: 'whatsapp', providerId: 'wa-1', fromPhone: '+393331234567', fromWhatsappJid: '393331234567@s.whatsapp.net', body: 'Salve', at: T + MIN });
  });
  afterEach(async () => {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('filters by channel, unanswered and mine, and counts', async () => {
    const list = (req: object) => call<{ items: Summary[]; total: number }>('inbox.list', req);
    expect((await list({})).total).toBe(2);
    expect((await list({ channel: 'sms' })).items.map((c) => c.id)).toEqual([conv]);
    expect((await list({ unanswered: true })).total).toBe(2);
    await call('conversation.assign', { conversationId: conv, to: 'marta' });
    expect((await list({ mine: true })).items.map((c) => c.id)).toEqual([conv]);
    expect((await list({ mine: true }, )).items[0]!.assignedTo).toBe('marta');
    expect(await call('inbox.counts', {})).toMatchObject({ open: 2, unanswered: 2, mine: 1, unread: 2 });
    expect(await call('inbox.users', {})).toEqual({ me: 'marta', users: ['marta'] });
  });

  it('snoozes, hides from the active list, and wakes on the timer tick or a new message', async () => {
    const s = await call<Summary>('conversation.snooze', { conversationId: conv, until: T + 30 * MIN });
    expect(s).toMatchObject({ status: 'snoozed', snoozedUntil: T + 30 * MIN, waitingSince: T });
    expect((await call<{ total: number }>('inbox.list', {})).total).toBe(1);
    await expect(call('conversation.snooze', { conversationId: conv, until: T - 1 })).rejects.toThrow(/until: a snooze must end in the future/);
    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'sms-2', fromPhone: '+48601234567', body: 'Halo?', at: T + 2 * MIN });
    expect((await call<{ conversation: Summary }>('conversation.get', { conversationId: conv })).conversation.status).toBe('open');
  });

  it('done, reopen and waiting on patient', async () => {
    expect(await call<Summary>('conversation.setStatus', { conversationId: conv, status: 'done' })).toMatchObject({ status: 'done', waitingSince: null });
    expect(await call<Summary>('conversation.setStatus', { conversationId: conv, status: 'open' })).toMatchObject({ status: 'open' });
    expect(await call<Summary>('conversation.setStatus', { conversationId: conv, status: 'waiting' })).toMatchObject({ status: 'waiting' });
  });

  it('adds internal notes that are not an answer', async () => {
    const { message } = await call<{ message: { channel: string; author: string } }>('note.add', { conversationId: conv, body: 'Patient asked for Dr Rossi only' });
    expect(message).toMatchObject({ channel: 'note', author: 'marta' });
    expect((await call<{ conversation: Summary }>('conversation.get', { conversationId: conv })).conversation.waitingSince).toBe(T);
    await expect(call('note.add', { conversationId: conv, body: '  ' })).rejects.toThrow(/body: the note is empty/);
  });

  it('uploads an image in chunks, sends it, and reads it back', async () => {
    const b64 = PNG.toString('base64');
    const first = await call<{ done: boolean }>('media.upload', { uploadId: 'up-12345678', index: 0, dataBase64: PNG.subarray(0, 512 * 1024).toString('base64'), last: false, fileName: 'rtg.png', mime: 'image/png' });
    expect(first.done).toBe(false);
    const done = await call<{ done: boolean; media: { sha256: string; size: number } }>('media.upload', { uploadId: 'up-12345678', index: 1, dataBase64: PNG.subarray(512 * 1024).toString('base64'), last: true, fileName: 'rtg.png', mime: 'image/png' });
    expect(done.media.size).toBe(PNG.length);
    const sent = await call<{ message: { meta: { media: { sha256: string } } } }>('message.send', { conversationId: conv, channel: 'sms', body: '', media: done.media });
    expect(sent.message.meta.media.sha256).toBe(done.media.sha256);
    const back = await call<{ mime: string; dataBase64: string; fileName: string }>('media.get', { sha256: done.media.sha256 });
    expect(back).toMatchObject({ mime: 'image/png', fileName: 'rtg.png' });
    expect(back.dataBase64).toBe(b64);
    await expect(call('message.send', { conversationId: conv, body: ' ' })).rejects.toThrow(/body: the message is empty/);
    await expect(call('media.upload', { uploadId: 'up-87654321', index: 1, dataBase64: 'AA==', last: true, fileName: 'x', mime: 'x' })).rejects.toThrow(/index: chunk 1/);
  });

  it('searches the same patient by three phone formats, and toggles do-not-disturb', async () => {
    for (const query of ['+48 601 234 567', '601234567', '0048601234567']) {
      const { results } = await call<{ results: { kind: string; conversationId: number }[] }>('inbox.search', { query });
      expect(results[0], query).toMatchObject({ kind: 'patient', conversationId: conv });
    }
    expect(await call('inbox.notifications', { doNotDisturb: true })).toEqual({ doNotDisturb: true });
    expect(await call('inbox.notifications', {})).toEqual({ doNotDisturb: true });
  });

  it('edits the patient card inline (tags, birth date) with an audit trail', async () => {
    const { conversation } = await call<{ conversation: { patientId: number } }>('conversation.get', { conversationId: conv });
    const card = await call<{ tags: string[]; birthDate: string }>('patient.update', { patientId: conversation.patientId, firstName: 'Ewa', tags: ['VIP'], birthDate: '1980-02-03' });
    expect(card).toMatchObject({ tags: ['VIP'], birthDate: '1980-02-03' });
    await expect(call('patient.update', { patientId: conversation.patientId, birthDate: '03/02/1980' })).rejects.toThrow(/birthDate/);
  });
});
