/** The template library over the database: save with validation, compose for a conversation, preview, starter set. */
import type { ComposedTextDto, TemplateSummary } from '../../contract/templates';
import type { Db } from '../../db/database';
import {
  conversationPatient,
  countTemplates,
  deleteTemplate as deleteRow,
  getTemplate,
  insertTemplate,
  listTemplates,
  nextAppointmentOf,
  patientBasics,
  recordTemplateUse,
  shortcodeOwner,
  updateTemplate,
  type TemplateRow,
} from '../../db/repositories/templates';
import { getBusinessHours } from '../hours/hoursService';
import { getClinicSettings } from '../settings/clinicSettings';
import { DeskError, notFound } from '../shared/errors';
import { clinicInfo } from './clinicProfile';
import { composeFromTemplate, type ComposedText } from './composeFromTemplate';
import { pickVariant, renderTemplate } from './renderTemplate';
import { STARTER_TEMPLATES } from './starterTemplates';
import { buildTemplateVars, type VariableContext } from './templateVariables';
import { TEMPLATE_LANGUAGES, validateTemplateInput, type TemplateIssue } from './validateTemplate';

export function toSummary(row: TemplateRow): TemplateSummary {
  const { createdAt: _c, updatedAt: _u, ...rest } = row;
  return rest;
}

export function listTemplateSummaries(db: Db): TemplateSummary[] {
  return listTemplates(db).map(toSummary);
}

/**
 * Creates or replaces a template. Bad input is a DeskError naming the field (an unknown variable names
 * the language and the variable); a shortcode taken by another template is a conflict naming it.
 */
export function saveTemplate(
  db: Db,
  input: { id?: number; name: string; shortcode: string; category: string; variants: Record<string, string> },
  now: number,
): { template: TemplateSummary; warnings: Array<TemplateIssue & { language: string }> } {
  const { template, warnings } = validateTemplateInput(input);
  if (input.id !== undefined && !getTemplate(db, input.id)) throw notFound('Template', input.id);
  const owner = shortcodeOwner(db, template.shortcode);
  if (owner !== undefined && owner !== input.id) {
    const other = getTemplate(db, owner);
    throw new DeskError('conflict', `shortcode: /${template.shortcode} is already used by "${other?.name ?? owner}"`, {
      field: 'shortcode',
      reason: 'templates.shortcodeTaken',
      params: { shortcode: template.shortcode, name: other?.name ?? String(owner) },
    });
  }
  const id = db.transaction(() => {
    if (input.id === undefined) return insertTemplate(db, template, now);
    updateTemplate(db, input.id, template, now);
    return input.id;
  })();
  return { template: toSummary(getTemplate(db, id)!), warnings };
}

export function removeTemplate(db: Db, id: number): void {
  if (!deleteRow(db, id)) throw notFound('Template', id);
}

/** Everything the variables can be filled from, for a patient (or none) at `now`. */
export function variableContext(db: Db, patientId: number | null, now: number): Omit<VariableContext, 'language'> {
  const patient = patientId === null ? undefined : patientBasics(db, patientId);
  const appointment = patientId === null ? undefined : nextAppointmentOf(db, patientId, now);
  return {
    now,
    clinic: clinicInfo(db),
    hours: getBusinessHours(db),
    patient: patient ? { firstName: patient.firstName, lastName: patient.lastName } : null,
    appointment: appointment ?? null,
  };
}

/** The composer's insertion: the patient's variant with their values. Counts one use. */
export function composeForConversation(db: Db, templateId: number, conversationId: number, now: number): ComposedText & { templateId: number } {
  const template = getTemplate(db, templateId);
  if (!template) throw notFound('Template', templateId);
  const patientId = conversationPatient(db, conversationId);
  if (patientId === undefined) throw notFound('Conversation', conversationId);
  const clinicLanguage = getClinicSettings(db).defaultLanguage;
  const language = patientBasics(db, patientId)?.language ?? null;
  const composed = composeFromTemplate(template.variants, language, clinicLanguage, variableContext(db, patientId, now));
  if (!composed) {
    throw new DeskError('invalid_input', `templateId: "${template.name}" has no text in ${[language, clinicLanguage, 'en'].filter(Boolean).join(', ')}`, {
      field: 'templateId',
      reason: 'templates.noText',
      params: { name: template.name },
    });
  }
  recordTemplateUse(db, templateId, now);
  return { ...composed, templateId };
}

/** The library's preview of unsaved text: `language` forces a variant, else the patient's language decides. */
export function previewTemplate(
  db: Db,
  req: { variants: Record<string, string>; patientId: number | null; language: string | null },
  now: number,
): ComposedTextDto | null {
  const clinicLanguage = getClinicSettings(db).defaultLanguage;
  const context = variableContext(db, req.patientId, now);
  if (req.language) {
    const picked = pickVariant(req.variants, req.language, []);
    if (!picked) return null;
    const { text, missing } = renderTemplate(picked.body, buildTemplateVars({ ...context, language: picked.language }), { locale: picked.language });
    return { text: text.trim(), language: picked.language, fellBack: false, missing };
  }
  const patientLanguage = req.patientId === null ? null : (patientBasics(db, req.patientId)?.language ?? null);
  return composeFromTemplate(req.variants, patientLanguage, clinicLanguage, context);
}

/**
 * Writes the starter set into an empty library: names in the desk's language, the main shortcode in the
 * clinic's language and one more per language. Returns how many were written (0 when not empty).
 */
export function seedStarterTemplates(db: Db, now: number): number {
  if (countTemplates(db) > 0) return 0;
  const settings = getClinicSettings(db);
  const mainLanguage = (TEMPLATE_LANGUAGES as readonly string[]).includes(settings.defaultLanguage)
    ? (settings.defaultLanguage as (typeof TEMPLATE_LANGUAGES)[number])
    : 'en';
  db.transaction(() => {
    for (const t of STARTER_TEMPLATES) {
      insertTemplate(
        db,
        {
          name: t.names[settings.uiLanguage],
          shortcode: t.shortcodes[mainLanguage],
          category: t.category,
          variants: t.variants,
          starterKey: t.key,
          languageShortcodes: TEMPLATE_LANGUAGES.map((language) => ({ shortcode: t.shortcodes[language], language })),
        },
        now,
      );
    }
  })();
  return STARTER_TEMPLATES.length;
}
