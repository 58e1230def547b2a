/**
 * SMSAPI callbacks: delivery reports (`MsgId`, `status`, `idx`, `donedate`, several reports comma-joined
 * in one call) and received SMS (`sms_from`, `sms_to`, `sms_text`, `sms_date`, `MsgId`). SMSAPI does
 * not sign callbacks, so the URL carries a shared secret; parameters come in the query (GET) or a
 * form body (POST). SMSAPI expects the body "OK".
 */
import type { InboundMessage, StatusUpdate } from '../../../domain/messaging/channelPort';
import { rejectWebhook, type WebhookRequest, type WebhookResult } from '../smsProvider';
import { formObject, urlSecretMatches } from '../webhookAuth';
import { smsapiIdxProviderId } from './smsapiSender';

type Mapped = { status: StatusUpdate['status']; reason: string | null } | 'ignore';

/** SMSAPI report codes. Queue/renewal/unknown say nothing new, so they are acknowledged and skipped. */
const REPORT_CODES: Readonly<Record<string, Mapped>> = {
  '401': 'ignore',
  '402': { status: 'failed', reason: 'Expired: the phone stayed unreachable' },
  '403': { status: 'sent', reason: null },
  '404': { status: 'delivered', reason: null },
  '405': { status: 'failed', reason: 'Not delivered to the phone' },
  '406': { status: 'failed', reason: 'Delivery failed in the network' },
  '407': { status: 'failed', reason: 'Rejected by the operator' },
  '408': 'ignore',
  '409': 'ignore',
  '410': { status: 'sent', reason: null },
  '411': 'ignore',
  '412': { status: 'failed', reason: 'The recipient blocked SMS from this sender (STOP)' },
};

const OK_REPLY = { contentType: 'text/plain; charset=utf-8', body: 'OK' };

function params(req: WebhookRequest): Record<string, string> {
  const query = new URL(req.url, 'http://placeholder').searchParams;
  query.delete('secret');
  const fromQuery = Object.fromEntries(query.entries());
  const ct = req.headers['content-type'] ?? '';
  const fromBody = req.rawBody && ct.includes('application/x-www-form-urlencoded') ? formObject(req.rawBody) : {};
  return { ...fromQuery, ...fromBody };
}

const toSeconds = (raw: string | undefined, now: number): number | null => {
  if (raw === undefined || raw === '') return now;
  return /^\d{9,11}$/.test(raw) ? Number(raw) * 1000 : null;
};

function parseReports(p: Record<string, string>, now: number): WebhookResult {
  const ids = (p.MsgId ?? '').split(',');
  const codes = (p.status ?? '').split(',');
  const idxs = p.idx ? p.idx.split(',') : [];
  const dates = p.donedate ? p.donedate.split(',') : [];
  if (ids.length !== codes.length) return rejectWebhook(400, `MsgId lists ${ids.length} reports but status lists ${codes.length}`);
  const statuses: StatusUpdate[] = [];
  const skipped: string[] = [];
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!.trim();
    const code = codes[i]!.trim();
    // One report the desk cannot read must not cost the others of the batch: SMSAPI retries a refused
    // callback as a whole, so a 4xx here would redeliver (and drop again) every good report with it.
    if (!id) {
      skipped.push(`report ${i + 1} has an empty MsgId`);
      continue;
    }
    const mapped = REPORT_CODES[code];
    if (!mapped) {
      skipped.push(`report ${i + 1} (${id}) has unknown status code "${code}"`);
      continue;
    }
    const at = toSeconds(dates[i], now) ?? now;
    if (mapped === 'ignore') continue;
    const update = { channel: 'sms' as const, status: mapped.status, reason: mapped.reason, at };
    statuses.push({ ...update, providerId: id });
    const idx = idxs[i]?.trim();
    // A send retried after a lost answer only knows our idx (SMSAPI error 53), so report under it too.
    if (idx) statuses.push({ ...update, providerId: smsapiIdxProviderId(idx) });
  }
  if (statuses.length === 0 && skipped.length > 0 && skipped.length === ids.length) return rejectWebhook(400, skipped.join('; '));
  return { ok: true, inbound: [], statuses, reply: OK_REPLY, ...(skipped.length > 0 ? { notes: skipped } : {}) };
}

function parseInbound(p: Record<string, string>, now: number): WebhookResult {
  const from = (p.sms_from ?? '').trim();
  if (!/^\+?\d{6,15}$/.test(from)) return rejectWebhook(400, `sms_from "${from}" is not a phone number`);
  if (!p.MsgId) return rejectWebhook(400, 'MsgId is missing');
  if (p.sms_text === undefined) return rejectWebhook(400, 'sms_text is missing');
  const at = toSeconds(p.sms_date, now);
  if (at === null) return rejectWebhook(400, `sms_date "${p.sms_date}" is not a Unix time`);
  const message: InboundMessage = {
    channel: 'sms',
    providerId: p.MsgId,
    fromPhone: from.startsWith('+') ? from : `+${from}`,
    body: p.sms_text,
    at,
    kind: 'text',
    meta: { provider: 'smsapi', to: p.sms_to ?? null },
  };
  return { ok: true, inbound: [message], statuses: [], reply: OK_REPLY };
}

export function parseSmsapiWebhook(req: WebhookRequest, secret: string, now: number): WebhookResult {
  if (req.method !== 'GET' && req.method !== 'POST') return rejectWebhook(405, `method ${req.method} is not accepted`);
  if (!urlSecretMatches(req.url, secret)) return rejectWebhook(401, 'missing or wrong secret in the callback URL');
  const p = params(req);
  if (p.sms_from !== undefined || p.sms_text !== undefined) return parseInbound(p, now);
  if (p.MsgId !== undefined && p.status !== undefined) return parseReports(p, now);
  return rejectWebhook(400, 'neither a delivery report (MsgId, status) nor a received SMS (sms_from, sms_text)');
}
