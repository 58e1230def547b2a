/**
 * The GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1) and its extension table (§6.2.1.1), as
 * characters. Pure data, no Node imports: the renderer's live counter uses it too.
 */

/** The 128 basic characters, one septet each (0x1B, the escape, is not a character of its own). */
const BASIC =
  '@£$¥èéùìòÇ\nØø\rÅå' +
  'Δ_ΦΓΛΩΠΨΣΘΞÆæßÉ' +
  ' !"#¤%&\'()*+,-./' +
  '0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNO' +
  'PQRSTUVWXYZÄÖÑÜ§' +
  '¿abcdefghijklmno' +
  'pqrstuvwxyzäöñüà';

/** Extension table: each costs two septets (ESC + code) and must not be split across segments. */
const EXTENSION = '\f^{}\\[~]|€';

const basicSet: ReadonlySet<string> = new Set(BASIC);
const extensionSet: ReadonlySet<string> = new Set(EXTENSION);

/** Septets a character costs in GSM-7, or null when GSM-7 cannot carry it. */
export function gsmSeptets(ch: string): 1 | 2 | null {
  if (basicSet.has(ch)) return 1;
  if (extensionSet.has(ch)) return 2;
  return null;
}

export const isGsmExtension = (ch: string): boolean => extensionSet.has(ch);
