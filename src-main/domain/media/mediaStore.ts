import { createHash } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { MediaRef } from '../messaging/channelPort';
import { DeskError, invalidInput } from '../shared/errors';
import { ALLOWED_MEDIA, baseMime, sniffMime, type MediaKind } from './mediaType';

/**
 * Media files (images, PDFs, voice notes) stored once on disk by content: <dataDir>/media/ab/cdef…
 * where abcdef… is the sha256. The same photo sent twice, or forwarded to three patients, is one
 * file. Writes go to a temp file that is flushed and renamed into place, so a crash never leaves a
 * half-written file under a real name. Metadata (mime, name, size) lives in the database.
 */
export const DEFAULT_LIMITS: Record<MediaKind, number> = {
  image: 16 * 1024 * 1024,
  audio: 16 * 1024 * 1024,
  video: 64 * 1024 * 1024,
  document: 100 * 1024 * 1024,
};

export interface StoredMedia extends MediaRef {
  kind: MediaKind;
  /** True when the content was already on disk. */
  deduped: boolean;
}

const SHA256 = /^[0-9a-f]{64}$/;
let tempCounter = 0;

export class MediaStore {
  readonly root: string;
  private readonly limits: Record<MediaKind, number>;

  constructor(dataDir: string, limits: Partial<Record<MediaKind, number>> = {}) {
    this.root = join(dataDir, 'media');
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** Checks a file without storing it: its real type (from its bytes, not its name), allowed and within the size limit. */
  inspect(bytes: Uint8Array, declaredMime?: string | null): { mime: string; kind: MediaKind } {
    if (bytes.length === 0) throw invalidInput('file', 'the file is empty', { reason: 'errors-input:fileEmpty' });
    const mime = sniffMime(bytes);
    const kind = mime ? ALLOWED_MEDIA[mime] : undefined;
    if (!mime || !kind) {
      const said = declaredMime ? baseMime(declaredMime) : 'unknown';
      throw invalidInput('file', `this ${said} file cannot be stored (images, PDF, audio and MP4 video only)`, { reason: 'errors-input:fileType' });
    }
    const limit = this.limits[kind];
    if (bytes.length > limit) {
      throw invalidInput('file', `${kind} of ${bytes.length} bytes is over the ${Math.round(limit / 1024 / 1024)} MB limit`, { reason: 'errors-input:fileTooBig', params: { mb: Math.round(limit / 1024 / 1024) } });
    }
    return { mime, kind };
  }

  async put(bytes: Uint8Array, declared: { mime?: string | null; fileName?: string | null } = {}): Promise<StoredMedia> {
    const { mime, kind } = this.inspect(bytes, declared.mime);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const target = this.pathOf(sha256);
    const ref = { sha256, mime, kind, size: bytes.length, ...(declared.fileName ? { fileName: cleanFileName(declared.fileName) } : {}) };
    if (await this.has(sha256)) return { ...ref, deduped: true };
    await mkdir(join(this.root, sha256.slice(0, 2)), { recursive: true });
    const temp = join(this.root, sha256.slice(0, 2), `.${sha256.slice(2)}.${process.pid}.${++tempCounter}.tmp`);
    try {
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw new DeskError('internal', `media: could not store the file (${(err as Error).message})`, { field: 'file', reason: 'errors-detail:mediaNotStored' });
    }
    return { ...ref, deduped: false };
  }

  pathOf(sha256: string): string {
    if (!SHA256.test(sha256)) throw invalidInput('sha256', 'not a sha256 hex digest');
    return join(this.root, sha256.slice(0, 2), sha256.slice(2));
  }

  async has(sha256: string): Promise<boolean> {
    return stat(this.pathOf(sha256)).then(
      (s) => s.isFile(),
      () => false,
    );
  }

  async read(sha256: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(sha256));
    } catch (err) {
      if (err instanceof DeskError) throw err;
      throw new DeskError('not_found', `media ${sha256} is not on disk`, { field: 'sha256', reason: 'errors-detail:mediaMissing' });
    }
  }
}

/** Keeps the name shown to people, never a path. */
export function cleanFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
   
  return base.replace(/[\u0000-\u001f]/g, '').trim().slice(0, 200) || 'file';
}
