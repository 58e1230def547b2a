import type { Db } from '../../db/database';
import { getMedia, recordMedia } from '../../db/repositories/media';
import type { Clock } from '../shared/clock';
import { DeskError, invalidInput, notFound } from '../shared/errors';
import { DEFAULT_LIMITS, type MediaStore, type StoredMedia } from './mediaStore';

/**
 * Uploads from the composer arrive in chunks (API frames are capped at 1 MB) and are stored once
 * complete; files are read back for the timeline. Metadata goes to the media table.
 */
export const CHUNK_BYTES = 512 * 1024;
const UPLOAD_TTL_MS = 10 * 60_000;
const MAX_UPLOAD = Math.max(...Object.values(DEFAULT_LIMITS));
const MAX_PENDING = 20;

interface PendingUpload {
  chunks: Buffer[];
  size: number;
  touchedAt: number;
}

export interface UploadChunk {
  uploadId: string;
  index: number;
  dataBase64: string;
  last: boolean;
  fileName: string;
  mime: string;
}

export class MediaService {
  private readonly pending = new Map<string, PendingUpload>();

  constructor(
    private readonly db: Db,
    readonly store: MediaStore,
    private readonly clock: Clock,
  ) {}

  /** Returns the stored media on the last chunk, null before. Chunks must come in order. */
  async upload(c: UploadChunk): Promise<StoredMedia | null> {
    this.expire();
    const chunk = Buffer.from(c.dataBase64, 'base64');
    let up = this.pending.get(c.uploadId);
    if (c.index === 0) {
      if (this.pending.size >= MAX_PENDING) throw new DeskError('rate_limited', 'too many uploads at once; try again in a moment', { reason: 'media.busy' });
      up = { chunks: [], size: 0, touchedAt: this.clock.now() };
      this.pending.set(c.uploadId, up);
    }
    if (!up || up.chunks.length !== c.index) {
      this.pending.delete(c.uploadId);
      throw invalidInput('index', `chunk ${c.index} of upload ${c.uploadId} arrived out of order; start the upload again`, { reason: 'errors-detail:uploadOrder' });
    }
    up.chunks.push(chunk);
    up.size += chunk.length;
    up.touchedAt = this.clock.now();
    if (up.size > MAX_UPLOAD) {
      this.pending.delete(c.uploadId);
      throw invalidInput('file', `the file is over the ${MAX_UPLOAD / 1024 / 1024} MB limit`, { reason: 'errors-input:fileTooBig', params: { mb: MAX_UPLOAD / 1024 / 1024 } });
    }
    if (!c.last) return null;
    this.pending.delete(c.uploadId);
    return this.save(Buffer.concat(up.chunks), c.mime, c.fileName);
  }

  async save(bytes: Uint8Array, mime: string | null, fileName: string | null): Promise<StoredMedia> {
    const stored = await this.store.put(bytes, { mime, fileName });
    recordMedia(this.db, { sha256: stored.sha256, mime: stored.mime, kind: stored.kind, size: stored.size, file_name: stored.fileName ?? null }, this.clock.now());
    return stored;
  }

  /** Files written by a channel adapter straight to the store may have no metadata row: the bytes tell the type. */
  async read(sha256: string): Promise<{ mime: string; fileName: string | null; size: number; dataBase64: string }> {
    const row = getMedia(this.db, sha256);
    if (!row && !(await this.store.has(sha256))) throw notFound('Media', sha256);
    const bytes = await this.store.read(sha256);
    const mime = row?.mime ?? this.store.inspect(bytes).mime;
    return { mime, fileName: row?.file_name ?? null, size: bytes.length, dataBase64: bytes.toString('base64') };
  }

  private expire(): void {
    const cutoff = this.clock.now() - UPLOAD_TTL_MS;
    for (const [id, up] of this.pending) if (up.touchedAt < cutoff) this.pending.delete(id);
  }
}
