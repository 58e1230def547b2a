import { DisconnectReason } from '@whiskeysockets/baileys';
import { describe, expect, it } from 'vitest';
import { backoffDelay, DEFAULT_MACHINE, INITIAL, step, type Machine, type MachineEvent } from '../../../../../src-main/channels/whatsapp/connection/connectionMachine';
import { classifyClose, DISCONNECT, statusCodeOf } from '../../../../../src-main/channels/whatsapp/connection/disconnectReason';
import { seededRandom } from '../../../../../src-main/domain/shared/random';
import { Boom } from '@hapi/boom';

const cfg = DEFAULT_MACHINE;
const random = seededRandom(7);
const run = (m: Machine, ...events: MachineEvent[]) => events.reduce((acc, e) => step(acc.machine, e, cfg, random), { machine: m, effects: [] as ReturnType<typeof step>['effects'] });
const open = run(INITIAL, { type: 'start' }, { type: 'open', at: 0 }).machine;
const close = (code: number | null, at = 1_000, paired = true): MachineEvent => ({ type: 'close', statusCode: code, at, paired });

describe('disconnect reasons', () => {
  it('match the codes of Baileys DisconnectReason', () => {
    for (const [name, code] of Object.entries(DISCONNECT)) expect(DisconnectReason[name as keyof typeof DisconnectReason]).toBe(code);
  });

  it.each([
    [DisconnectReason.restartRequired, 'reconnect', 'restart_required'],
    [DisconnectReason.connectionLost, 'reconnect', 'connection_lost'],
    [DisconnectReason.timedOut, 'reconnect', 'connection_lost'],
    [DisconnectReason.connectionClosed, 'reconnect', 'connection_closed'],
    [DisconnectReason.unavailableService, 'reconnect', 'service_unavailable'],
    [null, 'reconnect', 'network'],
    [DisconnectReason.loggedOut, 'repair', 'logged_out'],
    // rc14 falls back to 500 for code-less stream errors and TLS errors: reconnect, keep the keys.
    [DisconnectReason.badSession, 'reconnect', 'stream_error'],
    [405, 'version', 'client_outdated'],
    [402, 'restrict', 'client_refused'],
    [DisconnectReason.forbidden, 'restrict', 'forbidden'],
    [DisconnectReason.multideviceMismatch, 'restrict', 'multidevice_mismatch'],
    [DisconnectReason.connectionReplaced, 'stop', 'replaced'],
  ])('status %s → %s (%s)', (code, action, reason) => {
    expect(classifyClose(code)).toEqual({ action, reason });
  });

  it('reads the status code from a Boom error, and none from a plain network error', () => {
    expect(statusCodeOf(new Boom('Connection Failure', { statusCode: 401 }))).toBe(401);
    expect(statusCodeOf(new Error('getaddrinfo ENOTFOUND web.whatsapp.com'))).toBeNull();
    expect(statusCodeOf(undefined)).toBeNull();
  });
});

