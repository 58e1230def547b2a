import i18next from 'i18next';
import { ApiError } from '../api/client';

/**
 * Every failure the desk shows goes through here, in the desk's language: an API error's `reason` is a
 * key of the `errors` namespace (or `ns:key` of an area's own errors-<area> file) filled with its
 * `params`; without one, the generic text of its `code`. The server's English `message` is never shown
 * (it is for logs and the command line); it stays in the element's title for IT.
 */
export interface ShownError {
  text: string;
  /** The server's English message, for the tooltip and a bug report. */
  detail: string;
  reason: string | null;
  params: Record<string, string | number | null>;
}

const key = (reason: string): string => (reason.includes(':') ? reason : `errors:${reason}`);

/**
 * A field's name in the desk's language from its path in the request ("patient.phones.0" → «Telefono»):
 * the last named step, looked up in errors-fields.json `labels`; a field without a label is "one of the values",
 * never the technical name.
 */
export function fieldLabel(path: string): string {
  const steps = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  for (const step of steps.reverse()) if (i18next.exists(`errors-fields:labels.${step}`)) return i18next.t(`errors-fields:labels.${step}`);
  return i18next.t('errors-fields:labels.unknown');
}

/** The reason's params with the field's path turned into its name. */
const withLabel = (params: Record<string, string | number | null>): Record<string, string | number | null> =>
  typeof params.field === 'string' ? { ...params, field: fieldLabel(params.field) } : params;

/** A row-level import problem or anything else with `{ reason?, params?, message }`. */
export function reasonText(e: { reason?: string | undefined; params?: Record<string, string | number | null> | undefined; message: string }, fallbackCode = 'invalid_input_row'): string {
  if (e.reason && i18next.exists(key(e.reason))) return i18next.t(key(e.reason), withLabel(e.params ?? {}));
  return i18next.t(`errors:code.${fallbackCode}`);
}

export function shownError(e: unknown): ShownError {
  if (e instanceof ApiError) {
    const known = e.reason && i18next.exists(key(e.reason));
    const code = i18next.exists(`errors:code.${e.code}`) ? e.code : 'internal';
    return {
      // Without a reason, bad input still names the field at fault (the form marks it too).
      text: known
        ? i18next.t(key(e.reason!), withLabel(e.params))
        : e.code === 'invalid_input' && e.field
          ? i18next.t('errors:code.invalid_input_field', { field: fieldLabel(e.field) })
          : i18next.t(`errors:code.${code}`),
      detail: e.message,
      reason: known ? e.reason! : null,
      params: e.params,
    };
  }
  // Not from the server: the network or a bug in the page. Say so in the desk's language.
  return { text: i18next.t('errors:code.internal'), detail: e instanceof Error ? e.message : String(e), reason: null, params: {} };
}

export const errorText = (e: unknown): string => shownError(e).text;
