import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../../src-main/db/database';
import { auditFor } from '../../../../src-main/db/repositories/audit';
import { consentsOf, getPatient, identitiesOf } from '../../../../src-main/db/repositories/patients';
import { addPatientPhone, createPatient, editPatient, removePatientIdentity, setPatientConsent, type PatientDeps } from '../../../../src-main/domain/patients/patientService';

const T = Date.parse('2026-11-20T09:00:00Z');
const who = { actor: 'marta', at: T };

describe('patient service', () => {
  let db: Db;
  let deps: PatientDeps;
  beforeEach(() => {
    db = openDatabase(':memory:');
    deps = { db, region: () => 'PL' };
  });
  afterEach(() => db.close());

  it('creates a patient from an unknown number, with a conversation, audit-logged', () => {
    const { patientId, conversationId } = createPatient(deps, { phone: '601 234 567', firstName: 'Ewa', lastName: 'Nowak', language: 'pl' }, who);
    expect(conversationId).toBeGreaterThan(0);
    expect(identitiesOf(db, patientId).map((i) => i.value)).toEqual(['+48601234567']);
    expect(auditFor(db, 'patient', patientId).map((a) => a.action)).toEqual(['patient.create']);
  });

  it('refuses a number that belongs to someone else, naming them, and writes nothing', () => {
    const { patientId } = createPatient(deps, { phone: '+48601234567', firstName: 'Ewa', lastName: 'Nowak' }, who);
    expect(() => createPatient(deps, { phone: '0048 601 234 567', firstName: 'E.' }, who)).toThrow(/phone: \+48601234567 already belongs to Ewa Nowak \(patient #\d+\)/);
    expect(db.prepare('SELECT count(*) AS n FROM patients').get()).toEqual({ n: 1 });
    const other = createPatient(deps, { phone: '+48500100200' }, who).patientId;
    expect(() => addPatientPhone(deps, other, '601234567', 'phone', who)).toThrow(new RegExp(`patient #${patientId}`));
  });

  it('refuses a bad number naming the field', () => {
    expect(() => createPatient(deps, { phone: '12' }, who)).toThrow(/phone: "12" is not a valid phone number/);
  });

  it('edits fields and tags, and keeps at least one identity', () => {
    const { patientId } = createPatient(deps, { phone: '+48601234567' }, who);
    editPatient(deps, patientId, { firstName: 'Ewa', birthDate: '1980-02-03', tags: ['VIP', 'vip', ' kids '] }, who);
    expect(getPatient(db, patientId)).toMatchObject({ first_name: 'Ewa', birth_date: '1980-02-03', tags: '["VIP","kids"]' });
    expect(() => removePatientIdentity(deps, patientId, 'phone', '+48601234567', who)).toThrow(/value: a patient keeps at least one/);
    addPatientPhone(deps, patientId, '+39 333 123 4567', 'phone', who);
    removePatientIdentity(deps, patientId, 'phone', '+48601234567', who);
    expect(identitiesOf(db, patientId).map((i) => i.value)).toEqual(['+393331234567']);
  });

  it('records consent with date and source', () => {
    const { patientId } = createPatient(deps, { phone: '+48601234567' }, who);
    setPatientConsent(deps, patientId, 'marketing', false, 'phone call', who);
    expect(consentsOf(db, patientId)).toEqual([{ kind: 'marketing', granted: 0, at: T, source: 'phone call' }]);
  });

  it('stores a WhatsApp number as the identity the channel sees, so the next message finds the patient', () => {
    const { patientId } = createPatient(deps, { phone: '+48601234567' }, who);
    expect(addPatientPhone(deps, patientId, '+39 333 123 4567', 'whatsapp', who)).toBe('393331234567@s.whatsapp.net');
    expect(identitiesOf(db, patientId).filter((i) => i.kind === 'whatsapp').map((i) => i.value)).toEqual(['393331234567@s.whatsapp.net']);
    expect(() => addPatientPhone(deps, patientId, 'not a number', 'whatsapp', who)).toThrow(/phone: "not a number" is not a valid phone number/);
  });
});
