/**
 * Errors that cross the API are values with a stable code and a human message.
 * `field` names the offending input where there is one, so the UI can point at it.
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

export class DeskError extends Error {
  readonly code: DeskErrorCode;
  readonly field: string | undefined;
  readonly details: unknown;

  constructor(code: DeskErrorCode, message: string, opts: { field?: string; details?: unknown } = {}) {
    super(message);
    this.name = 'DeskError';
    this.code = code;
    this.field = opts.field;
    this.details = opts.details;
  }

  toJSON(): { code: DeskErrorCode; message: string; field?: string; details?: unknown } {
    return {
      code: this.code,
      message: this.message,
      ...(this.field ? { field: this.field } : {}),
      ...(this.details !== undefined ? { details: this.details } : {}),
    };
  }
}

export const invalidInput = (field: string, message: string): DeskError =>
  new DeskError('invalid_input', `${field}: ${message}`, { field });

export const notFound = (what: string, id: string | number): DeskError =>
  new DeskError('not_found', `${what} ${id} does not exist`);
