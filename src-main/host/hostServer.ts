import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { App } from '../app/createApp';
import { isPublicMethod, publicEvents } from '../contract';
import type { CallContext, HttpRequest, HttpResponse, HttpRoute } from '../app/area';
import { DeskError } from '../domain/shared/errors';
import { TRANSPORT_MAX } from '../contract/limits';
import { handleAuth } from './authRoutes';
import { callerFor, isLoopback, isOpenDesk } from './hostAuth';
import { OpenDeskSockets } from './openDeskSockets';
import { toWireError } from './httpErrors';
import { originPolicy, SECURITY_HEADERS } from './originPolicy';
import { staticBody } from './compressedStatic';
import { resolveStatic } from './staticFiles';
import type { WireToClient } from './wire';
import { parseFrame } from './wsFrames';
import { sessionUser } from '../domain/users/sessions';
import { countActiveUsers } from '../db/repositories/users';

export interface HostOptions {
  app: App;
  host: string;
  port: number;
  rendererDir: string;
  /** Extra names and addresses browsers may use to reach the desk (IT's DNS names); see originPolicy.ts. */
  allowHosts?: string[];
  /** IT's (or the self-signed) certificate: the host serves HTTPS and WSS and marks the cookie Secure. */
  tls?: { key: Buffer; cert: Buffer } | undefined;
}

export interface RunningHost {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** One POST /api body or WebSocket frame: as large as the contract's largest request (contract/limits.ts). */
const API_BODY_LIMIT = TRANSPORT_MAX;
export { CSP } from './originPolicy';

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

/** The body as JSON: invalid UTF-8 or JSON is the caller's mistake (400), never a 500. */
function parseJsonBody(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(raw);
  } catch {
    throw new DeskError('invalid_input', 'Body is not valid UTF-8', { field: 'body' });
  }
  return JSON.parse(text);
}

