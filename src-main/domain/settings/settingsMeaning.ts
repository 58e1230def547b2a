import { getCountries, type CountryCode } from 'libphonenumber-js';
import { invalidInput } from '../shared/errors';

/**
 * Settings checked by what they mean, not only by their type: a value accepted here can never break a
 * later read (a time zone every date formatter must know, a phone region libphonenumber can parse with,
 * a language code the world uses).
 */
const REGIONS = new Set<string>(getCountries());

export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    // Offsets like "+01:00" are accepted by some engines but are not IANA names and break DST rules.
    return /^[A-Za-z_]+(\/[A-Za-z0-9_+-]+)*$/.test(zone);
  } catch {
    return false;
  }
}

export const isPhoneRegion = (region: string): region is CountryCode => REGIONS.has(region);

export function isLanguageCode(code: string): boolean {
  if (!/^[a-z]{2}$/.test(code)) return false;
  try {
    const name = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(code);
    return name !== undefined && name !== code;
  } catch {
    return false;
  }
}

export function checkClinicSettingsMeaning(s: { timeZone?: string; defaultRegion?: string; defaultLanguage?: string }): void {
  if (s.timeZone !== undefined && !isTimeZone(s.timeZone)) throw invalidInput('timeZone', `"${s.timeZone}" is not a time zone name like Europe/Rome`, { reason: 'errors-detail:timeZone', params: { value: s.timeZone } });
  if (s.defaultRegion !== undefined && !isPhoneRegion(s.defaultRegion)) throw invalidInput('defaultRegion', `"${s.defaultRegion}" is not a country code like IT or PL`, { reason: 'errors-detail:region', params: { value: s.defaultRegion } });
  if (s.defaultLanguage !== undefined && !isLanguageCode(s.defaultLanguage)) throw invalidInput('defaultLanguage', `"${s.defaultLanguage}" is not a language code like it, pl or en`, { reason: 'errors-detail:language', params: { value: s.defaultLanguage } });
}
