import { describe, expect, it } from 'vitest';
import { DeskError } from '../../../../src-main/domain/shared/errors';
import { checkTemplateBody, suggestVariable, validateTemplateInput } from '../../../../src-main/domain/templates/validateTemplate';

describe('checkTemplateBody', () => {
  const cases: Array<[string, string, Array<[string, string, string]>]> = [
    // name, body, [severity, code, subject][]
    ['known variables only', 'Buongiorno {{patient.first_name|gentile paziente}}, {{clinic.name}}', []],
    ['unknown without fallback', 'Ciao {{patient.name}}', [['error', 'unknown_variable', 'patient.name']]],
    ['unknown with fallback', 'Ciao {{patient.nickname|amico}}', [['warning', 'unknown_variable_with_fallback', 'patient.nickname']]],
    ['unclosed placeholder', 'Orari: {{clinic.hours', [['error', 'malformed_placeholder', '{{clinic.hours']]],
    ['empty placeholder', 'Ciao {{}}', [['error', 'malformed_placeholder', '{{}}']]],
    ['space in the name', 'Dzień dobry {{patient first}}', [['error', 'malformed_placeholder', '{{patient first}}']]],
    ['single braces are plain text', 'Prezzi {da definire}', []],
  ];

  it.each(cases)('%s', (_name, body, expected) => {
    expect(checkTemplateBody(body).map((i) => [i.severity, i.code, i.subject])).toEqual(expected);
  });

  it('the error message names the variable and suggests the right one', () => {
    const [issue] = checkTemplateBody('Ciao {{patient.firstname}}');
    expect(issue?.message).toBe('unknown variable {{patient.firstname}} — did you mean {{patient.first_name}}?');
  });
});

describe('suggestVariable', () => {
  it.each([
    ['patient.firstname', 'patient.first_name'],
    ['clinic.adress', 'clinic.address'],
    ['Clinic.Hours', 'clinic.hours'],
    ['weather.today', null],
  ])('%s → %s', (name, suggestion) => {
    expect(suggestVariable(name)).toBe(suggestion);
  });
});

describe('validateTemplateInput', () => {
  const good = {
    name: 'Orari',
    shortcode: ' /Orari ',
    category: 'hours',
    variants: { it: 'Siamo aperti {{clinic.hours}}', pl: 'Jesteśmy otwarci {{clinic.hours}}', de: '  ' },
  };

  it('normalises the shortcode and drops empty variants', () => {
    const { template, warnings } = validateTemplateInput(good);
    expect(template.shortcode).toBe('orari');
    expect(Object.keys(template.variants)).toEqual(['it', 'pl']);
    expect(warnings).toEqual([]);
  });

  it('accepts non-Latin shortcodes', () => {
    expect(validateTemplateInput({ ...good, shortcode: '/години' }).template.shortcode).toBe('години');
  });

  it('returns warnings with their language', () => {
    const { warnings } = validateTemplateInput({ ...good, variants: { en: 'Hi {{patient.nick|there}}' } });
    expect(warnings.map((w) => [w.language, w.code])).toEqual([['en', 'unknown_variable_with_fallback']]);
  });

  const bad: Array<[string, unknown, string, RegExp]> = [
    ['unknown variable in the Polish text', { ...good, variants: { it: 'ok', pl: 'Dzień dobry {{pacjent.imie}}' } }, 'variants.pl', /unknown variable \{\{pacjent\.imie\}\}/],
    ['no text at all', { ...good, variants: { it: ' ' } }, 'variants', /at least one language/],
    ['bad shortcode', { ...good, shortcode: '/o' }, 'shortcode', /2–32 letters/],
    ['shortcode with a space', { ...good, shortcode: '/orari oggi' }, 'shortcode', /2–32 letters/],
    ['missing name', { ...good, name: '  ' }, 'name', /is required/],
    ['unknown category', { ...good, category: 'spam' }, 'category', /.+/],
    ['bad language code', { ...good, variants: { italian: 'Ciao' } }, 'variants.italian', /two-letter code/],
    ['too long', { ...good, variants: { it: 'x'.repeat(2001) } }, 'variants.it', /.+/],
  ];

  it.each(bad)('rejects %s naming the field', (_name, input, field, message) => {
    let error: unknown;
    try {
      validateTemplateInput(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DeskError);
    expect((error as DeskError).field).toBe(field);
    expect((error as DeskError).message).toMatch(message);
  });
});
