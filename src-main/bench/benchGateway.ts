import type { Db } from '../db/database';
import { androidSignature } from '../channels/sms/android/androidGatewayWebhook';
import type { SecretBox } from '../domain/shared/secretBox';
import { saveProviderConfig } from '../domain/sms/providerStore';

/**
 * The bench's SMS Gateway for Android, for the ingest cases and the load test: the provider configured on the
 * desk, and the signed `sms:received` calls the phone sends to it.
 */
const SIGNING_KEY = 'bench-signing-key';

export function configureBenchGateway(db: Db, secrets: SecretBox, now: number): void {
  saveProviderConfig(db, secrets, { provider: 'android', baseUrl: 'http://127.0.0.1:9/', username: 'bench', simNumber: null, publicUrl: '', password: 'bench', signingKey: SIGNING_KEY }, now);
}

/** One `sms:received` call as the phone sends it: its JSON body and the headers that sign it. */
export function smsReceivedCall(o: { messageId: string; text: string; phone: string; now: number }): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    deviceId: 'bench',
    event: 'sms:received',
    id: `evt-${o.messageId}`,
    webhookId: 'bench',
    payload: { messageId: o.messageId, message: o.text, phoneNumber: o.phone, receivedAt: new Date(o.now).toISOString() },
  });
  const ts = String(Math.floor(o.now / 1000));
  return { body, headers: { 'content-type': 'application/json', 'x-signature': androidSignature(SIGNING_KEY, body, ts), 'x-timestamp': ts } };
}
