/**
 * What a visit-loop text costs as an SMS once filled with typical values (pure: the settings' live counter
 * in the renderer and the refusal at save use the same count).
 */
import { countSegments } from '../sms/smsSegments';
import { transliterate } from '../sms/transliterate';

/** Typical values for the segment check at save: a long clinic name, a Polish date, two visits. */
export const TYPICAL_VALUES: Record<string, string> = {
  'patient.first_name': 'Małgorzata',
  'clinic.name': 'Studio Medico Rossi',
  'clinic.review_url': 'https://g.page/r/CXa1b2c3d4e5/review',
  'appointment.date': 'wt 24/11',
  'appointment.time': '10:30',
  'appointment.practitioner': 'Dr Bianchi',
  'appointment.list': 'wt 24/11 10:30 Dr Bianchi',
};

/** The SMS segments a text costs with typical values, transliterated when the clinic allows it. */
export function typicalSegments(body: string, transliterateOn: boolean, values: Record<string, string> = TYPICAL_VALUES): number {
  const filled = body.replace(/\{\{\s*([a-z_.]+)\s*(?:\|[^}]*)?\}\}/g, (_, name: string) => values[name] ?? '');
  return countSegments(transliterateOn ? transliterate(filled) : filled).segments;
}

