import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../../src-main/app/createApp';
import { startHost, type RunningHost } from '../../../src-main/host/hostServer';
import { TRANSPORT_MAX } from '../../../src-main/contract/limits';
import { createUser } from '../../../src-main/domain/users/userService';
import { tempApp, tempDir } from '../../helpers/tempApp';

let stop: (() => Promise<void>) | null = null;
/** The app behind the running host, to push events from the server side. */
let currentApp: App | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

const JSON_TYPE = { 'Content-Type': 'application/json' };

/** A host on loopback; `users: true` gives the clinic personal logins (then every desk call signs in). */
async function host(opts: { users?: boolean } = {}): Promise<RunningHost> {
  const app = await tempApp();
  if (opts.users) await createUser(app.ctx.db, app.clock, { name: 'Anna', role: 'admin', password: 'Zebra!Lampa7Okno' });
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
  const h = await startHost({ app, host: '127.0.0.1', port: 0, rendererDir });
  currentApp = app;
  stop = async () => {
    await h.close();
    await app.cleanup();
    fs.rmSync(rendererDir, { recursive: true, force: true });
  };
  return h;
}

describe('host', () => {
  it('answers POST /api/<method> with the result, and bad JSON or a bad field with 400 naming it', async () => {
    const h = await host();
    const ok = await fetch(`${h.url}/api/app.info`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { result: { name: string } }).result.name).toBe('Clinic Desk');
    const badJson = await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: JSON_TYPE, body: '{"limit": ' });
    expect(badJson.status).toBe(400);
    const badField = await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ limit: -3 }) });
    expect(badField.status).toBe(400);
    expect(((await badField.json()) as { error: { field: string } }).error.field).toBe('limit');
    const unknown = await fetch(`${h.url}/api/nope.nothing`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
    expect(unknown.status).toBe(404);
  });

  it('refuses an oversized body with 413 and a reason the sender can read', async () => {
    const h = await host();
    const res = await fetch(`${h.url}/api/app.info`, { method: 'POST', headers: JSON_TYPE, body: 'x'.repeat(TRANSPORT_MAX + 1) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'too_large' });
  });

  it('serves the renderer for client-side routes and never a file outside it', async () => {
    const h = await host();
    expect(await (await fetch(`${h.url}/waiting-room`)).text()).toContain('Clinic Desk');
    const escape = await fetch(`${h.url}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('requires a sign-in on every API call once the clinic has personal logins', async () => {
    const h = await host({ users: true });
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: JSON_TYPE, body: '{}' })).status).toBe(401);
    const login = await fetch(`${h.url}/auth/login`, { method: 'POST', headers: JSON_TYPE, body: JSON.stringify({ name: 'anna', password: 'Zebra!Lampa7Okno' }) });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^clinic_desk_session=[\w-]{43}; Path=\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/);
    const session = cookie.split(';')[0]!;
    const list = await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: { ...JSON_TYPE, Cookie: session }, body: '{}' });
    expect(list.status).toBe(200);
    expect(await (await fetch(`${h.url}/auth/session`, { headers: { Cookie: session } })).json()).toMatchObject({ signedIn: true, user: { name: 'Anna', role: 'admin' } });
    await fetch(`${h.url}/auth/logout`, { method: 'POST', headers: { ...JSON_TYPE, Cookie: session }, body: '{}' });
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', headers: { ...JSON_TYPE, Cookie: session }, body: '{}' })).status).toBe(401);
    const audit = currentApp!.ctx.db.prepare("SELECT action, actor FROM audit_log WHERE action IN ('login.ok', 'logout')").all();
    expect(audit).toEqual([{ action: 'login.ok', actor: 'Anna' }, { action: 'logout', actor: 'Anna' }]);
  });

  it('lets the waiting-room TV in without a login, to public methods and patient-free events only', async () => {
    const h = await host({ users: true });
    expect((await fetch(`${h.url}/waiting-room`)).status).toBe(200);
    const info = await fetch(`${h.url}/api/app.info`, { method: 'POST', headers: JSON_TYPE, body: '{}' });
    expect(info.status).toBe(200);
    expect(((await info.json()) as { result: { dataDir: string } }).result.dataDir).toBe('');
    expect((await fetch(`${h.url}/api/delays.waitingRoom`, { method: 'POST', headers: JSON_TYPE, body: '{}' })).status).toBe(200);
    expect((await fetch(`${h.url}/api/conversation.get`, { method: 'POST', headers: JSON_TYPE, body: '{"conversationId":1}' })).status).toBe(401);

    const ws = new WebSocket(`${h.url.replace('http', 'ws')}/ws`);
    const frames: { type: string; id?: number; event?: string; error?: { code: string } }[] = [];
    ws.on('message', (d) => frames.push(JSON.parse(String(d))));
    await new Promise((r) => ws.once('open', r));
    ws.send(JSON.stringify({ id: 1, method: 'inbox.list', params: {} }));
    ws.send(JSON.stringify({ id: 2, method: 'delays.waitingRoom', params: {} }));
    const events = currentApp!.ctx.events as unknown as { emit(e: string, p: unknown): void };
    events.emit('message.created', { conversationId: 1, message: { body: 'private' } });
    events.emit('settings.updated', { clinicName: 'Studio' });
    await new Promise((r) => setTimeout(r, 200));
    ws.close();
    expect(frames.find((f) => f.id === 1)?.error?.code).toBe('unauthorized');
    expect(frames.find((f) => f.id === 2)?.error).toBeUndefined();
    expect(frames.filter((f) => f.type === 'event').map((f) => f.event)).toEqual(['settings.updated']);
  });
});
