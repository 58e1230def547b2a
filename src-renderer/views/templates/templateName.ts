import i18next from 'i18next';
import type { TemplateSummary } from '../../../src-main/contract/templates';
import { STARTER_TEMPLATES } from '../../../src-main/domain/templates/starterTemplates';

/**
 * A starter template still carrying its original name is shown in the desk's current language ("Orari di
 * apertura" / "Godziny otwarcia" / "Opening hours"); a name the clinic chose is shown as written.
 */
export function templateName(t: Pick<TemplateSummary, 'name' | 'starterKey'>): string {
  const starter = t.starterKey ? STARTER_TEMPLATES.find((s) => s.key === t.starterKey) : undefined;
  if (!starter || !Object.values(starter.names).includes(t.name)) return t.name;
  const lang = i18next.language as keyof typeof starter.names;
  return starter.names[lang] ?? t.name;
}
