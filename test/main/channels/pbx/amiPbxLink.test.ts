import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import type { CallbackTaskDto, CallSettingsDto } from '../../../../src-main/contract/calls';
import { addIdentity, insertPatient } from '../../../../src-main/db/repositories/patients';
import { updateClinicSettings } from '../../../../src-main/domain/settings/clinicSettings';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { startAmiServer, type AmiServer } from './amiServer';

/** The whole chain: settings → AMI link (real TCP, emulated Asterisk) → tracker → call service → pushed events. */
const recording = (name: string): string => fs.readFileSync(path.join(__dirname, '../../../fixtures/calls/ami', name), 'utf8');

async function until(check: () => boolean, what: string, ms = 4_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

let dir: string;
let app: App;
let server: AmiServer;
const pushed: Array<{ event: string; payload: Record<string, unknown> }> = [];

beforeEach(async () => {
  pushed.length = 0;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ami-link-'));
  server = await startAmiServer({ secret: 'desk-secret' });
  // Just after the recorded calls (11 March 2025), so they are today's work.
  app = await createApp({ dataDir: dir, startOutbox: false, clock: new ManualClock(1741686200_000) });
  updateClinicSettings(app.ctx.db, { defaultRegion: 'PL', timeZone: 'Europe/Warsaw' });
  for (const event of ['calls.ringing', 'calls.answered', 'calls.ended', 'calls.pbxState', 'calls.callbacksChanged'] as const) {
    app.ctx.events.on(event, (payload) => pushed.push({ event, payload: payload as Record<string, unknown> }));
  }
});
afterEach(async () => {
  await app.stop();
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function link(secret = 'desk-secret'): Promise<CallSettingsDto> {
  return (await app.call('calls.saveSettings', { pbx: { enabled: true, host: '127.0.0.1', port: server.port, username: 'clinicdesk', secret } })) as CallSettingsDto;
}

describe('live Asterisk link', () => {
  it('connects from the settings, and the secret is stored sealed, never sent back', async () => {
    const settings = await link();
    expect(settings.pbx).toEqual({ enabled: true, host: '127.0.0.1', port: server.port, username: 'clinicdesk', secretSet: true });
    const raw = JSON.stringify(app.ctx.db.prepare("SELECT value FROM settings WHERE key = 'calls.pbx'").get());
    expect(raw).not.toContain('desk-secret');
    await until(() => pushed.some((p) => p.event === 'calls.pbxState' && p.payload.status === 'connected'), 'connected');
    expect(server.logins[0]).toMatchObject({ Username: 'clinicdesk', Secret: 'desk-secret' });
  });

  it('ring → answer → hangup: popup with the patient, then an answered call on her timeline', async () => {
    const id = insertPatient(app.ctx.db, { firstName: 'Anna', lastName: 'Kowalska', language: 'pl' }, 0);
    addIdentity(app.ctx.db, id, 'phone', '+48601234567', 0);
    await link();
    await until(() => pushed.some((p) => p.payload.status === 'connected'), 'connected');
    server.replay(recording('ring-answer-hangup.txt'));
    await until(() => pushed.some((p) => p.event === 'calls.ended'), 'hangup');
    const ringing = pushed.find((p) => p.event === 'calls.ringing')!.payload;
    expect(ringing).toMatchObject({ number: '601234567', extension: '101', patient: { id, name: 'Anna Kowalska' } });
    expect(pushed.map((p) => p.event).filter((e) => e.startsWith('calls.') && e !== 'calls.pbxState')).toEqual(['calls.ringing', 'calls.answered', 'calls.ended']);
    expect(pushed.find((p) => p.event === 'calls.ended')!.payload.call).toMatchObject({ result: 'answered', patientId: id, source: 'ami', extension: '101' });
  });

  it('ring → no answer is a missed call with a callback task; a caller who hangs up early is abandoned', async () => {
    await link();
    await until(() => pushed.some((p) => p.payload.status === 'connected'), 'connected');
    server.replay(recording('ring-no-answer.txt'));
    server.replay(recording('caller-abandons.txt'));
    await until(() => pushed.filter((p) => p.event === 'calls.ended').length === 2, 'two hangups');
    const results = pushed.filter((p) => p.event === 'calls.ended').map((p) => (p.payload.call as { result: string }).result);
    expect(results).toEqual(['missed', 'abandoned']);
    const { tasks } = (await app.call('calls.callbacks', {})) as { tasks: CallbackTaskDto[] };
    expect(tasks).toHaveLength(2);
  });

  it('reconnects after the PBX drops the link', async () => {
    await link();
    await until(() => pushed.some((p) => p.payload.status === 'connected'), 'connected');
    server.dropClients();
    await until(() => pushed.some((p) => p.payload.status === 'reconnecting'), 'reconnecting');
    await until(() => pushed.filter((p) => p.payload.status === 'connected').length === 2, 'connected again', 6_000);
    expect(server.logins).toHaveLength(2);
  });

  it('a wrong secret says so and stops retrying', async () => {
    await link('wrong');
    await until(() => pushed.some((p) => p.payload.status === 'auth_failed'), 'auth_failed');
    const settings = (await app.call('calls.settings', {})) as CallSettingsDto;
    expect(settings.pbxState).toMatchObject({ status: 'auth_failed', detail: 'Authentication failed' });
  });

  it('enabling without a host or secret is refused naming the field', async () => {
    await expect(app.call('calls.saveSettings', { pbx: { enabled: true, host: '', port: 5038, username: 'x', secret: 's' } })).rejects.toMatchObject({ field: 'pbx.host' });
    await expect(app.call('calls.saveSettings', { pbx: { enabled: true, host: 'pbx.local', port: 5038, username: 'x' } })).rejects.toMatchObject({ field: 'pbx.secret' });
  });
});
