import type { Db } from '../../db/database';
import { writeAudit } from '../../db/repositories/audit';
import { ensureConversation } from '../../db/repositories/conversations';
import { conversationOfPatient } from '../../db/repositories/inbox';
import { identityOwner, removeIdentity, setTags } from '../../db/repositories/patientEdits';
import { withdrawQueuedMarketing } from '../campaigns/marketingWithdrawal';
import { addIdentity, getPatient, identitiesOf, insertPatient, setConsent, updatePatient, type NewPatient } from '../../db/repositories/patients';
import { DeskError, invalidInput, notFound } from '../shared/errors';
import { mergeTags, type ConsentKind } from './mergePlan';
import { requireE164, type Region } from './phone';
import { invalidPhoneError } from './phoneSuggestions';

/** Creating and editing patient records from the desk; every change is audit-logged. */
export interface PatientDeps {
  db: Db;
  region: () => Region;
}

interface Who {
  actor: string;
  at: number;
}

function requireLivePatient(db: Db, patientId: number): void {
  const p = getPatient(db, patientId);
  if (!p) throw notFound('Patient', patientId);
  if (p.merged_into !== null) {
    throw new DeskError('conflict', `patient #${patientId} was merged into #${p.merged_into}`, {
      field: 'patientId',
      reason: 'patient.merged',
      params: { patientId: p.merged_into, conversationId: conversationOfPatient(db, p.merged_into) },
    });
  }
}

function assertFree(db: Db, kind: 'phone' | 'whatsapp', value: string, field: string): void {
  const owner = identityOwner(db, kind, value);
  if (owner) {
    const name = `${owner.first_name} ${owner.last_name}`.trim() || `#${owner.patient_id}`;
    throw new DeskError('conflict', `${field}: ${value} already belongs to ${name} (patient #${owner.patient_id}); merge the two records instead`, {
      field,
      details: { patientId: owner.patient_id },
      // The desk offers to open that record (and, from a patient card, to merge the two).
      reason: 'patient.numberTaken',
      params: { number: value, name, patientId: owner.patient_id, conversationId: conversationOfPatient(db, owner.patient_id) },
    });
  }
}

export function createPatient(deps: PatientDeps, p: NewPatient & { phone: string; whatsapp?: boolean }, who: Who): { patientId: number; conversationId: number } {
  const phone = requireE164(p.phone, deps.region(), 'phone', (raw) => invalidPhoneError(deps.db, raw, deps.region(), 'phone'));
  return deps.db.transaction(() => {
    assertFree(deps.db, 'phone', phone, 'phone');
    const patientId = insertPatient(deps.db, { ...p, tags: mergeTags(p.tags ?? [], []) }, who.at);
    addIdentity(deps.db, patientId, 'phone', phone, who.at);
    const conversationId = ensureConversation(deps.db, patientId, who.at).id;
    writeAudit(deps.db, who.at, { actor: who.actor, action: 'patient.create', entity: 'patient', entityId: patientId, details: { ...p, phone } });
    return { patientId, conversationId };
  })();
}

export interface PatientChanges {
  firstName?: string;
  lastName?: string;
  language?: string | null;
  preferredChannel?: 'whatsapp' | 'sms' | null;
  birthDate?: string | null;
  notes?: string;
  tags?: string[];
}

export function editPatient(deps: PatientDeps, patientId: number, changes: PatientChanges, who: Who): void {
  requireLivePatient(deps.db, patientId);
  deps.db.transaction(() => {
    const { tags, ...fields } = changes;
    updatePatient(deps.db, patientId, fields, who.at);
    if (tags) setTags(deps.db, patientId, mergeTags(tags, []), who.at);
    writeAudit(deps.db, who.at, { actor: who.actor, action: 'patient.update', entity: 'patient', entityId: patientId, details: changes });
  })();
}

export function addPatientPhone(deps: PatientDeps, patientId: number, raw: string, kind: 'phone' | 'whatsapp', who: Who): string {
  requireLivePatient(deps.db, patientId);
  const e164 = requireE164(raw, deps.region(), 'phone', (typed) => invalidPhoneError(deps.db, typed, deps.region(), 'phone'));
  // WhatsApp identities are stored as the channel sees them: "<digits>@s.whatsapp.net".
  const value = kind === 'whatsapp' ? `${e164.slice(1)}@s.whatsapp.net` : e164;
  deps.db.transaction(() => {
    if (identitiesOf(deps.db, patientId).some((i) => i.kind === kind && i.value === value)) return;
    assertFree(deps.db, kind, value, 'phone');
    addIdentity(deps.db, patientId, kind, value, who.at);
    writeAudit(deps.db, who.at, { actor: who.actor, action: 'patient.addIdentity', entity: 'patient', entityId: patientId, details: { kind, value } });
  })();
  return value;
}

export function removePatientIdentity(deps: PatientDeps, patientId: number, kind: 'phone' | 'whatsapp', value: string, who: Who): void {
  requireLivePatient(deps.db, patientId);
  deps.db.transaction(() => {
    const ids = identitiesOf(deps.db, patientId);
    if (!ids.some((i) => i.kind === kind && i.value === value)) throw invalidInput('value', `${value} is not a ${kind} identity of patient #${patientId}`, { reason: 'errors-input:notTheirNumber', params: { number: value } });
    // Without any number the desk could neither reach the patient nor recognise their next message.
    if (ids.length === 1) throw invalidInput('value', 'a patient keeps at least one phone number or WhatsApp identity', { reason: 'errors-input:lastNumber' });
    removeIdentity(deps.db, patientId, kind, value);
    writeAudit(deps.db, who.at, { actor: who.actor, action: 'patient.removeIdentity', entity: 'patient', entityId: patientId, details: { kind, value } });
  })();
}

export function setPatientConsent(deps: PatientDeps, patientId: number, kind: ConsentKind, granted: boolean, source: string, who: Who): void {
  requireLivePatient(deps.db, patientId);
  deps.db.transaction(() => {
    setConsent(deps.db, patientId, kind, granted, who.at, source);
    // A withdrawn consent also takes back campaign and automation messages already queued for the patient.
    if (!granted) withdrawQueuedMarketing(deps.db, patientId, who.at);
    writeAudit(deps.db, who.at, { actor: who.actor, action: 'patient.consent', entity: 'patient', entityId: patientId, details: { kind, granted, source } });
  })();
}
