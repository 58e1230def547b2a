import { describe, expect, it } from 'vitest';
import { baseLanguage, findPlaceholders, pickVariant, renderTemplate } from '../../../../src-main/domain/templates/renderTemplate';

describe('renderTemplate', () => {
  const cases: Array<{
    name: string;
    body: string;
    vars: Record<string, string | number | null | undefined>;
    locale?: string;
    text: string;
    missing: string[];
  }> = [
    { name: 'plain text is unchanged', body: 'Buongiorno!', vars: {}, text: 'Buongiorno!', missing: [] },
    {
      name: 'value present',
      body: 'Ciao {{patient.first_name}}',
      vars: { 'patient.first_name': 'Giulia' },
      text: 'Ciao Giulia',
      missing: [],
    },
    {
      name: 'fallback used when value missing',
      body: 'Buongiorno {{patient.first_name|gentile paziente}},',
      vars: {},
      text: 'Buongiorno gentile paziente,',
      missing: [],
    },
    {
      name: 'value wins over fallback',
      body: 'Buongiorno {{patient.first_name|gentile paziente}}',
      vars: { 'patient.first_name': 'Marco' },
      text: 'Buongiorno Marco',
      missing: [],
    },
    {
      name: 'blank string counts as missing',
      body: 'Dzień dobry {{patient.first_name|Pani/Panie}}',
      vars: { 'patient.first_name': '   ' },
      text: 'Dzień dobry Pani/Panie',
      missing: [],
    },
    {
      name: 'null counts as missing',
      body: '{{clinic.website|}}ok',
      vars: { 'clinic.website': null },
      text: 'ok',
      missing: [],
    },
    {
      name: 'whitespace inside braces tolerated, fallback trimmed',
      body: '{{ patient.first_name | caro paziente }}',
      vars: {},
      text: 'caro paziente',
      missing: [],
    },
    {
      name: 'missing without fallback stays verbatim and is reported once',
      body: 'Alle {{appointment.time}} — ripeto: {{appointment.time}} con {{appointment.practitioner}}',
      vars: {},
      text: 'Alle {{appointment.time}} — ripeto: {{appointment.time}} con {{appointment.practitioner}}',
      missing: ['appointment.time', 'appointment.practitioner'],
    },
    { name: 'number rendered plainly without locale', body: '+{{delay.minutes}} min', vars: { 'delay.minutes': 25 }, text: '+25 min', missing: [] },
    { name: 'zero is a value, not missing', body: '{{delay.minutes|?}}', vars: { 'delay.minutes': 0 }, text: '0', missing: [] },
    {
      name: 'number formatted per locale',
      body: '{{x}}',
      vars: { x: 1234.5 },
      locale: 'pl',
      text: new Intl.NumberFormat('pl').format(1234.5),
      missing: [],
    },
    { name: 'NaN is missing', body: '{{x|n/d}}', vars: { x: Number.NaN }, text: 'n/d', missing: [] },
    {
      name: 'malformed braces are left alone',
      body: 'Orari: {clinic.hours} {{clinic.hours',
      vars: { 'clinic.hours': 'Lun–Ven 9–19' },
      text: 'Orari: {clinic.hours} {{clinic.hours',
      missing: [],
    },
    {
      name: 'values are not re-interpreted as placeholders',
      body: '{{patient.first_name}}',
      vars: { 'patient.first_name': '{{clinic.name}}' },
      text: '{{clinic.name}}',
      missing: [],
    },
    {
      name: 'multi-line body',
      body: '{{clinic.name}}\n{{clinic.address|}}\n{{clinic.phone}}',
      vars: { 'clinic.name': 'Studio Rossi', 'clinic.phone': '+39 02 1234 5678' },
      text: 'Studio Rossi\n\n+39 02 1234 5678',
      missing: [],
    },
  ];

  it.each(cases)('$name', ({ body, vars, locale, text, missing }) => {
    expect(renderTemplate(body, vars, locale ? { locale } : undefined)).toEqual({ text, missing });
  });
});

describe('findPlaceholders', () => {
  it('lists names, fallbacks and positions', () => {
    expect(findPlaceholders('Hi {{patient.first_name|there}}, see {{clinic.website}}')).toEqual([
      { raw: '{{patient.first_name|there}}', name: 'patient.first_name', fallback: 'there', index: 3 },
      { raw: '{{clinic.website}}', name: 'clinic.website', fallback: null, index: 37 },
    ]);
  });
});

describe('pickVariant', () => {
  const variants = { it: 'Ciao', pl: 'Cześć', en: 'Hello', de: '  ' };
  const cases: Array<{
    name: string;
    language: string | null;
    chain: string[];
    expected: ReturnType<typeof pickVariant>;
  }> = [
    { name: 'patient language present', language: 'pl', chain: ['it', 'en'], expected: { language: 'pl', body: 'Cześć', fellBack: false } },
    { name: 'region tag matches base language', language: 'pl-PL', chain: ['it'], expected: { language: 'pl', body: 'Cześć', fellBack: false } },
    { name: 'upper case tag', language: 'EN', chain: ['it'], expected: { language: 'en', body: 'Hello', fellBack: false } },
    { name: 'falls back to clinic default', language: 'uk', chain: ['it', 'en'], expected: { language: 'it', body: 'Ciao', fellBack: true } },
    { name: 'skips chain entries without variant', language: 'uk', chain: ['fr', 'en'], expected: { language: 'en', body: 'Hello', fellBack: true } },
    { name: 'blank variant counts as absent', language: 'de', chain: ['en'], expected: { language: 'en', body: 'Hello', fellBack: true } },
    { name: 'unknown patient language is a fallback', language: null, chain: ['it'], expected: { language: 'it', body: 'Ciao', fellBack: true } },
    { name: 'nothing in the chain', language: 'uk', chain: ['fr', 'es'], expected: null },
  ];

  it.each(cases)('$name', ({ language, chain, expected }) => {
    expect(pickVariant(variants, language, chain)).toEqual(expected);
  });

  it('returns the stored key when variants use region tags', () => {
    expect(pickVariant({ 'pt-BR': 'Olá' }, 'pt', [])).toEqual({ language: 'pt-BR', body: 'Olá', fellBack: false });
  });

  it('returns null for an empty variant set', () => {
    expect(pickVariant({}, 'it', ['en'])).toBeNull();
  });
});

describe('baseLanguage', () => {
  it.each([
    ['pl-PL', 'pl'],
    ['pt_BR', 'pt'],
    [' IT ', 'it'],
    ['uk', 'uk'],
  ])('%s → %s', (tag, base) => {
    expect(baseLanguage(tag)).toBe(base);
  });
});
