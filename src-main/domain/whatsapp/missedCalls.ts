import { recordMissedWhatsAppCall as recordInCallLog } from '../calls/callService';
import type { MessagingDeps } from '../messaging/messagingService';
import type { WhatsAppMissedCall } from './whatsappPort';

/**
 * A WhatsApp call nobody answered on the desk goes to the call log (capability 4) through the call
 * service, which stores it once per WhatsApp call id, opens the caller's callback task and may text back.
 */
export function recordMissedWhatsAppCall(deps: MessagingDeps, c: WhatsAppMissedCall): { callId: number; created: boolean } {
  const r = recordInCallLog(deps, { fromPhone: c.fromPhone, whatsappJid: c.fromWhatsappJid, providerCallId: c.providerCallId, at: c.at, video: c.video });
  return { callId: r.callId, created: r.created };
}
