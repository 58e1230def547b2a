import { Boom } from '@hapi/boom';
import * as baileys from '@whiskeysockets/baileys';
import { DisconnectReason, type BaileysEventMap } from '@whiskeysockets/baileys';
import { whatsappMessageId } from '../../../../src-main/channels/whatsapp/sending/socketTransport';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { aesGcmSecretBox } from '../../../../src-main/domain/shared/secretBox';
import { DEFAULT_MACHINE } from '../../../../src-main/channels/whatsapp/connection/connectionMachine';
import { WhatsAppAdapter } from '../../../../src-main/channels/whatsapp/whatsappAdapter';
import type { InboundMessage, MediaRef, StatusUpdate } from '../../../../src-main/domain/messaging/channelPort';
import { seededRandom } from '../../../../src-main/domain/shared/random';
import { DEFAULT_PACING } from '../../../../src-main/domain/whatsapp/pacing';
import type { WhatsAppEdit, WhatsAppMissedCall, WhatsAppReaction, WhatsAppRevoke, WhatsAppSink } from '../../../../src-main/domain/whatsapp/whatsappPort';
import { calls, FakeSocket, update, upserts } from './fakeSocket';
import { MemoryStore } from './memoryAuthStore';

/** Stores like the domain does: one row per provider id. */
class StoringSink implements WhatsAppSink {
  readonly messages = new Map<string, InboundMessage>();
  messageCalls = 0;
  readonly statuses: StatusUpdate[] = [];
  readonly edits: WhatsAppEdit[] = [];
  readonly revokes: WhatsAppRevoke[] = [];
  readonly reactions: WhatsAppReaction[] = [];
  readonly missed: WhatsAppMissedCall[] = [];
  message(m: InboundMessage) {
    this.messageCalls++;
    if (!this.messages.has(m.providerId)) this.messages.set(m.providerId, m);
  }
  status(s: StatusUpdate) {
    this.statuses.push(s);
  }
  edit(e: WhatsAppEdit) {
    this.edits.push(e);
  }
  revoke(r: WhatsAppRevoke) {
    this.revokes.push(r);
  }
  reaction(r: WhatsAppReaction) {
    this.reactions.push(r);
  }
  missedCall(c: WhatsAppMissedCall) {
    this.missed.push(c);
  }
  knows(id: string) {
    return this.messages.has(id);
  }
  /** What the desk sent, by WhatsApp id (the database's messages table in the app). */
  readonly sentTexts = new Map<string, string>();
  sentText(id: string) {
    return this.sentTexts.get(id) ?? null;
  }
  /** Attaches the file (or the reason) to the stored message, as whatsappInbox does in the database. */
  mediaSettled(id: string, outcome: { media: MediaRef } | { error: string }) {
    const m = this.messages.get(id);
    if (!m) return;
    const { mediaPending: _pending, ...meta } = m.meta ?? {};
    if ('media' in outcome) this.messages.set(id, { ...m, media: outcome.media, meta });
    else this.messages.set(id, { ...m, meta: { ...meta, mediaError: outcome.error } });
  }
}

const ME = { id: '393912345678:7@s.whatsapp.net', name: 'Studio Dentistico Moretti' };
const closeWith = (code: number, message = 'Connection Failure'): Partial<BaileysEventMap['connection.update']> => ({
  connection: 'close',
  lastDisconnect: { error: new Boom(message, { statusCode: code }), date: new Date() },
});

