import { writeFileSync } from 'node:fs';
import path from 'node:path';
import * as baileys from '@whiskeysockets/baileys';
import type { proto } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { whatsappMessageId } from '../../../../src-main/channels/whatsapp/sending/socketTransport';
import { WhatsAppAdapter } from '../../../../src-main/channels/whatsapp/whatsappAdapter';
import { aesGcmSecretBox } from '../../../../src-main/domain/shared/secretBox';
import { seededRandom } from '../../../../src-main/domain/shared/random';
import { DEFAULT_PACING } from '../../../../src-main/domain/whatsapp/pacing';
import { dbRetryState } from '../../../../src-main/domain/whatsapp/retryState';
import type { RetryStateStore, WhatsAppSink } from '../../../../src-main/domain/whatsapp/whatsappPort';
import { tempApp, tempDir } from '../../../helpers/tempApp';
import { FakeSocket } from './fakeSocket';
import { MemoryStore } from './memoryAuthStore';

const ME = { id: '393912345678:7@s.whatsapp.net', name: 'Studio Dentistico Moretti' };
const JID = '393471234567@s.whatsapp.net';
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  vi.useRealTimers();
  while (cleanups.length) await cleanups.pop()!();
});

const sink: WhatsAppSink = {
  message: () => undefined,
  status: () => undefined,
  edit: () => undefined,
  revoke: () => undefined,
  reaction: () => undefined,
  missedCall: () => undefined,
  knows: () => false,
  // Nothing in the timeline: a resend must come from what was kept at send time.
  sentText: () => null,
  mediaSettled: () => undefined,
};

/** Baileys' real content generation (rc14 generateWAMessageContent → prepareWAMessageMedia: encrypts the file, uploads it). */
function realContent(uploads: string[]) {
  return (content: baileys.AnyMessageContent): Promise<proto.IMessage> =>
    baileys.generateWAMessageContent(content, {
      upload: async (_encPath, { fileEncSha256B64, mediaType }) => {
        uploads.push(mediaType);
        const directPath = `/v/t62.7119-24/${encodeURIComponent(fileEncSha256B64)}.enc?ccb=11-4&oh=01_Q5Aa&oe=6963A2B1&_nc_sid=5e03e0`;
        return { mediaUrl: `https://mmg.whatsapp.net${directPath}&mms3=true`, directPath };
      },
    });
}

/** One run of the app: an adapter over the same database-backed retry state and auth store. */
async function run(store: MemoryStore, retryState: RetryStateStore, file: string, uploads: string[]) {
  const sockets: FakeSocket[] = [];
  const adapter = new WhatsAppAdapter({
    sink,
    authStore: store,
    box: aesGcmSecretBox(Buffer.alloc(32, 7)),
    lib: async () => baileys,
    socketFactory: async ({ auth, getMessage, msgRetryCounterCache }) => {
      const s = new FakeSocket(auth.creds, { getMessage, msgRetryCounterCache });
      s.generateContent = realContent(uploads);
      sockets.push(s);
      return s;
    },
    download: async () => Buffer.alloc(0),
    saveMedia: async (bytes, hint) => ({ sha256: 'c'.repeat(64), mime: hint.mime, size: bytes.length }),
    mediaPath: () => file,
    clock: { now: () => Date.now() },
    random: seededRandom(5),
    pacing: () => DEFAULT_PACING,
    ledger: { sentSince: () => [], record: () => undefined },
    retryState,
  });
  await adapter.start();
  const s = sockets.at(-1)!;
  s.emit('creds.update', { me: ME });
  s.user = ME;
  s.emit('connection.update', { connection: 'open' });
  await vi.advanceTimersByTimeAsync(0);
  return { adapter, s };
}

describe('WhatsApp retry requests after the app restarted', () => {
  it('resends the same PDF (url, directPath, mediaKey, hashes) and keeps counting towards the limit of 5', async () => {
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    const file = path.join(tempDir(), 'referto.pdf');
    writeFileSync(file, `%PDF-1.7\n${'referto analisi del sangue '.repeat(200)}\n%%EOF\n`);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(Date.parse('2026-11-23T09:30:00Z'));
    const retryState = dbRetryState(app.ctx.db, { now: () => Date.now() });
    const store = new MemoryStore();
    const uploads: string[] = [];

    const first = await run(store, retryState, file, uploads);
    const sending = first.adapter.send({
      outboxId: 1, idempotencyKey: 'message:41', channel: 'whatsapp', toPhone: '+393471234567', body: 'Il referto delle analisi',
      media: { sha256: 'c'.repeat(64), mime: 'application/pdf', size: 5_000, fileName: 'referto.pdf' },
    });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await sending).toMatchObject({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    const id = whatsappMessageId('message:41');
    const before = (await first.s.retryReceipt(JID, id)) as proto.IMessage;
    expect(before.documentMessage).toMatchObject({ mimetype: 'application/pdf', fileName: 'referto.pdf', caption: 'Il referto delle analisi' });
    for (let i = 0; i < 2; i++) await first.s.retryReceipt(JID, id);
    await first.adapter.stop();

    // A new process on the same database: nothing in memory survives.
    const second = await run(store, retryState, file, uploads);
    const after = (await second.s.retryReceipt(JID, id)) as proto.IMessage;
    const doc = after.documentMessage!;
    const was = before.documentMessage!;
    expect(doc.url).toBe(was.url);
    expect(doc.directPath).toBe(was.directPath);
    expect(Buffer.from(doc.mediaKey!).equals(Buffer.from(was.mediaKey!))).toBe(true);
    expect(Buffer.from(doc.fileEncSha256!).equals(Buffer.from(was.fileEncSha256!))).toBe(true);
    expect(Buffer.from(doc.fileSha256!).equals(Buffer.from(was.fileSha256!))).toBe(true);
    expect(Number(doc.fileLength)).toBe(Number(was.fileLength));
    expect(uploads).toEqual(['document']); // uploaded once, never again for a resend
    // 3 before the restart + 1 after; the fifth is still answered, the sixth refused (Baileys' maxMsgRetryCount).
    expect(await second.s.retryReceipt(JID, id)).not.toBe('refused');
    expect(await second.s.retryReceipt(JID, id)).toBe('refused');
    await second.adapter.stop();
  });

  it('a text sent before the restart is resent from what was kept, and nothing is kept in clear', async () => {
    const app = await tempApp();
    cleanups.push(() => app.cleanup());
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(Date.parse('2026-11-23T09:30:00Z'));
    const retryState = dbRetryState(app.ctx.db, { now: () => Date.now() });
    const store = new MemoryStore();
    const first = await run(store, retryState, '/nonexistent', []);
    const sending = first.adapter.send({ outboxId: 2, idempotencyKey: 'message:42', channel: 'whatsapp', toPhone: '+393471234567', body: 'Promemoria: domani alle 10:30' });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(await sending).toMatchObject({ ok: true });
    await vi.advanceTimersByTimeAsync(0);
    await first.adapter.stop();
    const id = whatsappMessageId('message:42');
    const raw = app.ctx.db.prepare('SELECT content FROM whatsapp_sent_content WHERE provider_id = ?').get(id) as { content: Buffer };
    expect(raw.content.toString('latin1')).not.toContain('Promemoria');
    const second = await run(store, retryState, '/nonexistent', []);
    const again = (await second.s.retryReceipt(JID, id)) as proto.IMessage;
    expect(again.extendedTextMessage?.text ?? again.conversation).toBe('Promemoria: domani alle 10:30');
    await second.adapter.stop();
  });
});
