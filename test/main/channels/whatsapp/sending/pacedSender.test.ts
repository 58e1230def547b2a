import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { OutgoingMessage } from '../../../../../src-main/domain/messaging/channelPort';
import { seededRandom } from '../../../../../src-main/domain/shared/random';
import { DEFAULT_PACING, type PacingSettings } from '../../../../../src-main/domain/whatsapp/pacing';
import { PacedSender, type FirstContactLedger, type PacedTransport } from '../../../../../src-main/channels/whatsapp/sending/pacedSender';

class RecordingTransport implements PacedTransport {
  readonly log: { what: string; jid: string; at: number }[] = [];
  readonly deliveredAt: number[] = [];
  async resolve(m: OutgoingMessage) {
    if (m.toPhone === '+390000000000') return { ok: false as const, result: { ok: false as const, code: 'not_on_whatsapp' as const, reason: 'not on WhatsApp', retryable: false } };
    return { ok: true as const, jid: `${m.toPhone!.slice(1)}@s.whatsapp.net` };
  }
  async typing(jid: string, on: boolean) {
    this.log.push({ what: on ? 'composing' : 'paused', jid, at: Date.now() });
  }
  async deliver(m: OutgoingMessage, jid: string) {
    this.deliveredAt.push(Date.now());
    this.log.push({ what: 'send', jid, at: Date.now() });
    return { ok: true as const, providerId: `3EB0${m.outboxId}` };
  }
}

class MemoryLedger implements FirstContactLedger {
  times: number[] = [];
  sentSince(since: number) {
    return this.times.filter((t) => t >= since);
  }
  record(at: number) {
    this.times.push(at);
  }
}

const msg = (i: number, extra: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  outboxId: i,
  idempotencyKey: `k${i}`,
  channel: 'whatsapp',
  toPhone: `+3934712${String(i).padStart(5, '0')}`,
  body: `Promemoria: domani alle 10:00 visita con la Dott.ssa Bianchi (${i})`,
  ...extra,
});

function sender(settings: PacingSettings = DEFAULT_PACING, ledger = new MemoryLedger()) {
  const transport = new RecordingTransport();
  const paced = new PacedSender(transport, {
    clock: { now: () => Date.now() },
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    random: seededRandom(42),
    settings: () => settings,
    ledger,
  });
  return { transport, paced, ledger };
}

describe('PacedSender', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(Date.parse('2026-11-23T08:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  it('sends 1,000 messages enqueued at once with no gap below the configured minimum', async () => {
    const settings = { ...DEFAULT_PACING, minGapMs: 2_500, maxGapMs: 4_000 };
    const { transport, paced } = sender(settings);
    const results = Array.from({ length: 1_000 }, (_, i) => paced.send(msg(i)));
    await vi.runAllTimersAsync();
    expect((await Promise.all(results)).every((r) => r.ok)).toBe(true);
    const at = transport.deliveredAt;
    expect(at).toHaveLength(1_000);
    const gaps = at.slice(1).map((t, i) => t - at[i]!);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(2_500);
    // Jittered, not a metronome: the gaps vary.
    expect(new Set(gaps).size).toBeGreaterThan(100);
  });

  it('shows "typing…" to the recipient before each message and stops it after', async () => {
    const { transport, paced } = sender();
    const done = paced.send(msg(1));
    await vi.runAllTimersAsync();
    await done;
    expect(transport.log.map((l) => l.what)).toEqual(['composing', 'send', 'paused']);
    expect(transport.log[1]!.at - transport.log[0]!.at).toBeGreaterThanOrEqual(800 * 0.85);
  });

  it('caps first contacts per rolling 24 hours and says when the next one may go', async () => {
    const { transport, paced } = sender({ ...DEFAULT_PACING, firstContactDailyCap: 3 });
    const results = Array.from({ length: 5 }, (_, i) => paced.send(msg(i, { firstContact: true })));
    await vi.runAllTimersAsync();
    const out = await Promise.all(results);
    expect(out.filter((r) => r.ok)).toHaveLength(3);
    const refused = out.filter((r) => !r.ok);
    expect(refused).toHaveLength(2);
    expect(refused[0]).toMatchObject({ code: 'daily_cap', retryable: true, retryAt: transport.deliveredAt[0]! + 24 * 60 * 60_000 });
    // Replies to patients who wrote first are not capped.
    const reply = paced.send(msg(9, { firstContact: false }));
    await vi.runAllTimersAsync();
    expect(await reply).toMatchObject({ ok: true });
  });

  it('fails a number without WhatsApp at once, without typing or waiting', async () => {
    const { transport, paced } = sender();
    const r = paced.send(msg(1, { toPhone: '+390000000000' }));
    await vi.runAllTimersAsync();
    expect(await r).toMatchObject({ ok: false, code: 'not_on_whatsapp', retryable: false });
    expect(transport.log).toEqual([]);
  });
});
