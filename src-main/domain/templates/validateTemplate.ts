/**
 * Save-time checks, so that a typo is caught in the template editor and never reaches a patient as "{{…}}".
 * Unknown variables without a fallback and malformed placeholders are errors; an unknown variable with
 * a fallback is only a warning (it will always print its fallback).
 */
import { z } from 'zod';
import { issueReason } from '../../contract/issueReason';
import { DeskError, invalidInput } from '../shared/errors';
import { findPlaceholders } from './renderTemplate';
import { KNOWN_VARIABLES, isKnownVariable } from './templateVariables';

/** Languages offered in the editor; any other ISO 639-1 code is accepted too. */
export const TEMPLATE_LANGUAGES = ['it', 'pl', 'en', 'de', 'fr', 'es', 'uk'] as const;

export const TEMPLATE_CATEGORIES = [
  'welcome',
  'out_of_hours',
  'hours',
  'address',
  'booking',
  'prices',
  'documents',
  'delay',
  'reminder',
  'feedback',
  'birthday',
  'general',
] as const;
export type TemplateCategory = (typeof TEMPLATE_CATEGORIES)[number];

export const MAX_BODY_LENGTH = 2000;

export interface TemplateIssue {
  severity: 'error' | 'warning';
  code: 'unknown_variable' | 'malformed_placeholder' | 'unknown_variable_with_fallback';
  /** The variable name, or the malformed text. */
  subject: string;
  suggestion: string | null;
  message: string;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

/** The known variable closest to a misspelt one, when it is close enough to be the intended one. */
export function suggestVariable(name: string): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const known of KNOWN_VARIABLES) {
    const d = distance(name.toLowerCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return bestDistance <= 3 ? best : null;
}

export function checkTemplateBody(body: string): TemplateIssue[] {
  const issues: TemplateIssue[] = [];
  for (const p of findPlaceholders(body)) {
    if (isKnownVariable(p.name)) continue;
    const suggestion = suggestVariable(p.name);
    const hint = suggestion ? ` — did you mean {{${suggestion}}}?` : '';
    if (p.fallback === null) {
      issues.push({
        severity: 'error',
        code: 'unknown_variable',
        subject: p.name,
        suggestion,
        message: `unknown variable {{${p.name}}}${hint}`,
      });
    } else {
      issues.push({
        severity: 'warning',
        code: 'unknown_variable_with_fallback',
        subject: p.name,
        suggestion,
        message: `unknown variable {{${p.name}}} will always print its fallback "${p.fallback}"${hint}`,
      });
    }
  }
  // Whatever is left of "{{" or "}}" once the well-formed placeholders are removed is a broken one.
  const rest = findPlaceholders(body).reduce((text, p) => text.replace(p.raw, ' '), body);
  const broken = /\{\{[^{}]{0,40}(?:\}\})?|[^{}]{0,20}\}\}/.exec(rest);
  if (broken) {
    issues.push({
      severity: 'error',
      code: 'malformed_placeholder',
      subject: broken[0].trim(),
      suggestion: null,
      message: `malformed placeholder near "${broken[0].trim()}" — write {{name}} or {{name|fallback}}`,
    });
  }
  return issues;
}

const shortcodeSchema = z
  .string()
  .transform((s) => s.trim().replace(/^\//, '').toLowerCase())
  .refine((s) => /^[\p{L}\p{N}_-]{2,32}$/u.test(s), {
    message: 'must be 2–32 letters, digits, "-" or "_" (e.g. /orari)',
  });

export const templateInputSchema = z.object({
  name: z.string().trim().min(1, 'is required').max(80),
  shortcode: shortcodeSchema,
  category: z.enum(TEMPLATE_CATEGORIES),
  variants: z
    .record(z.string(), z.string().max(MAX_BODY_LENGTH))
    .superRefine((v, ctx) => {
      for (const key of Object.keys(v)) {
        if (!/^[a-z]{2}$/.test(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'language must be a two-letter code such as "pl"' });
      }
    })
    .transform((v) => Object.fromEntries(Object.entries(v).filter(([, body]) => body.trim() !== '')))
    .refine((v) => Object.keys(v).length > 0, { message: 'at least one language needs a text' }),
});
export type TemplateInput = z.infer<typeof templateInputSchema>;

/**
 * Validates and normalises a template typed in the editor (shortcode without "/", lower case; empty
 * variants dropped). Throws a DeskError naming the field, e.g. "variants.pl: unknown variable {{patient.name}}";
 * returns the warnings that do not block saving.
 */
export function validateTemplateInput(input: unknown): { template: TemplateInput; warnings: Array<TemplateIssue & { language: string }> } {
  const parsed = templateInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = (issue?.path ?? []).map(String).join('.') || 'template';
    throw invalidInput(field, issue?.message ?? 'invalid template', issueReason(issue, field));
  }
  const warnings: Array<TemplateIssue & { language: string }> = [];
  for (const [language, body] of Object.entries(parsed.data.variants)) {
    const issues = checkTemplateBody(body);
    const error = issues.find((i) => i.severity === 'error');
    if (error) {
      throw new DeskError('invalid_input', `variants.${language}: ${error.message}`, {
        field: `variants.${language}`,
        details: { code: error.code, subject: error.subject, suggestion: error.suggestion },
        reason: error.code === 'unknown_variable' ? 'errors-detail:templateUnknownVariable' : 'errors-detail:templateMalformed',
        params: { subject: error.subject, language: language.toUpperCase() },
      });
    }
    warnings.push(...issues.map((i) => ({ ...i, language })));
  }
  return { template: parsed.data, warnings };
}
