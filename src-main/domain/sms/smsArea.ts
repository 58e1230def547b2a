/**
 * The SMS area: settings and provider configuration API, the `sms` sender the outbox uses (the active
 * provider behind the clinic's rules), opt-out keywords on inbound SMS, webhook routes and delivery polling.
 * Built with the channel-side gateway by the composition root (app/smsArea.ts), so the domain stays free of vendors.
 */
import type { AppContext, Area } from '../../app/area';
import type { SmsSettingsView } from '../../contract/sms';
import { writeAudit } from '../../db/repositories/audit';
import { recentWebhookLog } from '../../db/repositories/sms';
import type { ChannelSender } from '../messaging/channelPort';
import { requireE164 } from '../patients/phone';
import { DeskError } from '../shared/errors';
import { handleOptOutKeyword } from './optOutService';
import { loadProviderConfig, providerViews, removeProviderConfig, saveProviderConfig } from './providerStore';
import { startPolling } from './smsPoller';
import { SmsOutboundSender } from './smsOutboundSender';
import type { FetchFn, SmsGateway, SmsProvider, SmsProviderName } from './smsPorts';
import { exceedsSegmentLimit, previewSms } from './smsSegments';
import { getSmsSettings, updateSmsSettings } from './smsSettings';
import { recordTestAccepted } from './smsTestRecord';
import { smsWebhookRoutes } from './smsWebhooks';

export interface SmsAreaOptions {
  gateway: SmsGateway;
  fetch?: FetchFn;
}

