/**
 * Opt-out keywords: a patient who answers only "STOP" (or STOP SMS, DISISCRIVIMI, WYPISZ … per language, as the
 * clinic configures) withdraws SMS consent. Only a message that is the keyword alone counts ("stop, I'll
 * call you" is a conversation, not an opt-out). Pure and Node-free.
 */

import { parseVisitReply } from '../visitLoop/parseVisitReply';

export const DEFAULT_OPT_OUT_KEYWORDS: Readonly<Record<string, string[]>> = {
  it: ['STOP', 'STOP SMS', 'DISISCRIVIMI'],
  pl: ['STOP', 'STOP SMS', 'REZYGNUJĘ', 'WYPISZ'],
  en: ['STOP', 'STOP SMS', 'UNSUBSCRIBE', 'STOPALL'],
};

export const DEFAULT_OPT_OUT_CONFIRMATION: Readonly<Record<string, string>> = {
  it: 'Non riceverà più SMS automatici da {clinic}. Per riattivarli risponda START o ci contatti.',
  pl: 'Nie będzie już Pan/Pani otrzymywać automatycznych SMS-ów od {clinic}. Aby je przywrócić, prosimy odpisać START.',
  en: 'You will no longer receive automatic SMS from {clinic}. Reply START or contact us to turn them back on.',
};

/**
 * While a reminder or booking confirmation is open, anything that reads as its answer ("NIE", "NO",
 * "ANNULLA", "SI"…, see parseVisitReply) confirms or cancels the visit: an answer is never an opt-out, even
 * when a clinic lists such a word among its opt-out keywords.
 */
const isVisitAnswer = (text: string): boolean => {
  const meaning = parseVisitReply(text).meaning;
  return meaning === 'confirm' || meaning === 'cancel';
};

/** Words that turn automatic SMS back on after an opt-out (named in the opt-out confirmation). */
export const OPT_IN_KEYWORDS: readonly string[] = ['START', 'START SMS', 'UNSTOP'];
export const isOptInKeyword = (text: string): boolean => mayBeKeyword(text) && OPT_IN_KEYWORDS.includes(normalizeKeyword(text));

/** The longest normalised text read as a keyword. */
const MAX_KEYWORD = 40;

/**
 * False when `text` normalises to more than MAX_KEYWORD characters, decided without normalising it: every
 * message is checked and nearly none is a keyword. normalizeKeyword only drops white space, combining accents
 * and punctuation at the ends (NFD and upper case never shorten), so every other character survives it.
 */
export function mayBeKeyword(text: string): boolean {
  let kept = 0;
  for (let i = 0; i < text.length; i++) {
    if (!droppable(text.charCodeAt(i)) && ++kept > MAX_KEYWORD) return false;
  }
  return true;
}

const PUNCTUATION = new Set([...`.,;:!?'"()-`].map((c) => c.charCodeAt(0)));
/** Counting white space as dropped (a run keeps one space) only makes the count smaller: still a lower bound. */
const droppable = (c: number): boolean =>
  c < 0x80 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) || PUNCTUATION.has(c) : (c >= 0x300 && c <= 0x36f) || /\s/.test(String.fromCharCode(c));

/** Upper case, accents folded, surrounding punctuation and repeated spaces removed. */
export function normalizeKeyword(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .toUpperCase()
    .replace(/[\s\u00A0]+/g, ' ')
    .replace(/^[\s.,;:!?'"()-]+|[\s.,;:!?'"()-]+$/g, '');
}

export interface OptOutMatch {
  keyword: string;
  /** The language whose list had the keyword (the patient's own language decides the confirmation first). */
  language: string;
}

export function matchOptOut(
  text: string,
  keywords: Readonly<Record<string, readonly string[]>>,
  opts: { reminderPending: boolean | (() => boolean) },
): OptOutMatch | null {
  if (!mayBeKeyword(text)) return null;
  const said = normalizeKeyword(text);
  if (!said || said.length > MAX_KEYWORD) return null;
  const match = keywordIndex(keywords).get(said);
  if (!match) return null;
  // Asked only for a keyword (a lookup of the conversation's reminders: not for every message).
  const pending = typeof opts.reminderPending === 'function' ? opts.reminderPending() : opts.reminderPending;
  if (pending && isVisitAnswer(text)) return null;
  return { ...match };
}

/** Normalised keyword → match, built once per keyword list (settings are parsed once per stored value). */
const indexes = new WeakMap<object, Map<string, OptOutMatch>>();

function keywordIndex(keywords: Readonly<Record<string, readonly string[]>>): Map<string, OptOutMatch> {
  let index = indexes.get(keywords);
  if (!index) {
    index = new Map();
    for (const [language, words] of Object.entries(keywords)) {
      for (const w of words) {
        const key = normalizeKeyword(w);
        if (key && !index.has(key)) index.set(key, { keyword: w.trim().toUpperCase(), language });
      }
    }
    indexes.set(keywords, index);
  }
  return index;
}

/** The confirmation in the patient's language, else the keyword's, else the clinic's, else English. */
export function confirmationText(
  texts: Readonly<Record<string, string>>,
  languages: ReadonlyArray<string | null | undefined>,
  clinicName: string,
): string {
  const lang = languages.find((l) => l && texts[l]) ?? (texts.en ? 'en' : Object.keys(texts)[0]);
  const template = (lang && texts[lang]) || DEFAULT_OPT_OUT_CONFIRMATION.en!;
  return template.replace(/\{clinic\}/g, clinicName);
}
