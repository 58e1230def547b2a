import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHost, type RunningHost } from '../../../src-main/host/hostServer';
import { tempApp, tempDir } from '../../helpers/tempApp';

let stop: (() => Promise<void>) | null = null;
afterEach(async () => {
  await stop?.();
  stop = null;
});

async function host(opts: { password?: string } = {}): Promise<RunningHost> {
  const app = await tempApp();
  const rendererDir = tempDir('renderer-');
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Clinic Desk</title>');
  const h = await startHost({ app, host: '127.0.0.1', port: 0, rendererDir, ...opts });
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
});