export function createSmsArea(o: SmsAreaOptions): Area {
  /** Credentials are sealed by the desk's one secret box (OS key store or the data folder's key file). */
  const boxOf = (ctx: AppContext) => ctx.secrets;
  const active = new WeakMap<AppContext, SmsProvider | null>();
  /** A sender plugged before the area started (demo simulation, tests): used when no provider is active. */
  const fallback = new WeakMap<AppContext, ChannelSender | null>();

  const buildActive = (ctx: AppContext): SmsProvider | null => {
    const { activeProvider } = getSmsSettings(ctx.db);
    if (!activeProvider || ctx.demo) return null;
    const config = loadProviderConfig(ctx.db, boxOf(ctx), activeProvider);
    return config ? o.gateway.createProvider(config, { now: () => ctx.clock.now(), region: ctx.messaging.region(), ...(o.fetch ? { fetch: o.fetch } : {}) }) : null;
  };

  /** A provider built for one test SMS from its saved settings (the active one or not). */
  const testProvider = (ctx: AppContext, provider: SmsProviderName): SmsProvider => {
    const config = loadProviderConfig(ctx.db, boxOf(ctx), provider);
    if (!config) throw new DeskError('invalid_input', `provider: ${provider} is not configured yet; save its settings first`, { field: 'provider', reason: 'sms.providerNotConfigured', params: { provider } });
    return o.gateway.createProvider(config, { now: () => ctx.clock.now(), region: ctx.messaging.region(), ...(o.fetch ? { fetch: o.fetch } : {}) });
  };

  /** Plugs the sms sender the outbox uses: in demo mode the simulated one stays, wrapped in the clinic's rules. */
  const reload = (ctx: AppContext): void => {
    let provider: SmsProvider | null = null;
    try {
      provider = buildActive(ctx);
    } catch (err) {
      console.warn('[sms] the active provider cannot be started:', err instanceof Error ? err.message : err);
    }
    active.set(ctx, provider);
    const base = provider ?? fallback.get(ctx) ?? null;
    const usage = { provider: provider ? (getSmsSettings(ctx.db).activeProvider ?? 'unknown') : 'simulated', now: () => ctx.clock.now() };
    if (base) ctx.senders.set('sms', new SmsOutboundSender(ctx.db, base, usage));
    else ctx.senders.delete('sms');
    ctx.outbox.kick();
  };

  const view = (ctx: AppContext): SmsSettingsView => ({
    general: getSmsSettings(ctx.db),
    providers: providerViews(ctx.db, boxOf(ctx)),
    secretStore: boxOf(ctx).kind,
    demo: ctx.demo,
  });

  const announce = (ctx: AppContext): void => {
    const g = getSmsSettings(ctx.db);
    ctx.events.emit('sms.settingsChanged', { transliterate: g.transliterate, maxSegments: g.maxSegments, activeProvider: g.activeProvider });
  };

  return {
    name: 'sms',
    handlers(ctx) {
      // Subscribed here rather than in start(): handlers() runs for every area before any start(), so the
      // opt-out is recorded before the auto-replies (subscribed in their start) decide whether to answer a "STOP".
      const off = ctx.events.on('message.created', ({ conversationId, message }) => {
        if (message.direction !== 'in' || message.channel !== 'sms') return;
        try {
          handleOptOutKeyword(ctx.messaging, { messageId: message.id, conversationId, body: message.body, at: message.at });
        } catch (err) {
          console.error('[sms] opt-out handling failed for message', message.id, err);
        }
      });
      ctx.onStop.push(off);

      return {
        'sms.settings': () => view(ctx),
        'sms.updateSettings': (changes, call) => {
          if (changes.activeProvider && !loadProviderConfig(ctx.db, boxOf(ctx), changes.activeProvider)) {
            throw new DeskError('invalid_input', `activeProvider: configure ${changes.activeProvider} before making it the active provider`, {
              field: 'activeProvider',
              reason: 'sms.providerNotConfigured',
              params: { provider: changes.activeProvider },
            });
          }
          ctx.db.transaction(() => {
            updateSmsSettings(ctx.db, changes);
            writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'sms.updateSettings', entity: 'settings', entityId: 'sms', details: changes });
          })();
          reload(ctx);
          announce(ctx);
          return view(ctx);
        },
        'sms.saveProvider': (input, call) => {
          ctx.db.transaction(() => {
            saveProviderConfig(ctx.db, boxOf(ctx), input, ctx.clock.now());
            // Secrets never reach the audit log.
            writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'sms.saveProvider', entity: 'sms_provider', entityId: input.provider });
            if (!getSmsSettings(ctx.db).activeProvider) updateSmsSettings(ctx.db, { activeProvider: input.provider });
          })();
          reload(ctx);
          announce(ctx);
          return view(ctx);
        },
        'sms.removeProvider': ({ provider }, call) => {
          ctx.db.transaction(() => {
            removeProviderConfig(ctx.db, provider);
            if (getSmsSettings(ctx.db).activeProvider === provider) updateSmsSettings(ctx.db, { activeProvider: null });
            writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'sms.removeProvider', entity: 'sms_provider', entityId: provider });
          })();
          reload(ctx);
          announce(ctx);
          return view(ctx);
        },
        'sms.sendTest': async ({ provider, to, text }, call) => {
          const toPhone = requireE164(to, ctx.messaging.region(), 'to');
          // The demo clinic tests a provider it has no settings for through the simulated one (nothing is sent);
          // settings typed in and saved are a request to reach that real provider.
          const simulated = ctx.demo && !loadProviderConfig(ctx.db, boxOf(ctx), provider);
          const adapter = simulated ? fallback.get(ctx) : testProvider(ctx, provider);
          if (!adapter) throw new DeskError('channel_unavailable', 'the demo clinic has no simulated SMS provider running', { reason: 'errors-detail:smsNoSimulation' });
          const body = previewSms(text, { transliterate: getSmsSettings(ctx.db).transliterate }).sent;
          const now = ctx.clock.now();
          const result = await adapter.send({ outboxId: 0, idempotencyKey: `sms-test:${now}:${Math.floor(ctx.random() * 1e9)}`, channel: 'sms', toPhone, body });
          ctx.db.transaction(() => {
            writeAudit(ctx.db, ctx.clock.now(), { actor: call.user, action: 'sms.sendTest', entity: 'sms_provider', entityId: provider, details: { to: toPhone, ok: result.ok, simulated } });
            // The set-up wizard's SMS step is done only once a provider really accepted a test.
            if (result.ok) recordTestAccepted(ctx.db, { provider, providerId: result.providerId, at: now, simulated });
          })();
          return result.ok
            ? { ok: true, providerId: result.providerId, code: null, reason: null, retryable: false }
            : { ok: false, providerId: null, code: result.code, reason: result.reason, retryable: result.retryable };
        },
        'sms.preview': ({ text, transliterate }) => {
          const settings = getSmsSettings(ctx.db);
          const p = previewSms(text, { transliterate: transliterate ?? settings.transliterate });
          return { sent: p.sent, ...p.count, changes: p.changes, overLimit: exceedsSegmentLimit(p.count, settings.maxSegments) };
        },
        'sms.webhookLog': ({ limit }) => ({
          entries: recentWebhookLog(ctx.db, limit ?? 50).map((e) => ({
            provider: e.provider,
            at: e.at,
            httpStatus: e.http_status,
            outcome: e.outcome,
            reason: e.reason,
            inbound: e.inbound,
            statuses: e.statuses,
            applied: e.applied,
          })),
        }),
      };
    },

    start(ctx) {
      const existing = ctx.senders.get('sms');
      fallback.set(ctx, existing && !(existing instanceof SmsOutboundSender) ? existing : null);
      reload(ctx);
      ctx.onStop.push(
        startPolling(ctx.messaging, () => {
          const provider = active.get(ctx);
          return provider ? { provider, intervalMs: getSmsSettings(ctx.db).pollIntervalSeconds * 1000 } : null;
        }),
      );
    },

    routes: (ctx) => smsWebhookRoutes({ messaging: ctx.messaging, gateway: o.gateway, box: boxOf(ctx) }),
  };
}
