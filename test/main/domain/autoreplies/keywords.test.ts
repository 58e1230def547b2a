import { describe, expect, it } from 'vitest';
import { matchTopic, tokens } from '../../../../src-main/domain/autoreplies/keywords';

describe('tokens', () => {
  it.each([
    ['Ile kosztuje wizyta u stomatologa? Dziękuję', ['ile', 'kosztuje', 'wizyta', 'u', 'stomatologa', 'dziekuje']],
    ['Öffnungszeiten am Samstag?', ['offnungszeiten', 'am', 'samstag']],
    ['Gdzie jesteście? Jak dojść', ['gdzie', 'jestescie', 'jak', 'dojsc']],
    ['Де ви знаходитесь? Й ї', ['де', 'ви', 'знаходитесь', 'й', 'ї']],
  ])('%s', (text, expected) => {
    expect(tokens(text)).toEqual(expected);
  });
});

describe('matchTopic', () => {
  const cases: Array<[string, string[], string | null]> = [
    ['Buongiorno, che orari avete sabato?', ['it'], 'hours'],
    ['Siete aperti domani?', ['it'], 'hours'],
    ['Vorrei prenotare una visita', ['it'], 'booking'],
    ["Qual è l'indirizzo dello studio?", ['it'], 'address'],
    ['Quanto costa una pulizia? Prezzi?', ['it'], 'prices'],
    ['Cosa devo portare? Serve l’impegnativa?', ['it'], 'documents'],
    ['W jakich godzinach jesteście czynni?', ['pl'], 'hours'],
    ['Chciałabym się umówić na wizytę', ['pl'], 'booking'],
    ['Jak dojechać do przychodni?', ['pl'], 'address'],
    ['Ile kosztuje wizyta?', ['pl'], 'prices'],
    ['Czy potrzebne jest skierowanie?', ['pl'], 'documents'],
    ['Centrum medyczne', ['pl'], null],
    ['Are you open on Saturday?', ['en'], 'hours'],
    ['I would like to book an appointment', ['en'], 'booking'],
    ['Wann haben Sie geöffnet?', ['de'], 'hours'],
    ['Je voudrais prendre rendez-vous', ['fr'], 'booking'],
    ['¿Cuánto cuesta la limpieza?', ['es'], 'prices'],
    ['Чи можна записатися на прийом?', ['uk'], 'booking'],
    ['Яка вартість консультації?', ['uk'], 'prices'],
    ['Grazie mille, a domani', ['it'], null],
    ['Dziękuję bardzo', ['pl'], null],
    // The earliest match wins when a message touches two topics.
    ['Quanto costa e a che ora aprite?', ['it'], 'prices'],
    ['A che ora aprite e quanto costa?', ['it'], 'hours'],
    // Rules of other languages do not apply when the language is known…
    ['Are you open?', ['it'], null],
    // …and all apply when it is not.
    ['Are you open?', [], 'hours'],
  ];

  it.each(cases)('%s (%j) → %s', (text, languages, topic) => {
    expect(matchTopic(text, languages)).toBe(topic);
  });
});
