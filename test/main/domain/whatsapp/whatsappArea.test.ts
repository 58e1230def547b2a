import fs from 'node:fs';
import { Boom } from '@hapi/boom';
import { DisconnectReason } from '@whiskeysockets/baileys';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ensureConversation } from '../../../../src-main/db/repositories/conversations';
import { insertMessage } from '../../../../src-main/db/repositories/messages';
import { addIdentity, insertPatient } from '../../../../src-main/db/repositories/patients';
import { queueOutgoing, receiveInbound } from '../../../../src-main/domain/messaging/messagingService';
import { calls, update, upserts } from '../../channels/whatsapp/fakeSocket';
import { ME, startWaDesk, type WaDesk } from './whatsappDesk';

const N = 1_000;
const T0 = Date.parse('2025-11-23T09:30:00Z');
const running: WaDesk[] = [];

async function desk(dataDir?: string, opts: Parameters<typeof startWaDesk>[1] = {}): Promise<WaDesk> {
  const d = await startWaDesk(dataDir, opts);
  running.push(d);
  return d;
}

async function stop(d: WaDesk): Promise<void> {
  running.splice(running.indexOf(d), 1);
  await d.app.stop();
}

const closeWith = (code: number, message: string) => ({ connection: 'close' as const, lastDisconnect: { error: new Boom(message, { statusCode: code }), date: new Date() } });

