import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { DeskError } from '../shared/errors';

export type Region = CountryCode;

/**
 * Normalises a phone number received from a channel in any format ("+48 601 234 567", "601234567",
 * "0048601234567", "(06) 1234 5678") to E.164, using the clinic's region for national numbers.
 * Returns null when the text cannot be a phone number. Received numbers only need to be possible
 * (right length): a sender on a range newer than libphonenumber's metadata must still reach the inbox.
 */
export function toE164(raw: string, defaultRegion: Region): string | null {
  return memo(e164Memo, `${defaultRegion}|${raw}`, () => {
    const parsed = parse(raw, defaultRegion);
    return parsed?.isPossible() ? parsed.number : null;
  });
}

/**
 * A number typed by the desk must be valid for its country's numbering plan (libphonenumber isValid(),
 * not isPossible(): "123456" is possible in Italy, not valid). Null when it is not.
 */
export function toValidE164(raw: string, defaultRegion: Region): string | null {
  const parsed = parse(raw, defaultRegion);
  return parsed?.isValid() ? parsed.number : null;
}

/**
 * Parsing a number costs ~0.1 ms and the same few thousand numbers come back all day (every message,
 * every list row): remember recent answers. Bounded; the functions are pure, so a hit is always right.
 */
const MEMO_SIZE = 5_000;
const e164Memo = new Map<string, string | null>();
const displayMemo = new Map<string, string>();
function memo<T>(cache: Map<string, T>, key: string, compute: () => T): T {
  if (cache.has(key)) return cache.get(key)!;
  const value = compute();
  if (cache.size >= MEMO_SIZE) cache.clear();
  cache.set(key, value);
  return value;
}

function parse(raw: string, defaultRegion: Region): ReturnType<typeof parsePhoneNumberFromString> {
  const cleaned = raw.trim().replace(/^00(?=\d)/, '+');
  if (!/\d/.test(cleaned)) return undefined;
  return parsePhoneNumberFromString(cleaned, defaultRegion);
}

/** Like toValidE164 but a bad number is a DeskError naming the field (phoneSuggestions.ts adds what was meant). */
export function requireE164(raw: string, defaultRegion: Region, field = 'phone', invalid?: (raw: string) => DeskError): string {
  const e164 = toValidE164(raw, defaultRegion);
  if (!e164) {
    throw invalid?.(raw) ?? new DeskError('invalid_input', `${field}: "${raw}" is not a valid phone number`, { field, reason: 'phone.invalid', params: { number: raw } });
  }
  return e164;
}

/** Country of an E.164 number (e.g. 'PL' for +48…), used to propose a patient's language. */
export function regionOf(e164: string): Region | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** Human display in international format: "+48 601 234 567". */
export function formatPhone(e164: string): string {
  return memo(displayMemo, e164, () => parsePhoneNumberFromString(e164)?.formatInternational() ?? e164);
}
