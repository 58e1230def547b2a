import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { DeskError } from '../shared/errors';

export type Region = CountryCode;

/**
 * Normalises a phone number typed or received in any format ("+48 601 234 567", "601234567",
 * "0048601234567", "(06) 1234 5678") to E.164, using the clinic's region for national numbers.
 * Returns null when the text is not a plausible phone number.
 */
export function toE164(raw: string, defaultRegion: Region): string | null {
  const cleaned = raw.trim().replace(/^00(?=\d)/, '+');
  if (!/\d/.test(cleaned)) return null;
  const parsed = parsePhoneNumberFromString(cleaned, defaultRegion);
  if (!parsed || !parsed.isPossible()) return null;
  return parsed.number;
}

/** Like toE164 but a bad number is a DeskError naming the field. */
export function requireE164(raw: string, defaultRegion: Region, field = 'phone'): string {
  const e164 = toE164(raw, defaultRegion);
  if (!e164) {
    throw new DeskError('invalid_input', `${field}: "${raw}" is not a valid phone number`, { field, reason: 'phone.invalid', params: { number: raw } });
  }
  return e164;
}

/** Country of an E.164 number (e.g. 'PL' for +48…), used to propose a patient's language. */
export function regionOf(e164: string): Region | null {
  return parsePhoneNumberFromString(e164)?.country ?? null;
}

/** Human display in international format: "+48 601 234 567". */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}
