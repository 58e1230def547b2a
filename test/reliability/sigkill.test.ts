import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { callApi, CLI, startServe, stopProcess, type ServeProcess } from '../support/serveHost';
import { startFakeSmsapi, type Attempt } from './fakeSmsapi';
import { startFakeTwilio } from './fakeTwilio';

/**
 * 20 rounds: start `clinic-desk serve` on one data folder, send a burst of 36 SMS, SIGKILL the host at a
 * random moment while the provider is still answering (300 ms per message), start again. At the end
 * every message the API acknowledged must have been accepted by the provider exactly once.
 * Run once per provider: SMSAPI (idx + check_idx refuse a resend) and Twilio (no idempotency key: the
 * uncertain attempt is persisted and reconciled by listing recent messages after the restart).
 * Needs `npm run build` (the script does it). The host start is the e2e fixtures' (test/support/serveHost.ts).
 */
const ROUNDS = Number(process.env.RELIABILITY_ROUNDS ?? 20);
const BURST = 36;
const ACK_MS = 300;

const startHost = (dataDir: string): Promise<ServeProcess> => startServe(['--port', '0', '--data', dataDir], { timeoutMs: 30_000 });
const api = <T>(h: ServeProcess, method: string, params: unknown): Promise<T> => callApi<T>(h.url, method, params);
const kill = (h: ServeProcess): Promise<void> => stopProcess(h.child, 'SIGKILL');

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

interface Provider {
  name: string;
  /** sms.saveProvider params pointing the desk at the fake. */
  settings: (url: string) => unknown;
  start: () => Promise<{ url: string; attempts: Attempt[]; close(): Promise<void> }>;
}

const PROVIDERS: Provider[] = [
  {
    name: 'SMSAPI idx',
    settings: (url) => ({ provider: 'smsapi', token: 'reliability-token', senderName: '', baseUrl: url, publicUrl: '' }),
    start: () => startFakeSmsapi(ACK_MS),
  },
  {
    name: 'Twilio, reconciled by listing',
    settings: (url) => ({ provider: 'twilio', accountSid: `AC${'0'.repeat(31)}1`, authToken: 'reliability-token', from: '+15005550006', messagingServiceSid: '', baseUrl: url, publicUrl: '' }),
    start: () => startFakeTwilio(ACK_MS),
  },
];

describe('exactly once across SIGKILL', () => {
  it.each(PROVIDERS)(`${ROUNDS} rounds of a ${BURST}-message burst, host killed mid-send: 0 lost, 0 sent twice ($name)`, async (p) => {
    if (!fs.existsSync(CLI)) throw new Error('out/main/cli.js is missing: run `npm run build` first');
    const provider = await p.start();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-reliability-'));
    dirs.push(dataDir);
    const acknowledged: string[] = [];
    let conversationId = 0;
    try {
      for (let round = 1; round <= ROUNDS; round++) {
        const h = await startHost(dataDir);
        if (round === 1) {
          await api(h, 'sms.saveProvider', p.settings(provider.url));
          conversationId = (await api<{ conversationId: number }>(h, 'patient.create', { phone: '+393331234567', firstName: 'Giulia', preferredChannel: 'sms' })).conversationId;
        }
        for (let i = 0; i < BURST; i++) {
          const body = `Round ${round} message ${i}`;
          await api(h, 'message.send', { conversationId, body, channel: 'sms' });
          acknowledged.push(body);
        }
        // Die while the provider is mid-answer: any moment within the next few acknowledgements.
        await new Promise((r) => setTimeout(r, 200 + Math.floor(Math.random() * 5 * ACK_MS)));
        await kill(h);
      }
      // The last start drains what is left.
      const h = await startHost(dataDir);
      const deadline = Date.now() + 10 * 60_000;
      for (;;) {
        const conv = await api<{ timeline: { body?: string; status?: string }[] }>(h, 'conversation.get', { conversationId });
        const waiting = conv.timeline.filter((m) => m.body?.startsWith('Round ') && m.status === 'queued').length;
        if (waiting === 0 || Date.now() > deadline) break;
        await new Promise((r) => setTimeout(r, 1000));
      }
      await stopProcess(h.child, 'SIGTERM');
    } finally {
      await provider.close();
    }

    const accepted = new Map<string, number>();
    for (const a of provider.attempts) if (a.accepted) accepted.set(a.body, (accepted.get(a.body) ?? 0) + 1);
    const lost = acknowledged.filter((b) => !accepted.has(b));
    const twice = [...accepted.entries()].filter(([, n]) => n > 1);
    const repeatsRefused = provider.attempts.filter((a) => !a.accepted).length;
    process.stdout.write(
      `[reliability] ${p.name}: ${ROUNDS} SIGKILL rounds, ${acknowledged.length} messages acknowledged by the API, ${provider.attempts.length} provider attempts: ` +
        `${lost.length} lost, ${twice.length} accepted twice, ${repeatsRefused} resends refused by the provider` +
        `${'lists' in provider ? `, ${String(provider.lists)} listings to reconcile an uncertain attempt` : ''}.\n`,
    );
    expect(lost).toEqual([]);
    expect(twice).toEqual([]);
    expect(acknowledged).toHaveLength(ROUNDS * BURST);
  });
});
