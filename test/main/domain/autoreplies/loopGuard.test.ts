import { describe, expect, it } from 'vitest';
import { MAX_AUTO_REPLIES_PER_DAY, loopVerdict, looksAutomatic } from '../../../../src-main/domain/autoreplies/loopGuard';

describe('looksAutomatic', () => {
  it.each([
    ['Grazie per averci contattato, le risponderemo al più presto.', true],
    ['Questo è un messaggio automatico.', true],
    ['Dziękujemy za wiadomość. Odpowiemy najszybciej, jak to możliwe.', true],
    ['To jest odpowiedź automatyczna', true],
    ['Thank you for contacting us! We will get back to you shortly.', true],
    ['Automatische Antwort: Ich bin bis Montag nicht im Büro.', true],
    ['Réponse automatique : absent', true],
    ['Respuesta automática', true],
    ['Це автоматична відповідь', true],
    ['Grazie, a domani!', false],
    ['Dziękuję, do zobaczenia', false],
    ['Can I book for Monday?', false],
  ])('%s → %s', (text, automatic) => {
    expect(looksAutomatic(text)).toBe(automatic);
  });
});

describe('loopVerdict', () => {
  const at = Date.parse('2026-11-24T20:00:00Z');
  it.each([
    ['human, nothing sent', { body: 'Buongiorno', at, lastAutoReplyAt: null, autoRepliesToday: 0 }, null],
    ['answer 30 s after ours', { body: 'ok', at, lastAutoReplyAt: at - 30_000, autoRepliesToday: 1 }, 'rapid_exchange'],
    ['answer 3 min after ours', { body: 'ok', at, lastAutoReplyAt: at - 180_000, autoRepliesToday: 1 }, null],
    ['cap reached', { body: 'ok', at, lastAutoReplyAt: at - 3_600_000, autoRepliesToday: MAX_AUTO_REPLIES_PER_DAY }, 'daily_cap'],
    ['bot text', { body: 'Risposta automatica', at, lastAutoReplyAt: null, autoRepliesToday: 0 }, 'auto_responder_text'],
  ] as const)('%s', (_name, given, verdict) => {
    expect(loopVerdict(given)).toBe(verdict);
  });
});
