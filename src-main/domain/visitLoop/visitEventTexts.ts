/**
 * Timeline lines about the visit loop, in the desk's language (stored text, like the other system events):
 * why a message went on another channel, what a patient's answer did, why nothing was sent.
 */
import type { ChannelUnusable } from '../messaging/channelChoice';

type UiLanguage = 'it' | 'pl' | 'en';
const pick = <T>(table: Record<UiLanguage, T>, lang: string): T => table[(lang as UiLanguage) in table ? (lang as UiLanguage) : 'en'];

const WHY: Record<UiLanguage, Record<ChannelUnusable, string>> = {
  it: { no_consent: 'manca il consenso', no_address: 'nessun recapito', not_linked: 'WhatsApp non collegato', not_on_whatsapp: 'numero senza WhatsApp', failed: 'invio fallito' },
  pl: { no_consent: 'brak zgody', no_address: 'brak numeru', not_linked: 'WhatsApp niepołączony', not_on_whatsapp: 'numer bez WhatsApp', failed: 'wysyłka nieudana' },
  en: { no_consent: 'no consent', no_address: 'no number', not_linked: 'WhatsApp not linked', not_on_whatsapp: 'number not on WhatsApp', failed: 'sending failed' },
};

const CHANNEL = (c: string): string => (c === 'sms' ? 'SMS' : 'WhatsApp');

export function fallbackText(lang: string, to: string, from: string, why: ChannelUnusable | null): string {
  const reason = why ? pick(WHY, lang)[why] : '';
  const t = { it: `Inviato via ${CHANNEL(to)} invece di ${CHANNEL(from)}: ${reason}`, pl: `Wysłano przez ${CHANNEL(to)} zamiast ${CHANNEL(from)}: ${reason}`, en: `Sent by ${CHANNEL(to)} instead of ${CHANNEL(from)}: ${reason}` };
  return pick(t, lang);
}

/**
 * A fallback waiting for the sending window: "SMS programmato per domani, 09:00 invece di WhatsApp: invio fallito".
 * `when` is already written in the desk's language and the clinic's zone; the line becomes `fallbackText` once sent.
 */
export function fallbackScheduledText(lang: string, to: string, from: string, why: ChannelUnusable | null, when: string): string {
  const reason = why ? pick(WHY, lang)[why] : '';
  const t = {
    it: `${CHANNEL(to)} programmato per ${when} invece di ${CHANNEL(from)}: ${reason}`,
    pl: `${CHANNEL(to)} zaplanowany na ${when} zamiast ${CHANNEL(from)}: ${reason}`,
    en: `${CHANNEL(to)} scheduled for ${when} instead of ${CHANNEL(from)}: ${reason}`,
  };
  return pick(t, lang);
}

export function unreachableText(lang: string, what: string, why: Partial<Record<string, ChannelUnusable>>): string {
  const reasons = Object.entries(why)
    .map(([c, r]) => `${CHANNEL(c)}: ${r ? pick(WHY, lang)[r] : ''}`)
    .join('; ');
  return pick({ it: `Non inviato (${what}): ${reasons}`, pl: `Nie wysłano (${what}): ${reasons}`, en: `Not sent (${what}): ${reasons}` }, lang);
}

export function answerText(lang: string, answer: 'confirmed' | 'cancelled' | 'ambiguous', visits: string): string {
  const t: Record<UiLanguage, Record<typeof answer, string>> = {
    it: { confirmed: `Il paziente ha confermato: ${visits}`, cancelled: `Il paziente ha disdetto: ${visits}. Posto libero.`, ambiguous: `Risposta da leggere (conferma o disdetta?): ${visits}` },
    pl: { confirmed: `Pacjent potwierdził: ${visits}`, cancelled: `Pacjent odwołał: ${visits}. Termin wolny.`, ambiguous: `Odpowiedź do przeczytania (potwierdzenie czy odwołanie?): ${visits}` },
    en: { confirmed: `The patient confirmed: ${visits}`, cancelled: `The patient cancelled: ${visits}. Slot freed.`, ambiguous: `Answer to read (confirm or cancel?): ${visits}` },
  };
  return pick(t, lang)[answer];
}

export function scoreText(lang: string, score: number, low: boolean): string {
  const t = {
    it: `Voto della visita: ${score}/5${low ? ' (segnalato al responsabile)' : ''}`,
    pl: `Ocena wizyty: ${score}/5${low ? ' (zgłoszono kierownikowi)' : ''}`,
    en: `Visit score: ${score}/5${low ? ' (flagged for the manager)' : ''}`,
  };
  return pick(t, lang);
}
