import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp, type App } from '../../../../src-main/app/createApp';
import { ManualClock } from '../../../../src-main/domain/shared/clock';
import { verifyUser } from '../../../../src-main/domain/users/userService';

const T0 = Date.UTC(2026, 10, 23, 9);
const apps: App[] = [];
const dirs: string[] = [];
afterEach(async () => {
  for (const a of apps.splice(0)) await a.stop();
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function fresh(demo = false): Promise<App> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'clinic-desk-setup-'));
  dirs.push(dataDir);
  const app = await createApp({ dataDir, startOutbox: false, clock: new ManualClock(T0), demo: demo ? { simulate: false } : false });
  apps.push(app);
  return app;
}

const clinic = {
  clinicName: 'Studio Dentistico Bianchi',
  country: 'it',
  timeZone: 'Europe/Rome',
  languages: ['it', 'en'],
  uiLanguage: 'it',
  admin: { name: 'giulia', password: 'Carta-Forbice-2026' },
  weekly: { mon: [{ from: '09:00', to: '13:00' }, { from: '14:00', to: '18:00' }], tue: [], wed: [], thu: [], fri: [{ from: '09:00', to: '13:00' }], sat: [], sun: [] },
  practitioners: [{ name: 'Dr.ssa Bianchi', room: 'Studio 1' }, { name: 'Dr Verdi', visitMinutes: 45 }],
};

describe('first run: set-up', () => {
  it('a fresh data folder has no clinic yet; the wizard creates a real one with its admin, hours and practitioners', async () => {
    const app = await fresh();
    expect(await app.call('setup.status', {}, { user: 'guest', guest: true })).toEqual({
      configured: false,
      demo: false,
      clinicName: null,
      steps: { whatsapp: 'pending', sms: 'pending', pbx: 'pending', agenda: 'pending' },
      facts: { whatsappPhone: null, smsTest: null, pbx: null, agendaImported: false },
    });
    const status = await app.call('setup.createClinic', clinic, { user: 'guest', guest: true });
    expect(status).toMatchObject({ configured: true, demo: false, clinicName: 'Studio Dentistico Bianchi' });

    expect(await app.call('app.info', {})).toMatchObject({ demo: false, settings: { clinicName: 'Studio Dentistico Bianchi', defaultRegion: 'IT', defaultLanguage: 'it', timeZone: 'Europe/Rome' } });
    const hours = (await app.call('hours.get', {})) as { weekly: Record<string, unknown[]>; publicHolidays: string[] };
    expect(hours.weekly.mon).toHaveLength(2);
    expect(hours.publicHolidays).toEqual(['IT']);
    const { practitioners } = (await app.call('practitioners.list', {})) as { practitioners: { name: string; room: string | null; visitMinutes: number }[] };
    expect(practitioners.map((p) => [p.name, p.room, p.visitMinutes]).sort()).toEqual([
      ['Dr Verdi', null, 45],
      ['Dr.ssa Bianchi', 'Studio 1', 30],
    ]);
    expect(await verifyUser(app.ctx.db, 'giulia', 'Carta-Forbice-2026')).toMatchObject({ name: 'giulia', role: 'admin' });
    // A real clinic: an empty inbox, no demo patients.
    expect(await app.call('inbox.list', { limit: 5 })).toMatchObject({ items: [] });
  });

  it('can only bootstrap: a second createClinic is refused and changes nothing', async () => {
    const app = await fresh();
    await app.call('setup.createClinic', clinic, { user: 'guest', guest: true });
    await expect(app.call('setup.createClinic', { ...clinic, clinicName: 'Takeover', admin: { name: 'mallory', password: 'Carta-Forbice-2027' } }, { user: 'guest', guest: true })).rejects.toMatchObject({ code: 'conflict' });
    expect(await app.call('app.info', {})).toMatchObject({ settings: { clinicName: 'Studio Dentistico Bianchi' } });
  });

  it('bad input names the field and writes nothing', async () => {
    const app = await fresh();
    await expect(app.call('setup.createClinic', { ...clinic, timeZone: 'Europe/Atlantis' }, { user: 'guest', guest: true })).rejects.toMatchObject({ code: 'invalid_input', field: 'timeZone' });
    await expect(app.call('setup.createClinic', { ...clinic, admin: { name: 'giulia', password: 'short' } }, { user: 'guest', guest: true })).rejects.toMatchObject({ code: 'invalid_input', field: 'admin.password' });
    await expect(app.call('setup.createClinic', { ...clinic, weekly: { ...clinic.weekly, mon: [{ from: '18:00', to: '09:00' }] } }, { user: 'guest', guest: true })).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await app.call('setup.status', {})).toMatchObject({ configured: false });
  });

  it('optional steps are skipped and resumed; the demo clinic never becomes a real one', async () => {
    const app = await fresh();
    await app.call('setup.createClinic', clinic, { user: 'guest', guest: true });
    await app.call('setup.setStep', { step: 'whatsapp', state: 'skipped' }, { user: 'giulia', role: 'admin' });
    expect(await app.call('setup.setStep', { step: 'sms', state: 'skipped' }, { user: 'giulia', role: 'admin' })).toMatchObject({ steps: { whatsapp: 'skipped', sms: 'skipped', pbx: 'pending' } });
    expect(await app.call('setup.setStep', { step: 'whatsapp', state: 'pending' }, { user: 'giulia', role: 'admin' })).toMatchObject({ steps: { whatsapp: 'pending' } });

    const demo = await fresh(true);
    expect(await demo.call('setup.status', {})).toMatchObject({ configured: true, demo: true });
    await expect(demo.call('setup.createClinic', clinic, { user: 'guest', guest: true })).rejects.toMatchObject({ code: 'conflict' });
  });
});
