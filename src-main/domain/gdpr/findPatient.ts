import type { Db } from '../../db/database';
import { patientsByNumber } from '../../db/repositories/gdpr';
import { getPatient } from '../../db/repositories/patients';
import { DeskError, notFound } from '../shared/errors';
import { toE164, type Region } from '../patients/phone';

/**
 * The one patient a written GDPR request is about, found by the number they wrote from. An unknown number and a
 * number shared by two records (a family phone) are refused: exporting or erasing the wrong person cannot be undone.
 */
export function findPatientForRequest(db: Db, rawPhone: string, region: Region): number {
  const e164 = toE164(rawPhone, region);
  if (!e164) throw new DeskError('invalid_input', `phone: ${rawPhone} is not a phone number`, { field: 'phone', reason: 'errors-detail:notAPhone', params: { phone: rawPhone } });
  const ids = patientsByNumber(db, e164);
  if (ids.length === 0) throw new DeskError('not_found', `no patient has the number ${e164}`, { field: 'phone', details: { phone: e164 }, reason: 'errors-detail:noPatientWithNumber', params: { phone: e164 } });
  if (ids.length > 1) {
    throw new DeskError('conflict', `${ids.length} patients share the number ${e164} (#${ids.join(', #')}): merge them or name the patient by id`, {
      field: 'phone',
      details: { phone: e164, patientIds: ids },
      reason: 'errors-detail:numberShared',
      params: { phone: e164, count: ids.length },
    });
  }
  return ids[0]!;
}

/** A record the GDPR answers may act on: it exists and was not merged into another one. */
export function requireGdprSubject(db: Db, patientId: number): void {
  const p = getPatient(db, patientId);
  if (!p) throw notFound('Patient', patientId);
  if (p.merged_into !== null) {
    throw new DeskError('conflict', `patient #${patientId} was merged into #${p.merged_into}: act on #${p.merged_into}`, { field: 'patientId', reason: 'errors-detail:patientMerged', params: { id: patientId, into: p.merged_into } });
  }
}
