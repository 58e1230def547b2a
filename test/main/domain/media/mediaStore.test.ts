import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanFileName, MediaStore } from '../../../../src-main/domain/media/mediaStore';
import { sniffMime } from '../../../../src-main/domain/media/mediaType';

const bytes = (...parts: (string | number[])[]): Buffer =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

const PNG = bytes('\x89PNG\r\n\x1a\n', [0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]);
const PDF = bytes('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
const OGG = bytes('OggS', [0, 2], new Array(20).fill(0), 'OpusHead');

describe('sniffMime', () => {
  it.each([
    [PNG, 'image/png'],
    [bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'), 'image/jpeg'],
    [bytes('GIF89a'), 'image/gif'],
    [bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
    [PDF, 'application/pdf'],
    [OGG, 'audio/ogg'],
    [bytes('ID3', [4, 0]), 'audio/mpeg'],
    [bytes([0, 0, 0, 32], 'ftypM4A '), 'audio/mp4'],
    [bytes([0, 0, 0, 32], 'ftypisom'), 'video/mp4'],
    [bytes('MZ\x90\x00'), null],
    [bytes('hello'), null],
  ])('%#: -> %s', (data, mime) => {
    expect(sniffMime(data)).toBe(mime);
  });
});

describe('MediaStore', () => {
  let dir: string;
  let store: MediaStore;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'desk-media-'));
    store = new MediaStore(dir, { image: 1024 });
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores by content hash under media/ab/cdef… and reads it back', async () => {
    const ref = await store.put(PNG, { mime: 'image/png', fileName: 'scan.png' });
    expect(ref).toMatchObject({ mime: 'image/png', kind: 'image', size: PNG.length, fileName: 'scan.png', deduped: false });
    expect(ref.sha256).toMatch(/^[0-9a-f]{64}$/);
    const path = join(dir, 'media', ref.sha256.slice(0, 2), ref.sha256.slice(2));
    expect(await readFile(path)).toEqual(PNG);
    expect(await store.read(ref.sha256)).toEqual(PNG);
    expect(await store.has(ref.sha256)).toBe(true);
  });

  it('stores the same content once and leaves no temp files', async () => {
    const a = await store.put(PDF, { fileName: 'referral.pdf' });
    const b = await store.put(PDF, { fileName: 'copy.pdf' });
    expect(b.sha256).toBe(a.sha256);
    expect(b.deduped).toBe(true);
    const files = await readdir(join(dir, 'media', a.sha256.slice(0, 2)));
    expect(files).toEqual([a.sha256.slice(2)]);
  });

  it('writes concurrent puts of the same content safely', async () => {
    const refs = await Promise.all([store.put(OGG), store.put(OGG), store.put(OGG)]);
    expect(new Set(refs.map((r) => r.sha256)).size).toBe(1);
    expect(await store.read(refs[0]!.sha256)).toEqual(OGG);
    expect(await readdir(join(dir, 'media', refs[0]!.sha256.slice(0, 2)))).toHaveLength(1);
  });

  it('trusts the bytes, not the declared type', async () => {
    expect((await store.put(PDF, { mime: 'image/jpeg' })).mime).toBe('application/pdf');
  });

  it.each([
    ['empty', Buffer.alloc(0), /file: the file is empty/],
    ['an executable named like a photo', bytes('MZ\x90\x00rest'), /file: this image\/jpeg file cannot be stored/],
    ['over the size limit', Buffer.concat([PNG, Buffer.alloc(2000)]), /file: image of \d+ bytes is over the 0 MB limit/],
  ])('refuses %s and writes nothing', async (_name, data, message) => {
    await expect(store.put(data, { mime: 'image/jpeg' })).rejects.toThrow(message);
    await expect(readdir(join(dir, 'media'))).rejects.toThrow();
  });

  it('refuses hashes that are not hashes (no path traversal)', async () => {
    expect(() => store.pathOf('../../etc/passwd')).toThrow(/sha256: not a sha256 hex digest/);
    await expect(store.read('0'.repeat(64))).rejects.toThrow(/is not on disk/);
  });

  it.each([
    ['C:\\Users\\anna\\Desktop\\rtg.pdf', 'rtg.pdf'],
    ['../../secret.png', 'secret.png'],
    ['a\u0000b.png', 'ab.png'],
    ['', 'file'],
  ])('cleans the file name %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });
});
