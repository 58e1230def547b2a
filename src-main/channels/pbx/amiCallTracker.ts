import { classifyUnanswered, DEFAULT_ABANDON_WITHIN_SECONDS } from '../../domain/calls/import/classifyCall';
import type { CallDirection, CallResult } from '../../domain/calls/callTypes';
import type { LiveCallSink } from '../../domain/calls/liveCalls';
import type { AmiMessage } from './amiProtocol';

/**
 * Follows calls through AMI events (Asterisk 13+ names): Newchannel opens a call on its Linkedid,
 * DialBegin to a desk rings it, DialEnd says answered / rang out (NOANSWER) / caller gave up (CANCEL) /
 * busy, Newexten into VoiceMail marks voicemail, and the Hangup of the first channel closes the record.
 */
interface TrackedCall {
  linkedid: string;
  direction: CallDirection;
  outside: string;
  dialled: string;
  startedAt: number;
  ringingAnnounced: boolean;
  extension: string | null;
  answeredAt: number | null;
  callerHungUp: boolean | null;
  busy: boolean;
  /** When VoiceMail picked up: ringing ended there, and the message is not talk time. */
  voicemailAt: number | null;
}

const DESK_CHANNEL = /^[A-Za-z0-9]+\/(\d{2,6})(?=[-@;])/;
const deskOf = (channel: string | undefined): string | null => DESK_CHANNEL.exec(channel ?? '')?.[1] ?? null;
const digits = (n: string | undefined): string => {
  const text = (n ?? '').trim();
  if (text === '' || text === '<unknown>') return '';
  return (text.startsWith('+') ? '+' : '') + text.replace(/\D/g, '');
};

export interface AmiCallTrackerOptions {
  now: () => number;
  sink: LiveCallSink;
  abandonWithinSeconds?: number;
}

export class AmiCallTracker {
  private readonly calls = new Map<string, TrackedCall>();

  constructor(private readonly opts: AmiCallTrackerOptions) {}

  /** Calls in progress (for the settings page and tests). */
  get activeCount(): number {
    return this.calls.size;
  }

  /** AMI `Timestamp` (timestampevents=yes) when present: exact even if events arrive in a burst after a stall. */
  private at(e: AmiMessage): number {
    const ts = Number(e.Timestamp);
    return e.Timestamp && Number.isFinite(ts) ? Math.round(ts * 1000) : this.opts.now();
  }

  handle(e: AmiMessage): void {
    switch (e.Event) {
      case 'Newchannel':
        return this.newChannel(e);
      case 'DialBegin':
        return this.dialBegin(e);
      case 'DialEnd':
        return this.dialEnd(e);
      case 'Newexten':
        if (/^voicemail$/i.test(e.Application ?? '')) {
          const call = this.calls.get(e.Linkedid ?? '');
          if (call && call.voicemailAt === null && call.answeredAt === null) call.voicemailAt = this.at(e);
        }
        return;
      case 'Hangup':
        return this.hangup(e);
      default:
        return;
    }
  }

  private newChannel(e: AmiMessage): void {
    const linkedid = e.Linkedid ?? e.Uniqueid;
    // Only the first channel of a call (Uniqueid = Linkedid) opens it; later ones are its legs.
    if (!linkedid || e.Uniqueid !== linkedid || this.calls.has(linkedid)) return;
    const desk = deskOf(e.Channel);
    const direction: CallDirection = desk ? 'out' : 'in';
    this.calls.set(linkedid, {
      linkedid,
      direction,
      outside: direction === 'in' ? digits(e.CallerIDNum) : digits(e.Exten),
      dialled: digits(e.Exten),
      startedAt: this.at(e),
      ringingAnnounced: false,
      extension: desk,
      answeredAt: null,
      callerHungUp: null,
      busy: false,
      voicemailAt: null,
    });
  }

  private dialBegin(e: AmiMessage): void {
    const call = this.calls.get(e.Linkedid ?? '');
    if (!call) return;
    if (call.direction === 'out') {
      call.outside = digits(e.DialString?.split('@')[0]) || call.outside;
      return;
    }
    const desk = deskOf(e.DestChannel);
    if (call.ringingAnnounced) return;
    call.ringingAnnounced = true;
    call.extension = desk;
    this.opts.sink({ kind: 'ringing', callId: call.linkedid, direction: 'in', number: call.outside, extension: desk, at: this.at(e) });
  }

  private dialEnd(e: AmiMessage): void {
    const call = this.calls.get(e.Linkedid ?? '');
    if (!call || call.answeredAt !== null) return;
    switch (e.DialStatus) {
      case 'ANSWER':
        call.answeredAt = this.at(e);
        if (call.direction === 'in') call.extension = deskOf(e.DestChannel) ?? call.extension;
        this.opts.sink({ kind: 'answered', callId: call.linkedid, extension: call.extension, at: call.answeredAt });
        return;
      case 'CANCEL':
        call.callerHungUp = true;
        return;
      case 'NOANSWER':
        call.callerHungUp = false;
        return;
      case 'BUSY':
        call.busy = true;
        return;
      default:
        return;
    }
  }

  private hangup(e: AmiMessage): void {
    const linkedid = e.Linkedid ?? '';
    if (e.Uniqueid !== linkedid) return;
    const call = this.calls.get(linkedid);
    if (!call) return;
    this.calls.delete(linkedid);
    const endedAt = this.at(e);
    const ringEnd = call.answeredAt ?? call.voicemailAt ?? endedAt;
    const ringSeconds = Math.max(0, Math.round((ringEnd - call.startedAt) / 1000));
    const talkSeconds = call.answeredAt === null ? 0 : Math.max(0, Math.round((endedAt - call.answeredAt) / 1000));
    const result: CallResult =
      call.answeredAt !== null
        ? 'answered'
        : call.voicemailAt !== null
          ? 'voicemail'
          : call.busy
            ? 'busy'
            : classifyUnanswered({
                ringSeconds,
                callerHungUp: call.callerHungUp,
                abandonWithinSeconds: this.opts.abandonWithinSeconds ?? DEFAULT_ABANDON_WITHIN_SECONDS,
              });
    this.opts.sink({
      kind: 'ended',
      callId: linkedid,
      call: {
        direction: call.direction,
        fromNumber: call.direction === 'in' ? call.outside : (call.extension ?? ''),
        toNumber: call.direction === 'in' ? call.dialled : call.outside,
        startedAt: call.startedAt,
        ringSeconds,
        talkSeconds,
        result,
        extension: call.extension,
        source: 'ami',
        sourceId: linkedid,
        note: '',
      },
    });
  }
}
