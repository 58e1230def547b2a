import type { z } from 'zod';
import { DeskError } from '../domain/shared/errors';
import { issueReason } from './issueReason';
import { api, isMethodName, type MethodName, type ParsedRequest } from './index';
import { strictSchema } from './strictSchema';

/** Each method's request with every object strict (unknown fields refused), built on first use. */
const strictRequests = new Map<MethodName, z.ZodType>();
function requestSchema(name: MethodName): z.ZodType {
  let s = strictRequests.get(name);
  if (!s) strictRequests.set(name, (s = strictSchema(api[name].request)));
  return s;
}

/** "body: the message is empty" — the first issue, named by its field path. */
export function describeIssues(error: z.ZodError): { field: string; message: string } {
  const issue = error.issues[0];
  // An unknown field is named itself ("snoozeUntil"), so the desk and the CLI can point at it.
  const path = issue?.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : (issue?.path ?? []);
  const field = path.length > 0 ? path.join('.') : '(request)';
  return { field, message: `${field}: ${issue?.message ?? 'invalid'}` };
}

export function parseRequest<M extends MethodName>(name: string, raw: unknown): { method: M; request: ParsedRequest<M> } {
  if (!isMethodName(name)) throw new DeskError('unknown_method', `Unknown method "${name}"`);
  const result = requestSchema(name).safeParse(raw ?? {});
  if (!result.success) {
    const { field, message } = describeIssues(result.error);
    throw new DeskError('invalid_input', message, { field, details: result.error.issues, ...issueReason(result.error.issues[0], field) });
  }
  return { method: name as M, request: result.data as ParsedRequest<M> };
}

/** Responses are checked too: a handler that breaks the contract is a bug we want to see in tests, not in the UI. */
export function checkResponse(name: MethodName, value: unknown): unknown {
  const result = api[name].response.safeParse(value);
  if (!result.success) {
    const { message } = describeIssues(result.error);
    throw new DeskError('internal', `Response of ${name} breaks the contract at ${message}`);
  }
  return result.data;
}
