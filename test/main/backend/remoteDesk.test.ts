import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../../src-main/app/createApp';
import { RemoteDesk, type RemoteState } from '../../../src-main/backend/remoteDesk';
import { createUser } from '../../../src-main/domain/users/userService';

const CLI = path.resolve(__dirname, '../../..', process.env.CLINIC_DESK_OUT ?? 'out', 'main/cli.js');
const PASSWORD = 'gatto-nero-sul-tetto';

/** The main desk's clinic with personal logins: the first admin, then the receptionist this second desk uses. */
async function clinicWithLogins(dataDir: string): Promise<void> {
  const app = await createApp({ dataDir, demo: { simulate: false } });
  try {
    await createUser(app.ctx.db, app.ctx.clock, { name: 'Anna', role: 'admin', password: 'Zebra!Lampa7Okno' });
    await createUser(app.ctx.db, app.ctx.clock, { name: 'marco', role: 'receptionist', password: PASSWORD });
  } finally {
    await app.stop();
  }
}
const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

const freePort = (): Promise<number> =>
  new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });

function serve(dataDir: string, port: number, extra: string[] = [], onLog: (log: string) => void = () => undefined): Promise<ChildProcess> {
  const child = spawn(process.execPath, [CLI, 'serve', '--demo', '--no-simulation', '--port', String(port), '--data', dataDir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let log = '';
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('serving')) {
        onLog(log);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`host exited ${code}: ${log}`)));
  });
}

const reach = (desk: RemoteDesk, state: RemoteState, ms = 15_000): Promise<void> =>
  new Promise((resolve, reject) => {
    if (desk.state === state) return resolve();
    const timer = setTimeout(() => reject(new Error(`still ${desk.state}, wanted ${state}`)), ms);
    const off = desk.onState((s) => {
      if (s !== state) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });

describe.skipIf(!fs.existsSync(CLI))('a second desk connected to the main desk', () => {
  it('calls with its own login, says when the main desk is unreachable and recovers by itself', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-main-'));
    dirs.push(dataDir);
    await clinicWithLogins(dataDir);
    const port = await freePort();
    const first = await serve(dataDir, port);

    const wrong = new RemoteDesk(`http://127.0.0.1:${port}`, 'marco', 'not-the-password');
    await reach(wrong, 'unauthorized');
    wrong.close();

    const desk = new RemoteDesk(`http://127.0.0.1:${port}`, 'marco', PASSWORD);
    await reach(desk, 'online');
    expect((await desk.call('app.info', {})).result).toMatchObject({ demo: true });
    // The window of the connected desk shows who it works as on the main desk (GET /auth/session with its cookie).
    expect(await desk.session()).toMatchObject({ signedIn: true, openDesk: false, user: { name: 'marco', role: 'receptionist' } });
    // Its rights are the receptionist's: the manager's report is refused by the main desk.
    expect((await desk.call('stats.report', { kind: 'day', date: '2026-11-27' })).error).toMatchObject({ code: 'forbidden' });

    first.kill('SIGTERM');
    await reach(desk, 'offline');
    // A call made while the main desk is away waits and is answered once it is back.
    const waiting = desk.call('inbox.list', { limit: 1 });
    await serve(dataDir, port);
    await reach(desk, 'online');
    expect((await waiting).result).toMatchObject({ items: [expect.objectContaining({ id: expect.any(Number) })] });
    desk.close();
  }, 60_000);

  it('over TLS with its own certificate: accepts the main desk only with the fingerprint the user confirmed', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-main-tls-'));
    dirs.push(dataDir);
    await clinicWithLogins(dataDir);
    const port = await freePort();
    let log = '';
    await serve(dataDir, port, ['--tls'], (l) => (log = l));
    // The fingerprint `serve --tls` prints, as IT reads it out to whoever sets up the second desk.
    const fingerprint = /SHA-256 fingerprint: (\S+)/.exec(log)![1]!;
    const url = /serving (https:\/\/\S+)/.exec(log)![1]!;

    // Unconfirmed (the system's trust store): the self-signed certificate is refused, no password sent.
    const unconfirmed = new RemoteDesk(url, 'marco', PASSWORD);
    await reach(unconfirmed, 'offline');
    unconfirmed.close();
    // Another certificate's fingerprint: refused as well.
    const impostor = new RemoteDesk(url, 'marco', PASSWORD, 'AB:'.repeat(31) + 'AB');
    await reach(impostor, 'offline');
    impostor.close();

    const desk = new RemoteDesk(url, 'marco', PASSWORD, fingerprint.toLowerCase());
    await reach(desk, 'online');
    expect((await desk.call('app.info', {})).result).toMatchObject({ demo: true });
    expect(await desk.session()).toMatchObject({ signedIn: true, user: { name: 'marco' } });
    desk.close();
  }, 60_000);
});
