/**
 * How SMS Gateway for Android hands received SMS and delivery reports to the desk. The app posts webhooks
 * only to `https://` addresses or to `http://127.0.0.1` (webhooks/WebHooksService.kt in capcom6/android-sms-gateway),
 * so a desk on the clinic LAN, reached as http://192.168.x.y, never gets them:
 * - 'polling' (the default): the desk asks the phone (GET /inbox, GET /messages/{id}) every poll interval.
 *   Works on any LAN; received SMS arrive up to one interval late.
 * - 'webhook': the phone calls the desk's public https address at once; the desk does not poll the phone.
 *   Needs a public https address (reverse proxy or tunnel) registered on the phone.
 */
import { DeskError } from '../shared/errors';
import type { AndroidInboundMode } from './smsPorts';

export const DEFAULT_ANDROID_INBOUND_MODE: AndroidInboundMode = 'polling';

export const androidInboundMode = (config: { inboundMode?: AndroidInboundMode | undefined }): AndroidInboundMode => config.inboundMode ?? DEFAULT_ANDROID_INBOUND_MODE;

/** An address the app will post to (WebHooksService.kt: https, or plain http only on the phone itself). */
export const phoneAcceptsWebhookUrl = (url: string): boolean => /^https:\/\//i.test(url.trim()) || /^http:\/\/127\.0\.0\.1(?::\d+)?(\/|$)/i.test(url.trim());

/** Webhook mode without an address the phone accepts would receive nothing: refuse it, naming the field. */
export function checkAndroidInbound(mode: AndroidInboundMode, publicUrl: string): void {
  if (mode !== 'webhook') return;
  if (!phoneAcceptsWebhookUrl(publicUrl)) {
    throw new DeskError('invalid_input', 'publicUrl: webhook mode needs the desk\'s public https:// address (the phone refuses plain http on the LAN); use polling otherwise', {
      field: 'publicUrl',
      reason: 'sms-gateway:webhookNeedsHttps',
    });
  }
}
