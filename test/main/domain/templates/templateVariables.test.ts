import { describe, expect, it } from 'vitest';
import { defaultBusinessHours } from '../../../../src-main/domain/hours/businessHours';
import { renderTemplate } from '../../../../src-main/domain/templates/renderTemplate';
import { buildTemplateVars, type VariableContext } from '../../../../src-main/domain/templates/templateVariables';

const clinic = { name: 'Przychodnia Zdrowie', address: 'ul. Marszałkowska 10, Warszawa', phone: '+48 22 123 45 67', website: '' };
const base: VariableContext = {
  language: 'pl',
  // Tuesday 24 November 2026, 21:00 in Warsaw.
  now: Date.parse('2026-11-24T20:00:00Z'),
  clinic,
  hours: defaultBusinessHours('PL', 'Europe/Warsaw'),
  patient: { firstName: 'Agnieszka', lastName: 'Nowak' },
  appointment: { startsAt: Date.parse('2026-11-26T09:30:00Z'), practitioner: 'dr Anna Kowalska' },
  delay: { minutes: 25, etaAt: Date.parse('2026-11-26T09:55:00Z') },
};

describe('buildTemplateVars', () => {
  it('fills every variable in Polish, in the clinic time zone', () => {
    expect(buildTemplateVars(base)).toEqual({
      'patient.first_name': 'Agnieszka',
      'patient.last_name': 'Nowak',
      'clinic.name': 'Przychodnia Zdrowie',
      'clinic.address': 'ul. Marszałkowska 10, Warszawa',
      'clinic.phone': '+48 22 123 45 67',
      'clinic.hours': 'pon.–pt. 08:00–19:00; sob. 08:30–13:00',
      'clinic.website': '',
      'clinic.next_opening': 'jutro, 08:00',
      'appointment.date': 'czwartek, 26 listopada',
      'appointment.time': '10:30',
      'appointment.practitioner': 'dr Anna Kowalska',
      'delay.minutes': 25,
      'delay.eta': '10:55',
    });
  });

  it('writes the same facts in Italian', () => {
    const vars = buildTemplateVars({ ...base, language: 'it' });
    expect([vars['clinic.next_opening'], vars['appointment.date'], vars['clinic.hours']]).toEqual([
      'domani, 08:00',
      'giovedì 26 novembre',
      'lun–ven 08:00–19:00; sab 08:30–13:00',
    ]);
  });

  it('leaves absent context undefined so fallbacks apply', () => {
    const vars = buildTemplateVars({ ...base, patient: null, appointment: null, delay: null });
    const { text, missing } = renderTemplate('Dzień dobry {{patient.first_name|}}! Wizyta: {{appointment.time|brak}}. {{clinic.website|}}', vars);
    expect(text).toBe('Dzień dobry ! Wizyta: brak. ');
    expect(missing).toEqual([]);
  });

  it('spells a weekday further away', () => {
    // Saturday 13:30 Warsaw → Monday 08:00.
    const vars = buildTemplateVars({ ...base, now: Date.parse('2026-11-28T12:30:00Z'), language: 'en' });
    expect(vars['clinic.next_opening']).toBe('Monday 30 November, 08:00');
  });
});
