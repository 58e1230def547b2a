import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../../src-main/app/createApp';
import { startHost, type RunningHost } from '../../../src-main/host/hostServer';
import { tempApp, tempDir } from '../../helpers/tempApp';

let stop: (() => Promise<void>) | null = null;
/** The app behind the running host, to push events from the server side. */
let currentApp: App | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

async function host(opts: { password?: string } = {}): Promise<RunningHost> {
  const app = await tempApp();
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
  const h = await startHost({ app, host: '127.0.0.1', port: 0, rendererDir, ...opts });
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
    const ok = await fetch(`${h.url}/api/app.info`, { method: 'POST', body: '{}' });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { result: { name: string } }).result.name).toBe('Clinic Desk');
    const badJson = await fetch(`${h.url}/api/inbox.list`, { method: 'POST', body: '{"limit": ' });
    expect(badJson.status).toBe(400);
    const badField = await fetch(`${h.url}/api/inbox.list`, { method: 'POST', body: JSON.stringify({ limit: -3 }) });
    expect(badField.status).toBe(400);
    expect(((await badField.json()) as { error: { field: string } }).error.field).toBe('limit');
    const unknown = await fetch(`${h.url}/api/nope.nothing`, { method: 'POST', body: '{}' });
    expect(unknown.status).toBe(404);
  });

  it('refuses an oversized body with 413 and a reason the sender can read', async () => {
    const h = await host();
    const res = await fetch(`${h.url}/api/app.info`, { method: 'POST', body: 'x'.repeat(2 * 1024 * 1024) });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'too_large' });
  });

  it('serves the renderer for client-side routes and never a file outside it', async () => {
    const h = await host();
    expect(await (await fetch(`${h.url}/waiting-room`)).text()).toContain('Clinic Desk');
    const escape = await fetch(`${h.url}/..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });

  it('requires a login on every API call when started with a password', async () => {
    const h = await host({ password: 'segreto' });
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', body: '{}' })).status).toBe(401);
    const auth = `Basic ${Buffer.from('anna:segreto').toString('base64')}`;
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', body: '{}', headers: { Authorization: auth } })).status).toBe(200);
    const wrong = `Basic ${Buffer.from('anna:sbagliato').toString('base64')}`;
    expect((await fetch(`${h.url}/api/inbox.list`, { method: 'POST', body: '{}', headers: { Authorization: wrong } })).status).toBe(401);
  });

  it('lets the waiting-room TV in without a login, to public methods and patient-free events only', async () => {
    const h = await host({ password: 'segreto' });
    expect((await fetch(`${h.url}/waiting-room`)).status).toBe(200);
    expect((await fetch(`${h.url}/`)).status).toBe(401);
    const info = await fetch(`${h.url}/api/app.info`, { method: 'POST', body: '{}' });
    expect(info.status).toBe(200);
    expect(((await info.json()) as { result: { dataDir: string } }).result.dataDir).toBe('');
    expect((await fetch(`${h.url}/api/delays.waitingRoom`, { method: 'POST', body: '{}' })).status).toBe(200);
    expect((await fetch(`${h.url}/api/conversation.get`, { method: 'POST', body: '{"conversationId":1}' })).status).toBe(401);

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
