import type { PatientCard } from '../../contract/inbox';
import type { Db } from '../../db/database';
import { appointmentsOfPatient } from '../../db/repositories/appointments';
import { consentsOf, getPatient, identitiesOf } from '../../db/repositories/patients';
import { notFound } from '../shared/errors';
import { formatPhone } from './phone';

export function patientCard(db: Db, patientId: number): PatientCard {
  const p = getPatient(db, patientId);
  if (!p) throw notFound('Patient', patientId);
  const ids = identitiesOf(db, patientId);
  return {
    id: p.id,
    firstName: p.first_name,
    lastName: p.last_name,
    language: p.language,
    preferredChannel: p.preferred_channel,
    birthDate: p.birth_date,
    notes: p.notes,
    tags: JSON.parse(p.tags) as string[],
    phones: ids.filter((i) => i.kind === 'phone').map((i) => ({ value: i.value, display: formatPhone(i.value), label: i.label })),
    whatsapp: ids.filter((i) => i.kind === 'whatsapp').map((i) => ({ value: i.value, label: i.label })),
    consents: consentsOf(db, patientId).map((c) => ({ kind: c.kind, granted: c.granted === 1, at: c.at, source: c.source })),
    appointments: appointmentsOfPatient(db, patientId).map((a) => ({
      id: a.id,
      startsAt: a.starts_at,
      endsAt: a.ends_at,
      practitioner: a.practitioner,
      type: a.type,
      status: a.status,
      feedbackScore: a.feedback_score,
    })),
  };
}
