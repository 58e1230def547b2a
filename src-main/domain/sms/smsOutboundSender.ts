/**
 * What the outbox actually calls for SMS: the clinic's rules around whichever provider (or the demo's
 * simulated one) is plugged in. An automatic SMS (auto-reply, reminder, delay notice: no desk author) to a
 * patient who opted out is refused with a visible reason and not retried; the opt-out confirmation itself
 * and replies typed by the desk still go. With transliteration on, the provider gets the transliterated text.
 */
import type { Db } from '../../db/database';
import { outboxMessageFacts } from '../../db/repositories/sms';
import { recordSmsUsage } from '../../db/repositories/statsActivity';
import type { ChannelSender, OutgoingMessage, SendResult } from '../messaging/channelPort';
import { OPT_OUT_CONFIRMATION_KIND, automaticSmsBlockReason } from './optOutService';
import { countSegments } from './smsSegments';
import { getSmsSettings } from './smsSettings';
import { transliterate } from './transliterate';

export class SmsOutboundSender implements ChannelSender {
  readonly channel = 'sms' as const;

  constructor(
    private readonly db: Db,
    readonly inner: ChannelSender,
    /** Who sends (for the statistics' SMS cost per provider) and the clock the record is stamped with. */
    private readonly usage?: { provider: string; now: () => number },
  ) {}

  async send(m: OutgoingMessage): Promise<SendResult> {
    const facts = outboxMessageFacts(this.db, m.outboxId);
    if (facts && facts.author === null && facts.kind !== OPT_OUT_CONFIRMATION_KIND) {
      const reason = automaticSmsBlockReason({ db: this.db }, facts.patientId);
      if (reason) return { ok: false, code: 'opted_out', reason, retryable: false };
    }
    const body = getSmsSettings(this.db).transliterate ? transliterate(m.body) : m.body;
    const result = await this.inner.send(body === m.body ? m : { ...m, body });
    if (result.ok && this.usage) {
      recordSmsUsage(this.db, { outboxId: m.outboxId, provider: this.usage.provider, segments: countSegments(body).segments, at: this.usage.now() });
    }
    return result;
  }
}
