import type { WACallEvent } from '@whiskeysockets/baileys';
import type { WhatsAppMissedCall } from '../../../domain/whatsapp/whatsappPort';
import { isGroupJid, normalizeJid, phoneOfJid } from '../jid';

/**
 * Follows WhatsApp call events (offer → accept / reject / timeout / terminate) and reports each
 * call nobody answered exactly once. A call answered on the phone ends with `accept` first.
 * An offer with no outcome (we went offline mid-ring) counts as missed after `unresolvedAfterMs`.
 */
interface Ringing {
  call: WhatsAppMissedCall;
  seenAt: number;
  accepted: boolean;
}

export class CallTracker {
  private readonly ringing = new Map<string, Ringing>();
  private readonly reported = new Set<string>();
  /**
   * Calls answered on a device (the clinic's phone: "accepted elsewhere"), remembered by id even when
   * their offer never reached the desk (offer delivered before the socket opened, or offline): rc14's
   * handleCall (lib/Socket/messages-recv.js) emits accept and the later terminate as separate events,
   * the terminate carrying no reason but timeout, so without this a terminate after an answered call
   * read as a missed call and triggered a false callback task and text-back.
   */
  private readonly answered = new Set<string>();

  constructor(
    private readonly pnForLid: (lid: string) => string | null,
    private readonly unresolvedAfterMs = 5 * 60_000,
  ) {}

  /** Returns the missed calls this event settles (zero or one). */
  handle(e: WACallEvent, now: number): WhatsAppMissedCall[] {
    if (e.isGroup || isGroupJid(e.chatId) || this.reported.has(e.id)) return [];
    if (e.status === 'offer') {
      if (!this.ringing.has(e.id)) this.ringing.set(e.id, { call: this.describe(e), seenAt: now, accepted: false });
      return [];
    }
    const r = this.ringing.get(e.id);
    if (e.status === 'accept' || e.status === 'preaccept') {
      if (r) r.accepted = true;
      this.answered.add(e.id);
      return [];
    }
    if (e.status === 'timeout' || e.status === 'reject' || e.status === 'terminate') {
      this.ringing.delete(e.id);
      if (r?.accepted || (e.status === 'terminate' && this.answered.has(e.id))) {
        this.answered.delete(e.id);
        return [];
      }
      return [this.report(r?.call ?? this.describe(e))];
    }
    return [];
  }

  /** Offers that never got an outcome (ended while we were offline) are reported as missed. */
  sweep(now: number): WhatsAppMissedCall[] {
    const out: WhatsAppMissedCall[] = [];
    for (const [id, r] of this.ringing) {
      if (now - r.seenAt < this.unresolvedAfterMs) continue;
      this.ringing.delete(id);
      if (!r.accepted) out.push(this.report(r.call));
    }
    return out;
  }

  private report(call: WhatsAppMissedCall): WhatsAppMissedCall {
    this.reported.add(call.providerCallId);
    return call;
  }

  private describe(e: WACallEvent): WhatsAppMissedCall {
    const from = normalizeJid(e.from) ?? e.from;
    const pn = normalizeJid(e.callerPn) ?? (phoneOfJid(from) ? from : normalizeJid(this.pnForLid(from)));
    return { providerCallId: e.id, fromPhone: phoneOfJid(pn), fromWhatsappJid: pn ?? from, at: e.date.getTime(), video: e.isVideo === true };
  }
}