describe('WhatsApp area over the real database, outbox and adapter (fake socket)', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(T0);
  });
  afterEach(async () => {
    for (const d of [...running]) await stop(d);
    vi.useRealTimers();
  });

  it('stores the same inbound upsert replayed 3 times (and again as history after a reconnect) once', async () => {
    const d = await desk();
    const s = await d.open();
    for (let i = 0; i < 3; i++) await d.upsert(s, 'image');
    s.emit('connection.update', closeWith(DisconnectReason.connectionLost, 'Connection Lost'));
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    const s2 = d.last();
    expect(s2).not.toBe(s);
    s2.emit('connection.update', { connection: 'open' });
    await d.upsert(s2, 'image', 'append');
    expect(d.count("SELECT count(*) AS n FROM messages WHERE channel = 'whatsapp' AND provider_id = '3A0B7D6C5E4F3A2B1C0D'")).toBe(1);
    const row = d.app.ctx.db.prepare("SELECT kind, direction, meta FROM messages WHERE provider_id = '3A0B7D6C5E4F3A2B1C0D'").get() as { kind: string; direction: string; meta: string };
    expect(row).toMatchObject({ kind: 'image', direction: 'in' });
    expect(JSON.parse(row.meta).media).toMatchObject({ mime: 'image/jpeg', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(d.count("SELECT count(*) AS n FROM patient_identities WHERE kind = 'phone' AND value = '+48601234567'")).toBe(1);
  });

  it('puts every message type in the patient timeline; the clinic phone\'s own messages as outgoing; groups ignored', async () => {
    const d = await desk();
    const s = await d.open();
    for (const name of ['text', 'quotedReply', 'document', 'voiceNote', 'location', 'contact', 'fromPhone', 'group', 'status']) await d.upsert(s, name);
    const rows = d.app.ctx.db.prepare("SELECT provider_id, kind, direction, author, meta FROM messages WHERE channel = 'whatsapp' AND (direction = 'in' OR author = 'phone') ORDER BY created_at").all() as {
      provider_id: string;
      kind: string;
      direction: string;
      author: string | null;
      meta: string | null;
    }[];
    expect(rows.map((r) => r.kind).sort()).toEqual(['audio', 'contact', 'document', 'location', 'text', 'text', 'text']);
    const own = rows.find((r) => r.provider_id === '3A9F8E7D6C5B4A392817')!;
    expect(own).toMatchObject({ direction: 'out', author: 'phone' });
    const quoted = rows.find((r) => r.provider_id === '3AF1C0E77B2D4410B9A3')!;
    expect(JSON.parse(quoted.meta!)).toMatchObject({ quoted: '3EB0A9F2C41D7E5B6A10', quotedBody: 'Possiamo proporle giovedì alle 10:00?' });
    expect(d.count("SELECT count(*) AS n FROM messages WHERE meta LIKE '%120363025246125888@g.us%'")).toBe(0);
    // One patient for the Italian number, whatever the message type.
    expect(d.count("SELECT count(DISTINCT c.patient_id) AS n FROM messages m JOIN conversations c ON c.id = m.conversation_id WHERE m.channel = 'whatsapp'")).toBe(2);
  });

  it('stores a photo before its file, attaches the file when it arrives, and marks a download cut by closing the app', async () => {
    const d = await desk();
    const s = await d.open();
    s.emit('messages.upsert', structuredClone(upserts.image!));
    await vi.advanceTimersByTimeAsync(0);
    const metaOf = (db: WaDesk['app']['ctx']['db']) =>
      JSON.parse((db.prepare("SELECT meta FROM messages WHERE provider_id = '3A0B7D6C5E4F3A2B1C0D'").get() as { meta: string }).meta) as Record<string, unknown>;
    await d.settle();
    const meta = metaOf(d.app.ctx.db);
    expect(meta.media).toMatchObject({ mime: 'image/jpeg' });
    expect(meta).not.toHaveProperty('mediaPending');
    // As if the app had closed mid-download: the next start says so instead of "downloading" forever.
    d.app.ctx.db.prepare("UPDATE messages SET meta = json_set(json_remove(meta, '$.media'), '$.mediaPending', json('true')) WHERE provider_id = '3A0B7D6C5E4F3A2B1C0D'").run();
    await stop(d);
    const again = await desk(d.dataDir);
    expect(metaOf(again.app.ctx.db)).toMatchObject({ mediaError: 'download interrupted when the app closed' });
    expect(metaOf(again.app.ctx.db)).not.toHaveProperty('mediaPending');
  });

  it('applies edits (keeping the earlier text), deletions (marked, text kept) and reactions to stored messages', async () => {
    const d = await desk();
    const s = await d.open();
    await d.upsert(s, 'text');
    await d.upsert(s, 'quotedReply');
    s.emit('messages.update', update('messages.update', 'edited'));
    await d.upsert(s, 'revoke');
    s.emit('messages.update', update('messages.update', 'revoked'));
    await d.settle();
    const get = (id: string) => d.app.ctx.db.prepare('SELECT body, meta FROM messages WHERE provider_id = ?').get(id) as { body: string; meta: string };
    const edited = get('3A5E2C1B9F04D7A1C2E8');
    expect(edited.body).toBe("Buongiorno, vorrei spostare l'appuntamento di venerdì");
    expect(JSON.parse(edited.meta).edits).toEqual([{ body: "Buongiorno, vorrei spostare l'appuntamento di giovedì", at: expect.any(Number) }]);
    const deleted = get('3AF1C0E77B2D4410B9A3');
    expect(deleted.body).toBe('Sì, alle 10 va benissimo');
    expect(JSON.parse(deleted.meta)).toMatchObject({ deletedAt: expect.any(Number), deletedBy: 'patient' });
  });

  it('updates sent messages from receipts and records a missed WhatsApp call in the call log once', async () => {
    const d = await desk();
    const s = await d.open();
    await d.upsert(s, 'text');
    const conv = d.app.ctx.db.prepare("SELECT conversation_id AS id FROM messages WHERE provider_id = '3A5E2C1B9F04D7A1C2E8'").get() as { id: number };
    queueOutgoing(d.app.ctx.messaging, { conversationId: conv.id, channel: 'whatsapp', body: 'Certo, venerdì alle 10:00 va bene.', author: 'Anna' });
    await vi.advanceTimersByTimeAsync(10_000);
    const sent = d.app.ctx.db.prepare("SELECT provider_id, status FROM messages WHERE author = 'Anna'").get() as { provider_id: string; status: string };
    expect(sent.status).toBe('sent');
    expect(s.sent.at(-1)).toMatchObject({ jid: '393471234567@s.whatsapp.net', content: { text: 'Certo, venerdì alle 10:00 va bene.' } });
    const receipt = update('messages.update', 'delivered');
    receipt[0]!.key.id = sent.provider_id;
    s.emit('messages.update', receipt);
    await d.settle();
    expect((d.app.ctx.db.prepare("SELECT status FROM messages WHERE author = 'Anna'").get() as { status: string }).status).toBe('delivered');

    s.emit('call', calls('callMissed'));
    s.emit('call', calls('callMissed'));
    await d.settle();
    expect(d.app.ctx.db.prepare("SELECT source, result, direction, source_id FROM calls WHERE source = 'whatsapp'").all()).toEqual([
      { source: 'whatsapp', result: 'missed', direction: 'in', source_id: 'A1B2C3D4E5F60718293A4B5C6D7E8F90' },
    ]);
  });

  it('resends a sent text from the database when the patient\'s phone asks again (Baileys getMessage); never an inbound one', async () => {
    const d = await desk();
    const s = await d.open();
    await d.upsert(s, 'text');
    const conv = d.app.ctx.db.prepare("SELECT conversation_id AS id FROM messages WHERE provider_id = '3A5E2C1B9F04D7A1C2E8'").get() as { id: number };
    queueOutgoing(d.app.ctx.messaging, { conversationId: conv.id, channel: 'whatsapp', body: 'Certo, venerdì alle 10:00 va bene.', author: 'Anna' });
    await vi.advanceTimersByTimeAsync(10_000);
    const sent = d.app.ctx.db.prepare("SELECT provider_id FROM messages WHERE author = 'Anna'").get() as { provider_id: string };
    expect(await s.retryReceipt('393471234567@s.whatsapp.net', sent.provider_id)).toEqual({ extendedTextMessage: { text: 'Certo, venerdì alle 10:00 va bene.' } });
    expect(await s.retryReceipt('393471234567@s.whatsapp.net', '3A5E2C1B9F04D7A1C2E8')).toBeNull();
  });

  it('sends 1,000 queued messages with no gap below the configured minimum', async () => {
    const d = await desk();
    await d.app.call('whatsapp.updateSettings', { minGapMs: 2_500, maxGapMs: 4_000 });
    const s = await d.open();
    const sentAt: number[] = [];
    const send = s.sendMessage.bind(s);
    s.sendMessage = async (jid, content) => {
      sentAt.push(Date.now());
      return send(jid, content);
    };
    const { messaging, db } = d.app.ctx;
    db.transaction(() => {
      for (let i = 0; i < N; i++) {
        // Patients who wrote first (no first-contact cap), each with their own conversation.
        const patientId = insertPatient(db, { firstName: `Paziente ${i}`, lastName: '' }, T0);
        addIdentity(db, patientId, 'phone', `+39347${String(1_000_000 + i)}`, T0);
        const conversationId = ensureConversation(db, patientId, T0).id;
        insertMessage(db, { conversationId, channel: 'sms', direction: 'in', body: 'Buongiorno', status: 'received', providerId: `in-${i}`, at: T0 - 60_000 });
        queueOutgoing(messaging, { conversationId, channel: 'whatsapp', body: `Promemoria ${i}: domani alle 10:00`, author: 'Anna', idempotencyKey: `bulk:${i}` });
      }
    })();
    for (let i = 0; i < 200 && sentAt.length < N; i++) await vi.advanceTimersByTimeAsync(30_000);
    expect(sentAt).toHaveLength(N);
    const gaps = sentAt.slice(1).map((t, i) => t - sentAt[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2_500);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(4_000 + 100);
    expect(d.count("SELECT count(*) AS n FROM messages WHERE author = 'Anna' AND status = 'sent'")).toBe(N);
    expect(s.presence.filter((p) => p.type === 'composing')).toHaveLength(N);
  }, 60_000);

  it('keeps WhatsApp messages waiting while the link is down (no retries burnt, no busy loop), then sends them once linked', async () => {
    const d = await desk();
    const { messaging, db } = d.app.ctx;
    const patientId = insertPatient(db, { firstName: 'Giulia', lastName: 'Bianchi' }, T0);
    addIdentity(db, patientId, 'phone', '+393471234567', T0);
    const conversationId = ensureConversation(db, patientId, T0).id;
    insertMessage(db, { conversationId, channel: 'sms', direction: 'in', body: 'Buongiorno', status: 'received', providerId: 'sms-9', at: T0 - 60_000 });
    queueOutgoing(messaging, { conversationId, channel: 'whatsapp', body: 'Le confermiamo la visita di domani alle 10:00.', author: 'Anna' });
    const timers = vi.spyOn(globalThis, 'setTimeout');
    await vi.advanceTimersByTimeAsync(60_000);
    // The worker checks every 5 s; before the fix a due row without a sender re-armed a 0 ms timer forever.
    expect(timers.mock.calls.length).toBeLessThan(200);
    timers.mockRestore();
    expect(await d.status()).toMatchObject({ state: 'idle', queued: 1 });
    expect(db.prepare("SELECT attempts FROM outbox WHERE channel = 'whatsapp'").get()).toEqual({ attempts: 0 });
    const s = await d.open();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(s.sent).toEqual([{ jid: '393471234567@s.whatsapp.net', content: { text: 'Le confermiamo la visita di domani alle 10:00.' } }]);
    expect((await d.status()).queued).toBe(0);
  });

  it('caps first contacts per day: the rest wait in the outbox for the window to free', async () => {
    const d = await desk();
    await d.app.call('whatsapp.updateSettings', { firstContactDailyCap: 3 });
    const s = await d.open();
    const { messaging, db } = d.app.ctx;
    for (let i = 0; i < 5; i++) {
      const pid = Number(db.prepare("INSERT INTO patients (first_name, created_at, updated_at) VALUES ('Nuovo', ?, ?)").run(T0, T0).lastInsertRowid);
      db.prepare("INSERT INTO patient_identities (patient_id, kind, value, created_at) VALUES (?, 'phone', ?, ?)").run(pid, `+3934800000${i}`, T0);
      queueOutgoing(messaging, { conversationId: ensureConversation(db, pid, T0).id, channel: 'whatsapp', body: 'Gentile paziente, la ricontattiamo per il richiamo annuale.', author: 'Anna' });
    }
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(s.sent).toHaveLength(3);
    const waiting = db.prepare("SELECT status, last_error_code, next_attempt_at FROM outbox WHERE channel = 'whatsapp' AND status = 'pending'").all() as { last_error_code: string; next_attempt_at: number }[];
    expect(waiting).toHaveLength(2);
    expect(waiting.every((w) => w.last_error_code === 'daily_cap' && w.next_attempt_at >= T0 + 24 * 3_600_000 - 60_000)).toBe(true);
  });

  it('a loggedOut close stops reconnecting, wipes the keys and says "pair again", also after a restart', async () => {
    const d = await desk();
    const s = await d.open();
    expect(d.app.ctx.senders.get('whatsapp')).toBeDefined();
    s.emit('connection.update', closeWith(DisconnectReason.loggedOut, 'Intentional Logout'));
    await vi.advanceTimersByTimeAsync(24 * 3_600_000);
    expect(d.sockets).toHaveLength(1);
    expect(await d.status()).toMatchObject({ state: 'logged_out', reason: 'logged_out', pairAgain: true, linkedPhone: null });
    expect(d.app.ctx.senders.has('whatsapp')).toBe(false);
    expect(d.count('SELECT count(*) AS n FROM whatsapp_auth')).toBe(0);
    await stop(d);
    const again = await desk(d.dataDir);
    expect(again.sockets).toHaveLength(0);
    expect(await again.status()).toMatchObject({ state: 'logged_out', pairAgain: true });
  });

  it('keeps the auth state sealed in the database and reconnects with it after a restart', async () => {
    const d = await desk();
    const s = await d.open();
    s.emit('creds.update', { me: { ...ME, lid: '185472923881234@lid' } });
    await d.settle();
    const values = d.app.ctx.db.prepare('SELECT category, value FROM whatsapp_auth').all() as { category: string; value: Buffer }[];
    expect(values.map((v) => v.category)).toContain('creds');
    for (const v of values.filter((x) => x.category === 'creds')) expect(v.value.toString('latin1')).not.toContain('noiseKey');
    await stop(d);
    const again = await desk(d.dataDir);
    expect(again.sockets).toHaveLength(1);
    const s2 = again.last();
    s2.user = ME;
    s2.emit('connection.update', { connection: 'open' });
    await again.settle();
    expect(await again.status()).toMatchObject({ state: 'open', linkedPhone: '+393912345678', pairAgain: false });
  });

  it('warns from day 10 without a sign of life from the clinic\'s phone (WhatsApp unlinks at 14)', async () => {
    const d = await desk();
    await d.open();
    expect((await d.status()).phone).toMatchObject({ silentDays: 0, warn: false });
    await stop(d);
    vi.setSystemTime(T0 + 11 * 24 * 3_600_000);
    const later = await desk(d.dataDir);
    later.last().user = ME;
    later.last().emit('connection.update', { connection: 'open' });
    await later.settle();
    expect(await later.status()).toMatchObject({ state: 'open', phone: { silentDays: 11, warn: true, logoutAt: T0 + 14 * 24 * 3_600_000 } });
    // History sync after the reconnect means the phone is online again: the warning goes.
    later.last().emit('messaging-history.set', { chats: [], contacts: [], messages: [], isLatest: true });
    await later.settle();
    expect((await later.status()).phone).toMatchObject({ silentDays: 0, warn: false });
  });

  it('a one-shot CLI command on a paired desk never opens a second WhatsApp session', async () => {
    const d = await desk();
    await d.open();
    await stop(d);
    const cli = await desk(d.dataDir, { oneShot: true });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(cli.sockets).toHaveLength(0);
    await expect(cli.app.call('whatsapp.pair', {})).rejects.toMatchObject({ code: 'channel_unavailable' });
  });

  it('turns unreadable stored credentials into "pair again" without crashing', async () => {
    const d = await desk();
    await d.open();
    await stop(d);
    const { openDatabase } = await import('../../../../src-main/db/database');
    const db = openDatabase(`${d.dataDir}/clinic-desk.sqlite3`);
    db.prepare("UPDATE whatsapp_auth SET value = ? WHERE category = 'creds'").run(Buffer.from('garbage'));
    db.close();
    const again = await desk(d.dataDir);
    expect(await again.status()).toMatchObject({ state: 'logged_out', reason: 'corrupt_auth', pairAgain: true });
    expect(again.sockets).toHaveLength(0);
  });

  it('keys sealed by the desktop app\'s OS key store ask to pair again in host mode, without crashing', async () => {
    const safeStorage = { encryptString: (s: string) => Buffer.from(s).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() };
    const d = await desk(undefined, { osKeystore: safeStorage });
    await d.open();
    expect(fs.existsSync(`${d.dataDir}/secrets.key`)).toBe(false);
    await stop(d);
    const host = await desk(d.dataDir);
    expect(await host.status()).toMatchObject({ state: 'logged_out', reason: 'corrupt_auth', pairAgain: true });
    expect(host.sockets).toHaveLength(0);
  });

  it('falls back to SMS for a number without WhatsApp when the clinic allows it', async () => {
    const d = await desk();
    await d.app.call('whatsapp.updateSettings', { smsFallback: true });
    const s = await d.open();
    s.notOnWhatsApp.add('393470000000@s.whatsapp.net');
    const { messaging, db } = d.app.ctx;
    const r = receiveInbound(messaging, { channel: 'sms', providerId: 'sms-1', fromPhone: '+393470000000', body: 'Salve', at: T0 - 60_000 });
    queueOutgoing(messaging, { conversationId: r.conversationId, channel: 'whatsapp', body: 'Le confermiamo la visita di domani.', author: 'Anna' });
    await vi.advanceTimersByTimeAsync(10_000);
    const rows = db.prepare("SELECT channel, status, failure_reason FROM messages WHERE author = 'Anna' ORDER BY id").all();
    expect(rows).toEqual([
      { channel: 'whatsapp', status: 'failed', failure_reason: expect.stringContaining('not on WhatsApp; sent by SMS instead') },
      { channel: 'sms', status: 'queued', failure_reason: null },
    ]);
  });

  it('rejects bad settings and a bad pairing number, naming the field, and changes nothing', async () => {
    const d = await desk();
    await expect(d.app.call('whatsapp.updateSettings', { minGapMs: 500 })).rejects.toMatchObject({ code: 'invalid_input', field: 'minGapMs' });
    await expect(d.app.call('whatsapp.updateSettings', { minGapMs: 5_000, maxGapMs: 3_000 })).rejects.toMatchObject({ code: 'invalid_input', field: 'maxGapMs' });
    expect((await d.status()).settings).toMatchObject({ minGapMs: 2_000, maxGapMs: 4_000 });
    await expect(d.app.call('whatsapp.pairingCode', { phone: '+999 123 456' })).rejects.toMatchObject({ code: 'invalid_input', field: 'phone' });
    expect(d.sockets).toHaveLength(0);
  });

  it('returns a pairing code for the clinic number once WhatsApp waits for pairing', async () => {
    const d = await desk();
    const code = d.app.call('whatsapp.pairingCode', { phone: '+39 391 234 5678' });
    await vi.advanceTimersByTimeAsync(0);
    d.last().emit('connection.update', { qr: '2@abc,def,ghi,jkl' });
    expect(await code).toEqual({ code: 'K7WQ9PZD' });
    expect(await d.status()).toMatchObject({ state: 'connecting', pairingCode: 'K7WQ9PZD', qr: '2@abc,def,ghi,jkl' });
  });
});
