import { describe, expect, it } from 'vitest';
import { decodeTextFile } from '../../../../src-main/domain/shared/textEncoding';

// Byte values from the code page tables (https://www.unicode.org/Public/MAPPINGS/VENDORS/MICSFT/WINDOWS/CP1250.TXT, CP1252.TXT).
const cp1250 = (s: string): Uint8Array => {
  const map: Record<string, number> = { Ż: 0xaf, Ł: 0xa3, ł: 0xb3, ą: 0xb9, ę: 0xea, ś: 0x9c, ż: 0xbf, ó: 0xf3, ć: 0xe6, ń: 0xf1, ź: 0x9f };
  return Uint8Array.from([...s].map((c) => map[c] ?? c.charCodeAt(0)));
};
const latin = (s: string): Uint8Array => Uint8Array.from([...s].map((c) => c.charCodeAt(0))); // CP1252 = Latin-1 for these letters

describe('decodeTextFile', () => {
  const csv = 'Data,Numero,Nome\n2026-11-23 09:00,+48601234567,';
  it('reads UTF-8 with and without BOM', () => {
    const bytes = new TextEncoder().encode(`${csv}Łukasz Żółć`);
    expect(decodeTextFile(bytes)).toEqual({ text: `${csv}Łukasz Żółć`, encoding: 'utf-8' });
    expect(decodeTextFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]))).toEqual({ text: `${csv}Łukasz Żółć`, encoding: 'utf-8' });
  });

  it('reads UTF-16 with a BOM and without one (Excel "Unicode text")', () => {
    const le = Buffer.from(`${csv}Łukasz`, 'utf16le');
    expect(decodeTextFile(Uint8Array.from([0xff, 0xfe, ...le]))).toMatchObject({ text: `${csv}Łukasz`, encoding: 'utf-16le' });
    expect(decodeTextFile(Uint8Array.from(le))).toMatchObject({ text: `${csv}Łukasz`, encoding: 'utf-16le' });
    const be = Uint8Array.from(le).map((_, i, a) => a[i % 2 === 0 ? i + 1 : i - 1]!);
    expect(decodeTextFile(Uint8Array.from([0xfe, 0xff, ...be]))).toMatchObject({ text: `${csv}Łukasz`, encoding: 'utf-16be' });
  });

  it('tells Windows-1250 (Polish) from Windows-1252 (Italian)', () => {
    expect(decodeTextFile(cp1250(`${csv}Łukasz Wąsik, Żaneta Błaszczyk`))).toEqual({ text: `${csv}Łukasz Wąsik, Żaneta Błaszczyk`, encoding: 'windows-1250' });
    expect(decodeTextFile(latin(`${csv}Niccolò Pià, Perché`))).toEqual({ text: `${csv}Niccolò Pià, Perché`, encoding: 'windows-1252' });
  });

  it('refuses binary data, naming what it found', () => {
    expect(decodeTextFile(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x14, 0x00, 0x06]))).toMatchObject({ error: expect.stringMatching(/binary data/) });
  });
});
