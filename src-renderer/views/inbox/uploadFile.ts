import type { MediaRefDto } from '../../../src-main/contract/media';
import { desk } from '../../api/client';

/** The server takes files in 512 KiB chunks (API frames are capped at 1 MB). */
const CHUNK = 512 * 1024;

function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Uploads a file chosen in the composer; the server checks what it really is and stores it once by content hash. */
export async function uploadFile(file: File): Promise<MediaRefDto> {
  const uploadId = crypto.randomUUID();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const chunks = Math.max(1, Math.ceil(bytes.length / CHUNK));
  for (let index = 0; index < chunks; index++) {
    const part = bytes.subarray(index * CHUNK, (index + 1) * CHUNK);
    const last = index === chunks - 1;
    const res = await desk.call('media.upload', { uploadId, index, dataBase64: toBase64(part), last, fileName: file.name.slice(0, 200), mime: file.type || 'application/octet-stream' });
    if (last && res.media) return res.media;
  }
  throw new Error('upload did not complete');
}
