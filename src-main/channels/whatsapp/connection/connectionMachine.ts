import type { LinkReason, LinkState } from '../../../domain/whatsapp/whatsappPort';
import type { Random } from '../../../domain/shared/random';
import { classifyClose } from './disconnectReason';

/**
 * The WhatsApp link as a pure state machine: (state, event) → (state, effects). The adapter runs
 * the effects (open a socket, arm a timer, wipe credentials). Reconnects back off exponentially
 * with jitter and stop after `maxAttempts` consecutive failures; the attempt count only resets
 * once a connection has stayed open for `stableAfterMs`, so open→drop→open can never loop fast.
 */
export interface MachineConfig {
  baseDelayMs: number;
  maxDelayMs: number;
  maxAttempts: number;
  stableAfterMs: number;
}

export const DEFAULT_MACHINE: MachineConfig = {
  baseDelayMs: 2_000,
  maxDelayMs: 5 * 60_000,
  maxAttempts: 10,
  stableAfterMs: 60_000,
};

export interface Machine {
  state: LinkState;
  reason: LinkReason | null;
  /** Consecutive connection attempts without a stable open. */
  attempt: number;
  openSince: number | null;
  retryAt: number | null;
  /** A 405 already led to one refresh of the WA Web version since the last stable open. */
  versionRefreshed?: boolean;
}

export const INITIAL: Machine = { state: 'idle', reason: 'not_paired', attempt: 0, openSince: null, retryAt: null };

export type MachineEvent =
  | { type: 'start' }
  | { type: 'open'; at: number }
  /** `paired`: credentials hold an account (false while a QR or pairing code is waiting). */
  /** `qrExpired`: Baileys ended an unscanned pairing ('QR refs attempts ended'), which shares code 408 with a network failure. */
  | { type: 'close'; statusCode: number | null; at: number; paired: boolean; qrExpired?: boolean }
  | { type: 'retry_due'; at: number }
  | { type: 'stale'; at: number }
  | { type: 'stop' }
  | { type: 'logout' }
  | { type: 'auth_corrupt' };

export type Effect =
  | { type: 'connect' }
  | { type: 'schedule_retry'; delayMs: number }
  | { type: 'cancel_retry' }
  | { type: 'end_socket' }
  | { type: 'logout_socket' }
  | { type: 'clear_auth' }
  /** Ask for the current WA Web version (best effort) before the next connect. */
  | { type: 'refresh_version' };

export interface Step {
  machine: Machine;
  effects: Effect[];
}

/** Delay before attempt n (n ≥ 1): base·2^(n-1), capped, with ±25 % jitter so many desks never retry in step. */
export function backoffDelay(attempt: number, cfg: MachineConfig, random: Random): number {
  const exp = Math.min(cfg.maxDelayMs, cfg.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp * (0.75 + random() * 0.5));
}

const stay = (machine: Machine): Step => ({ machine, effects: [] });

function reconnect(m: Machine, reason: LinkReason, at: number, cfg: MachineConfig, random: Random, extra: Effect[] = []): Step {
  const attempt = m.attempt + 1;
  if (attempt > cfg.maxAttempts) {
    return { machine: { state: 'disconnected', reason: 'gave_up', attempt: m.attempt, openSince: null, retryAt: null }, effects: extra };
  }
  const delayMs = backoffDelay(attempt, cfg, random);
  return {
    machine: { state: 'reconnecting', reason, attempt, openSince: null, retryAt: at + delayMs },
    effects: [...extra, { type: 'schedule_retry', delayMs }],
  };
}

export function step(m: Machine, e: MachineEvent, cfg: MachineConfig, random: Random): Step {
  switch (e.type) {
    case 'start':
      if (m.state === 'connecting' || m.state === 'open' || m.state === 'reconnecting') return stay(m);
      return { machine: { state: 'connecting', reason: null, attempt: 0, openSince: null, retryAt: null }, effects: [{ type: 'connect' }] };

    case 'open':
      if (m.state !== 'connecting') return stay(m);
      return { machine: { ...m, state: 'open', reason: null, openSince: e.at, retryAt: null, versionRefreshed: false }, effects: [] };

    case 'close': {
      // Closes we caused (stop, logout, recycling) or from a socket already given up on change nothing.
      if (m.state !== 'connecting' && m.state !== 'open') return stay(m);
      const verdict = classifyClose(e.statusCode);
      // An unscanned QR expires with a timeout (408, the same code as a lost connection): wait for the clinic to
      // ask for a new one instead of cycling codes. A link that was open is paired, so its 408 is a real loss.
      // While pairing, a WhatsApp that cannot be reached stops too (no QR codes cycling offline), saying why.
      if (m.state === 'connecting' && !e.paired && verdict.reason === 'connection_lost') {
        const reason = e.qrExpired ? 'not_paired' : 'unreachable';
        return { machine: { state: 'idle', reason, attempt: 0, openSince: null, retryAt: null }, effects: [] };
      }
      const base = m.state === 'open' && m.openSince !== null && e.at - m.openSince >= cfg.stableAfterMs ? { ...m, attempt: 0 } : m;
      if (verdict.action === 'reconnect') return reconnect(base, verdict.reason, e.at, cfg, random);
      // 405: one refresh of the announced version, then a clear stop instead of ten useless retries.
      if (verdict.action === 'version') {
        if (!base.versionRefreshed) {
          const next = reconnect({ ...base, versionRefreshed: true }, verdict.reason, e.at, cfg, random, [{ type: 'refresh_version' }]);
          return { ...next, machine: { ...next.machine, versionRefreshed: true } };
        }
        return { machine: { state: 'disconnected', reason: verdict.reason, attempt: 0, openSince: null, retryAt: null }, effects: [] };
      }
      if (verdict.action === 'repair') {
        return { machine: { state: 'logged_out', reason: verdict.reason, attempt: 0, openSince: null, retryAt: null }, effects: [{ type: 'clear_auth' }] };
      }
      const state = verdict.action === 'restrict' ? 'restricted' : 'disconnected';
      return { machine: { state, reason: verdict.reason, attempt: 0, openSince: null, retryAt: null }, effects: [] };
    }

    case 'retry_due':
      if (m.state !== 'reconnecting') return stay(m);
      return { machine: { ...m, state: 'connecting', retryAt: null }, effects: [{ type: 'connect' }] };

    case 'stale':
      if (m.state !== 'open') return stay(m);
      return reconnect(m, 'stale_session', e.at, cfg, random, [{ type: 'end_socket' }]);

    case 'stop':
      return {
        machine: { state: 'disconnected', reason: 'stopped', attempt: 0, openSince: null, retryAt: null },
        effects: [{ type: 'cancel_retry' }, { type: 'end_socket' }],
      };

    case 'logout':
      return {
        machine: { state: 'logged_out', reason: 'user_logout', attempt: 0, openSince: null, retryAt: null },
        effects: [{ type: 'cancel_retry' }, { type: 'logout_socket' }, { type: 'clear_auth' }],
      };

    case 'auth_corrupt':
      return {
        machine: { state: 'logged_out', reason: 'corrupt_auth', attempt: 0, openSince: null, retryAt: null },
        effects: [{ type: 'cancel_retry' }, { type: 'end_socket' }, { type: 'clear_auth' }],
      };
  }
}
