import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../../src-main/app/createApp';
import { TRANSPORT_MAX } from '../../../src-main/contract/limits';
import { createUser } from '../../../src-main/domain/users/userService';
import { startHost, type RunningHost } from '../../../src-main/host/hostServer';
import { tempApp, tempDir } from '../../helpers/tempApp';

/** Every attack of issue 12, one test each, against a real host on loopback. */
let stop: (() => Promise<void>) | null = null;
let app: App;
afterEach(async () => {
  await stop?.();
  stop = null;
});

const JSON_TYPE = { 'Content-Type': 'application/json' };

async function host(opts: { users?: boolean } = {}): Promise<RunningHost> {
  const a = await tempApp();
  app = a;
  if (opts.users) {
    await createUser(a.ctx.db, a.clock, { name: 'Anna', role: 'admin', password: 'Zebra!Lampa7Okno' });
    await createUser(a.ctx.db, a.clock, { name: 'Marco', role: 'receptionist', password: 'gatto-nero-sul-tetto' });
  }
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
  const h = await startHost({ app: a, host: '127.0.0.1', port: 0, rendererDir });
  stop = async () => {
    await h.close();
    await a.cleanup();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  };
  return h;
}

const alive = async (h: RunningHost): Promise<boolean> =>
  (await fetch(`${h.url}/api/app.info`, { method: 'POST', headers: JSON_TYPE, body: '{}' })).status === 200;

/** Opens /ws, sends one frame, and reports the replies and how the socket ended. */
async function oneFrame(h: RunningHost, data: string | Buffer, opts: { binary?: boolean; headers?: Record<string, string> } = {}) {
  const ws = new WebSocket(`${h.url.replace('http', 'ws')}/ws`, { headers: opts.headers ?? {} });
  ws.on('error', () => undefined);
  const replies: { id: number; error?: { code: string } }[] = [];
  ws.on('message', (d) => replies.push(JSON.parse(String(d))));
  const opened = await new Promise<boolean>((r) => {
    ws.once('open', () => r(true));
    ws.once('unexpected-response', () => r(false));
    ws.once('error', () => r(false));
  });
  if (!opened) return { opened, replies, closeCode: null as number | null };
  ws.send(data, { binary: opts.binary ?? false });
  const closeCode = await new Promise<number | null>((r) => {
    ws.once('close', (code) => r(code));
    setTimeout(() => r(null), 400);
  });
  ws.terminate();
  return { opened, replies, closeCode };
}

describe('killer frames: one client, never the host', () => {
  it('answers `null`, arrays, numbers and a frame without a method with an error, and keeps serving', async () => {
    const h = await host();
    for (const frame of ['null', '[]', '42', '"x"', '{"id":1}', '{"id":1,"method":{"toString":1}}', '{"id":1,"method":"app.info","params":{},"extra":1}', '{']) {
      const r = await oneFrame(h, frame);
      expect(r.replies[0]?.error?.code, frame).toBe('invalid_input');
    }
    expect(await alive(h)).toBe(true);
  });

  it('closes the socket of a frame over the limit (1009) and of invalid UTF-8 (1007), and keeps serving', async () => {
    const h = await host();
    expect((await oneFrame(h, Buffer.alloc(TRANSPORT_MAX + 1, 'a'))).closeCode).toBe(1009);
    expect((await oneFrame(h, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))).closeCode).toBe(1007);
    expect((await oneFrame(h, Buffer.from('{"id":1,"method":"app.info"}'), { binary: true })).replies[0]?.error?.code).toBe('invalid_input');
    expect(await alive(h)).toBe(true);
  });

  it('answers a malformed path, invalid UTF-8 and a vanishing client without dying', async () => {
    const h = await host();
    expect((await fetch(`${h.url}/api/%`, { method: 'POST', headers: JSON_TYPE, body: '{}' })).status).toBe(400);
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: JSON_TYPE, body: Buffer.from([0x7b, 0xff, 0x7d]) })).status).toBe(400);
    // A client that sends half a body and hangs up.
    await new Promise<void>((resolve) => {
      const req = http.request(`${h.url}/api/inbox.list`, { method: 'POST', headers: { ...JSON_TYPE, 'Content-Length': '1000' } });
      req.on('error', () => resolve());
      req.write('{"limit":');
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 50);
    });
    expect(await alive(h)).toBe(true);
  });
});

