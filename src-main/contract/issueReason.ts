import type { z } from 'zod';
import type { ErrorParams } from '../domain/shared/errors';

/**
 * The reason the desk shows for a request the contract refused, from zod's first issue: what is wrong
 * (`errors-fields:<kind>`) and with which field (`params.field`, the path; the desk turns it into the
 * field's name in its language, errors-fields.json `labels`). So a receptionist reads «Nome: obbligatorio»,
 * not "name: Too small: expected string to have >=1 characters".
 */
export function issueReason(issue: z.core.$ZodIssue | undefined, field: string): { reason: string; params: ErrorParams } {
  const params: ErrorParams = { field };
  if (!issue) return { reason: 'errors-fields:invalid', params };
  switch (issue.code) {
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string' && min <= 1) return { reason: 'errors-fields:required', params };
      if (issue.origin === 'string') return { reason: 'errors-fields:tooShort', params: { ...params, min } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'errors-fields:tooFew', params: { ...params, min } };
      return { reason: 'errors-fields:tooSmall', params: { ...params, min } };
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { reason: 'errors-fields:tooLong', params: { ...params, max } };
      if (issue.origin === 'array' || issue.origin === 'set') return { reason: 'errors-fields:tooMany', params: { ...params, max } };
      return { reason: 'errors-fields:tooBig', params: { ...params, max } };
    }
    case 'invalid_type':
      return /received undefined/.test(issue.message) ? { reason: 'errors-fields:required', params } : { reason: 'errors-fields:invalid', params };
    case 'invalid_format':
      return { reason: issue.format === 'email' ? 'errors-fields:email' : 'errors-fields:format', params };
    case 'invalid_value':
      return { reason: 'errors-fields:notAChoice', params };
    case 'unrecognized_keys':
      return { reason: 'errors-fields:unknownField', params: { ...params, field: issue.keys[0] ?? field } };
    default:
      return { reason: 'errors-fields:invalid', params };
  }
}
