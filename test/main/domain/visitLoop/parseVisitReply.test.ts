import { describe, expect, it } from 'vitest';
import { parseVisitReply, type VisitReply } from '../../../../src-main/domain/visitLoop/parseVisitReply';

/**
 * Answers as patients type them to "Risponda SI per confermare o NO per disdire" / "TAK, aby potwierdzić,
 * lub NIE, aby odwołać" / "Reply YES to confirm or NO to cancel": capitals, accents or none, emoji,
 * typos, greetings and thanks around the answer, and the questions a person must read.
 */
const TABLE: Array<[string, VisitReply]> = [
  // Italian
  ['SI', 'confirm'],
  ['Si', 'confirm'],
  ['sì', 'confirm'],
  ['Sì!', 'confirm'],
  ['SÌ', 'confirm'],
  ['si grazie', 'confirm'],
  ['Sì, grazie mille', 'confirm'],
  ['Si ci sarò', 'confirm'],
  ['ok grazie a domani', 'confirm'],
  ['Confermo', 'confirm'],
  ['CONFERMO', 'confirm'],
  ['confremo', 'confirm'],
  ['Confermo, grazie. Buona giornata', 'confirm'],
  ['Va bene grazie', 'confirm'],
  ['Certo, ci sarò 👍', 'confirm'],
  ['NO', 'cancel'],
  ['No grazie', 'cancel'],
  ['no, non posso venire', 'cancel'],
  ['Annullo', 'cancel'],
  ['ANNULLO grazie', 'cancel'],
  ['Disdico', 'cancel'],
  ['disdico purtroppo', 'cancel'],
  ['Purtroppo non riesco a venire', 'cancel'],
  ['sì ma posso venire alle 11?', 'ambiguous'],
  ['Si però vorrei spostare a giovedì', 'ambiguous'],
  ['È possibile anticipare?', 'ambiguous'],
  ['Posso venire più tardi?', 'ambiguous'],
  ['Sì no aspetti non posso', 'ambiguous'],
  // Polish
  ['TAK', 'confirm'],
  ['Tak', 'confirm'],
  ['tak.', 'confirm'],
  ['Tak, będę', 'confirm'],
  ['Tak bede', 'confirm'],
  ['Potwierdzam', 'confirm'],
  ['POTWIERDZAM', 'confirm'],
  ['potwierdzm', 'confirm'],
  ['Potwierdzam, dziękuję', 'confirm'],
  ['Dzień dobry, potwierdzam wizytę', 'confirm'],
  ['Jasne, będę', 'confirm'],
  ['NIE', 'cancel'],
  ['Nie', 'cancel'],
  ['nie.', 'cancel'],
  ['Nie, dziękuję', 'cancel'],
  ['Odwołuję', 'cancel'],
  ['ODWOŁUJĘ', 'cancel'],
  ['odwoluje', 'cancel'],
  ['Niestety nie dam rady przyjść, odwołuję', 'cancel'],
  ['Nie przyjdę', 'cancel'],
  ['Tak, ale czy mogę przyjść o 15?', 'ambiguous'],
  ['Czy można przełożyć na piątek?', 'ambiguous'],
  ['Nie potwierdzam, chciałbym zmienić termin', 'ambiguous'],
  // English
  ['YES', 'confirm'],
  ['yes', 'confirm'],
  ['Yes please', 'confirm'],
  ['Yep, see you then', 'confirm'],
  ['Confirmed, thanks!', 'confirm'],
  ['OK', 'confirm'],
  ['Ok 👌', 'confirm'],
  ['No problem, I will be there', 'confirm'],
  ['no', 'cancel'],
  ['No thanks', 'cancel'],
  ['CANCEL', 'cancel'],
  ['Please cancel, sorry', 'cancel'],
  ["Sorry I can't come", 'cancel'],
  ['Yes but can I come at 3pm instead?', 'ambiguous'],
  ['Can we reschedule?', 'ambiguous'],
  // Numbers and emoji
  ['1', 'confirm'],
  [' 1 ', 'confirm'],
  ['2', 'cancel'],
  ['👍', 'confirm'],
  ['👍🏻', 'confirm'],
  ['✅', 'confirm'],
  ['👎', 'cancel'],
  ['❌', 'cancel'],
  // Not an answer at all
  ['Grazie', 'none'],
  ['Dziękuję', 'none'],
  ['Buongiorno', 'none'],
];

describe('parseVisitReply', () => {
  it('has a table of at least 60 replies', () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(60);
  });
  it.each(TABLE)('%j → %s', (text, meaning) => {
    expect(parseVisitReply(text).meaning).toBe(meaning);
  });
  it('says why a reply needs a person', () => {
    expect(parseVisitReply('sì ma posso venire alle 11?').cues).toEqual(expect.arrayContaining(['question', 'condition', 'time']));
    expect(parseVisitReply('Sì no aspetti non posso').cues).toContain('both');
  });
  it('does not read opt-out words as answers', () => {
    expect(parseVisitReply('STOP').meaning).toBe('none');
    expect(parseVisitReply('STOP SMS').meaning).toBe('none');
  });
});
