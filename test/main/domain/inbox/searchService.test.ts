import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../src-main/db/database';
import { ensureConversation } from '../../../../src-main/db/repositories/conversations';
import { insertMessage } from '../../../../src-main/db/repositories/messages';
import { addIdentity, insertPatient } from '../../../../src-main/db/repositories/patients';
import { searchInbox, type SearchResult } from '../../../../src-main/domain/inbox/searchService';

const T = Date.parse('2026-11-20T09:00:00Z');

function seed(db: Db): { ewa: number; anna: number; marco: number } {
  const ewa = insertPatient(db, { firstName: 'Ewa', lastName: 'Nowak', language: 'pl', notes: 'Prefers afternoon visits' }, T);
  addIdentity(db, ewa, 'phone', '+48601234567', T);
  addIdentity(db, ewa, 'whatsapp', '48601234567@s.whatsapp.net', T);
  const anna = insertPatient(db, { firstName: 'Anna', lastName: 'Rossi', language: 'it' }, T);
  addIdentity(db, anna, 'phone', '+393331234567', T);
  const marco = insertPatient(db, { firstName: 'Marco', lastName: 'Rossini', language: 'it' }, T);
  addIdentity(db, marco, 'phone', '+393471112223', T);
  const conv = ensureConversation(db, marco, T).id;
  insertMessage(db, { conversationId: conv, channel: 'whatsapp', direction: 'in', body: 'Buongiorno, la signora Rossi mi ha consigliato il vostro studio', status: 'received', at: T });
  insertMessage(db, { conversationId: ensureConversation(db, ewa, T).id, channel: 'sms', direction: 'in', body: 'Dzień dobry, czy mogę przełożyć wizytę?', status: 'received', at: T + 1 });
  return { ewa, anna, marco };
}

const ids = (results: SearchResult[]): string[] => results.map((r) => (r.kind === 'patient' ? `p${r.patientId}` : `m${r.messageId}`));

describe('searchInbox', () => {
  let db: Db;
  let p: ReturnType<typeof seed>;
  beforeEach(() => {
    db = openDatabase(':memory:');
    p = seed(db);
  });
  afterEach(() => db.close());

  it.each(['+48 601 234 567', '601234567', '0048601234567', '601-234-567', '601 234'])('finds Ewa by %s, with the number highlighted', (query) => {
    const { results } = searchInbox(db, query, 'IT');
    expect(results[0]).toMatchObject({ kind: 'patient', patientId: p.ewa });
    const phone = results[0]!.kind === 'patient' ? results[0]!.phone : null;
    expect(phone?.text).toBe('+48 601 234 567');
    expect(phone?.ranges.length).toBe(1);
  });

  it('an exact number ranks as an exact phone match', () => {
    expect(searchInbox(db, '+48 601 234 567', 'IT').results[0]).toMatchObject({ matchedBy: 'phoneExact' });
  });

  it('ranks the whole-name patient first, then the prefix, then the message', () => {
    const { results } = searchInbox(db, 'rossi', 'IT');
    expect(ids(results).slice(0, 2)).toEqual([`p${p.anna}`, `p${p.marco}`]);
    const message = results.find((r) => r.kind === 'message');
    expect(message).toMatchObject({ kind: 'message', patientId: p.marco });
    const snippet = message!.kind === 'message' ? message!.snippet : null;
    const [s, e] = snippet!.ranges[0]!;
    expect(snippet!.text.slice(s, e)).toBe('Rossi');
  });

  it('finds notes and message text without accents', () => {
    expect(searchInbox(db, 'afternoon', 'IT').results[0]).toMatchObject({ kind: 'patient', patientId: p.ewa, note: { text: 'Prefers afternoon visits' } });
    expect(searchInbox(db, 'dzien dobry', 'IT').results[0]).toMatchObject({ kind: 'message', patientId: p.ewa });
  });

  it('survives FTS syntax in the query', () => {
    for (const q of ['"', 'NEAR(', 'rossi*)', 'a OR', '***', '()']) expect(() => searchInbox(db, q, 'IT')).not.toThrow();
    expect(searchInbox(db, '***', 'IT').results).toEqual([]);
  });
});
