import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { App } from '../app/createApp';
import { isPublicMethod, publicEvents } from '../contract';
import type { CallContext, HttpRequest, HttpResponse, HttpRoute } from '../app/area';
import { DeskError } from '../domain/shared/errors';
import { checkBasicAuth, isLoopback } from './hostAuth';
import { toWireError } from './httpErrors';
import { staticBody } from './compressedStatic';
import { resolveStatic } from './staticFiles';
import type { WireFromClient, WireToClient } from './wire';

export interface HostOptions {
  app: App;
  host: string;
  port: number;
  rendererDir: string;
  /** Required when host is not a loopback address: IT opens the desk to the LAN, then every request logs in. */
  password?: string | undefined;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

const API_BODY_LIMIT = 1024 * 1024;
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; media-src 'self' blob:; connect-src 'self' ws: wss:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        // Drain the rest instead of destroying the socket, so the sender still gets the 413 and its reason.
        req.removeAllListeners('data');
        req.resume();
        reject(new DeskError('too_large', `body: larger than ${limit} bytes`, { field: 'body' }));
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: http.ServerResponse, r: HttpResponse): void {
  const isObject = r.body !== undefined && typeof r.body === 'object' && !Buffer.isBuffer(r.body);
  const body = isObject ? JSON.stringify(r.body) : (r.body ?? '');
  res.writeHead(r.status, {
    'Content-Type': isObject ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...r.headers,
  });
  res.end(body);
}

/** What the waiting-room TV loads before any login: its page and the renderer's static bundle. */
const isGuestPage = (path: string): boolean => path === '/waiting-room' || path === '/waiting-room/' || path.startsWith('/assets/') || path === '/favicon.ico';

function matchRoute(routes: HttpRoute[], method: string, path: string): { route: HttpRoute; params: Record<string, string> } | null {
  for (const route of routes) {
    if (route.method !== method) continue;
    if (typeof route.path === 'string') {
      if (route.path === path) return { route, params: {} };
    } else {
      const m = route.path.exec(path);
      if (m) return { route, params: { ...(m.groups ?? {}) } };
    }
  }
  return null;
}

/** Serves the renderer, the API (POST /api/<method> and WebSocket /ws) and the areas' routes. */
export async function startHost(o: HostOptions): Promise<RunningHost> {
  if (!isLoopback(o.host) && !o.password) {
    throw new DeskError(
      'forbidden',
      `Refusing to listen on ${o.host} without a password: set CLINIC_DESK_PASSWORD (or --password) so the desk requires a login on the network.`,
    );
  }
  const { app } = o;
  const auth = (req: http.IncomingMessage): string | null =>
    o.password ? checkBasicAuth(req.headers.authorization, o.password) : 'desk';

  const server = http.createServer((req, res) => {
    void handle(req, res).catch((err) => {
      const { status, error } = toWireError(err);
      if (!res.headersSent) send(res, { status, body: { error } });
      else res.destroy();
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const method = req.method ?? 'GET';
    const route = matchRoute(app.routes, method, url.pathname);
    if (route) {
      // Area routes (webhooks) authenticate themselves: providers cannot log in.
      const body = method === 'POST' ? await readBody(req, route.route.maxBody ?? 256 * 1024) : Buffer.alloc(0);
      const request: HttpRequest = {
        method,
        path: url.pathname,
        url: req.url ?? '/',
        params: route.params,
        query: url.searchParams,
        headers: req.headers as Record<string, string | undefined>,
        body,
        remoteAddress: req.socket.remoteAddress ?? '',
      };
      send(res, await route.route.handle(request));
      return;
    }
    const user = auth(req);
    const apiMethod = url.pathname.startsWith('/api/') ? decodeURIComponent(url.pathname.slice(5)) : null;
    // Without a login only the waiting-room screen loads: its page, the bundle and the public methods.
    const guestMayPass = apiMethod !== null ? isPublicMethod(apiMethod) : isGuestPage(url.pathname);
    if (!user && !guestMayPass) {
      send(res, { status: 401, headers: { 'WWW-Authenticate': 'Basic realm="Clinic Desk", charset="UTF-8"' }, body: { error: { code: 'unauthorized', message: 'Log in to Clinic Desk' } } });
      return;
    }
    if (apiMethod !== null) {
      if (method !== 'POST') {
        send(res, { status: 405, headers: { Allow: 'POST' }, body: { error: { code: 'invalid_input', message: 'Use POST /api/<method> with a JSON body' } } });
        return;
      }
      const raw = await readBody(req, API_BODY_LIMIT);
      const params: unknown = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      const who = user ? { user: user === 'desk' ? 'integration' : user } : { user: 'guest', guest: true };
      const result = await app.call(apiMethod, params, who);
      send(res, { status: 200, body: { result } });
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      send(res, { status: 405, body: 'Method not allowed' });
      return;
    }
    const file = resolveStatic(o.rendererDir, url.pathname);
    if (!file) {
      send(res, { status: 404, body: 'Not found. Was the renderer built? Run `npm run build`.' });
      return;
    }
    const { body, encoding } = staticBody(file.file, file.type, req.headers['accept-encoding']);
    res.writeHead(200, {
      'Content-Type': file.type,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': file.file.includes(`${'/assets/'}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
      'Content-Length': String(body.length),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
      ...(file.type.startsWith('text/html') ? { 'Content-Security-Policy': CSP, 'X-Frame-Options': 'DENY' } : {}),
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: API_BODY_LIMIT });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const user = auth(req);
    if (url.pathname !== '/ws') {
      socket.write('HTTP/1.1 404 Not Found\r\n\r\n');
      socket.destroy();
      return;
    }
    // A socket without a login is a guest's: public methods only, and only events that name no patient.
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, user ? { user } : { user: 'guest', guest: true }));
  });

  function serveSocket(ws: WebSocket, who: CallContext): void {
    const push = (msg: WireToClient): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    };
    const off = app.ctx.events.onAny((event, payload) => {
      if (!who.guest || publicEvents.has(event)) push({ type: 'event', event, payload });
    });
    ws.on('close', off);
    ws.on('message', (data) => {
      let msg: WireFromClient;
      try {
        msg = JSON.parse(String(data)) as WireFromClient;
      } catch {
        push({ type: 'result', id: -1, error: { code: 'invalid_input', message: 'Frame is not valid JSON' } });
        return;
      }
      if (who.guest && !isPublicMethod(String(msg.method))) {
        push({ type: 'result', id: msg.id, error: { code: 'unauthorized', message: 'Log in to Clinic Desk' } });
        return;
      }
      app
        .call(msg.method, msg.params, who)
        .then((result) => push({ type: 'result', id: msg.id, result }))
        .catch((err) => push({ type: 'result', id: msg.id, error: toWireError(err).error }));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shownHost = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
  return {
    url: `http://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of wss.clients) c.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
