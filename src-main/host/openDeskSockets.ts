import type { WebSocket } from 'ws';

/** Close code for "this desk now has personal logins": the browser signs in (or reconnects, if it just did). */
export const DESK_NOW_HAS_LOGINS = 4402;

/**
 * The sockets opened while the loopback desk was "open" (no personal logins yet), which act with every
 * right. The moment the first user exists (the wizard's admin, Settings → Users) those rights end: each
 * such socket is closed, so no page keeps an admin connection nobody signed in for. `settle()` runs after
 * every call the host answers and before every frame or event on such a socket; it costs one count query
 * only while open-desk sockets exist.
 */
export class OpenDeskSockets {
  private readonly sockets = new Set<WebSocket>();

  constructor(private readonly deskStillOpen: () => boolean) {}

  add(ws: WebSocket): void {
    this.sockets.add(ws);
    ws.once('close', () => this.sockets.delete(ws));
  }

  has(ws: WebSocket): boolean {
    return this.sockets.has(ws);
  }

  /** Closes every open-desk socket once the desk is no longer open; true when it did. */
  settle(): boolean {
    if (this.sockets.size === 0 || this.deskStillOpen()) return false;
    for (const ws of this.sockets) ws.close(DESK_NOW_HAS_LOGINS, 'this desk now has personal logins: sign in');
    this.sockets.clear();
    return true;
  }
}
