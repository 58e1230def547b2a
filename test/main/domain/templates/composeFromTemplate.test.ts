import { describe, expect, it } from 'vitest';
import { defaultBusinessHours } from '../../../../src-main/domain/hours/businessHours';
import { composeFromTemplate } from '../../../../src-main/domain/templates/composeFromTemplate';

const context = {
  now: Date.parse('2026-11-24T10:00:00Z'),
  clinic: { name: 'Studio Rossi', address: 'Via Roma 12, Milano', phone: '+39 02 1234 5678', website: '' },
  hours: defaultBusinessHours('IT', 'Europe/Rome'),
  patient: { firstName: 'Olena', lastName: 'Kovalenko' },
};
const variants = {
  it: 'Gentile {{patient.first_name|paziente}}, orari: {{clinic.hours}}',
  en: 'Hi {{patient.first_name|there}}, hours: {{clinic.hours}}',
};

describe('composeFromTemplate', () => {
  it('uses the patient language and formats in it', () => {
    expect(composeFromTemplate(variants, 'en', 'it', context)).toEqual({
      text: 'Hi Olena, hours: Mon–Fri 08:00–19:00; Sat 08:30–13:00',
      language: 'en',
      fellBack: false,
      missing: [],
    });
  });

  it('falls back to the clinic language, visibly', () => {
    expect(composeFromTemplate(variants, 'uk', 'it', context)).toEqual({
      text: 'Gentile Olena, orari: lun–ven 08:00–19:00; sab 08:30–13:00',
      language: 'it',
      fellBack: true,
      missing: [],
    });
  });

  it('falls back to English when the clinic language has no variant either', () => {
    expect(composeFromTemplate({ en: variants.en }, 'uk', 'pl', context)?.language).toBe('en');
  });

  it('reports variables that cannot be filled', () => {
    expect(composeFromTemplate({ it: 'Alle {{appointment.time}}' }, 'it', 'it', context)?.missing).toEqual(['appointment.time']);
  });

  it('returns null when no variant fits', () => {
    expect(composeFromTemplate({ de: 'Hallo' }, 'uk', 'it', context)).toBeNull();
  });
});
