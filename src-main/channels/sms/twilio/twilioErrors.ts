/**
 * Twilio REST error codes (body `{"code": 21211, "message": "...", "status": 400}`) and delivery error
 * codes (status callback `ErrorCode`) mapped to the desk's failure codes. Only what can clear by itself
 * is retryable; unknown codes keep Twilio's own message so the receptionist sees something precise.
 */
import type { SendFailureCode } from '../../../domain/messaging/channelPort';
import type { SendFailure } from '../providerHttp';

interface Mapping {
  code: SendFailureCode;
  retryable: boolean;
  reason: string;
}

const SEND_ERRORS: Readonly<Record<number, Mapping>> = {
  20003: { code: 'auth_failed', retryable: false, reason: 'Twilio refused the Account SID or Auth Token' },
  20005: { code: 'blocked', retryable: false, reason: 'The Twilio account is not active (suspended or out of funds)' },
  20429: { code: 'rate_limited', retryable: true, reason: 'Twilio is rate limiting the account' },
  21211: { code: 'invalid_number', retryable: false, reason: "Twilio: the patient's number is not a valid phone number" },
  21408: { code: 'blocked', retryable: false, reason: "Twilio: SMS to this country are not enabled on the clinic's account (Geo permissions)" },
  21606: { code: 'provider_error', retryable: false, reason: "Twilio: the 'From' number is not an SMS-capable number of this account" },
  21608: { code: 'blocked', retryable: false, reason: 'Twilio trial account: the number must be verified first' },
  21610: { code: 'opted_out', retryable: false, reason: 'Twilio: the patient replied STOP to this number; Twilio blocks further SMS' },
  21612: { code: 'invalid_number', retryable: false, reason: 'Twilio: the number cannot receive SMS from this sender' },
  21614: { code: 'invalid_number', retryable: false, reason: "Twilio: the patient's number is not a mobile number" },
  21617: { code: 'provider_error', retryable: false, reason: 'Twilio: the text is longer than 1600 characters' },
  30001: { code: 'rate_limited', retryable: true, reason: 'Twilio: the sending queue is full, try later' },
};

export function twilioSendFailure(status: number, code: number | null, vendorMessage: string | null): SendFailure {
  const m = code === null ? undefined : SEND_ERRORS[code];
  if (m) return { ok: false, code: m.code, reason: m.reason, retryable: m.retryable };
  if (status === 401) return { ok: false, ...SEND_ERRORS[20003]! };
  const detail = vendorMessage ? `: ${vendorMessage.slice(0, 200)}` : '';
  return { ok: false, code: 'provider_error', reason: `Twilio error ${code ?? `HTTP ${status}`}${detail}`, retryable: false };
}

const DELIVERY_ERRORS: Readonly<Record<string, string>> = {
  '30003': "The patient's phone is off or unreachable",
  '30004': 'The message was blocked (the patient or the operator blocks this sender)',
  '30005': 'Unknown number: the operator does not know this phone',
  '30006': 'A landline or a number that cannot receive SMS',
  '30007': 'Filtered by the operator as unwanted',
  '30008': 'Not delivered, the operator gave no reason',
  '21610': 'The patient replied STOP to this number',
};

/** The reason shown on a failed SMS from a status callback's ErrorCode. */
export function twilioDeliveryReason(errorCode: string | undefined, status: string): string {
  if (errorCode && DELIVERY_ERRORS[errorCode]) return DELIVERY_ERRORS[errorCode]!;
  if (status === 'canceled') return 'Cancelled before sending';
  return errorCode ? `Not delivered (Twilio error ${errorCode})` : 'Not delivered';
}
