import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createUser } from '../../../src-main/domain/users/userService';
import { startHost } from '../../../src-main/host/hostServer';
import { deskTls } from '../../../src-main/host/tlsCertificate';
import { tempApp, tempDir } from '../../helpers/tempApp';

function post(url: string, ca: Buffer, pathName: string, body: string): Promise<{ status: number; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = https.request(`${url}${pathName}`, { method: 'POST', ca, headers: { 'Content-Type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('serve --tls', () => {
  it('makes a certificate once for the desk, serves HTTPS with it and marks the session cookie Secure', async () => {
    const app = await tempApp();
    await createUser(app.ctx.db, app.clock, { name: 'Anna', role: 'admin', password: 'Zebra!Lampa7Okno' });
    const tls = await deskTls(app.ctx.dataDir, { names: ['localhost', '127.0.0.1', 'desk.clinica.local'] });
    expect(tls.created).toBe(true);
    expect(tls.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(fs.statSync(path.join(app.ctx.dataDir, 'tls', 'desk-key.pem')).mode & 0o077).toBe(0);
    expect((await deskTls(app.ctx.dataDir, { names: [] })).fingerprint).toBe(tls.fingerprint); // kept, not remade

    const rendererDir = tempDir('renderer-');
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
    const h = await startHost({ app, host: '127.0.0.1', port: 0, rendererDir, tls });
    try {
      expect(h.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      // Trusting exactly this certificate, as IT does after checking the fingerprint.
      expect((await post(h.url, tls.cert, '/api/inbox.list', '{}')).status).toBe(401);
      const login = await post(h.url, tls.cert, '/auth/login', JSON.stringify({ name: 'Anna', password: 'Zebra!Lampa7Okno' }));
      expect(login.status).toBe(200);
      expect(String(login.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Max-Age=\d+; Secure$/);
    } finally {
      await h.close();
      await app.cleanup();
    }
  });
});
