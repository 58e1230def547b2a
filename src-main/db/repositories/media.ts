import type { Db } from '../database';

/** Metadata of media files; the bytes live on disk under <dataDir>/media (see domain/media/mediaStore). */
export interface MediaRow {
  sha256: string;
  mime: string;
  kind: 'image' | 'document' | 'audio' | 'video';
  size: number;
  file_name: string | null;
  created_at: number;
}

export function recordMedia(db: Db, m: Omit<MediaRow, 'created_at'>, at: number): void {
  db.prepare('INSERT INTO media (sha256, mime, kind, size, file_name, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(sha256) DO NOTHING').run(
    m.sha256,
    m.mime,
    m.kind,
    m.size,
    m.file_name,
    at,
  );
}

export function getMedia(db: Db, sha256: string): MediaRow | undefined {
  return db.prepare('SELECT * FROM media WHERE sha256 = ?').get(sha256) as MediaRow | undefined;
}
