import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { receiveInbound } from '../../../src-main/domain/messaging/messagingService';
import { createUser } from '../../../src-main/domain/users/userService';
import { startHost, type RunningHost } from '../../../src-main/host/hostServer';
import { DESK_NOW_HAS_LOGINS } from '../../../src-main/host/openDeskSockets';
import { T0, tempApp, tempDir } from '../../helpers/tempApp';

/**
 * Sockets opened while the loopback desk was open (no personal logins) act with every right; the first
 * user ends that: each such socket is closed (4402) whichever way the user appeared.
 */
type TempApp = Awaited<ReturnType<typeof tempApp>>;
let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

async function openDeskHost(): Promise<{ app: TempApp; h: RunningHost }> {
  const app = await tempApp();
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
  const h = await startHost({ app, host: '127.0.0.1', port: 0, rendererDir });
  stop = async () => {
    await h.close();
    await app.cleanup();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  };
  return { app, h };
}

interface Sock {
  ws: WebSocket;
  call(method: string, params?: unknown): Promise<{ result?: unknown; error?: { code: string } }>;
  events: string[];
  closed: Promise<number>;
}

async function socket(h: RunningHost): Promise<Sock> {
  const ws = new WebSocket(`${h.url.replace('http', 'ws')}/ws`);
  ws.on('error', () => undefined);
  const waiting = new Map<number, (m: { result?: unknown; error?: { code: string } }) => void>();
  const events: string[] = [];
  ws.on('message', (d) => {
    const m = JSON.parse(String(d)) as { type: string; id: number; event?: string; result?: unknown; error?: { code: string } };
    if (m.type === 'event') events.push(m.event!);
    else waiting.get(m.id)?.(m);
  });
  const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
  await new Promise((r) => ws.once('open', r));
  let id = 1;
  return {
    ws,
    events,
    closed,
    call: (method, params = {}) =>
      new Promise((resolve) => {
        const n = id++;
        waiting.set(n, resolve);
        ws.send(JSON.stringify({ id: n, method, params }));
      }),
  };
}

const ADMIN = { name: 'Anna', role: 'admin', password: 'Zebra!Lampa7Okno' };

describe('open-desk sockets when the first user appears', () => {
  it('the admin created over HTTP (Settings → Users): every open-desk socket is closed, a new one is a guest', async () => {
    const { h } = await openDeskHost();
    const a = await socket(h);
    const b = await socket(h);
    expect((await a.call('inbox.list')).result).toMatchObject({ items: [] });
    const res = await fetch(`${h.url}/api/users.create`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(ADMIN) });
    expect(res.status).toBe(200);
    expect(await a.closed).toBe(DESK_NOW_HAS_LOGINS);
    expect(await b.closed).toBe(DESK_NOW_HAS_LOGINS);
    const c = await socket(h);
    expect((await c.call('inbox.list')).error).toMatchObject({ code: 'unauthorized' });
    c.ws.close();
  });

  it('the socket that creates the admin gets its answer, then it and the others are closed', async () => {
    const { h } = await openDeskHost();
    const a = await socket(h);
    const b = await socket(h);
    const created = await a.call('users.create', ADMIN);
    expect(created.result).toMatchObject({ user: { name: 'Anna', role: 'admin' } });
    expect(await a.closed).toBe(DESK_NOW_HAS_LOGINS);
    expect(await b.closed).toBe(DESK_NOW_HAS_LOGINS);
  });

  it('a user added another way: the next frame or event closes the socket and gets no answer', async () => {
    const { app, h } = await openDeskHost();
    const a = await socket(h);
    const b = await socket(h);
    await createUser(app.ctx.db, app.clock, ADMIN as { name: string; role: 'admin'; password: string });
    // a asks for the inbox: no answer (no patient data), the socket is closed.
    let answered = false;
    void a.call('inbox.list').then(() => (answered = true));
    expect(await a.closed).toBe(DESK_NOW_HAS_LOGINS);
    expect(answered).toBe(false);
    // b only listens: a message arriving (an event naming a patient) closes it instead of reaching it.
    receiveInbound(app.ctx.messaging, { channel: 'sms', providerId: 'od-1', fromPhone: '+393331234567', body: 'Buongiorno', at: T0 });
    expect(await b.closed).toBe(DESK_NOW_HAS_LOGINS);
    expect(b.events).toEqual([]);
  });
});
