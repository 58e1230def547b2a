/**
 * A template made ready for one patient: the variant in their language (else the clinic's, else English),
 * rendered with values formatted in that same language. Used by the composer preview, the auto-replies
 * and the library's "preview with a patient".
 */
import { pickVariant, renderTemplate } from './renderTemplate';
import { buildTemplateVars, type VariableContext } from './templateVariables';

export interface ComposedText {
  text: string;
  language: string;
  /** True when the patient's language had no variant (shown to the receptionist). */
  fellBack: boolean;
  /** Variables without value or fallback: such a text must not be sent as is. */
  missing: string[];
}

export function composeFromTemplate(
  variants: Record<string, string>,
  patientLanguage: string | null,
  clinicLanguage: string,
  context: Omit<VariableContext, 'language'>,
): ComposedText | null {
  const picked = pickVariant(variants, patientLanguage, [clinicLanguage, 'en']);
  if (!picked) return null;
  const vars = buildTemplateVars({ ...context, language: picked.language });
  const { text, missing } = renderTemplate(picked.body, vars, { locale: picked.language });
  return { text: text.trim(), language: picked.language, fellBack: picked.fellBack, missing };
}
