import type { Db } from '../../db/database';
import { getBusinessHours } from '../hours/hoursService';
import { getClinicSettings } from '../settings/clinicSettings';
import { clinicInfo } from '../templates/clinicProfile';
import { composeFromTemplate, type ComposedText } from '../templates/composeFromTemplate';

/** A campaign's text for one patient: their language's variant (else the clinic's, else English), with their name. */
export function campaignText(
  db: Db,
  variants: Record<string, string>,
  patient: { firstName: string; lastName: string; language: string | null },
  now: number,
): ComposedText | null {
  return composeFromTemplate(variants, patient.language, getClinicSettings(db).defaultLanguage, {
    now,
    clinic: clinicInfo(db),
    hours: getBusinessHours(db),
    patient: { firstName: patient.firstName, lastName: patient.lastName },
  });
}
