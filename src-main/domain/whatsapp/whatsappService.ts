import type { AppContext } from '../../app/area';
import type { WhatsAppStatus } from '../../contract/whatsapp';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { clearAuth, firstContactsSince, hasAuthCreds, readAuth, recordFirstContact, writeAuth } from '../../db/repositories/whatsappAuth';
import { lastWhatsAppTraffic, markInterruptedMediaDownloads, whatsappQueue } from '../../db/repositories/whatsappMessages';
import { MediaService } from '../media/mediaService';
import { MediaStore } from '../media/mediaStore';
import type { ChannelSender } from '../messaging/channelPort';
import { DeskError } from '../shared/errors';
import { requireE164, type Region } from '../patients/phone';
import { getClinicSettings } from '../settings/clinicSettings';
import { FIRST_CONTACT_WINDOW_MS } from './pacing';
import { phoneInactivity } from './phoneInactivity';
import { smsFallbackSender } from './smsFallback';
import { recordMissedWhatsAppCall } from './missedCalls';
import { dbRetryState } from './retryState';
import { whatsappSink } from './whatsappInbox';
import type { WhatsAppChannelLink, WhatsAppHealth, WhatsAppLinkFactory } from './whatsappPort';
import { getWhatsAppSettings, parseWebVersion, updateWhatsAppSettings, type WhatsAppSettings } from './whatsappSettings';

/** Health facts that outlive a restart (the panel must still say "pair again" tomorrow morning). */
type Remembered = Pick<WhatsAppHealth, 'linkedPhone' | 'linkedName' | 'pairedAt' | 'phoneSeenAt' | 'recentErrors'> & {
  /** A state the link cannot leave by itself (logged out, restricted): shown until the clinic pairs again. */
  ended: { state: WhatsAppHealth['state']; reason: WhatsAppHealth['reason'] } | null;
};

export const WHATSAPP_HEALTH_KEY = 'whatsapp.health';
const PAIRING_CODE_TIMEOUT_MS = 30_000;

const ENDED_STATES = new Set<WhatsAppHealth['state']>(['logged_out', 'restricted']);

/**
 * The WhatsApp link as the rest of the app sees it: started when the clinic has paired, its health kept and
 * pushed, and plugged into the outbox as the `whatsapp` sender only while it is open (messages wait in the
 * outbox otherwise, instead of burning retries). In demo mode the simulated sender stays and this only reports.
 */
export class WhatsAppService {
  readonly link: WhatsAppChannelLink | null;
  private remembered: Remembered;
  private readonly sender: ChannelSender | null;

  constructor(
    private readonly ctx: AppContext,
    factory: WhatsAppLinkFactory | null,
  ) {
    const { db } = ctx;
    this.remembered = readSetting<Remembered>(db, WHATSAPP_HEALTH_KEY) ?? { linkedPhone: null, linkedName: null, pairedAt: null, phoneSeenAt: null, recentErrors: [], ended: null };
    if (ctx.demo || !factory) {
      this.link = null;
      this.sender = null;
      return;
    }
    const media = new MediaService(db, new MediaStore(ctx.dataDir), ctx.clock);
    const traffic = lastWhatsAppTraffic(db);
    this.link = factory({
      sink: whatsappSink(ctx.messaging, (c) => void recordMissedWhatsAppCall(ctx.messaging, c)),
      authStore: {
        read: (category, ids) => readAuth(db, category, ids),
        write: (records) => writeAuth(db, records, ctx.clock.now()),
        clear: () => clearAuth(db),
      },
      secrets: ctx.secrets,
      clock: ctx.clock,
      random: ctx.random,
      pacing: () => getWhatsAppSettings(db),
      ledger: {
        sentSince: (since) => firstContactsSince(db, since),
        record: (at) => recordFirstContact(db, at, ctx.clock.now() - FIRST_CONTACT_WINDOW_MS),
      },
      retryState: dbRetryState(db, ctx.clock),
      includeGroups: () => getWhatsAppSettings(db).includeGroups,
      webVersion: () => parseWebVersion(getWhatsAppSettings(db).webVersion),
      saveMedia: (bytes, hint) => media.save(bytes, hint.mime, hint.fileName),
      mediaPath: (ref) => media.store.pathOf(ref.sha256),
      initialHealth: { ...this.remembered, ...traffic },
    });
    this.sender = smsFallbackSender(this.link, { messaging: ctx.messaging, enabled: () => getWhatsAppSettings(db).smsFallback });
    ctx.onStop.push(this.link.onHealth((h) => this.healthChanged(h)));
  }

  /** Reconnects a desk that was paired before; an unpaired desk waits for the clinic to ask for a QR. */
  async start(): Promise<void> {
    // A one-shot CLI command (import, backup, stats) must never open a second session with the desk's keys.
    if (this.ctx.oneShot) return;
    if (this.link) markInterruptedMediaDownloads(this.ctx.db, 'download interrupted when the app closed');
    if (this.link && hasAuthCreds(this.ctx.db)) await this.link.start();
    this.ctx.onStop.push(async () => {
      this.ctx.senders.delete('whatsapp');
      await this.link?.stop();
    });
  }