function setup(store = new MemoryStore()) {
  const sockets: FakeSocket[] = [];
  const sink = new StoringSink();
  const downloads: string[] = [];
  const adapter = new WhatsAppAdapter({
    sink,
    authStore: store,
    box: aesGcmSecretBox(Buffer.alloc(32, 5)),
    lib: async () => baileys,
    socketFactory: async ({ auth, getMessage, msgRetryCounterCache }) => {
      const s = new FakeSocket(auth.creds, { getMessage, msgRetryCounterCache });
      sockets.push(s);
      return s;
    },
    download: async (msg) => {
      downloads.push(msg.key.id!);
      return Buffer.from('%PDF-1.7 fake');
    },
    saveMedia: async (bytes, hint) => ({ sha256: 'a'.repeat(64), mime: hint.mime, size: bytes.length, ...(hint.fileName ? { fileName: hint.fileName } : {}) }),
    mediaPath: (ref) => `/data/media/${ref.sha256}`,
    clock: { now: () => Date.now() },
    random: seededRandom(3),
    pacing: () => DEFAULT_PACING,
    ledger: { sentSince: () => [], record: () => undefined },
  });
  const last = (): FakeSocket => sockets.at(-1)!;
  const openLink = async (): Promise<FakeSocket> => {
    await adapter.start();
    const s = last();
    // What Baileys emits on pair-success, before the connection opens.
    s.emit('creds.update', { me: ME });
    s.user = ME;
    s.emit('connection.update', { connection: 'open' });
    await vi.advanceTimersByTimeAsync(0);
    return s;
  };
  const upsert = async (s: FakeSocket, name: string, type?: 'append' | 'notify') => {
    const u = structuredClone(upserts[name]!);
    s.emit('messages.upsert', type ? { ...u, type } : u);
    await adapter.settled();
  };
  return { adapter, sockets, sink, store, downloads, last, openLink, upsert };
}

