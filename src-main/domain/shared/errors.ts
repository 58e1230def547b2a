/**
 * Errors that cross the API are values: `{ code, reason?, params?, message, field? }`.
 * - `code` is the category (it picks the HTTP status; callers branch on it, e.g. `conflict`).
 * - `reason` says exactly what went wrong, as a stable key the desk translates: the renderer shows
 *   `errors:<reason>` from `src-renderer/i18n/locales/<lang>/errors*.json`, interpolating `params`,
 *   and offers an action where one exists (open the patient who owns the number, go to the column
 *   mapping). Without a reason the desk shows the generic text of the code.
 * - `message` is the English text for logs, the CLI and scripts; the UI never shows it, so it may
 *   speak of command-line flags. Never put advice for the receptionist only in `message`.
 * - `field` names the offending input where there is one, so the UI can point at it.
 *
 * Adding one: `throw new DeskError('conflict', 'English for the log', { reason: 'area.whatHappened', params: { name } })`
 * and the key `area.whatHappened` in it/pl/en `errors.json` (or your own `errors-<area>.json`, then
 * the reason is `errors-<area>:whatHappened`).
 */
export type DeskErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'conflict'
  | 'unknown_method'
  | 'unauthorized'
  | 'forbidden'
  | 'rate_limited'
  | 'too_large'
  | 'consent_missing'
  | 'channel_unavailable'
  | 'internal';

/** Values a translated error text interpolates (`{{name}}`), and ids its action needs (`patientId`). */
export type ErrorParams = Record<string, string | number | null>;

export interface WireError {
  code: DeskErrorCode;
  message: string;
  reason?: string;
  params?: ErrorParams;
  field?: string;
  details?: unknown;
}

export class DeskError extends Error {
  readonly code: DeskErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;
  readonly reason: string | undefined;
  readonly params: ErrorParams | undefined;

  constructor(code: DeskErrorCode, message: string, opts: { field?: string; details?: unknown; reason?: string; params?: ErrorParams } = {}) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
    this.reason = opts.reason;
    this.params = opts.params;
  }

  toJSON(): WireError {
    return {
      code: this.code,
      message: this.message,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.field ? { field: this.field } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }
}

export const invalidInput = (field: string, message: string, reason?: { reason: string; params?: ErrorParams }): DeskError =>
  new DeskError('invalid_input', `${field}: ${message}`, { field, ...reason });

/**
 * What a not-found error can be about, and the sentence the desk shows for it (errors-detail.json `notFound.*`):
 * «Il paziente n. 12 non esiste più» names the thing, in its grammatical gender, instead of "not found".
 */
const NOT_FOUND = {
  Appointment: 'errors-detail:notFound.appointment',
  'Callback task': 'errors-detail:notFound.callbackTask',
  Campaign: 'errors-detail:notFound.campaign',
  'Column mapping': 'errors-detail:notFound.columnMapping',
  Conversation: 'errors-detail:notFound.conversation',
  Media: 'errors-detail:notFound.media',
  Message: 'errors-detail:notFound.message',
  Patient: 'errors-detail:notFound.patient',
  Practitioner: 'errors-detail:notFound.practitioner',
  Room: 'errors-detail:notFound.room',
  Segment: 'errors-detail:notFound.segment',
  Template: 'errors-detail:notFound.template',
  'Visit message': 'errors-detail:notFound.visitMessage',
  'Visit type': 'errors-detail:notFound.visitType',
  user: 'errors-detail:notFound.user',
} as const;

export const notFound = (what: keyof typeof NOT_FOUND, id: string | number): DeskError =>
  new DeskError('not_found', `${what} ${id} does not exist`, { reason: NOT_FOUND[what], params: { id } });
