/**
 * What a file really is, from its first bytes: the declared MIME type of an upload or of a
 * WhatsApp attachment is only a hint, and the desk must never store or show a disguised file.
 */
export type MediaKind = 'image' | 'document' | 'audio' | 'video';

export const ALLOWED_MEDIA: Record<string, MediaKind> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/gif': 'image',
  'image/webp': 'image',
  'application/pdf': 'document',
  'audio/ogg': 'audio',
  'audio/mpeg': 'audio',
  'audio/mp4': 'audio',
  'audio/wav': 'audio',
  'video/mp4': 'video',
};

const ascii = (bytes: Uint8Array, from: number, to: number): string => String.fromCharCode(...bytes.subarray(from, to));

export function sniffMime(bytes: Uint8Array): string | null {
  const b = (i: number): number => bytes[i] ?? -1;
  if (b(0) === 0xff && b(1) === 0xd8 && b(2) === 0xff) return 'image/jpeg';
  if (ascii(bytes, 0, 8) === '\x89PNG\r\n\x1a\n') return 'image/png';
  if (ascii(bytes, 0, 4) === 'GIF8') return 'image/gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(bytes, 0, 4) === 'OggS') return 'audio/ogg';
  if (ascii(bytes, 0, 3) === 'ID3' || (b(0) === 0xff && (b(1) & 0xe0) === 0xe0)) return 'audio/mpeg';
  if (ascii(bytes, 4, 8) === 'ftyp') return /^M4A|^M4B/.test(ascii(bytes, 8, 12)) ? 'audio/mp4' : 'video/mp4';
  return null;
}

/** "audio/ogg; codecs=opus" -> "audio/ogg". */
export const baseMime = (mime: string): string => mime.split(';')[0]!.trim().toLowerCase();
