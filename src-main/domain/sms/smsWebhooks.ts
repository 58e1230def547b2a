/**
 * The host's `/hooks/sms/<provider>` endpoints: rate limit, find the provider's configuration, let its
 * adapter authenticate and parse, then store everything the call carried in ONE transaction (a payload
 * that fails half-way stores nothing and the provider retries). Every call is logged with its outcome.
 * Re-deliveries are harmless: inbound messages are unique per provider id, receipts only move forward.
 */
import type { HttpRequest, HttpResponse, HttpRoute } from '../../app/area';
import { insertWebhookLog } from '../../db/repositories/sms';
import { applyStatus, receiveInbound, type MessagingDeps } from '../messaging/messagingService';
import { DeskError } from '../shared/errors';
import type { SecretBox } from '../shared/secretBox';
import { loadProviderConfig } from './providerStore';
import { isSmsProvider, type SmsGateway, type SmsProviderName, type WebhookResult } from './smsPorts';
import { WindowLimiter } from './webhookRateLimit';

export const WEBHOOK_MAX_BODY = 64 * 1024;
/**
 * Calls an address may get wrong (no or a bad signature, an unconfigured provider, a malformed body) in a
 * minute; past it, that address is refused before any work until the minute ends. A provider signing its
 * calls is never slowed by it: a gateway relaying 20 SMS a second from one address is normal traffic.
 */
export const FAILED_PER_MINUTE = 120;
/** Authenticated calls per provider a minute (500 a second): only a runaway sender reaches it; it retries on 429. */
export const ACCEPTED_PER_MINUTE = 30_000;

export interface WebhookDeps {
  messaging: MessagingDeps;
  gateway: SmsGateway;
  box: SecretBox;
}

const errorBody = (code: string, message: string): HttpResponse['body'] => ({ error: { code, message } });

export interface AppliedWebhook {
  inbound: number;
  statuses: number;
  /** Messages stored plus receipts that changed a message; a repeated report adds 0. */
  applied: number;
}

type AcceptedWebhook = Extract<WebhookResult, { ok: true }>;

/** One line of the webhook log, as the route knows it before the call is stored. */
interface LogLine {
  provider: SmsProviderName;
  status: number;
  outcome: 'accepted' | 'rejected' | 'failed';
  reason: string | null;
  remote: string;
}

/**
 * Stores an accepted webhook's payload and its log line in ONE transaction, so one commit per webhook and
 * nothing of it (log line included) when any part fails. Built once per connection: a transaction function
 * per call cost more than some of the statements it runs.
 */
export function webhookStore(deps: MessagingDeps): (result: AcceptedWebhook, line: LogLine) => AppliedWebhook {
  return deps.db.transaction((result: AcceptedWebhook, line: LogLine): AppliedWebhook => {
    let applied = 0;
    for (const m of result.inbound) if (receiveInbound(deps, m).created) applied += 1;
    for (const s of result.statuses) if (applyStatus(deps, s)) applied += 1;
    const counts = { inbound: result.inbound.length, statuses: result.statuses.length, applied };
    writeLog(deps, line, counts);
    return counts;
  });
}

function writeLog(deps: MessagingDeps, line: LogLine, counts?: AppliedWebhook): void {
  insertWebhookLog(deps.db, {
    provider: line.provider,
    at: deps.clock.now(),
    http_status: line.status,
    outcome: line.outcome,
    reason: line.reason,
    inbound: counts?.inbound ?? 0,
    statuses: counts?.statuses ?? 0,
    applied: counts?.applied ?? 0,
    remote: line.remote,
  });
}

export function smsWebhookRoutes(deps: WebhookDeps): HttpRoute[] {
  const failures = new WindowLimiter(FAILED_PER_MINUTE, 60_000);
  const accepted = new WindowLimiter(ACCEPTED_PER_MINUTE, 60_000);
  const { messaging } = deps;
  const store = webhookStore(messaging);
  const tooMany = (retryAt: number, now: number, message: string): HttpResponse => ({
    status: 429,
    headers: { 'Retry-After': String(Math.ceil((retryAt - now) / 1000)) },
    body: errorBody('rate_limited', message),
  });
  /** A call that stored nothing still leaves its line, in a commit of its own. */
  const log = (provider: SmsProviderName, status: number, outcome: LogLine['outcome'], reason: string, remote: string): void =>
    writeLog(messaging, { provider, status, outcome, reason, remote });

  const handle = (req: HttpRequest): HttpResponse => {
    const provider = req.params.provider ?? '';
    const now = messaging.clock.now();
    if (!isSmsProvider(provider)) return { status: 404, body: errorBody('not_found', `No SMS provider called "${provider}" (smsapi, android, twilio)`) };
    const caller = `${provider}|${req.remoteAddress}`;
    const blocked = failures.blockedUntil(caller, now);
    if (blocked !== null) return tooMany(blocked, now, `More than ${FAILED_PER_MINUTE} refused calls a minute from this address`);
    const failed = (res: HttpResponse): HttpResponse => {
      failures.hit(caller, now);
      return res;
    };
    let config;
    try {
      config = loadProviderConfig(messaging.db, deps.box, provider);
    } catch (err) {
      const message = err instanceof DeskError ? err.message : 'stored credentials unreadable';
      log(provider, 503, 'failed', message, req.remoteAddress);
      return { status: 503, body: errorBody('channel_unavailable', message) };
    }
    if (!config) {
      log(provider, 404, 'rejected', `${provider} is not configured on this desk`, req.remoteAddress);
      return failed({ status: 404, body: errorBody('not_found', `The SMS provider ${provider} is not configured on this desk`) });
    }
    const result = deps.gateway.parseWebhook(
      config,
      { method: req.method, url: req.url, headers: req.headers, rawBody: req.body.toString('utf8') },
      { now, region: messaging.region() },
    );
    if (!result.ok) {
      log(provider, result.httpStatus, 'rejected', result.reason, req.remoteAddress);
      console.warn(`[sms] ${provider} webhook refused (${result.httpStatus}): ${result.reason}`);
      return failed({ status: result.httpStatus, body: errorBody(result.httpStatus === 401 ? 'unauthorized' : 'invalid_input', result.reason) });
    }
    const over = accepted.hit(provider, now);
    if (over !== null) return tooMany(over, now, `More than ${ACCEPTED_PER_MINUTE} calls a minute from ${provider}`);
    try {
      store(result, { provider, status: 200, outcome: 'accepted', reason: result.notes?.join('; ') ?? null, remote: req.remoteAddress });
      return { status: 200, headers: { 'Content-Type': result.reply.contentType }, body: result.reply.body };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      log(provider, 500, 'failed', message, req.remoteAddress);
      console.error(`[sms] ${provider} webhook could not be stored`, err);
      // 5xx makes the provider deliver it again later; nothing of it was stored.
      return { status: 500, body: errorBody('internal', 'The desk could not store this webhook; it will be accepted when delivered again') };
    }
  };

  // An optional last segment carries SMSAPI's shared secret (smsPorts.ts webhookPath).
  const path = /^\/hooks\/sms\/(?<provider>[a-z0-9_-]{1,20})(?:\/(?<secret>[A-Za-z0-9_-]{8,128}))?$/;
  return [
    { method: 'POST', path, maxBody: WEBHOOK_MAX_BODY, handle },
    // SMSAPI may call callbacks with GET and the parameters in the query.
    { method: 'GET', path, handle },
  ];
}
