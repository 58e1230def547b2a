import type { Db } from '../../db/database';
import { identityKinds, recipientPatient, type RecipientFactsRow } from '../../db/repositories/campaigns';
import { consentsOf } from '../../db/repositories/patients';
import type { ConsentFacts } from './consentRules';

/** What the consent rules need to know about one patient, read at the moment of the decision. */
export function recipientFacts(db: Db, patientId: number): { patient: RecipientFactsRow | undefined; facts: ConsentFacts } {
  const patient = recipientPatient(db, patientId);
  const ids = identityKinds(db, patientId);
  const consents: ConsentFacts['consents'] = {};
  for (const c of consentsOf(db, patientId)) consents[c.kind] = { granted: c.granted === 1, source: c.source };
  return {
    patient,
    facts: {
      consents,
      hasPhone: ids.phone,
      hasWhatsappId: ids.whatsapp,
      preferredChannel: patient?.preferred_channel ?? null,
      erased: !patient || patient.erased_at != null,
    },
  };
}
