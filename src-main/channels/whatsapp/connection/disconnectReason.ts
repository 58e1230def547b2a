import type { LinkReason } from '../../../domain/whatsapp/whatsappPort';

/**
 * What a closed connection means, from Baileys' DisconnectReason status codes
 * (the Boom `output.statusCode` on `lastDisconnect.error`). The numbers are checked against
 * Baileys' own enum in tests.
 *
 * Where the codes come from in 7.0.0-rc14 (node_modules/@whiskeysockets/baileys):
 * - lib/Utils/generics.js `getErrorCodeFromStreamError`: a `<stream:error>` without a `code` attribute
 *   and without a `conflict` child becomes 500 (badSession); `conflict` becomes 440.
 * - lib/Utils/generics.js `getCodeFromWSError`: any WebSocket/TLS error becomes 500 unless its code starts
 *   with `E` (ETIMEDOUT, ENOTFOUND → 408) or the server answered an HTTP status.
 * - lib/Socket/socket.js `CB:failure`: the server's `<failure reason=…>` number as it is (401, 402, 405, …).
 * - lib/Socket/socket.js `logout()`: 401 (loggedOut) is the only code that means "the phone unlinked us".
 * So 500 is a network-ish failure in practice (a TLS-intercepting proxy produces it): keep the keys.
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

/** `<failure reason="405">`: WhatsApp refuses the WA Web version the client announces (WhiskeySockets/Baileys#1937, #1238). */
export const CLIENT_OUTDATED = 405;
/** `<failure reason="402">`: WhatsApp refuses the connection for the account; retrying does not help. */
export const CLIENT_REFUSED = 402;

/** `version`: refresh the announced WA Web version once, then reconnect. Only `repair` wipes the keys. */
export type CloseAction = 'reconnect' | 'repair' | 'restrict' | 'stop' | 'version';

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
    // rc14's fallback for code-less stream errors and socket/TLS errors (see above): never a reason to unpair.
    case DISCONNECT.badSession:
      return { action: 'reconnect', reason: 'stream_error' };
    case DISCONNECT.loggedOut:
      return { action: 'repair', reason: 'logged_out' };
    case CLIENT_OUTDATED:
      return { action: 'version', reason: 'client_outdated' };
    case CLIENT_REFUSED:
      return { action: 'restrict', reason: 'client_refused' };
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
