/**
 * Two automatic responders can answer each other forever. We refuse to auto-reply when the inbound text
 * looks machine-written (auto-reply and "thanks for contacting us" phrasings in our languages), when it
 * arrives right after one of our own automatic replies, or when the conversation has had its share of
 * automatic replies today.
 */
import { tokens } from './keywords';

/** Phrases typical of automatic replies, compared on folded tokens (see keywords.ts). */
const AUTO_RESPONDER_PHRASES = [
  'auto reply',
  'autoreply',
  'automatic reply',
  'automated message',
  'automatic message',
  'out of office',
  'thank you for contacting',
  'thanks for contacting',
  'we will get back to you',
  'do not reply',
  'risposta automatica',
  'messaggio automatico',
  'grazie per averci contattato',
  'vi risponderemo',
  'le risponderemo',
  'odpowiedz automatyczna',
  'wiadomosc automatyczna',
  'wygenerowana automatycznie',
  'dziekujemy za kontakt',
  'dziekujemy za wiadomosc',
  'odpowiemy najszybciej',
  'automatische antwort',
  'abwesenheitsnotiz',
  'vielen dank fur ihre nachricht',
  'reponse automatique',
  'message automatique',
  'merci de nous avoir contactes',
  'respuesta automatica',
  'mensaje automatico',
  'gracias por contactarnos',
  'автоматична відповідь',
  'автоматичне повідомлення',
  'автоматический ответ',
];

const PHRASE_TOKENS = AUTO_RESPONDER_PHRASES.map(tokens);

export function looksAutomatic(text: string): boolean {
  const words = tokens(text);
  return PHRASE_TOKENS.some((phrase) =>
    words.some((_, i) => phrase.length > 0 && phrase.every((p, j) => words[i + j] === p)),
  );
}

/** An inbound this soon after our automatic reply is treated as another machine answering it. */
export const RAPID_REPLY_MS = 2 * 60_000;

/** No conversation gets more automatic replies than this per local day, whatever triggers them. */
export const MAX_AUTO_REPLIES_PER_DAY = 3;

export type LoopVerdict = 'auto_responder_text' | 'rapid_exchange' | 'daily_cap' | null;

export function loopVerdict(input: {
  body: string;
  at: number;
  lastAutoReplyAt: number | null;
  autoRepliesToday: number;
}): LoopVerdict {
  if (looksAutomatic(input.body)) return 'auto_responder_text';
  if (input.lastAutoReplyAt !== null && input.at - input.lastAutoReplyAt < RAPID_REPLY_MS) return 'rapid_exchange';
  if (input.autoRepliesToday >= MAX_AUTO_REPLIES_PER_DAY) return 'daily_cap';
  return null;
}
