import { readFileSync, rmSync } from 'node:fs';
import * as baileys from '@whiskeysockets/baileys';
import type { WAMessage } from '@whiskeysockets/baileys';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadWithReupload, withTimeout } from '../../../../../src-main/channels/whatsapp/socket/mediaDownload';
import { realMediaDownloader } from '../../../../../src-main/channels/whatsapp/socket/realSocket';
import { FakeSocket } from '../fakeSocket';

/**
 * Baileys rc14's own downloadMediaMessage and media crypto (lib/Utils/messages.js, messages-media.js):
 * the file is encrypted exactly as WhatsApp's CDN serves it; only fetch() is replaced, answering
 * 410 Gone for the expired path and the encrypted bytes for the path the phone re-uploaded to.
 */
async function encryptedImage(plain: Buffer): Promise<{ mediaKey: Uint8Array; enc: Buffer }> {
  const r = await baileys.encryptedStream(plain, 'image');
  const enc = readFileSync(r.encFilePath);
  rmSync(r.encFilePath, { force: true });
  return { mediaKey: r.mediaKey, enc };
}

function imageMessage(mediaKey: Uint8Array, directPath: string): WAMessage {
  return {
    key: { remoteJid: '393471234567@s.whatsapp.net', fromMe: false, id: '3A0B7D6C5E4F3A2B1C0D' },
    message: { imageMessage: { mimetype: 'image/jpeg', mediaKey, directPath, url: `https://mmg.whatsapp.net${directPath}` } },
  };
}

describe('media download (rc14 downloadMediaMessage)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('expired media (410): asks the phone to upload it again, once, and decrypts the new copy', async () => {
    const plain = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(5000, 9)]);
    const { mediaKey, enc } = await encryptedImage(plain);
    const urls: string[] = [];
    vi.stubGlobal('fetch', async (url: string) => {
      urls.push(url);
      return url.includes('/v/t62.7118-24/new') ? new Response(new Uint8Array(enc), { status: 200 }) : new Response('gone', { status: 410 });
    });
    const sock = new FakeSocket();
    // What rc14's updateMediaMessage does on the phone's SUCCESS answer: new directPath and url on the same message.
    sock.reupload = async (m) => {
      const img = m.message!.imageMessage!;
      img.directPath = '/v/t62.7118-24/new.enc';
      img.url = `https://mmg.whatsapp.net${img.directPath}`;
      return m;
    };
    const bytes = await realMediaDownloader(imageMessage(mediaKey, '/v/t62.7118-24/old.enc'), sock);
    expect(bytes.equals(plain)).toBe(true);
    expect(sock.reuploads).toEqual(['3A0B7D6C5E4F3A2B1C0D']);
    expect(urls.map((u) => new URL(u).pathname)).toEqual(['/v/t62.7118-24/old.enc', '/v/t62.7118-24/new.enc']);
  });

  it('the phone no longer has the file: the re-upload error is what the message shows', async () => {
    const { mediaKey } = await encryptedImage(Buffer.from('x'));
    vi.stubGlobal('fetch', async () => new Response('gone', { status: 410 }));
    const sock = new FakeSocket();
    await expect(realMediaDownloader(imageMessage(mediaKey, '/v/old.enc'), sock)).rejects.toThrow('Media re-upload failed by device (NOT_FOUND)');
  });

  it('other failures (403, network) are not re-upload requests', async () => {
    const reupload = vi.fn(async (m: WAMessage) => m);
    const forbidden = Object.assign(new Error('Failed to fetch stream'), { output: { statusCode: 403 } });
    await expect(downloadWithReupload(imageMessage(new Uint8Array(32), '/v/a'), async () => Promise.reject(forbidden), reupload)).rejects.toBe(forbidden);
    await expect(downloadWithReupload(imageMessage(new Uint8Array(32), '/v/a'), async () => Promise.reject(new TypeError('fetch failed')), reupload)).rejects.toThrow('fetch failed');
    expect(reupload).not.toHaveBeenCalled();
  });

  it('withTimeout gives up on a stalled download and leaves a finished one alone', async () => {
    vi.useFakeTimers();
    try {
      const timers = { setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms), clearTimeout: (h: unknown) => clearTimeout(h as NodeJS.Timeout) };
      const stalled = withTimeout(new Promise<Buffer>(() => undefined), 30_000, timers);
      const check = expect(stalled).rejects.toThrow('download timed out after 30 s');
      await vi.advanceTimersByTimeAsync(30_000);
      await check;
      await expect(withTimeout(Promise.resolve(Buffer.from('ok')), 30_000, timers)).resolves.toEqual(Buffer.from('ok'));
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});
