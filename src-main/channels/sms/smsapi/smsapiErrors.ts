/**
 * SMSAPI's numeric error codes (sms.do, format=json: `{"error": 13, "message": "..."}`) mapped to the
 * desk's failure codes. Only codes that can clear by themselves are retryable.
 */
import type { SendFailureCode } from '../../../domain/messaging/channelPort';
import type { SendFailure } from '../providerHttp';

interface Mapping {
  code: SendFailureCode;
  retryable: boolean;
  reason: string;
}

const MAP: Readonly<Record<number, Mapping>> = {
  8: { code: 'provider_error', retryable: false, reason: 'SMSAPI rejected the request as malformed' },
  11: { code: 'provider_error', retryable: false, reason: 'SMSAPI: the message is empty or too long' },
  13: { code: 'invalid_number', retryable: false, reason: 'SMSAPI: the phone number is not valid' },
  14: { code: 'provider_error', retryable: false, reason: 'SMSAPI: the sender name is not registered on the account' },
  52: { code: 'rate_limited', retryable: true, reason: 'SMSAPI: too many messages to this number in a short time' },
  57: { code: 'blocked', retryable: false, reason: 'SMSAPI: the number is on the account blacklist' },
  101: { code: 'auth_failed', retryable: false, reason: 'SMSAPI: the API token is wrong or revoked' },
  102: { code: 'auth_failed', retryable: false, reason: 'SMSAPI: wrong user name or password' },
  103: { code: 'no_credit', retryable: false, reason: 'SMSAPI: no credit left on the account — top it up' },
  105: { code: 'auth_failed', retryable: false, reason: "SMSAPI: the clinic's IP address is not on the account's allowed list" },
  110: { code: 'blocked', retryable: false, reason: 'SMSAPI: the account may not send this kind of message' },
  201: { code: 'provider_error', retryable: true, reason: 'SMSAPI internal error' },
  202: { code: 'rate_limited', retryable: true, reason: 'SMSAPI: too many simultaneous requests' },
  203: { code: 'rate_limited', retryable: true, reason: 'SMSAPI: too many requests, try later' },
  999: { code: 'provider_error', retryable: true, reason: 'SMSAPI internal error' },
};

/** Code SMSAPI answers when `check_idx=1` and the idx was already used: the message was accepted before. */
export const SMSAPI_DUPLICATE_IDX = 53;

export function smsapiFailure(errorCode: number, vendorMessage: string | undefined): SendFailure {
  const m = MAP[errorCode];
  if (m) return { ok: false, code: m.code, reason: m.reason, retryable: m.retryable };
  const detail = vendorMessage ? `: ${vendorMessage}` : '';
  return { ok: false, code: 'provider_error', reason: `SMSAPI error ${errorCode}${detail}`, retryable: false };
}
