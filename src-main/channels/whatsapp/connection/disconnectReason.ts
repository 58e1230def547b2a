import type { LinkReason } from '../../../domain/whatsapp/whatsappPort';

/**
 * What a closed connection means, from Baileys' DisconnectReason status codes
 * (the Boom `output.statusCode` on `lastDisconnect.error`). The numbers are checked against
 * Baileys' own enum in tests.
 */
export const DISCONNECT = {
  connectionClosed: 428,
  connectionLost: 408,
  connectionReplaced: 440,
  loggedOut: 401,
  badSession: 500,
  restartRequired: 515,
  multideviceMismatch: 411,
  forbidden: 403,
  unavailableService: 503,
} as const;

export type CloseAction = 'reconnect' | 'repair' | 'restrict' | 'stop';

export interface CloseVerdict {
  action: CloseAction;
  reason: LinkReason;
}

export function classifyClose(statusCode: number | null): CloseVerdict {
  switch (statusCode) {
    case DISCONNECT.restartRequired:
      return { action: 'reconnect', reason: 'restart_required' };
    case DISCONNECT.connectionLost:
      return { action: 'reconnect', reason: 'connection_lost' };
    case DISCONNECT.connectionClosed:
      return { action: 'reconnect', reason: 'connection_closed' };
    case DISCONNECT.unavailableService:
      return { action: 'reconnect', reason: 'service_unavailable' };
    case DISCONNECT.loggedOut:
      return { action: 'repair', reason: 'logged_out' };
    case DISCONNECT.badSession:
      return { action: 'repair', reason: 'bad_session' };
    case DISCONNECT.forbidden:
      return { action: 'restrict', reason: 'forbidden' };
    case DISCONNECT.multideviceMismatch:
      return { action: 'restrict', reason: 'multidevice_mismatch' };
    // Another session took over with the same keys: fighting back would make the two kick each other forever.
    case DISCONNECT.connectionReplaced:
      return { action: 'stop', reason: 'replaced' };
    default:
      // No status code: a socket or DNS error, i.e. the network.
      return { action: 'reconnect', reason: 'network' };
  }
}

/** The status code inside whatever Baileys put in `lastDisconnect.error` (a Boom, or a bare Error). */
export function statusCodeOf(error: unknown): number | null {
  if (!error || typeof error !== 'object') return null;
  const e = error as { output?: { statusCode?: unknown }; data?: { statusCode?: unknown } };
  const code = e.output?.statusCode;
  return typeof code === 'number' ? code : null;
}
