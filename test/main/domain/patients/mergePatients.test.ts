import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../src-main/db/database';
import { auditFor } from '../../../../src-main/db/repositories/audit';
import { insertCall } from '../../../../src-main/db/repositories/calls';
import { ensureConversation, getConversation, saveConversationState } from '../../../../src-main/db/repositories/conversations';
import { insertAppointment, insertPractitioner } from '../../../../src-main/db/repositories/appointments';
import { insertMessage } from '../../../../src-main/db/repositories/messages';
import { addIdentity, consentsOf, getPatient, identitiesOf, insertPatient, setConsent } from '../../../../src-main/db/repositories/patients';
import { searchInbox } from '../../../../src-main/domain/inbox/searchService';
import { mergePatients, previewMerge } from '../../../../src-main/domain/patients/mergePatients';

const T = Date.parse('2026-11-20T09:00:00Z');
const H = 3_600_000;

describe('mergePatients', () => {
  let db: Db;
  let keep: number;
  let other: number;
  beforeEach(() => {
    db = openDatabase(':memory:');
    keep = insertPatient(db, { firstName: 'Ewa', lastName: 'Nowak', language: 'pl', tags: ['ortho'] }, T);
    addIdentity(db, keep, 'whatsapp', '48601234567@s.whatsapp.net', T);
    setConsent(db, keep, 'whatsapp', true, T, 'patient message');
    const c1 = ensureConversation(db, keep, T);
    insertMessage(db, { conversationId: c1.id, channel: 'whatsapp', direction: 'in', body: 'Czy jest wolny termin w piątek?', status: 'received', at: T });
    saveConversationState(db, c1.id, { ...c1, status: 'open', unread_count: 1, waiting_since: T, last_message_at: T, last_channel: 'whatsapp', last_preview: 'Czy jest…', last_direction: 'in' });

    other = insertPatient(db, { firstName: 'Ewa', lastName: 'Nowak-Kowalczyk', notes: 'Insurance: PZU', tags: ['kids'] }, T - 100 * H);
    addIdentity(db, other, 'phone', '+48601234567', T);
    setConsent(db, other, 'sms', true, T - 100 * H, 'form');
    const c2 = ensureConversation(db, other, T);
    insertMessage(db, { conversationId: c2.id, channel: 'sms', direction: 'in', body: 'Proszę o fakturę za wizytę', status: 'received', at: T - 2 * H });
    saveConversationState(db, c2.id, { ...c2, status: 'done', unread_count: 0, waiting_since: null, last_message_at: T - 2 * H, last_channel: 'sms', last_preview: 'Proszę…', last_direction: 'in' });
    insertCall(db, { patient_id: other, conversation_id: c2.id, direction: 'in', from_number: '+48601234567', to_number: null, started_at: T - H, ring_seconds: 30, talk_seconds: 0, result: 'missed', extension: null, source: 'manual', source_id: null, note: '' }, T);
    const doc = insertPractitioner(db, { name: 'Dr Anna Zielińska' });
    insertAppointment(db, { patientId: other, practitionerId: doc, startsAt: T + 24 * H, endsAt: T + 24.5 * H });
  });
  afterEach(() => db.close());

  it('previews conflicts without writing', () => {
    expect(previewMerge(db, keep, other).conflicts).toEqual([{ field: 'lastName', keep: 'Nowak', other: 'Nowak-Kowalczyk', chosen: 'keep' }]);
    expect(getPatient(db, other)!.merged_into).toBeNull();
  });

  it('moves identities, messages, calls and appointments; one conversation; audit-logged', () => {
    const out = mergePatients(db, { keepId: keep, otherId: other, actor: 'anna', at: T + H });
    const conv = out.conversationId!;
    expect(identitiesOf(db, keep).map((i) => i.value)).toEqual(['48601234567@s.whatsapp.net', '+48601234567']);
    expect(db.prepare('SELECT count(*) AS n FROM messages WHERE conversation_id = ?').get(conv)).toEqual({ n: 2 });
    expect(db.prepare('SELECT conversation_id, patient_id FROM calls').get()).toEqual({ conversation_id: conv, patient_id: keep });
    expect(db.prepare('SELECT patient_id FROM appointments').get()).toEqual({ patient_id: keep });
    expect(consentsOf(db, keep).map((c) => c.kind)).toEqual(['sms', 'whatsapp']);
    const merged = getPatient(db, keep)!;
    expect(JSON.parse(merged.tags)).toEqual(['ortho', 'kids']);
    expect(merged.notes).toContain('Insurance: PZU');
    // The clinic is Italian by default: the note is written in Italian.
    expect(merged.notes).toContain('valori non tenuti: cognome: Nowak-Kowalczyk');
    expect(getPatient(db, other)!.merged_into).toBe(keep);
    expect(getConversation(db, conv)).toMatchObject({ status: 'open', unread_count: 1, waiting_since: T, last_channel: 'whatsapp' });
    expect(getConversation(db, out.removedConversationId!)).toMatchObject({ last_message_at: null });
    const audit = auditFor(db, 'patient', keep);
    expect(audit.map((a) => a.action)).toEqual(['patient.merge']);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ mergedId: other, before: { other: { lastName: 'Nowak-Kowalczyk' } } });
  });

  it('merge then search loses nothing', () => {
    mergePatients(db, { keepId: keep, otherId: other, actor: 'anna', at: T + H });
    for (const q of ['+48 601 234 567', '601234567', '0048601234567', 'Kowalczyk', 'PZU']) {
      const { results } = searchInbox(db, q, 'PL');
      expect(results.filter((r) => r.kind === 'patient').map((r) => r.patientId), q).toEqual([keep]);
    }
    const invoice = searchInbox(db, 'faktur', 'PL').results.find((r) => r.kind === 'message');
    expect(invoice).toMatchObject({ patientId: keep });
  });

  it('refuses merging twice or with itself and changes nothing', () => {
    mergePatients(db, { keepId: keep, otherId: other, actor: 'anna', at: T + H });
    expect(() => mergePatients(db, { keepId: keep, otherId: other, actor: 'anna', at: T + H })).toThrow(/already merged/);
    expect(() => mergePatients(db, { keepId: keep, otherId: keep, actor: 'anna', at: T + H })).toThrow(/otherId: a patient cannot be merged with itself/);
    expect(auditFor(db, 'patient', keep)).toHaveLength(1);
  });
});
