/**
 * The words of a delay notice, in the patient's language: the clinic's "delay" template (or the starter
 * one) for a delay, and the built-in "on time again" variants below, both through the shared
 * composeFromTemplate so placeholders, formatting and language fallback behave like every other message.
 */
import { composeFromTemplate } from '../templates/composeFromTemplate';
import { STARTER_TEMPLATES } from '../templates/starterTemplates';
import type { VariableContext } from '../templates/templateVariables';
import type { NoticeKind } from './noticeDecision';

export const ON_TIME_VARIANTS: Record<string, string> = {
  it: 'Gentile {{patient.first_name|paziente}}, buone notizie: {{appointment.practitioner|il medico}} è di nuovo in orario. La Sua visita è confermata alle {{appointment.time}}. — {{clinic.name}}',
  pl: 'Dzień dobry, dobra wiadomość: {{appointment.practitioner|lekarz}} przyjmuje już zgodnie z planem. Wizyta odbędzie się o {{appointment.time}}. {{clinic.name}}',
  en: 'Hi {{patient.first_name|there}}, good news: {{appointment.practitioner|the doctor}} is back on schedule. Your appointment is at {{appointment.time}} as planned. — {{clinic.name}}',
  de: 'Guten Tag, gute Nachricht: {{appointment.practitioner|die Praxis}} ist wieder im Zeitplan. Ihr Termin findet wie geplant um {{appointment.time}} Uhr statt. {{clinic.name}}',
  fr: 'Bonjour, bonne nouvelle : {{appointment.practitioner|le praticien}} est de nouveau à l’heure. Votre rendez-vous a lieu à {{appointment.time}} comme prévu. {{clinic.name}}',
  es: 'Hola, buenas noticias: {{appointment.practitioner|el doctor}} vuelve a ir en hora. Su cita será a las {{appointment.time}}, como estaba previsto. {{clinic.name}}',
  uk: 'Добрий день! {{appointment.practitioner|Лікар}} знову приймає за графіком. Ваш прийом о {{appointment.time}}, як і планувалося. {{clinic.name}}',
};

export const STARTER_DELAY_VARIANTS: Record<string, string> = STARTER_TEMPLATES.find((t) => t.key === 'delay')?.variants ?? {};

export interface NoticeTextInput {
  kind: NoticeKind;
  /** The patient's language; null falls back to the clinic's. */
  language: string | null;
  clinicLanguage: string;
  /** The clinic's own delay template, when it has one. */
  delayVariants: Record<string, string> | null;
  /** Clinic, hours and "now", as the templates area builds them for every other message. */
  context: Pick<VariableContext, 'now' | 'clinic' | 'hours'>;
  patientFirstName: string;
  practitioner: string;
  startsAt: number;
  eta: number;
  delayMinutes: number;
}

export type NoticeText = { ok: true; text: string; language: string } | { ok: false; missing: string[] };

export function noticeText(i: NoticeTextInput): NoticeText {
  const variants = i.kind === 'on_time' ? ON_TIME_VARIANTS : (i.delayVariants ?? STARTER_DELAY_VARIANTS);
  const composed = composeFromTemplate(variants, i.language, i.clinicLanguage, {
    ...i.context,
    patient: { firstName: i.patientFirstName, lastName: '' },
    appointment: { startsAt: i.startsAt, practitioner: i.practitioner },
    delay: { minutes: i.delayMinutes, etaAt: i.eta },
  });
  if (!composed) return { ok: false, missing: ['template'] };
  return composed.missing.length > 0 ? { ok: false, missing: composed.missing } : { ok: true, text: composed.text, language: composed.language };
}
