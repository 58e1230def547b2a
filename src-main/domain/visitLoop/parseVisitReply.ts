/**
 * What a patient meant by their answer to a reminder or a booking confirmation: confirm, cancel, or
 * something a person must read (both at once, a question, a new time asked for). Pure, table-tested.
 *
 * Opt-out words (STOP) are not answers: the opt-out handler reads them with its own configurable list,
 * and an answer is never taken as an opt-out.
 */
export type VisitReply = 'confirm' | 'cancel' | 'ambiguous' | 'none';

export interface ParsedVisitReply {
  meaning: VisitReply;
  /** Why it is ambiguous (for the desk's flag); empty otherwise. */
  cues: string[];
}

const CONFIRM_EMOJI = /[👍👌✅✔☑🆗🙏]/u;
const CANCEL_EMOJI = /[👎❌✖🚫]/u;

/** Folded multi-word phrases, checked before single words (so "no problem" is not a "no"). */
const CONFIRM_PHRASES = [
  'va bene', 'ci saro', 'ci sono', 'nessun problema', 'certo che si', 'si grazie', 'si certo', 'd accordo', 'daccordo',
  'nie ma problemu', 'bede na pewno', 'oczywiscie ze tak', 'w porzadku', 'tak bede',
  'no problem', 'no problems', 'see you', 'i will be there', 'ill be there', 'i ll be there', 'will be there', 'sounds good', 'all good',
];
const CANCEL_PHRASES = [
  'non vengo', 'non posso', 'non potro', 'non riesco', 'non confermo', 'non ci saro', 'devo annullare', 'devo disdire',
  'nie przyjde', 'nie moge', 'nie dam rady', 'nie potwierdzam', 'nie bede', 'nie zdaze', 'prosze odwolac', 'chce odwolac',
  'cant come', 'can t come', 'cannot come', 'can not come', 'wont be', 'won t be', 'will not be', 'cant make', 'can t make', 'not coming',
  'please cancel',
];
const CONFIRM_WORDS = new Set([
  'si', 'ok', 'okay', 'oki', 'okej', 'okey', 'oke', 'k', 'kk', 'confermo', 'confermato', 'confermata', 'confermiamo', 'certo', 'perfetto', 'presente', 'benissimo',
  'tak', 'potwierdzam', 'potwierdzone', 'potwierdzona', 'bede', 'jasne', 'dobrze', 'super',
  'yes', 'yep', 'yeah', 'yup', 'y', 'sure', 'confirm', 'confirmed', 'confirming', 'definitely', 'absolutely', 'perfect',
  'ja', 'oui', 'sim', 'так',
]);
const CANCEL_WORDS = new Set([
  'no', 'annullo', 'annulla', 'annullare', 'annullato', 'annullata', 'disdico', 'disdire', 'disdetta', 'disdetto',
  'nie', 'odwoluje', 'odwolac', 'odwoluje', 'odwolane', 'rezygnuje', 'rezygnacja',
  'cancel', 'cancelled', 'canceled', 'cancelling', 'canceling', 'n', 'nope', 'nah',
  'nein', 'non', 'ні',
]);
/** Words that ask for something other than yes or no: a person reads these. */
const CHANGE_WORDS = [
  'spostare', 'spostarlo', 'spostarla', 'spostamento', 'cambiare', 'anticipare', 'posticipare', 'rimandare', 'tardi', 'prima', 'altro', 'altra', 'orario',
  'przelozyc', 'przesunac', 'zmienic', 'zmiana', 'pozniej', 'wczesniej', 'inny', 'inna', 'inny termin', 'godzine',
  'reschedule', 'rearrange', 'move', 'change', 'later', 'earlier', 'another', 'instead',
];
/** "sì ma…", "tak, ale…": a yes with a condition is not a yes. */
const CONTRAST_WORDS = new Set(['ma', 'pero', 'tuttavia', 'ale', 'jednak', 'tylko', 'but', 'however', 'unless', 'only', 'se', 'jesli', 'jezeli', 'if']);

/** Lower case, Latin accents removed (ł as l), punctuation as spaces; Cyrillic kept. */
export function foldReply(text: string): string {
  return text
    .toLowerCase()
    .replace(/ł/g, 'l')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}?]+/gu, ' ')
    .trim();
}

/** One letter wrong, missing, extra or swapped ("confremo", "potwierdzm"): only for longer words. */
function nearlyEqual(a: string, b: string): boolean {
  if (a === b) return true;
  if (b.length < 6 || Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const swap = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  return swap || a.slice(i + 1) === b.slice(i + 1) || a.slice(i) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i);
}

function inSet(word: string, set: ReadonlySet<string>): boolean {
  if (set.has(word)) return true;
  for (const w of set) if (nearlyEqual(word, w)) return true;
  return false;
}

function removePhrases(folded: string, phrases: readonly string[]): { rest: string; found: boolean } {
  let rest = ` ${folded} `;
  let found = false;
  for (const p of [...phrases].sort((a, b) => b.length - a.length)) {
    const needle = ` ${p} `;
    while (rest.includes(needle)) {
      rest = rest.replace(needle, ' ');
      found = true;
    }
  }
  return { rest: rest.trim(), found };
}

/** A time of day or a day asked for: "alle 11", "o 15:30", "at 3pm", "11.30". */
const TIME_CUE = /(\b(alle|ore|o|godz|godzine|at|around|verso)\s+\d{1,2}\b)|(\b\d{1,2}[:.]\d{2}\b)|(\b\d{1,2}\s?(am|pm)\b)/;

export function parseVisitReply(text: string): ParsedVisitReply {
  const raw = text.trim();
  if (raw === '') return { meaning: 'none', cues: [] };
  const cues: string[] = [];
  const folded = foldReply(raw);
  const wholeNumber = folded.replace(/\s+/g, '');
  // A bare digit is the menu answer of the templates ("1 to confirm, 2 to cancel").
  if (wholeNumber === '1') return { meaning: 'confirm', cues };
  if (wholeNumber === '2') return { meaning: 'cancel', cues };

  let confirm = CONFIRM_EMOJI.test(raw);
  let cancel = CANCEL_EMOJI.test(raw);
  const afterCancel = removePhrases(folded.replace(/\?/g, ' '), CANCEL_PHRASES);
  cancel ||= afterCancel.found;
  const afterConfirm = removePhrases(afterCancel.rest, CONFIRM_PHRASES);
  confirm ||= afterConfirm.found;
  const words = afterConfirm.rest.split(/\s+/).filter((w) => w !== '');
  for (const w of words) {
    if (/^\d+$/.test(w)) continue;
    if (inSet(w, CONFIRM_WORDS)) confirm = true;
    else if (inSet(w, CANCEL_WORDS)) cancel = true;
  }

  if (folded.includes('?')) cues.push('question');
  const allWords = folded.replace(/\?/g, ' ').split(/\s+/);
  if (allWords.some((w) => CONTRAST_WORDS.has(w))) cues.push('condition');
  if (CHANGE_WORDS.some((c) => (c.includes(' ') ? ` ${folded} `.includes(` ${c} `) : allWords.some((w) => w === c || (c.length >= 6 && w.startsWith(c)))))) cues.push('change');
  if (TIME_CUE.test(folded)) cues.push('time');
  if (confirm && cancel) cues.push('both');

  if (cues.length > 0) return { meaning: 'ambiguous', cues };
  if (confirm) return { meaning: 'confirm', cues };
  if (cancel) return { meaning: 'cancel', cues };
  return { meaning: 'none', cues };
}
