import type { WAMessage } from '@whiskeysockets/baileys';
import { statusCodeOf } from '../connection/disconnectReason';
import type { Timers } from '../../../domain/shared/timers';

/**
 * WhatsApp deletes a media file from its CDN after a while; the file is then fetched with 404/410 and
 * only the sender's phone can upload it again (a "media retry" request, Baileys' sock.updateMediaMessage,
 * which rewrites the message's directPath and url).
 *
 * rc14's downloadMediaMessage has a `reuploadRequest` context for this (lib/Utils/messages.js), but it
 * tests `error.status`, while the error its own getHttpStream throws (lib/Utils/messages-media.js) is a
 * Boom whose code is in `output.statusCode`: the re-upload never fires. So it is done here, once.
 */
const EXPIRED = new Set([404, 410]);

export async function downloadWithReupload(
  msg: WAMessage,
  download: (m: WAMessage) => Promise<Buffer>,
  reupload: (m: WAMessage) => Promise<WAMessage>,
): Promise<Buffer> {
  try {
    return await download(msg);
  } catch (err) {
    const code = statusCodeOf(err as Error);
    if (code === null || !EXPIRED.has(code)) throw err;
    return download(await reupload(msg));
  }
}

/**
 * Waits for `work` at most `ms`. rc14's getHttpStream passes neither a signal nor a timeout to fetch()
 * (only dispatcher and headers, lib/Utils/messages-media.js), so a stalled CDN download would wait forever;
 * here the desk stops waiting and reports it. The fetch itself ends when the socket does.
 */
export function withTimeout<T>(work: Promise<T>, ms: number, timers: Timers): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const handle = timers.setTimeout(() => reject(new Error(`download timed out after ${Math.round(ms / 1000)} s`)), ms);
    work.then(
      (v) => {
        timers.clearTimeout(handle);
        resolve(v);
      },
      (e: unknown) => {
        timers.clearTimeout(handle);
        reject(e as Error);
      },
    );
  });
}
