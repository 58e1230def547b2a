import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { analyzeSearchQuery, ftsMatchExpression, phoneMatch } from '../../../../../src-main/domain/inbox/search/searchQuery';
import { fold } from '../../../../../src-main/db/textFold';

describe('phoneMatch', () => {
  it.each([
    ['+48 601 234 567', 'IT', '+48601234567', '48601234567'],
    ['601234567', 'PL', '+48601234567', '601234567'],
    ['0048601234567', 'IT', '+48601234567', '48601234567'],
    ['0048 601-234-567', 'PL', '+48601234567', '48601234567'],
    ['(06) 1234 5678', 'IT', '+390612345678', '0612345678'],
    ['07700 900123', 'GB', '+447700900123', '7700900123'],
  ] as const)('%s (%s) -> %s / %s', (raw, region, e164, digits) => {
    expect(phoneMatch(raw, region)).toEqual({ e164, digits });
  });

  it('the three ways of writing one Polish mobile meet on the same number', () => {
    const forms = ['+48 601 234 567', '601234567', '0048601234567'].map((q) => phoneMatch(q, 'PL'));
    for (const f of forms) {
      expect(f?.e164).toBe('+48601234567');
      expect('+48601234567'.includes(f!.digits)).toBe(true);
    }
  });

  it('a number still being typed matches by its digits', () => {
    expect(phoneMatch('601 234', 'PL')?.digits).toBe('601234');
  });

  it.each(['rossi', '12345', 'room 12', '601234567 rossi', '', '+'])('is not a phone: %j', (raw) => {
    expect(phoneMatch(raw, 'PL')).toBeNull();
  });
});

describe('ftsMatchExpression', () => {
  it.each([
    [['rossi'], '"rossi"*'],
    [['anna', 'kowalska'], '"anna"* "kowalska"*'],
    [['a'], '"a"'],
    [[], null],
  ] as const)('%j -> %s', (terms, expected) => {
    expect(ftsMatchExpression([...terms])).toBe(expected);
  });
});

describe('analyzeSearchQuery', () => {
  it('folds accents and case, keeps words only', () => {
    expect(analyzeSearchQuery('  Dzień  NICCOLÒ ', 'PL')).toMatchObject({ terms: ['dzien', 'niccolo'], phone: null, fts: '"dzien"* "niccolo"*' });
  });

  it('a phone query also searches as text (numbers written in messages)', () => {
    const q = analyzeSearchQuery('601234567', 'PL');
    expect(q.phone?.e164).toBe('+48601234567');
    expect(q.fts).toBe('"601234567"*');
  });

  it('caps the number of terms', () => {
    expect(analyzeSearchQuery('a b c d e f g h i j k', 'IT').terms).toHaveLength(8);
  });

  it('deduplicates terms', () => {
    expect(analyzeSearchQuery('Rossi rossi RÒSSI', 'IT').terms).toEqual(['rossi']);
  });
});

describe('FTS5 injection safety', () => {
  const db = new Database(':memory:');
  db.exec(`CREATE VIRTUAL TABLE t USING fts5(body, tokenize = 'unicode61 remove_diacritics 2')`);
  // Indexed as the desk indexes messages: folded (migration 050).
  const insert = { run: (body: string) => db.prepare('INSERT INTO t(body) VALUES (?)').run(fold(body)) };
  for (const body of ['Buongiorno, vorrei spostare la visita', 'Dzień dobry, czy mogę przełożyć wizytę?', 'NEAR the door "quoted" text', 'Prezzo (pulizia) 80*2 euro'])
    insert.run(body);
  const search = db.prepare('SELECT body FROM t WHERE t MATCH ? ORDER BY rank');

  it.each([
    'spost',
    '"unbalanced',
    'visita*',
    'NEAR(the door)',
    'a OR b AND NOT c',
    '((pulizia',
    'body:visita',
    '^buon',
    '80*2',
    "l'orto",
    '-- DROP TABLE t;',
    'przełoż',
    'dzien',
  ])('never throws and finds plain words for %j', (raw) => {
    const q = analyzeSearchQuery(raw, 'IT');
    if (!q.fts) return expect(q.terms).toEqual([]);
    expect(() => search.all(q.fts)).not.toThrow();
  });

  it('prefix and accent-insensitive matching work through the built expression', () => {
    expect(search.all(analyzeSearchQuery('spost', 'IT').fts)).toEqual([{ body: 'buongiorno, vorrei spostare la visita' }]);
    expect(search.all(analyzeSearchQuery('przełoz', 'PL').fts)).toHaveLength(1);
    expect(search.all(analyzeSearchQuery('przelozyc', 'PL').fts)).toHaveLength(1);
    expect(search.all(analyzeSearchQuery('NEAR door', 'IT').fts)).toEqual([{ body: 'near the door "quoted" text' }]);
    expect(search.all(analyzeSearchQuery('(pulizia', 'IT').fts)).toHaveLength(1);
  });
});
