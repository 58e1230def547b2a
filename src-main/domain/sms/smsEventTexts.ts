/**
 * Timeline lines and failure reasons about SMS consent, in the desk's language. They are stored text (the
 * timeline and a failed message show what happened in the words of that day), so they live here, not in UI files.
 */
type UiLanguage = 'it' | 'pl' | 'en';

const OPTED_OUT: Record<UiLanguage, (keyword: string) => string> = {
  it: (k) => `Consenso SMS revocato: il paziente ha risposto "${k}". Da ora gli SMS automatici sono bloccati.`,
  pl: (k) => `Zgoda na SMS wycofana: pacjent odpowiedział "${k}". Automatyczne SMS-y są od teraz blokowane.`,
  en: (k) => `SMS consent withdrawn: the patient replied "${k}". Automatic SMS are blocked from now on.`,
};

const BLOCKED: Record<UiLanguage, (keyword: string | null, day: string | null) => string> = {
  it: (k, d) => `Non inviato: ${k ? `il paziente ha risposto "${k}" il ${d} e ` : 'il paziente '}ha revocato il consenso agli SMS; gli SMS automatici sono bloccati`,
  pl: (k, d) => `Nie wysłano: ${k ? `pacjent odpowiedział "${k}" dnia ${d} i ` : 'pacjent '}wycofał zgodę na SMS; automatyczne SMS-y są blokowane`,
  en: (k, d) => `Not sent: the patient ${k ? `replied "${k}" on ${d} and ` : ''}withdrew SMS consent; automatic SMS are blocked`,
};

const lang = (l: string): UiLanguage => (l === 'it' || l === 'pl' ? l : 'en');

export const optedOutEventText = (uiLanguage: string, keyword: string): string => OPTED_OUT[lang(uiLanguage)](keyword);

export const automaticSmsBlockedText = (uiLanguage: string, keyword: string | null, day: string | null): string => BLOCKED[lang(uiLanguage)](keyword, day);

const OPTED_IN: Record<UiLanguage, string> = {
  it: 'Consenso SMS riattivato: il paziente ha risposto "START".',
  pl: 'Zgoda na SMS przywrócona: pacjent odpowiedział "START".',
  en: 'SMS consent given again: the patient replied "START".',
};

export const optedInEventText = (uiLanguage: string): string => OPTED_IN[lang(uiLanguage)];