describe('cross-origin and DNS rebinding', () => {
  it('refuses a foreign Origin over fetch and WebSocket, reading and writing nothing', async () => {
    const h = await host();
    const before = app.ctx.db.prepare('SELECT count(*) AS n FROM messages').get();
    const evil = { Origin: 'http://evil.example:8080' };
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: { ...JSON_TYPE, ...evil }, body: '{}' })).status).toBe(403);
    expect((await fetch(`${h.url}/api/conversation.addNote`, { method: 'POST', headers: { ...JSON_TYPE, ...evil }, body: '{"conversationId":1,"body":"x"}' })).status).toBe(403);
    // The simple requests a page may send without a preflight: text/plain fetch and an HTML form.
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{}' })).status).toBe(415);
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'a=1' })).status).toBe(415);
    expect((await oneFrame(h, '{"id":1,"method":"inbox.list","params":{}}', { headers: evil })).opened).toBe(false);
    expect((await oneFrame(h, '{"id":1,"method":"inbox.list","params":{}}', { headers: { Origin: 'null' } })).opened).toBe(false);
    expect(app.ctx.db.prepare('SELECT count(*) AS n FROM messages').get()).toEqual(before);
    // Our own page is welcome.
    const own = { Origin: h.url };
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: { ...JSON_TYPE, ...own }, body: '{}' })).status).toBe(200);
    expect((await oneFrame(h, '{"id":1,"method":"inbox.list","params":{}}', { headers: own })).replies[0]?.error).toBeUndefined();
  });

  it('refuses a forged Host (a rebound DNS name) on pages, API and WebSocket', async () => {
    const h = await host();
    const port = new URL(h.url).port;
    const forged = await new Promise<number>((resolve) => {
      http.get({ host: '127.0.0.1', port, path: '/', headers: { Host: `rebind.evil.example:${port}` } }, (res) => resolve(res.statusCode ?? 0));
    });
    expect(forged).toBe(421);
    const api = await new Promise<number>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/api/inbox.list', method: 'POST', headers: { ...JSON_TYPE, Host: 'rebind.evil.example' } }, (res) => resolve(res.statusCode ?? 0));
      req.end('{}');
    });
    expect(api).toBe(421);
    expect((await oneFrame(h, '{}', { headers: { Host: 'rebind.evil.example' } })).opened).toBe(false);
  });

  it('sends the security headers with every response', async () => {
    const h = await host();
    for (const res of [await fetch(`${h.url}/`), await fetch(`${h.url}/api/app.info`, { method: 'POST', headers: JSON_TYPE, body: '{}' })]) {
      expect(res.headers.get('content-security-policy')).toMatch(/connect-src 'self';/);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });
});

describe('logins', () => {
  const login = (h: RunningHost, name: string, password: string) =>
    fetch(`${h.url}/auth/login`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ name, password }) });

  it('slows a brute force down: three tries, then a growing wait even for the right password', async () => {
    const h = await host({ users: true });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await login(h, 'Anna', `wrong-${i}`)).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429, 429]);
    const right = await login(h, 'Anna', 'Zebra!Lampa7Okno');
    expect(right.status).toBe(429);
    expect(((await right.json()) as { error: { details: { retryAfterSeconds: number } } }).error.details.retryAfterSeconds).toBeGreaterThan(0);
    expect(app.ctx.db.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'login.failed'").get()).toEqual({ n: 3 });
  });

  it('refuses a weak password for a new user', async () => {
    const h = await host({ users: true });
    const cookie = (await login(h, 'Anna', 'Zebra!Lampa7Okno')).headers.get('set-cookie')!.split(';')[0]!;
    for (const password of [' ', 'password12', 'aaaaaaaaaaaa', '1234567890']) {
      const res = await fetch(`${h.url}/api/users.create`, { method: 'POST', headers: { ...JSON_TYPE, Cookie: cookie }, body: JSON.stringify({ name: 'Luca', role: 'receptionist', password }) });
      expect(res.status, password).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('password');
    }
  });

  it('denies what the role does not allow, over HTTP and WebSocket', async () => {
    const h = await host({ users: true });
    const cookie = (await login(h, 'Marco', 'gatto-nero-sul-tetto')).headers.get('set-cookie')!.split(';')[0]!;
    const users = await fetch(`${h.url}/api/users.list`, { method: 'POST', headers: { ...JSON_TYPE, Cookie: cookie }, body: '{}' });
    expect(users.status).toBe(403);
    const settings = await fetch(`${h.url}/api/settings.update`, { method: 'POST', headers: { ...JSON_TYPE, Cookie: cookie }, body: '{"clinicName":"Hacked"}' });
    expect(settings.status).toBe(403);
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: { ...JSON_TYPE, Cookie: cookie }, body: '{}' })).status).toBe(200);
    const ws = await oneFrame(h, '{"id":7,"method":"users.create","params":{"name":"X","role":"admin","password":"Okno-Lampa-Zebra-9"}}', { headers: { Cookie: cookie } });
    expect(ws.replies[0]).toMatchObject({ id: 7, error: { code: 'forbidden' } });
    expect(app.ctx.db.prepare('SELECT count(*) AS n FROM users').get()).toEqual({ n: 2 });
  });
});
