import fs from 'node:fs';
import zlib from 'node:zlib';

/**
 * The renderer's files, compressed for LAN browsers (the manager's PC, the waiting-room TV): brotli
 * when the browser accepts it, else gzip. Each file is compressed once per version (path + mtime +
 * size) and kept in memory; the built renderer is a few hundred kilobytes compressed, so the cache is bounded.
 */
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|manifest\+json)|image\/svg\+xml)/;
const MIN_BYTES = 1024;
const cache = new Map<string, Buffer>();

export type Encoding = 'br' | 'gzip';

export function pickEncoding(acceptEncoding: string | string[] | undefined): Encoding | null {
  const accepted = (Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : (acceptEncoding ?? '')).toLowerCase();
  const allows = (name: string): boolean => accepted.split(',').some((part) => {
    const [token, ...params] = part.trim().split(';');
    return token === name && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
  if (allows('br')) return 'br';
  if (allows('gzip')) return 'gzip';
  return null;
}

/** The file's bytes to send and the Content-Encoding to declare (null = as is). */
export function staticBody(file: string, type: string, acceptEncoding: string | string[] | undefined): { body: Buffer; encoding: Encoding | null } {
  const stat = fs.statSync(file);
  const encoding = COMPRESSIBLE.test(type) && stat.size >= MIN_BYTES ? pickEncoding(acceptEncoding) : null;
  if (!encoding) return { body: fs.readFileSync(file), encoding: null };
  const key = `${encoding}:${file}:${stat.mtimeMs}:${stat.size}`;
  let body = cache.get(key);
  if (!body) {
    const raw = fs.readFileSync(file);
    body =
      encoding === 'br'
        ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
        : zlib.gzipSync(raw, { level: 9 });
    for (const k of cache.keys()) if (k.startsWith(`${encoding}:${file}:`)) cache.delete(k); // an older build of the same file
    cache.set(key, body);
  }
  return { body, encoding };
}