  status(): WhatsAppStatus {
    const { db, clock } = this.ctx;
    const settings = getWhatsAppSettings(db);
    const queue = whatsappQueue(db);
    const h = this.link ? this.link.health() : this.demoHealth();
    const ended = h.state === 'idle' && this.remembered.ended ? this.remembered.ended : null;
    const state = ended?.state ?? h.state;
    const reason = ended?.reason ?? h.reason;
    const phone = phoneInactivity(clock.now(), h.phoneSeenAt, h.pairedAt);
    return {
      demo: this.link === null,
      state,
      reason,
      pairAgain: state === 'logged_out',
      qr: h.qr,
      pairingCode: h.pairingCode,
      linkedPhone: h.linkedPhone,
      linkedName: h.linkedName,
      pairedAt: h.pairedAt,
      attempt: h.attempt,
      nextRetryAt: h.nextRetryAt,
      lastInboundAt: h.lastInboundAt,
      lastOutboundAt: h.lastOutboundAt,
      phoneSeenAt: h.phoneSeenAt,
      queued: queue.queued,
      parked: queue.parked,
      recentErrors: h.recentErrors.slice(0, 10),
      phone: { silentDays: phone.silentDays, warn: phone.warn && state !== 'logged_out', logoutAt: phone.logoutAt },
      settings,
    };
  }

  /** Opens the link: a QR to scan for a new pairing, a reconnect for a paired desk. */
  async pair(): Promise<WhatsAppStatus> {
    const link = this.realLink();
    this.forgetEnded();
    await link.start();
    return this.status();
  }

  async pairingCode(rawPhone: string): Promise<string> {
    const link = this.realLink();
    const phone = requireE164(rawPhone, getClinicSettings(this.ctx.db).defaultRegion as Region, 'phone');
    if (hasAuthCreds(this.ctx.db) && link.health().linkedPhone) {
      throw new DeskError('conflict', 'This desk is already linked to WhatsApp; log out first to link another number', { reason: 'whatsapp.alreadyLinked' });
    }
    this.forgetEnded();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new DeskError('channel_unavailable', 'WhatsApp did not answer in 30 seconds; check the internet connection and try again', { reason: 'whatsapp.noAnswer' })),
        PAIRING_CODE_TIMEOUT_MS,
      );
    });
    try {
      return await Promise.race([link.requestPairingCode(phone), timeout]);
    } catch (err) {
      if (err instanceof DeskError) throw err;
      throw new DeskError('channel_unavailable', `WhatsApp refused the pairing code: ${(err as Error).message}`, { field: 'phone', reason: 'whatsapp.pairingRefused' });
    } finally {
      clearTimeout(timer);
    }
  }

  async logout(): Promise<WhatsAppStatus> {
    const link = this.realLink();
    this.ctx.senders.delete('whatsapp');
    await link.logout();
    return this.status();
  }

  updateSettings(change: Partial<WhatsAppSettings>): WhatsAppSettings {
    const next = updateWhatsAppSettings(this.ctx.db, change);
    this.ctx.events.emit('whatsapp.status', this.status());
    return next;
  }

  private realLink(): WhatsAppChannelLink {
    if (!this.link) throw new DeskError('channel_unavailable', 'The demo clinic simulates WhatsApp; pairing a phone is for a real clinic\'s data folder', { reason: 'whatsapp.demo' });
    if (this.ctx.oneShot) throw new DeskError('channel_unavailable', 'WhatsApp is linked from the running desk, not from a one-off command');
    return this.link;
  }

  private forgetEnded(): void {
    if (!this.remembered.ended) return;
    this.remembered = { ...this.remembered, ended: null };
    writeSetting(this.ctx.db, WHATSAPP_HEALTH_KEY, this.remembered);
  }

  private healthChanged(h: WhatsAppHealth): void {
    const { ctx } = this;
    if (h.state === 'open' && this.sender && ctx.senders.get('whatsapp') !== this.sender) {
      ctx.senders.set('whatsapp', this.sender);
      ctx.outbox.kick();
    } else if (h.state !== 'open' && ctx.senders.get('whatsapp') === this.sender) {
      ctx.senders.delete('whatsapp');
    }
    const next: Remembered = {
      linkedPhone: h.linkedPhone,
      linkedName: h.linkedName,
      pairedAt: h.pairedAt,
      phoneSeenAt: h.phoneSeenAt,
      recentErrors: h.recentErrors.slice(0, 10),
      // Only a new pairing (connecting, open) clears an ended link; stopping the app must not forget it.
      ended: ENDED_STATES.has(h.state) ? { state: h.state, reason: h.reason } : h.state === 'connecting' || h.state === 'open' ? null : this.remembered.ended,
    };
    if (JSON.stringify(next) !== JSON.stringify(this.remembered)) {
      this.remembered = next;
      writeSetting(ctx.db, WHATSAPP_HEALTH_KEY, next);
    }
    ctx.events.emit('whatsapp.status', this.status());
  }

  /** Demo mode: the simulated WhatsApp is "linked" to the demo clinic's own number. */
  private demoHealth(): WhatsAppHealth {
    const traffic = lastWhatsAppTraffic(this.ctx.db);
    return {
      state: 'open',
      reason: null,
      qr: null,
      pairingCode: null,
      linkedPhone: null,
      linkedName: getClinicSettings(this.ctx.db).clinicName,
      pairedAt: null,
      attempt: 0,
      nextRetryAt: null,
      ...traffic,
      phoneSeenAt: traffic.lastOutboundAt,
      recentErrors: [],
    };
  }
}
