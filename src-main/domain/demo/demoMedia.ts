import { deflateSync } from 'node:zlib';
import type { Db } from '../../db/database';
import { findByProviderId, insertMessage } from '../../db/repositories/messages';
import { conversationOfPatient } from '../../db/repositories/inbox';
import { findPatientByIdentity } from '../../db/repositories/patients';
import type { MediaService } from '../media/mediaService';

/**
 * The demo clinic's media, made here rather than shipped as files: Katarzyna sends a photo of her
 * referral and a voice note on WhatsApp, the clinic answers with a PDF. Stored through the media
 * store like any upload (content hash under <data>/media); idempotent by provider id.
 */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
};

/** A PNG from a pixel function (RGB, no filtering). */
export function pngImage(width: number, height: number, pixel: (x: number, y: number) => [number, number, number]): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** A phone photo of a paper referral: a slightly grey page with a blue letterhead and lines of text. */
const referralPhoto = (): Buffer =>
  pngImage(240, 320, (x, y) => {
    const page = x > 14 && x < 226 && y > 12 && y < 308;
    if (!page) return [92, 84, 76];
    if (y > 24 && y < 48 && x > 28 && x < 150) return [37, 99, 235];
    const line = y > 70 && y < 270 && (y - 70) % 18 < 4 && x > 28 && x < 212 - ((y * 7) % 60);
    if (line) return [70, 74, 82];
    if (y > 282 && y < 292 && x > 140 && x < 206 && Math.abs(Math.sin(x / 5) * 4 - (y - 287)) < 1.5) return [20, 40, 120];
    const shade = 246 - Math.round((x + y) / 40);
    return [shade, shade, shade - 4];
  });

/** Two seconds of a soft spoken-like tone as 8 kHz mono WAV (the player shows its length). */
function voiceNote(): Buffer {
  const rate = 8000;
  const samples = rate * 2;
  const wav = Buffer.alloc(44 + samples);
  wav.write('RIFF', 0, 'latin1');
  wav.writeUInt32LE(36 + samples, 4);
  wav.write('WAVEfmt ', 8, 'latin1');
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20);
  wav.writeUInt16LE(1, 22);
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write('data', 36, 'latin1');
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) {
    const t = i / rate;
    const envelope = Math.sin(Math.PI * ((t * 3) % 1)) * 0.5;
    wav[44 + i] = 128 + Math.round(envelope * 60 * Math.sin(2 * Math.PI * 180 * t));
  }
  return wav;
}

/** A one-page PDF with a correct cross-reference table, so every viewer opens it. */
function instructionsPdf(): Buffer {
  const text = 'BT /F1 16 Tf 56 760 Td (Studio Dentistico Moretti) Tj 0 -28 Td /F1 12 Tf (Przed zabiegiem: prosimy nie jesc 2 godziny wczesniej.) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${text.length} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets = objects.map((o, i) => {
    const at = pdf.length;
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

export async function seedDemoMedia(db: Db, media: MediaService): Promise<void> {
  const patientId = findPatientByIdentity(db, 'phone', '+48601234567');
  const first = findByProviderId(db, 'whatsapp', 'demo-kasia-1');
  const conversationId = patientId === undefined ? null : conversationOfPatient(db, patientId);
  if (conversationId === null || !first || findByProviderId(db, 'whatsapp', 'demo-kasia-photo')) return;
  const photo = await media.save(referralPhoto(), 'image/png', 'skierowanie.png');
  const voice = await media.save(voiceNote(), 'audio/wav', 'notatka-glosowa.wav');
  const pdf = await media.save(instructionsPdf(), 'application/pdf', 'instrukcja-przed-zabiegiem.pdf');
  const ref = (m: typeof photo) => ({ media: { sha256: m.sha256, mime: m.mime, size: m.size, fileName: m.fileName } });
  const at = first.created_at;
  insertMessage(db, { conversationId, channel: 'whatsapp', direction: 'in', kind: 'image', body: 'Przesyłam skierowanie od lekarza rodzinnego.', status: 'received', providerId: 'demo-kasia-photo', meta: ref(photo), at: at + 2 * 60_000 });
  insertMessage(db, { conversationId, channel: 'whatsapp', direction: 'in', kind: 'audio', body: '', status: 'received', providerId: 'demo-kasia-voice', meta: ref(voice), at: at + 3 * 60_000 });
  insertMessage(db, { conversationId, channel: 'whatsapp', direction: 'out', kind: 'document', body: 'Instrukcja przed zabiegiem w załączniku.', status: 'read', author: 'Reception', providerId: 'demo-kasia-pdf', meta: ref(pdf), at: at + 62 * 60_000 });
}
