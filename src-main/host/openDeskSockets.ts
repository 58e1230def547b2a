import type { WebSocket } from 'ws';

/** Close code for "this desk now has personal logins": the browser signs in (or reconnects, if it just did). */
export const DESK_NOW_HAS_LOGINS = 4402;

/**
 * The sockets opened while the loopback desk was "open" (no personal logins yet), which act with every
 * right. The moment the first user exists (the wizard's admin, Settings → Users) those rights end: each
 * such socket gets no further event or answer and is closed, so no page keeps an admin connection nobody
 * signed in for. A socket is closed once the calls it has in flight are answered (the wizard's own
 * `setup.createClinic` gets its answer first). `settle()` runs after every call the host answers and
 * before every frame or event on such a socket; it costs one count query only while such sockets exist.
 */
export class OpenDeskSockets {
  private readonly sockets = new Map<WebSocket, { busy: number; ended: boolean }>();

  constructor(private readonly deskStillOpen: () => boolean) {}

  add(ws: WebSocket): void {
    this.sockets.set(ws, { busy: 0, ended: false });
    ws.once('close', () => this.sockets.delete(ws));
  }

  has(ws: WebSocket): boolean {
    return this.sockets.has(ws);
  }

  /** A call from `ws` starts: the socket is not closed before its answer went out. */
  begin(ws: WebSocket): void {
    const s = this.sockets.get(ws);
    if (s) s.busy++;
  }

  /** Its answer went out: a socket whose rights ended closes when nothing is in flight. */
  end(ws: WebSocket): void {
    const s = this.sockets.get(ws);
    if (!s) return;
    s.busy--;
    if (s.ended && s.busy <= 0) this.close(ws);
  }

  /** True when the desk is no longer open: every open-desk socket is ended (closed now or after its answers). */
  settle(): boolean {
    if (this.sockets.size === 0 || this.deskStillOpen()) return false;
    for (const [ws, s] of this.sockets) {
      s.ended = true;
      if (s.busy <= 0) this.close(ws);
    }
    return true;
  }

  private close(ws: WebSocket): void {
    this.sockets.delete(ws);
    ws.close(DESK_NOW_HAS_LOGINS, 'this desk now has personal logins: sign in');
  }
}
