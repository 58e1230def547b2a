import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AmiCallTracker } from '../../../../src-main/channels/pbx/amiCallTracker';
import { AmiClient, reconnectDelay } from '../../../../src-main/channels/pbx/amiClient';
import type { LiveCallEvent, PbxLinkState } from '../../../../src-main/domain/calls/liveCalls';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { seededRandom } from '../../../../src-main/domain/shared/random';
import { startAmiServer, type AmiServer } from './amiServer';

const recording = (name: string): string => readFileSync(join(__dirname, '../../../fixtures/calls/ami', name), 'utf8');

async function until(check: () => boolean, what: string, ms = 3_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

let server: AmiServer | null = null;
let client: AmiClient | null = null;
afterEach(async () => {
  client?.stop();
  await server?.close();
  server = null;
  client = null;
});

async function connect(secret = 'desk-secret', extra: { pingIntervalMs?: number; actionTimeoutMs?: number } = {}): Promise<{ events: LiveCallEvent[]; states: PbxLinkState[]; tracker: AmiCallTracker }> {
  server = await startAmiServer({ secret: 'desk-secret' });
  const clock = new ManualClock(Date.UTC(2025, 2, 11, 8, 0));
  const events: LiveCallEvent[] = [];
  const states: PbxLinkState[] = [];
  const tracker = new AmiCallTracker({ now: () => clock.now(), sink: (e) => events.push(e) });
  client = new AmiClient({
    host: '127.0.0.1',
    port: server.port,
    username: 'clinicdesk',
    secret,
    clock,
    random: seededRandom(7),
    baseDelayMs: 10,
    onEvent: (e) => tracker.handle(e),
    onState: (s) => states.push(s),
    ...extra,
  });
  client.start();
  return { events, states, tracker };
}

describe('AMI client against an emulated Asterisk', () => {
  it('logs in, then ring → answer → hangup gives a popup, an answer and an answered call record', async () => {
    const { events, tracker } = await connect();
    await until(() => client?.linkState.status === 'connected', 'login');
    expect(server?.logins[0]).toMatchObject({ Action: 'Login', Username: 'clinicdesk', Events: 'call,dialplan' });
    server?.replay(recording('ring-answer-hangup.txt'));
    await until(() => events.some((e) => e.kind === 'ended'), 'hangup');
    expect(events).toEqual([
      { kind: 'ringing', callId: '1741680133.45', direction: 'in', number: '601234567', extension: '101', at: 1741680133030 },
      { kind: 'answered', callId: '1741680133.45', extension: '101', at: 1741680140010 },
      {
        kind: 'ended',
        callId: '1741680133.45',
        call: {
          direction: 'in', fromNumber: '601234567', toNumber: '221234500', startedAt: 1741680133000, ringSeconds: 7, talkSeconds: 192,
          result: 'answered', extension: '101', source: 'ami', sourceId: '1741680133.45', note: '',
        },
      },
    ]);
    expect(tracker.activeCount).toBe(0);
  });

  it('ring → no answer (Dial timeout) is a missed call', async () => {
    const { events } = await connect();
    await until(() => client?.linkState.status === 'connected', 'login');
    server?.replay(recording('ring-no-answer.txt'));
    await until(() => events.some((e) => e.kind === 'ended'), 'hangup');
    const ended = events.find((e) => e.kind === 'ended');
    expect(events.map((e) => e.kind)).toEqual(['ringing', 'ended']);
    expect(ended?.kind === 'ended' && [ended.call.result, ended.call.ringSeconds, ended.call.fromNumber]).toEqual(['missed', 21, '502998877']);
  });

  it('a caller hanging up while it rings is an abandoned call, kept apart from missed', async () => {
    const { events } = await connect();
    await until(() => client?.linkState.status === 'connected', 'login');
    server?.replay(recording('caller-abandons.txt'));
    await until(() => events.some((e) => e.kind === 'ended'), 'hangup');
    const ended = events.find((e) => e.kind === 'ended');
    expect(ended?.kind === 'ended' && [ended.call.result, ended.call.ringSeconds, ended.call.fromNumber]).toEqual(['abandoned', 6, '+48698112233']);
  });

  it('correlates action responses by ActionID', async () => {
    await connect();
    await until(() => client?.linkState.status === 'connected', 'login');
    const [a, b] = await Promise.all([client!.action({ Action: 'Ping' }), client!.action({ Action: 'Ping' })]);
    expect(a.Ping).toBe('Pong');
    expect(a.ActionID).not.toBe(b.ActionID);
  });

  it('reconnects with backoff after the PBX drops the link and keeps tracking calls', async () => {
    const { events, states } = await connect();
    await until(() => client?.linkState.status === 'connected', 'first login');
    server?.dropClients();
    await until(() => states.some((s) => s.status === 'reconnecting'), 'reconnecting');
    await until(() => client?.linkState.status === 'connected' && (server?.logins.length ?? 0) === 2, 'second login');
    const reconnecting = states.find((s) => s.status === 'reconnecting');
    expect(reconnecting?.nextAttemptAt).toBeGreaterThan(Date.UTC(2025, 2, 11, 8, 0));
    server?.replay(recording('caller-abandons.txt'));
    await until(() => events.some((e) => e.kind === 'ended'), 'hangup after reconnect');
  });

  it('a rejected login stops retrying and says why', async () => {
    const { states } = await connect('wrong');
    await until(() => client?.linkState.status === 'auth_failed', 'auth failure');
    await new Promise((r) => setTimeout(r, 100));
    expect(server?.logins).toHaveLength(1);
    expect(states.at(-1)).toEqual({ status: 'auth_failed', detail: 'Authentication failed', nextAttemptAt: null });
  });
});

describe('reconnectDelay', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [4, 8_000],
    [7, 60_000],
    [30, 60_000],
  ])('attempt %i waits about %i ms (±20 %%)', (attempt, nominal) => {
    const d = reconnectDelay(attempt, seededRandom(attempt));
    expect(d).toBeGreaterThanOrEqual(nominal * 0.8);
    expect(d).toBeLessThanOrEqual(nominal * 1.2);
  });

  it('sees a call going to voicemail live: Newexten is a dialplan-class event, and the desk logs in for it', async () => {
    const { events } = await connect();
    await until(() => client?.linkState.status === 'connected', 'login');
    server?.replay(recording('ring-to-voicemail.txt'));
    await until(() => events.some((e) => e.kind === 'ended'), 'hangup');
    const ended = events.find((e) => e.kind === 'ended') as Extract<LiveCallEvent, { kind: 'ended' }>;
    expect(ended.call.result).toBe('voicemail');
  });

  it('a silent dead link (no FIN, no answers) is found by Ping and reconnected instead of showing "connected"', async () => {
    const { states } = await connect('desk-secret', { pingIntervalMs: 40, actionTimeoutMs: 80 });
    await until(() => client?.linkState.status === 'connected', 'login');
    await until(() => (server?.pings ?? 0) >= 1, 'a ping answered');
    server!.silent = true;
    await until(() => states.some((s) => s.status === 'reconnecting' && /Ping/.test(s.detail ?? '')), 'dead link noticed');
    server!.silent = false;
    await until(() => client?.linkState.status === 'connected', 'reconnected');
  });
});
