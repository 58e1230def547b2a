/**
 * Timeline lines about automatic replies, in the desk's language. They are stored text (the timeline shows
 * what happened, in the words of the day it happened), so they are written here and not in the UI files.
 */
type UiLanguage = 'it' | 'pl' | 'en';

const HELD: Record<UiLanguage, Record<'auto_responder_text' | 'rapid_exchange', string>> = {
  it: {
    auto_responder_text: 'Risposta automatica non inviata: il messaggio sembra scritto da un risponditore automatico.',
    rapid_exchange: 'Risposta automatica non inviata: risposta troppo rapida alla nostra, possibile scambio tra risponditori automatici.',
  },
  pl: {
    auto_responder_text: 'Nie wysłano odpowiedzi automatycznej: wiadomość wygląda na napisaną przez autoresponder.',
    rapid_exchange: 'Nie wysłano odpowiedzi automatycznej: zbyt szybka odpowiedź na naszą, możliwa wymiana między autoresponderami.',
  },
  en: {
    auto_responder_text: 'Automatic reply held back: the message looks like it came from an auto-responder.',
    rapid_exchange: 'Automatic reply held back: an answer this fast to ours may be another auto-responder.',
  },
};

const UNSENDABLE: Record<UiLanguage, (kind: string, missing: string) => string> = {
  it: (kind, missing) => `Risposta automatica (${kind}) non inviata: manca il modello${missing ? ` o il valore di ${missing}` : ''}.`,
  pl: (kind, missing) => `Nie wysłano odpowiedzi automatycznej (${kind}): brak szablonu${missing ? ` lub wartości ${missing}` : ''}.`,
  en: (kind, missing) => `Automatic reply (${kind}) not sent: no template${missing ? ` or no value for ${missing}` : ''}.`,
};

export function autoReplyEventText(
  language: UiLanguage,
  what: { held: 'auto_responder_text' | 'rapid_exchange' } | { missingTemplate: string; missing: string[] },
): string {
  if ('held' in what) return HELD[language][what.held];
  return UNSENDABLE[language](what.missingTemplate, what.missing.map((v) => `{{${v}}}`).join(', '));
}
