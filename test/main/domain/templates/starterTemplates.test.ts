import { describe, expect, it } from 'vitest';
import { defaultBusinessHours } from '../../../../src-main/domain/hours/businessHours';
import { pickVariant, renderTemplate } from '../../../../src-main/domain/templates/renderTemplate';
import { STARTER_TEMPLATES } from '../../../../src-main/domain/templates/starterTemplates';
import { buildTemplateVars } from '../../../../src-main/domain/templates/templateVariables';
import { TEMPLATE_LANGUAGES, validateTemplateInput } from '../../../../src-main/domain/templates/validateTemplate';

const withoutPlaceholders = (body: string): string => body.replace(/\{\{[^}]*\}\}/g, ' ');

describe('starter templates', () => {
  it('cover the set a new clinic needs', () => {
    expect(STARTER_TEMPLATES.map((t) => t.category)).toEqual(
      expect.arrayContaining(['welcome', 'out_of_hours', 'hours', 'address', 'booking', 'delay', 'reminder', 'feedback', 'birthday']),
    );
  });

  it.each(STARTER_TEMPLATES.map((t) => [t.key, t] as const))('%s has every language and passes save-time validation', (_key, t) => {
    expect(Object.keys(t.variants).sort()).toEqual([...TEMPLATE_LANGUAGES].sort());
    for (const lang of TEMPLATE_LANGUAGES) {
      const { warnings } = validateTemplateInput({ name: t.names.en, shortcode: t.shortcodes[lang], category: t.category, variants: t.variants });
      expect(warnings).toEqual([]);
    }
  });

  it('shortcodes are unique across all templates and languages', () => {
    const all = STARTER_TEMPLATES.flatMap((t) => Object.values(t.shortcodes));
    expect(new Set(all).size).toBe(all.length);
  });

  it('Ukrainian texts are written in Cyrillic only, the others in Latin only (no mixed-script typos)', () => {
    for (const t of STARTER_TEMPLATES) {
      for (const lang of TEMPLATE_LANGUAGES) {
        const text = withoutPlaceholders(t.variants[lang]) + t.shortcodes[lang];
        if (lang === 'uk') expect(text, `${t.key}.${lang}`).not.toMatch(/[A-Za-z]/);
        else expect(text, `${t.key}.${lang}`).not.toMatch(/\p{Script=Cyrillic}/u);
      }
    }
  });

  it('render completely with a real clinic, in every language', () => {
    for (const lang of TEMPLATE_LANGUAGES) {
      const vars = buildTemplateVars({
        language: lang,
        now: Date.parse('2026-11-24T20:00:00Z'),
        clinic: { name: 'Studio Dentistico Rossi', address: 'Via Roma 12, Milano', phone: '+39 02 1234 5678', website: 'studiorossi.it' },
        hours: defaultBusinessHours('IT', 'Europe/Rome'),
        patient: { firstName: 'Giulia', lastName: 'Bianchi' },
        appointment: { startsAt: Date.parse('2026-11-25T09:30:00Z'), practitioner: 'Dr Marco Rossi' },
        delay: { minutes: 20, etaAt: Date.parse('2026-11-25T09:50:00Z') },
      });
      for (const t of STARTER_TEMPLATES) {
        const { text, missing } = renderTemplate(t.variants[lang], vars, { locale: lang });
        expect(missing, `${t.key}.${lang}`).toEqual([]);
        expect(text).not.toContain('{{');
      }
    }
  });

  it('the Polish out-of-hours reply at 21:00 names the next opening', () => {
    const ooh = STARTER_TEMPLATES.find((t) => t.key === 'out_of_hours');
    const picked = pickVariant(ooh?.variants ?? {}, 'pl', ['it', 'en']);
    const vars = buildTemplateVars({
      language: 'pl',
      now: Date.parse('2026-11-24T20:00:00Z'),
      clinic: { name: 'Przychodnia Zdrowie', address: 'ul. Marszałkowska 10, Warszawa', phone: '+48 22 123 45 67', website: '' },
      hours: defaultBusinessHours('PL', 'Europe/Warsaw'),
    });
    expect(renderTemplate(picked?.body ?? '', vars).text.trim()).toBe(
      'Dzień dobry, dziękujemy za wiadomość. Przychodnia jest teraz nieczynna – odpowiemy po otwarciu (jutro, 08:00).\n' +
        'Godziny otwarcia: pon.–pt. 08:00–19:00; sob. 08:30–13:00',
    );
  });
});
