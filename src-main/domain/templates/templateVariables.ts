/**
 * The variables a template may use, and how their values are built for one patient, in the patient's
 * language and the clinic's time zone. Values are plain strings: renderTemplate does no formatting of dates.
 */
import type { BusinessHours } from '../hours/businessHours';
import { nextOpeningAt } from '../hours/businessHours';
import { formatWeeklyHours } from '../hours/formatHours';
import type { TemplateVars } from './renderTemplate';
import { formatLongDate, formatTime, formatWhen, intlLocale } from './localeFormat';

export const KNOWN_VARIABLES = [
  'patient.first_name',
  'patient.last_name',
  'clinic.name',
  'clinic.address',
  'clinic.phone',
  'clinic.hours',
  'clinic.website',
  'clinic.next_opening',
  'appointment.date',
  'appointment.time',
  'appointment.practitioner',
  'delay.minutes',
  'delay.eta',
] as const;
export type KnownVariable = (typeof KNOWN_VARIABLES)[number];

export function isKnownVariable(name: string): name is KnownVariable {
  return (KNOWN_VARIABLES as readonly string[]).includes(name);
}

export interface ClinicInfo {
  name: string;
  address: string;
  phone: string;
  website: string;
}

export interface VariableContext {
  /** The language the message is written in (the chosen variant's), for dates and numbers. */
  language: string | null;
  now: number;
  clinic: ClinicInfo;
  hours: BusinessHours;
  patient?: { firstName: string; lastName: string } | null;
  appointment?: { startsAt: number; practitioner: string } | null;
  delay?: { minutes: number; etaAt: number } | null;
}

/**
 * Every variable the context can fill; absent ones are left undefined so that fallbacks apply. Values
 * are computed when a template reads them (then kept): a delay notice that uses {{delay.eta}} does not
 * pay for the weekly hours or the next opening (30 notices at once in the delay preview).
 */
export function buildTemplateVars(ctx: VariableContext): TemplateVars {
  const tz = ctx.hours.timeZone;
  const lang = ctx.language;
  const compute: Record<KnownVariable, () => string | number | undefined> = {
    'patient.first_name': () => ctx.patient?.firstName,
    'patient.last_name': () => ctx.patient?.lastName,
    'clinic.name': () => ctx.clinic.name,
    'clinic.address': () => ctx.clinic.address,
    'clinic.phone': () => ctx.clinic.phone,
    'clinic.hours': () => formatWeeklyHours(ctx.hours, intlLocale(lang)),
    'clinic.website': () => ctx.clinic.website,
    'clinic.next_opening': () => {
      const nextOpening = nextOpeningAt(ctx.hours, ctx.now);
      return nextOpening === null ? undefined : formatWhen(nextOpening, ctx.now, lang, tz);
    },
    'appointment.date': () => (ctx.appointment ? formatLongDate(ctx.appointment.startsAt, lang, tz) : undefined),
    'appointment.time': () => (ctx.appointment ? formatTime(ctx.appointment.startsAt, lang, tz) : undefined),
    'appointment.practitioner': () => ctx.appointment?.practitioner,
    'delay.minutes': () => ctx.delay?.minutes,
    'delay.eta': () => (ctx.delay ? formatTime(ctx.delay.etaAt, lang, tz) : undefined),
  };
  const vars: TemplateVars = {};
  for (const name of KNOWN_VARIABLES) {
    let done = false;
    let value: string | number | undefined;
    Object.defineProperty(vars, name, {
      enumerable: true,
      get: () => {
        if (!done) {
          value = compute[name]();
          done = true;
        }
        return value;
      },
    });
  }
  return vars;
}