describe('connection state machine', () => {
  it('connects on start and opens', () => {
    const s = step(INITIAL, { type: 'start' }, cfg, random);
    expect(s.machine.state).toBe('connecting');
    expect(s.effects).toEqual([{ type: 'connect' }]);
    expect(open).toMatchObject({ state: 'open', openSince: 0, attempt: 0 });
  });

  it.each([DisconnectReason.restartRequired, DisconnectReason.connectionLost, DisconnectReason.connectionClosed, DisconnectReason.unavailableService, null])(
    'reconnects after close %s with a timer, not at once',
    (code) => {
      const s = step(open, close(code), cfg, random);
      expect(s.machine.state).toBe('reconnecting');
      expect(s.effects).toHaveLength(1);
      expect(s.effects[0]).toMatchObject({ type: 'schedule_retry' });
      const retry = step(s.machine, { type: 'retry_due', at: 5_000 }, cfg, random);
      expect(retry).toEqual({ machine: expect.objectContaining({ state: 'connecting' }), effects: [{ type: 'connect' }] });
    },
  );

  it.each([DisconnectReason.loggedOut])('asks to pair again after close %s and stops reconnecting', (code) => {
    const s = step(open, close(code), cfg, random);
    expect(s.machine.state).toBe('logged_out');
    expect(s.effects).toEqual([{ type: 'clear_auth' }]);
    expect(step(s.machine, { type: 'retry_due', at: 9_000 }, cfg, random).effects).toEqual([]);
    expect(step(s.machine, close(DisconnectReason.connectionClosed), cfg, random).effects).toEqual([]);
  });

  it.each([
    [DisconnectReason.forbidden, 'restricted'],
    [DisconnectReason.multideviceMismatch, 'restricted'],
    [DisconnectReason.connectionReplaced, 'disconnected'],
  ])('stops for good after close %s', (code, state) => {
    const s = step(open, close(code), cfg, random);
    expect(s.machine.state).toBe(state);
    expect(s.effects).toEqual([]);
  });

  it('gives up after maxAttempts consecutive failures, with growing delays', () => {
    let m = step(INITIAL, { type: 'start' }, cfg, random).machine;
    const delays: number[] = [];
    for (let i = 0; i < cfg.maxAttempts + 3 && m.state !== 'disconnected'; i++) {
      const s = step(m, close(DisconnectReason.connectionLost, i * 1000), cfg, random);
      const scheduled = s.effects.find((e) => e.type === 'schedule_retry');
      if (scheduled?.type === 'schedule_retry') delays.push(scheduled.delayMs);
      m = s.machine.state === 'reconnecting' ? step(s.machine, { type: 'retry_due', at: i * 1000 }, cfg, random).machine : s.machine;
    }
    expect(m).toMatchObject({ state: 'disconnected', reason: 'gave_up' });
    expect(delays).toHaveLength(cfg.maxAttempts);
    expect(delays[0]).toBeGreaterThanOrEqual(cfg.baseDelayMs * 0.75);
    expect(delays.at(-1)).toBeLessThanOrEqual(cfg.maxDelayMs * 1.25);
    expect(delays[5]!).toBeGreaterThan(delays[0]! * 8);
  });

  it('does not reset the attempt count when a connection drops right after opening (no fast loop)', () => {
    let m = open;
    for (let i = 0; i < 3; i++) {
      m = step(m, close(DisconnectReason.restartRequired, 1_000), cfg, random).machine;
      m = run(m, { type: 'retry_due', at: 2_000 }, { type: 'open', at: 2_000 }).machine;
    }
    expect(m.attempt).toBe(3);
    const stable = step(m, close(DisconnectReason.connectionLost, 2_000 + cfg.stableAfterMs), cfg, random);
    expect(stable.machine.attempt).toBe(1);
  });

  it('keeps backoff jittered within ±25 %', () => {
    for (let attempt = 1; attempt <= 12; attempt++) {
      const exp = Math.min(cfg.maxDelayMs, cfg.baseDelayMs * 2 ** (attempt - 1));
      expect(backoffDelay(attempt, cfg, () => 0)).toBe(Math.round(exp * 0.75));
      expect(backoffDelay(attempt, cfg, () => 0.999999)).toBeLessThanOrEqual(Math.round(exp * 1.25));
    }
  });

  it('waits for the clinic after an unscanned QR expires instead of cycling codes', () => {
    const connecting = step(INITIAL, { type: 'start' }, cfg, random).machine;
    expect(step(connecting, { type: 'close', statusCode: DisconnectReason.timedOut, at: 60_000, paired: false, qrExpired: true }, cfg, random)).toEqual({
      machine: expect.objectContaining({ state: 'idle', reason: 'not_paired' }),
      effects: [],
    });
  });

  it('stops a pairing that cannot reach WhatsApp (Baileys reports the socket error as 408 too), saying so', () => {
    const connecting = step(INITIAL, { type: 'start' }, cfg, random).machine;
    expect(step(connecting, close(DisconnectReason.connectionLost, 5_000, false), cfg, random)).toEqual({
      machine: expect.objectContaining({ state: 'idle', reason: 'unreachable' }),
      effects: [],
    });
  });

  it('treats a 408 on a link that was open as a lost connection even before creds.update reported the account', () => {
    const s = step(open, close(DisconnectReason.connectionLost, 90_000, false), cfg, random);
    expect(s.machine).toMatchObject({ state: 'reconnecting', reason: 'connection_lost' });
    expect(s.effects.map((e) => e.type)).toEqual(['schedule_retry']);
  });

  it('recycles a stale open session through a reconnect', () => {
    const s = step(open, { type: 'stale', at: 400_000 }, cfg, random);
    expect(s.machine).toMatchObject({ state: 'reconnecting', reason: 'stale_session' });
    expect(s.effects.map((e) => e.type)).toEqual(['end_socket', 'schedule_retry']);
    expect(step(s.machine, close(DisconnectReason.connectionClosed), cfg, random).effects).toEqual([]);
  });

  it('logs out on request and on corrupt credentials', () => {
    expect(step(open, { type: 'logout' }, cfg, random)).toEqual({
      machine: expect.objectContaining({ state: 'logged_out', reason: 'user_logout' }),
      effects: [{ type: 'cancel_retry' }, { type: 'logout_socket' }, { type: 'clear_auth' }],
    });
    expect(step(INITIAL, { type: 'auth_corrupt' }, cfg, random).machine).toMatchObject({ state: 'logged_out', reason: 'corrupt_auth' });
  });

  it('can pair again from logged out, and ignores start while already running', () => {
    const out = step(open, close(DisconnectReason.loggedOut), cfg, random).machine;
    expect(step(out, { type: 'start' }, cfg, random).effects).toEqual([{ type: 'connect' }]);
    expect(step(open, { type: 'start' }, cfg, random).effects).toEqual([]);
  });
});
