/**
 * The starter texts of the visit loop, per language. Written for SMS cost: plain GSM-7 once transliterated,
 * one 160-character segment with typical values (two at most for a reminder listing several visits);
 * test/main/domain/visitLoop/visitTexts.test.ts holds them to it with the real segment counter.
 * The clinic edits them in the visit-loop settings; a text longer than its SMS segment limit is refused.
 */
import { VISIT_TEXT_KINDS } from '../../contract/visitLoop';

export { VISIT_TEXT_KINDS };
export type VisitTextKind = (typeof VISIT_TEXT_KINDS)[number];

/**
 * Variables: {{patient.first_name}}, {{clinic.name}}, {{clinic.review_url}}, {{appointment.date}},
 * {{appointment.time}}, {{appointment.practitioner}}, {{appointment.list}} (every visit of the day).
 */
export const DEFAULT_VISIT_TEXTS: Record<VisitTextKind, Record<string, string>> = {
  reminder: {
    it: '{{clinic.name}}: promemoria visita {{appointment.list}}. Risponda SI per confermare o NO per disdire.',
    pl: '{{clinic.name}}: przypominamy o wizycie {{appointment.list}}. Odpisz TAK, aby potwierdzić, lub NIE, aby odwołać.',
    en: '{{clinic.name}}: reminder of your visit {{appointment.list}}. Reply YES to confirm or NO to cancel.',
  },
  booking_confirmation: {
    it: '{{clinic.name}}: visita prenotata {{appointment.list}}. Risponda SI per confermare o NO per disdire.',
    pl: '{{clinic.name}}: zarezerwowano wizytę {{appointment.list}}. Odpisz TAK, aby potwierdzić, lub NIE, aby odwołać.',
    en: '{{clinic.name}}: your visit is booked {{appointment.list}}. Reply YES to confirm or NO to cancel.',
  },
  reschedule: {
    it: '{{clinic.name}}: la Sua visita è stata spostata: {{appointment.list}}. Per domande ci scriva.',
    pl: '{{clinic.name}}: termin wizyty zmieniono na {{appointment.list}}. W razie pytań prosimy o wiadomość.',
    en: '{{clinic.name}}: your visit has been moved to {{appointment.list}}. Write to us with any question.',
  },
  cancellation: {
    it: '{{clinic.name}}: la visita {{appointment.list}} è stata annullata. Per una nuova data ci scriva.',
    pl: '{{clinic.name}}: wizyta {{appointment.list}} została odwołana. Aby umówić nowy termin, prosimy o wiadomość.',
    en: '{{clinic.name}}: your visit {{appointment.list}} has been cancelled. Write to us for a new date.',
  },
  feedback: {
    it: '{{clinic.name}}: grazie per la visita di oggi. Come è andata? Risponda con un voto da 1 a 5.',
    pl: '{{clinic.name}}: dziękujemy za dzisiejszą wizytę. Jak ją Pan/Pani ocenia? Prosimy o ocenę od 1 do 5.',
    en: '{{clinic.name}}: thank you for your visit today. How was it? Reply with a score from 1 to 5.',
  },
  ack_confirmed: {
    it: 'Grazie, visita confermata. {{clinic.name}}',
    pl: 'Dziękujemy, wizyta potwierdzona. {{clinic.name}}',
    en: 'Thank you, your visit is confirmed. {{clinic.name}}',
  },
  ack_cancelled: {
    it: 'Visita annullata, grazie per averci avvisato. {{clinic.name}}',
    pl: 'Wizyta odwołana, dziękujemy za informację. {{clinic.name}}',
    en: 'Your visit is cancelled, thank you for letting us know. {{clinic.name}}',
  },
  feedback_thanks: {
    it: 'Grazie per la risposta. {{clinic.name}}',
    pl: 'Dziękujemy za ocenę. {{clinic.name}}',
    en: 'Thank you for your answer. {{clinic.name}}',
  },
  feedback_review: {
    it: 'Grazie! Se vuole, lasci una recensione: {{clinic.review_url}}',
    pl: 'Dziękujemy! Jeśli ma Pan/Pani chwilę, prosimy o opinię: {{clinic.review_url}}',
    en: 'Thank you! If you have a minute, please leave a review: {{clinic.review_url}}',
  },
};
