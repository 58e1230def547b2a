import { DeskError, type DeskErrorCode } from '../domain/shared/errors';

const STATUS: Record<DeskErrorCode, number> = {
  invalid_input: 400,
  not_found: 404,
  conflict: 409,
  unknown_method: 404,
  unauthorized: 401,
  forbidden: 403,
  rate_limited: 429,
  too_large: 413,
  consent_missing: 409,
  channel_unavailable: 503,
  internal: 500,
};

/** Any thrown value as the wire error shape, with the HTTP status that fits it. */
export function toWireError(err: unknown): { status: number; error: ReturnType<DeskError['toJSON']> } {
  if (err instanceof DeskError) return { status: STATUS[err.code], error: err.toJSON() };
  if (err instanceof SyntaxError) return { status: 400, error: { code: 'invalid_input', message: `Body is not valid JSON: ${err.message}` } };
  console.error('[host] unexpected error', err);
  return { status: 500, error: { code: 'internal', message: 'Internal error; see the host log' } };
}
