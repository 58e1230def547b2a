// The full metadata: validity by number type, so only mobile numbers (what SMS and WhatsApp reach) are proposed.
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import type { Db } from '../../db/database';
import { conversationOfPatient } from '../../db/repositories/inbox';
import { phonesEndingWith } from '../../db/repositories/phoneLookup';
import { DeskError } from '../shared/errors';
import { formatPhone } from './phone';

/**
 * What a number rejected as invalid was probably meant to be. libphonenumber's isValid() checks the
 * number against the country's numbering plan (isPossible() only its length), so "601-234-567" typed in
 * an Italian clinic is refused as +39 601 234 567 and proposed as the Polish mobile +48 601 234 567.
 */

/** Countries whose patients the clinics see most, tried in this order for a national number typed without its prefix. */
const NEIGHBOUR_REGIONS: CountryCode[] = ['IT', 'PL', 'DE', 'AT', 'CH', 'FR', 'ES', 'PT', 'GB', 'IE', 'NL', 'BE', 'CZ', 'SK', 'HU', 'RO', 'UA', 'SI', 'HR', 'GR'];

export function phoneCandidates(raw: string, region: CountryCode): string[] {
  const typed = raw.trim();
  const digits = typed.replace(/\D/g, '');
  if (digits.length < 6) return [];
  const out = new Set<string>();
  const consider = (text: string, r?: CountryCode): void => {
    const p = parsePhoneNumberFromString(text, r);
    const type = p?.isValid() ? p.getType() : undefined;
    if (p && (type === 'MOBILE' || type === 'FIXED_LINE_OR_MOBILE')) out.add(p.number);
  };
  const international = /^(\+|00)/.test(typed);
  // A country code typed without "+" ("48601234567").
  if (!international) consider(`+${digits}`);
  // A national number of a neighbouring country ("601234567" is Polish, not Italian).
  const national = international ? (parsePhoneNumberFromString(typed.replace(/^00/, '+'))?.nationalNumber ?? digits) : digits;
  for (const r of NEIGHBOUR_REGIONS) if (r !== region) consider(national, r);
  return [...out];
}

export interface PhoneSuggestion {
  e164: string;
  display: string;
  /** The patient who already has this number (or one ending the same way). */
  patient: { id: number; name: string; conversationId: number | null } | null;
}

export function phoneSuggestions(db: Db, raw: string, region: CountryCode): PhoneSuggestion[] {
  const candidates = phoneCandidates(raw, region);
  const digits = raw.replace(/\D/g, '');
  const owners = phonesEndingWith(db, digits.length > 9 ? digits.slice(-9) : digits);
  const byNumber = new Map(
    owners.map((o) => [o.value, { id: o.patient_id, name: `${o.first_name} ${o.last_name}`.trim() || `#${o.patient_id}`, conversationId: conversationOfPatient(db, o.patient_id) }]),
  );
  const list = [...new Set([...owners.map((o) => o.value), ...candidates])];
  // A number already on a patient's card first: the receptionist is most likely typing that person again.
  return list
    .map((e164) => ({ e164, display: formatPhone(e164), patient: byNumber.get(e164) ?? null }))
    .sort((a, b) => Number(b.patient !== null) - Number(a.patient !== null))
    .slice(0, 3);
}

/** The error for a typed number libphonenumber rates invalid: code `invalid_phone`, field, and the suggestions as params. */
export function invalidPhoneError(db: Db, raw: string, region: CountryCode, field: string): DeskError {
  const suggestions = phoneSuggestions(db, raw, region);
  const first = suggestions[0];
  const hint = first ? ` — did you mean ${first.display}${first.patient ? ` (${first.patient.name})` : ''}?` : '';
  return new DeskError('invalid_input', `${field}: "${raw}" is not a valid phone number${hint}`, { field, details: { reason: 'invalid_phone', raw, suggestions } });
}
