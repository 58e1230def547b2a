/**
 * A proposal for the patient's language, from what they wrote and from their phone's country code.
 * The receptionist confirms it on the patient card; nothing here changes a patient by itself.
 * The detector is injected (see languageDetector.ts) so that this stays pure and quick to test.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js';

export interface Detection {
  language: string;
  reliable: boolean;
}
export type DetectLanguage = (text: string) => Detection | null;

export interface LanguageProposal {
  language: string;
  source: 'text' | 'phone' | 'text+phone';
  confidence: 'high' | 'medium' | 'low';
}

/** Main language of a phone's country, where there is one obvious answer. */
const COUNTRY_LANGUAGE: Record<string, string> = {
  IT: 'it', SM: 'it', VA: 'it',
  PL: 'pl',
  GB: 'en', GG: 'en', JE: 'en', IM: 'en', IE: 'en', US: 'en', CA: 'en', AU: 'en', NZ: 'en', MT: 'en',
  DE: 'de', AT: 'de', LI: 'de',
  FR: 'fr', MC: 'fr', LU: 'fr',
  ES: 'es', MX: 'es', AR: 'es', CO: 'es', CL: 'es', PE: 'es', VE: 'es', EC: 'es',
  UA: 'uk',
  PT: 'pt', BR: 'pt', RO: 'ro', MD: 'ro', NL: 'nl', CZ: 'cs', SK: 'sk',
};

export function languageOfPhone(e164: string | null): string | null {
  if (!e164) return null;
  const country = parsePhoneNumberFromString(e164)?.country;
  return country ? (COUNTRY_LANGUAGE[country] ?? null) : null;
}

/** Below this many letters a detection is a guess ("ok", "grazie"). */
const MIN_LETTERS = 12;

export function proposeLanguage(input: { texts: string[]; phoneE164: string | null; detect: DetectLanguage }): LanguageProposal | null {
  const text = input.texts.join('\n');
  const letters = (text.match(/\p{L}/gu) ?? []).length;
  const detected = letters >= MIN_LETTERS ? input.detect(text) : null;
  const fromText = detected && detected.language !== '' ? detected : null;
  const fromPhone = languageOfPhone(input.phoneE164);

  if (fromText?.reliable) {
    const agrees = fromText.language === fromPhone;
    return { language: fromText.language, source: agrees ? 'text+phone' : 'text', confidence: agrees ? 'high' : 'medium' };
  }
  if (fromPhone) {
    const agrees = fromText?.language === fromPhone;
    return { language: fromPhone, source: agrees ? 'text+phone' : 'phone', confidence: agrees ? 'medium' : 'low' };
  }
  return fromText ? { language: fromText.language, source: 'text', confidence: 'low' } : null;
}
