/**
 * Delivery reports by polling, for clinics whose provider cannot call the desk (no public URL, the phone
 * gateway's webhooks off): asks the active provider about SMS it accepted in the last two days that have
 * no report yet, a few per round, and applies what changed (receipts only move forward, so a report that
 * also comes by webhook is applied once). Providers that can list received SMS (Twilio) are asked for those too.
 */
import { smsAwaitingReport } from '../../db/repositories/sms';
import { applyStatus, receiveInbound, type MessagingDeps } from '../messaging/messagingService';
import type { SmsProvider } from './smsPorts';

const LOOK_BACK_MS = 48 * 3600_000;
const PER_ROUND = 25;

export async function pollDeliveryReports(deps: MessagingDeps, provider: SmsProvider): Promise<{ asked: number; updated: number }> {
  if (!provider.pollStatus) return { asked: 0, updated: 0 };
  const rows = smsAwaitingReport(deps.db, deps.clock.now() - LOOK_BACK_MS, PER_ROUND);
  let updated = 0;
  for (const { providerId } of rows) {
    const update = await provider.pollStatus(providerId);
    if (update && applyStatus(deps, update)) updated += 1;
  }
  return { asked: rows.length, updated };
}

/** Stores SMS the provider received in the last two days; those already stored (by webhook or an earlier round) are skipped by id. */
export async function pollInboundSms(deps: MessagingDeps, provider: SmsProvider): Promise<{ listed: number; stored: number }> {
  if (!provider.pollInbound) return { listed: 0, stored: 0 };
  const messages = await provider.pollInbound(deps.clock.now() - LOOK_BACK_MS);
  let stored = 0;
  for (const m of messages) if (receiveInbound(deps, m).created) stored += 1;
  return { listed: messages.length, stored };
}

/**
 * Runs pollDeliveryReports and pollInboundSms every `intervalMs` (never two rounds at once), skipping a provider
 * whose `polls` is false (Android gateway in webhook mode). Returns the disposer.
 */
export function startPolling(deps: MessagingDeps, current: () => { provider: SmsProvider; intervalMs: number } | null, firstDelayMs = 5_000): () => void {
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  const tick = async (): Promise<void> => {
    const c = current();
    // A provider set to callbacks only (Android gateway in webhook mode) is not asked anything.
    if (c && c.intervalMs > 0 && c.provider.polls !== false) {
      try {
        await pollDeliveryReports(deps, c.provider);
        await pollInboundSms(deps, c.provider);
      } catch (err) {
        console.warn('[sms] polling delivery reports failed', err);
      }
    }
    if (stopped) return;
    timer = setTimeout(() => void tick(), Math.max(5_000, current()?.intervalMs || 60_000));
    timer.unref?.();
  };
  timer = setTimeout(() => void tick(), firstDelayMs);
  timer.unref?.();
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