function send(res: http.ServerResponse, r: HttpResponse): void {
  const isObject = r.body !== undefined && typeof r.body === 'object' && !Buffer.isBuffer(r.body);
  const body = isObject ? JSON.stringify(r.body) : (r.body ?? '');
  res.writeHead(r.status, {
    ...SECURITY_HEADERS,
    'Content-Type': isObject ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    ...r.headers,
  });
  res.end(body);
}

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
  const { app } = o;
  if (!isLoopback(o.host) && countActiveUsers(app.ctx.db, 'admin') === 0) {
    throw new DeskError(
      'forbidden',
      `Refusing to listen on ${o.host} before the clinic has personal logins: create the first admin with "clinic-desk users add NAME --role admin", then every browser on the network signs in.`,
      { reason: 'errors-desk:shareNeedsAdmin', params: { host: o.host } },
    );
  }
  let port = 0;
  const policy = originPolicy({ bindHost: o.host, allowHosts: o.allowHosts ?? [], port: () => port, tls: Boolean(o.tls) });
  const caller = (req: http.IncomingMessage): CallContext | null => callerFor(app.ctx, req, o.host);
  const refuse = (res: http.ServerResponse, status: number, code: string, message: string): void => send(res, { status, body: { error: { code, message } } });

  const onRequest = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    // A client that vanishes mid-request must not take the host down with an unhandled 'error'.
    req.on('error', () => undefined);
    res.on('error', () => undefined);
    void handle(req, res).catch((err) => {
      const { status, error } = toWireError(err);
      if (!res.headersSent) send(res, { status, body: { error } });
      else res.destroy();
    });
  };
  const server = o.tls ? https.createServer({ key: o.tls.key, cert: o.tls.cert }, onRequest) : http.createServer(onRequest);
  server.on('connection', (socket) => socket.on('error', () => undefined));
  server.on('clientError', (_err, socket) => {
    if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    else socket.destroy();
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return refuse(res, 400, 'invalid_input', 'Malformed request path');
    }
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
    // Everything below is the desk itself: reachable only under our own names (DNS rebinding) ...
    if (!policy.hostAllowed(req.headers.host)) return refuse(res, 421, 'forbidden', `This desk does not answer to the name "${String(req.headers.host)}"; IT can add it with serve --allow-host`);
    const isApi = url.pathname.startsWith('/api/');
    const isAuth = url.pathname.startsWith('/auth/');
    // ... and callable only from our own pages: another site's page can neither read nor write.
    if ((isApi || isAuth) && !policy.originAllowed(req.headers.origin)) return refuse(res, 403, 'forbidden', 'Requests from other web sites are refused');
    if ((isApi || isAuth) && method === 'POST' && !/^application\/json\s*(;|$)/i.test(req.headers['content-type'] ?? '')) {
      // A plain HTML form or a no-cors fetch cannot send application/json: this closes CSRF without a token.
      return refuse(res, 415, 'invalid_input', 'Send the body as Content-Type: application/json');
    }
    if (isAuth) {
      send(res, await handleAuth(app.ctx, req, url.pathname, () => readBody(req, 16 * 1024), { bindHost: o.host, secure: Boolean(o.tls) }));
      return;
    }
    let apiMethod: string | null = null;
    if (isApi) {
      try {
        apiMethod = decodeURIComponent(url.pathname.slice(5));
      } catch {
        return refuse(res, 400, 'invalid_input', 'Malformed method name in the path');
      }
    }
    const user = caller(req);
    if (apiMethod !== null) {
      // Without a login only the waiting-room screen's public methods answer.
      if (!user && !isPublicMethod(apiMethod)) return refuse(res, 401, 'unauthorized', 'Sign in to Clinic Desk');
      if (method !== 'POST') {
        send(res, { status: 405, headers: { Allow: 'POST' }, body: { error: { code: 'invalid_input', message: 'Use POST /api/<method> with a JSON body' } } });
        return;
      }
      const raw = await readBody(req, API_BODY_LIMIT);
      const params = parseJsonBody(raw);
      const result = await app.call(apiMethod, params, user ?? { user: 'guest', guest: true });
      send(res, { status: 200, body: { result } });
      openDesk.settle();
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
    // The renderer's files are served to anyone who may reach the host: they hold no patient data, and the
    // page itself shows the sign-in form when /auth/session says so.
    const { body, encoding } = staticBody(file.file, file.type, req.headers['accept-encoding']);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': file.type,
      'Cache-Control': file.file.includes(`${'/assets/'}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      Vary: 'Accept-Encoding',
      'Content-Length': String(body.length),
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  // Sockets that got the open desk's rights lose them when the first personal login appears.
  const openDesk = new OpenDeskSockets(() => isOpenDesk(app.ctx, o.host));
  const wss = new WebSocketServer({ noServer: true, maxPayload: API_BODY_LIMIT });
  wss.on('error', () => undefined);
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => undefined);
    const reject = (status: string): void => {
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (!(req.url ?? '').startsWith('/ws') || (req.url !== '/ws' && !req.url?.startsWith('/ws?'))) return reject('404 Not Found');
    // A cross-site WebSocket is not bound by CORS: the Origin and Host checks are the whole defence.
    if (!policy.hostAllowed(req.headers.host) || !policy.originAllowed(req.headers.origin)) return reject('403 Forbidden');
    let who: CallContext | null;
    try {
      who = caller(req);
    } catch {
      return reject('500 Internal Server Error');
    }
    // A socket without a login is a guest's: public methods only, and only events that name no patient.
    wss.handleUpgrade(req, socket, head, (ws) => serveSocket(ws, who ?? { user: 'guest', guest: true }));
  });

  function serveSocket(ws: WebSocket, who: CallContext & { token?: string }): void {
    // An oversized frame (close 1009) or invalid UTF-8 (1007) ends this client's socket, never the host.
    ws.on('error', () => ws.terminate());
    const push = (msg: WireToClient): void => {
      if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg));
    };
    if (!who.guest && !who.token && who.userId === undefined) openDesk.add(ws);
    const off = app.ctx.events.onAny((event, payload) => {
      if (openDesk.has(ws) && openDesk.settle()) return;
      if (!who.guest || publicEvents.has(event)) push({ type: 'event', event, payload });
    });
    ws.on('close', off);
    ws.on('message', (data, isBinary) => {
      const parsed = parseFrame(data, isBinary);
      if ('error' in parsed) {
        push({ type: 'result', id: parsed.id, error: parsed.error });
        return;
      }
      const { msg } = parsed;
      if (openDesk.has(ws) && openDesk.settle()) return;
      // A session can end while its socket is open (sign-out elsewhere, idle expiry, account disabled).
      if (who.token && !sessionUser(app.ctx.db, app.ctx.clock, who.token)) {
        push({ type: 'result', id: msg.id, error: { code: 'unauthorized', message: 'Your session has ended: sign in again' } });
        ws.close(4401, 'session ended');
        return;
      }
      if (who.guest && !isPublicMethod(msg.method)) {
        push({ type: 'result', id: msg.id, error: { code: 'unauthorized', message: 'Log in to Clinic Desk' } });
        return;
      }
      openDesk.begin(ws);
      app
        .call(msg.method, msg.params, who)
        .then((result) => {
          push({ type: 'result', id: msg.id, result });
          openDesk.settle();
        })
        .catch((err) => push({ type: 'result', id: msg.id, error: toWireError(err).error }))
        .finally(() => openDesk.end(ws));
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = o.host === '0.0.0.0' || o.host === '::' ? '127.0.0.1' : o.host;
  return {
    url: `${o.tls ? 'https' : 'http'}://${shownHost.includes(':') ? `[${shownHost}]` : shownHost}:${port}`,
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
