/**
 * The one place SMS providers talk HTTP: an injected fetch with a timeout, and the failure mapping
 * every vendor shares (429 with Retry-After, 5xx, timeouts, unreachable hosts). Vendor-specific
 * error codes are mapped in each provider's own file.
 */
import type { SendResult } from '../../domain/messaging/channelPort';
import type { Clock } from '../../domain/shared/clock';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

export interface HttpDeps {
  fetch: FetchLike;
  clock: Clock;
  /** Abort a request after this long; a timed-out send is retried (providers dedupe by our key). */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

export type HttpOutcome =
  | { kind: 'response'; status: number; headers: Headers; text: string }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'network'; message: string };

export type SendFailure = Extract<SendResult, { ok: false }>;

export async function httpRequest(deps: HttpDeps, url: string, init: RequestInit): Promise<HttpOutcome> {
  const afterMs = deps.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), afterMs);
  try {
    const res = await deps.fetch(url, { ...init, signal: controller.signal });
    const text = await res.text();
    return { kind: 'response', status: res.status, headers: res.headers, text };
  } catch (err) {
    if (controller.signal.aborted) return { kind: 'timeout', afterMs };
    const cause = (err as { cause?: { code?: string } }).cause?.code;
    return { kind: 'network', message: cause ?? (err instanceof Error ? err.message : String(err)) };
  } finally {
    clearTimeout(timer);
  }
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterAt(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return now + Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(now, date);
}

export interface VendorResponse {
  status: number;
  headers: Headers;
  text: string;
}

/**
 * Splits off the failures that mean the same thing at every vendor (timeout, unreachable, 429, 5xx);
 * what is left is a response whose body the vendor's own mapping reads.
 */
export function classify(outcome: HttpOutcome, vendor: string, now: number): { failure: SendFailure } | { response: VendorResponse } {
  if (outcome.kind === 'timeout') {
    return { failure: { ok: false, code: 'network', reason: `${vendor} did not answer within ${Math.round(outcome.afterMs / 1000)} s`, retryable: true } };
  }
  if (outcome.kind === 'network') {
    return { failure: { ok: false, code: 'network', reason: `${vendor} could not be reached (${outcome.message})`, retryable: true } };
  }
  if (outcome.status === 429) {
    const retryAt = retryAfterAt(outcome.headers.get('retry-after'), now);
    return {
      failure: { ok: false, code: 'rate_limited', reason: `${vendor} is rate limiting the clinic's account`, retryable: true, ...(retryAt ? { retryAt } : {}) },
    };
  }
  if (outcome.status >= 500) {
    return { failure: { ok: false, code: 'provider_error', reason: `${vendor} had a server error (HTTP ${outcome.status})`, retryable: true } };
  }
  return { response: { status: outcome.status, headers: outcome.headers, text: outcome.text } };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

export const basicAuth = (user: string, password: string): string => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