describe('WhatsAppAdapter with a fake Baileys socket', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    // Just after the recorded fixtures (2025-11-23 08:20–09:26 UTC): history older than 14 days is not imported.
    vi.setSystemTime(Date.parse('2025-11-23T09:30:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('shows the QR, opens, and reports the linked phone', async () => {
    const t = setup();
    await t.adapter.start();
    t.last().emit('connection.update', { connection: 'connecting', qr: '2@Xk3fQ9tR,mB7sYw2pL0,Qz5nV8cJ1,Hf4dG6aK2=' });
    expect(t.adapter.health()).toMatchObject({ state: 'connecting', qr: '2@Xk3fQ9tR,mB7sYw2pL0,Qz5nV8cJ1,Hf4dG6aK2=' });
    t.last().user = ME;
    t.last().emit('connection.update', { connection: 'open' });
    await vi.advanceTimersByTimeAsync(0);
    expect(t.adapter.health()).toMatchObject({ state: 'open', qr: null, linkedPhone: '+393912345678', linkedName: 'Studio Dentistico Moretti' });
  });

  it('saves credentials on creds.update, sealed in the store', async () => {
    const t = setup();
    await t.adapter.start();
    t.last().emit('creds.update', { me: ME });
    expect(t.store.rows.has('creds/creds')).toBe(true);
  });

  it('delivers every message type, downloading media once', async () => {
    const t = setup();
    const s = await t.openLink();
    for (const name of ['text', 'quotedReply', 'image', 'document', 'voiceNote', 'location', 'contact', 'fromPhone', 'lidWithAlt', 'ephemeral']) await t.upsert(s, name);
    expect([...t.sink.messages.values()].map((m) => m.kind)).toEqual(['text', 'text', 'image', 'document', 'audio', 'location', 'contact', 'text', 'text', 'text']);
    expect(t.sink.messages.get('3A9C8B7A6F5E4D3C2B1A')!.media).toMatchObject({ mime: 'application/pdf', fileName: 'referto_analisi.pdf' });
    expect(t.downloads).toEqual(['3A0B7D6C5E4F3A2B1C0D', '3A9C8B7A6F5E4D3C2B1A', '3A1122334455667788AA']);
    expect(t.adapter.health().lastInboundAt).toBe(1763890000000);
    expect(t.adapter.health().phoneSeenAt).toBe(1763889400000);
  });

  it('resolves a LID-only sender through Baileys LID mapping store', async () => {
    const t = setup();
    const s = await t.openLink();
    s.lids.set('99887766554433@lid', '447911123456@s.whatsapp.net');
    await t.upsert(s, 'lidOnly');
    expect(t.sink.messages.get('3A2233445566778899EE')).toMatchObject({ fromPhone: '+447911123456' });
  });

  it('answers a phone that asks for one of our messages again with the stored text, at most 5 times across reconnects', async () => {
    const t = setup();
    const s = await t.openLink();
    t.sink.sentTexts.set('3EB0C1D2E3F4A5B6C7D8', 'Promemoria: domani alle 10:30');
    const jid = '393471234567@s.whatsapp.net';
    expect(await s.retryReceipt(jid, '3EB0C1D2E3F4A5B6C7D8')).toEqual({ extendedTextMessage: { text: 'Promemoria: domani alle 10:30' } });
    // Unknown to the desk (or media): Baileys gets undefined and sends nothing rather than something wrong.
    expect(await s.retryReceipt(jid, '3EB0FFFFFFFFFFFFFFFF')).toBeNull();
    for (let i = 0; i < 2; i++) await s.retryReceipt(jid, '3EB0C1D2E3F4A5B6C7D8');
    s.emit('connection.update', closeWith(DisconnectReason.connectionLost, 'Connection Lost'));
    await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs);
    const s2 = t.last();
    expect(s2).not.toBe(s);
    for (let i = 0; i < 2; i++) expect(await s2.retryReceipt(jid, '3EB0C1D2E3F4A5B6C7D8')).not.toBe('refused');
    // The count carried over the reconnect: the sixth request is refused, as Baileys' maxMsgRetryCount says.
    expect(await s2.retryReceipt(jid, '3EB0C1D2E3F4A5B6C7D8')).toBe('refused');
  });

  it('a missed call from a LID-only caller (no caller_pn) is logged under the number in Baileys\' LID mapping store', async () => {
    const t = setup();
    const s = await t.openLink();
    // The store Baileys keeps as signal key type `lid-mapping` (in the desk's auth state); nothing learnt in memory yet.
    s.lids.set('185472923881234@lid', '48601234567@s.whatsapp.net');
    const lidOnly = calls('callLidRejected').map(({ callerPn: _pn, ...e }) => e);
    s.emit('call', lidOnly);
    await t.adapter.settled();
    expect(t.sink.missed).toMatchObject([{ providerCallId: 'C0FFEE00C0FFEE00C0FFEE00C0FFEE00', fromPhone: '+48601234567', fromWhatsappJid: '48601234567@s.whatsapp.net' }]);
  });

  it('ignores groups, status posts and decryption placeholders', async () => {
    const t = setup();
    const s = await t.openLink();
    for (const name of ['group', 'status', 'ciphertextStub']) await t.upsert(s, name);
    expect(t.sink.messageCalls).toBe(0);
  });

  it('keeps the message when its media cannot be downloaded', async () => {
    const t = setup();
    const s = await t.openLink();
    (t.adapter as unknown as { inbound: { d: { download: () => Promise<Buffer> } } }).inbound.d.download = async () => {
      throw new Error('media expired (410)');
    };
    await t.upsert(s, 'image');
    const kept = t.sink.messages.get('3A0B7D6C5E4F3A2B1C0D')!;
    expect(kept).toMatchObject({ kind: 'image', meta: { mediaError: 'media expired (410)' } });
    expect(kept.media).toBeUndefined();
    expect(t.adapter.health().recentErrors[0]!.message).toContain('media expired');
  });

  it('stores a message at once while its file downloads; a stalled download neither holds later messages nor waits forever', async () => {
    const t = setup();
    const s = await t.openLink();
    const inbound = (t.adapter as unknown as { inbound: { d: { download: () => Promise<Buffer> } } }).inbound;
    inbound.d.download = () => new Promise<Buffer>(() => undefined); // the CDN never answers
    s.emit('messages.upsert', structuredClone(upserts.image!));
    s.emit('messages.upsert', structuredClone(upserts.text!));
    await vi.advanceTimersByTimeAsync(0);
    expect(t.sink.messages.get('3A0B7D6C5E4F3A2B1C0D')).toMatchObject({ kind: 'image', meta: { mediaPending: true } });
    expect(t.sink.messages.has('3A5E2C1B9F04D7A1C2E8')).toBe(true);
    await vi.advanceTimersByTimeAsync(120_000);
    await t.adapter.settled();
    const image = t.sink.messages.get('3A0B7D6C5E4F3A2B1C0D')!;
    expect(image.meta).toEqual(expect.objectContaining({ mediaError: 'download timed out after 120 s' }));
    expect(image.meta).not.toHaveProperty('mediaPending');
  });

  it('reports receipts, edits, deletions (once each, raw and processed) and reactions (once, from either event)', async () => {
    const t = setup();
    const s = await t.openLink();
    s.emit('messages.update', update('messages.update', 'delivered'));
    s.emit('messages.update', update('messages.update', 'read'));
    await t.upsert(s, 'edit');
    s.emit('messages.update', update('messages.update', 'edited'));
    await t.upsert(s, 'revoke');
    s.emit('messages.update', update('messages.update', 'revoked'));
    await t.upsert(s, 'reaction');
    s.emit('messages.reaction', update('messages.reaction', 'reactionEvent'));
    await t.adapter.settled();
    expect(t.sink.statuses.map((x) => x.status)).toEqual(['delivered', 'read']);
    expect(t.sink.edits).toHaveLength(1);
    expect(t.sink.revokes).toEqual([{ providerId: '3AF1C0E77B2D4410B9A3', at: 1763889300000, fromClinic: false }]);
    expect(t.sink.reactions).toHaveLength(1);
    expect(t.sink.reactions[0]).toMatchObject({ targetProviderId: '3EB0A9F2C41D7E5B6A10', emoji: '👍' });
  });

  it('replaying the same inbound upsert 3 times, and again as history after a reconnect, delivers it once', async () => {
    const t = setup();
    const s = await t.openLink();
    for (let i = 0; i < 3; i++) await t.upsert(s, 'image');
    s.emit('connection.update', closeWith(DisconnectReason.connectionLost, 'Connection Lost'));
    await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs);
    const s2 = t.last();
    expect(s2).not.toBe(s);
    s2.emit('connection.update', { connection: 'open' });
    await t.upsert(s2, 'image', 'append');
    s2.emit('messaging-history.set', { chats: [], contacts: [], messages: structuredClone(upserts.image!.messages), isLatest: false });
    await t.adapter.settled();
    expect(t.sink.messageCalls).toBe(1);
    expect(t.sink.messages.size).toBe(1);
    expect(t.downloads).toHaveLength(1);
  });

  it('recovers messages that arrived while offline (notify after reconnect, history sync)', async () => {
    const t = setup();
    const s = await t.openLink();
    s.emit('connection.update', closeWith(DisconnectReason.restartRequired, 'Stream Errored (restart required)'));
    await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs);
    const s2 = t.last();
    s2.emit('connection.update', { connection: 'open' });
    await t.upsert(s2, 'text', 'notify');
    const old = structuredClone(upserts.location!.messages[0]!);
    old.messageTimestamp = Math.floor(Date.now() / 1000) - 30 * 24 * 3600;
    s2.emit('messaging-history.set', { chats: [], contacts: [], messages: [...structuredClone(upserts.contact!.messages), old], isLatest: true });
    await t.adapter.settled();
    expect([...t.sink.messages.keys()]).toEqual(['3A5E2C1B9F04D7A1C2E8', '3A44DD22EE11FF00AA55']);
  });

  it('puts a missed WhatsApp call in the call log once', async () => {
    const t = setup();
    const s = await t.openLink();
    s.emit('call', calls('callMissed').slice(0, 1));
    s.emit('call', calls('callMissed').slice(1));
    s.emit('call', calls('callAnswered'));
    await t.adapter.settled();
    expect(t.sink.missed).toEqual([expect.objectContaining({ providerCallId: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', fromPhone: '+393471234567' })]);
  });

  it('stops reconnecting after loggedOut and asks to pair again, wiping the credentials', async () => {
    const t = setup();
    const s = await t.openLink();
    s.emit('creds.update', { me: ME });
    s.emit('connection.update', closeWith(DisconnectReason.loggedOut, 'Intentional Logout'));
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(t.sockets).toHaveLength(1);
    expect(t.adapter.health()).toMatchObject({ state: 'logged_out', reason: 'logged_out', linkedPhone: null });
    expect(t.store.rows.size).toBe(0);
  });

  it('reconnects after restartRequired, and gives up after a bounded number of failed attempts', async () => {
    const t = setup();
    const s = await t.openLink();
    s.emit('connection.update', closeWith(DisconnectReason.restartRequired));
    await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs);
    expect(t.sockets).toHaveLength(2);
    for (let i = 0; i < 20; i++) {
      t.last().emit('connection.update', closeWith(DisconnectReason.connectionLost, 'Connection Lost'));
      await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs * 1.25);
    }
    expect(t.sockets).toHaveLength(1 + DEFAULT_MACHINE.maxAttempts);
    expect(t.adapter.health()).toMatchObject({ state: 'disconnected', reason: 'gave_up' });
    await vi.advanceTimersByTimeAsync(24 * 60 * 60_000);
    expect(t.sockets).toHaveLength(1 + DEFAULT_MACHINE.maxAttempts);
  });

  it.each([
    [DisconnectReason.forbidden, 'restricted'],
    [DisconnectReason.connectionReplaced, 'disconnected'],
  ])('stops after close %s without reconnecting', async (code, state) => {
    const t = setup();
    const s = await t.openLink();
    s.emit('connection.update', closeWith(code));
    await vi.advanceTimersByTimeAsync(60 * 60_000);
    expect(t.sockets).toHaveLength(1);
    expect(t.adapter.health().state).toBe(state);
  });

  it('pings a quiet session and recycles it when pings fail', async () => {
    const t = setup();
    const s = await t.openLink();
    s.pingFails = true;
    await vi.advanceTimersByTimeAsync(4 * 60_000 + 1);
    expect(s.queries.length).toBeGreaterThanOrEqual(2);
    expect(s.queries[0]).toMatchObject({ tag: 'iq', attrs: { xmlns: 'w:p', type: 'get' } });
    expect(s.ended).toBe(true);
    expect(t.adapter.health().reason).toBe('stale_session');
    await vi.advanceTimersByTimeAsync(DEFAULT_MACHINE.maxDelayMs);
    expect(t.sockets).toHaveLength(2);
  });

  it('keeps a session that receives traffic', async () => {
    const t = setup();
    const s = await t.openLink();
    for (let i = 0; i < 30; i++) {
      s.ws.emit('frame');
      await vi.advanceTimersByTimeAsync(60_000);
    }
    expect(s.queries).toHaveLength(0);
    expect(t.sockets).toHaveLength(1);
    expect(t.adapter.health().state).toBe('open');
  });

  it('turns corrupt stored credentials into "pair again" without crashing or connecting', async () => {
    const store = new MemoryStore();
    store.rows.set('creds/creds', Buffer.from('not even sealed'));
    const t = setup(store);
    await t.adapter.start();
    expect(t.sockets).toHaveLength(0);
    expect(t.adapter.health()).toMatchObject({ state: 'logged_out', reason: 'corrupt_auth' });
    await t.adapter.start();
    expect(t.sockets).toHaveLength(1);
    expect(t.adapter.health().state).toBe('connecting');
  });

  it('returns a pairing code once the socket waits for pairing', async () => {
    const t = setup();
    const code = t.adapter.requestPairingCode('+39 391 234 5678');
    await vi.advanceTimersByTimeAsync(0);
    t.last().emit('connection.update', { qr: '2@abc,def,ghi,jkl' });
    expect(await code).toBe('K7WQ9PZD');
    expect(t.adapter.health().pairingCode).toBe('K7WQ9PZD');
  });

  it('sends through the pacer only while open, and logs out on request', async () => {
    const t = setup();
    const out = { outboxId: 1, idempotencyKey: 'k1', channel: 'whatsapp' as const, toPhone: '+393471234567', body: 'Buongiorno Giulia, confermiamo venerdì alle 10:00.' };
    expect(await t.adapter.send(out)).toMatchObject({ ok: false, code: 'not_connected', retryable: true });
    const s = await t.openLink();
    const sent = t.adapter.send(out);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await sent).toMatchObject({ ok: true });
    expect(s.sent).toEqual([{ jid: '393471234567@s.whatsapp.net', content: { text: out.body } }]);
    // The WhatsApp id comes from the idempotency key: a resend after a crash carries the same id.
    expect(s.sentIds).toEqual([whatsappMessageId('k1')]);
    expect(whatsappMessageId('k1')).toMatch(/^3EB0[0-9A-F]{18}$/);
    expect(s.presence.map((p) => p.type)).toEqual(['composing', 'paused']);
    s.notOnWhatsApp.add('393470000000@s.whatsapp.net');
    const nope = t.adapter.send({ ...out, outboxId: 2, toPhone: '+393470000000' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await nope).toMatchObject({ ok: false, code: 'not_on_whatsapp', retryable: false });
    await t.adapter.logout();
    expect(s.loggedOut).toBe(true);
    expect(t.adapter.health()).toMatchObject({ state: 'logged_out', reason: 'user_logout' });
  });
});
