import { describe, expect, it } from 'vitest';
import { nameMatchQuality, rankSearchHits, textRelevance, type SearchHit } from '../../../../../src-main/domain/inbox/search/searchRanking';

const patient = (patientId: number, name: string, matchedBy: 'phoneExact' | 'phonePartial' | 'text', lastActivityAt: number | null = null): SearchHit => ({
  kind: 'patient',
  patientId,
  name,
  matchedBy,
  lastActivityAt,
});
const message = (messageId: number, relevance: number, at: number): SearchHit => ({ kind: 'message', messageId, patientId: 99, relevance, at });

describe('nameMatchQuality', () => {
  it.each([
    ['Anna Rossi', ['rossi'], 'exact'],
    ['Anna Rossi', ['anna', 'rossi'], 'exact'],
    ['Anna Rossini', ['rossi'], 'prefix'],
    ['Łucja Wiśniewska', ['lucja', 'wisn'], 'prefix'],
    ['Anna Rossi', ['bianchi'], 'none'],
    ['Anna Rossi', [], 'none'],
  ] as const)('%s / %j -> %s', (name, terms, expected) => {
    expect(nameMatchQuality(name, [...terms])).toBe(expected);
  });
});

describe('rankSearchHits', () => {
  it('orders tiers: phone exact, whole name, name prefix, phone part, other text, messages', () => {
    const hits = [
      message(1, -2, 100),
      patient(5, 'Giulia Bianchi', 'text'),
      patient(4, 'Marco Verdi', 'phonePartial'),
      patient(3, 'Anna Rossini', 'text'),
      patient(2, 'Paolo Rossi', 'text'),
      patient(1, 'Ewa Nowak', 'phoneExact'),
    ];
    expect(rankSearchHits(hits, ['rossi']).map((h) => [h.kind, h.tier])).toEqual([
      ['patient', 1],
      ['patient', 2],
      ['patient', 3],
      ['patient', 4],
      ['patient', 5],
      ['message', 6],
    ]);
  });

  it('keeps a patient found several ways once, at its best tier', () => {
    const ranked = rankSearchHits([patient(1, 'Ewa Nowak', 'text'), patient(1, 'Ewa Nowak', 'phoneExact')], ['601234567']);
    expect(ranked).toHaveLength(1);
    expect(ranked[0]!.tier).toBe(1);
  });

  it('orders messages by relevance, then newest first, and drops duplicates', () => {
    const ranked = rankSearchHits([message(1, 1, 10), message(2, 3, 5), message(3, 1, 20), message(2, 3, 5)], ['x']);
    expect(ranked.map((h) => h.kind === 'message' && h.messageId)).toEqual([2, 3, 1]);
  });

  it('orders patients of one tier by most recent activity', () => {
    const ranked = rankSearchHits([patient(1, 'Anna Rossi', 'text', 10), patient(2, 'Luca Rossi', 'text', 30), patient(3, 'Rossi Mario', 'text', null)], ['rossi']);
    expect(ranked.map((h) => h.kind === 'patient' && h.patientId)).toEqual([2, 1, 3]);
  });
});

describe('textRelevance', () => {
  it('prefers a whole word to a prefix, every term to some, and a short message to a long one', () => {
    const terms = ['spostare', 'pomer'];
    const both = textRelevance('Posso spostare al pomeriggio?', terms);
    expect(both).toBeGreaterThan(textRelevance('Posso spostare la visita?', terms));
    expect(textRelevance('spostare', ['spost'])).toBeLessThan(textRelevance('spostare', ['spostare']));
    expect(both).toBeGreaterThan(textRelevance(`Posso spostare al pomeriggio? ${'parole '.repeat(40)}`, terms));
    expect(textRelevance('Czy mogę przełożyć wizytę?', ['przelozyc'])).toBeGreaterThan(0);
  });
});
