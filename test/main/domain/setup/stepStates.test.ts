import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeSetting } from '../../../../src-main/db/repositories/settings';
import { writeAuth } from '../../../../src-main/db/repositories/whatsappAuth';
import { stepState, type SetupFacts } from '../../../../src-main/domain/setup/stepStates';
import { WHATSAPP_HEALTH_KEY } from '../../../../src-main/domain/whatsapp/whatsappService';
import { tempApp } from '../../../helpers/tempApp';
import { sequence, startVendorServer } from '../../channels/sms/vendorServer';

const FIX = path.join(__dirname, '../../../fixtures');
const read = (f: string): string => fs.readFileSync(path.join(FIX, f), 'utf8');
const twilioCreated = JSON.parse(read('sms/twilio-message-created.json')) as object;
const SID = 'AC0123456789abcdef0123456789abcdef';
const clinic = {
  clinicName: 'Studio Dentistico Bianchi',
  country: 'IT',
  timeZone: 'Europe/Rome',
  languages: ['it', 'en'],
  uiLanguage: 'it',
  admin: { name: 'giulia', password: 'Carta-Forbice-2026' },
  practitioners: [{ name: 'Dr Rossi' }],
};
const admin = { user: 'giulia', role: 'admin' as const };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function realClinic() {
  const app = await tempApp();
  cleanups.push(app.cleanup);
  await app.call('setup.createClinic', clinic, { user: 'guest', guest: true });
  return app;
}
type Status = { steps: Record<string, string>; facts: SetupFacts };
const status = async (app: Awaited<ReturnType<typeof tempApp>>): Promise<Status> => (await app.call('setup.status', {})) as Status;

describe('set-up steps are done only when they worked', () => {
  const none: SetupFacts = { whatsappPhone: null, smsTest: null, pbx: null, agendaImported: false };
  it.each([
    ['whatsapp', { ...none, whatsappPhone: '+393331234567' }, undefined, 'done'],
    ['whatsapp', none, 'skipped', 'skipped'],
    ['whatsapp', none, 'done', 'pending'],
    ['sms', { ...none, smsTest: { provider: 'twilio', at: 1, simulated: false } }, 'skipped', 'done'],
    ['pbx', { ...none, pbx: 'import' }, undefined, 'done'],
    ['agenda', none, undefined, 'pending'],
    ['agenda', { ...none, agendaImported: true }, 'pending', 'done'],
  ] as const)('%s with %j chosen %s → %s', (step, facts, chosen, expected) => {
    expect(stepState(step, facts, chosen)).toBe(expected);
  });

  it('"done" cannot be set by hand; skipped and pending can', async () => {
    const app = await realClinic();
    expect(await status(app)).toMatchObject({ steps: { whatsapp: 'pending', sms: 'pending', pbx: 'pending', agenda: 'pending' }, facts: { whatsappPhone: null, smsTest: null, pbx: null, agendaImported: false } });
    await expect(app.call('setup.setStep', { step: 'sms', state: 'done' }, admin)).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await app.call('setup.setStep', { step: 'sms', state: 'skipped' }, admin)).toMatchObject({ steps: { sms: 'skipped' } });
    expect(await app.call('setup.setStep', { step: 'sms', state: 'pending' }, admin)).toMatchObject({ steps: { sms: 'pending' } });
  });

  it('SMS: saving a provider is not enough; a refused test keeps it pending; an accepted test makes it done', async () => {
    const app = await realClinic();
    const twilio = await startVendorServer(sequence({ status: 401, body: { code: 20003, message: 'Authenticate', status: 401 } }, { status: 201, body: twilioCreated }));
    cleanups.push(twilio.close);
    await app.call('setup.setStep', { step: 'sms', state: 'skipped' }, admin);
    await app.call('sms.saveProvider', { provider: 'twilio', accountSid: SID, authToken: 'tok', from: '+390212345678', messagingServiceSid: '', baseUrl: twilio.url, publicUrl: '' });
    expect((await status(app)).steps.sms).toBe('skipped');

    expect(await app.call('sms.sendTest', { provider: 'twilio', to: '333 123 4567', text: 'Prova' })).toMatchObject({ ok: false, code: 'auth_failed' });
    expect((await status(app)).steps.sms).toBe('skipped');

    const ok = (await app.call('sms.sendTest', { provider: 'twilio', to: '333 123 4567', text: 'Prova' })) as { ok: boolean; providerId: string };
    expect(ok.ok).toBe(true);
    expect(await status(app)).toMatchObject({ steps: { sms: 'done' }, facts: { smsTest: { provider: 'twilio', simulated: false } } });
    expect(new URLSearchParams(twilio.requests[1]!.body).get('To')).toBe('+393331234567');

    // The provider that passed the test is removed: the step is no longer done.
    await app.call('sms.removeProvider', { provider: 'twilio' });
    expect((await status(app)).steps.sms).toBe('skipped');
  });

  it('agenda and PBX: a dry run does not count, an import does; a configured AMI link counts as the PBX', async () => {
    const app = await realClinic();
    const ics = read('appointments/google-calendar-dr-rossi.ics');
    await app.call('appointments.import', { format: 'ics', content: ics, practitioner: 'Dr Rossi', from: '2026-03-23', to: '2026-04-11', dryRun: true });
    const master = read('calls/freepbx-Master.csv');
    await app.call('calls.import', { fileName: 'Master.csv', content: master, format: 'asterisk', dryRun: true });
    expect((await status(app)).steps).toMatchObject({ agenda: 'pending', pbx: 'pending' });

    const imported = (await app.call('appointments.import', { format: 'ics', content: ics, practitioner: 'Dr Rossi', from: '2026-03-23', to: '2026-04-11' })) as { imported?: number; created?: number };
    expect(imported).toBeTruthy();
    await app.call('calls.import', { fileName: 'Master.csv', content: master, format: 'asterisk' });
    expect(await status(app)).toMatchObject({ steps: { agenda: 'done', pbx: 'done' }, facts: { agendaImported: true, pbx: 'import' } });

    const fresh = await realClinic();
    await fresh.call('calls.saveSettings', { pbx: { enabled: true, host: '127.0.0.1', port: 9, username: 'desk', secret: 'amisecret' } });
    expect(await status(fresh)).toMatchObject({ steps: { pbx: 'done' }, facts: { pbx: 'ami' } });
  });

  it('WhatsApp: done once the desk holds a pairing (keys and the pairing time the link records)', async () => {
    const app = await realClinic();
    writeSetting(app.ctx.db, WHATSAPP_HEALTH_KEY, { linkedPhone: null, linkedName: null, pairedAt: null, phoneSeenAt: null, recentErrors: [], ended: null });
    expect((await status(app)).steps.whatsapp).toBe('pending');
    writeAuth(app.ctx.db, [{ category: 'creds', id: 'creds', value: Buffer.from('sealed') }], Date.now());
    writeSetting(app.ctx.db, WHATSAPP_HEALTH_KEY, { linkedPhone: '+393331234567', linkedName: 'Studio', pairedAt: Date.now(), phoneSeenAt: null, recentErrors: [], ended: null });
    expect(await status(app)).toMatchObject({ steps: { whatsapp: 'done' }, facts: { whatsappPhone: '+393331234567' } });
    // setup.status is public: someone not signed in learns that WhatsApp is linked, not the clinic's number.
    expect(await app.call('setup.status', {}, { user: 'guest', guest: true })).toMatchObject({ steps: { whatsapp: 'done' }, facts: { whatsappPhone: '' } });
  });

  it('the demo clinic tests a provider without settings through its simulated one: nothing leaves the machine', async () => {
    const demo = await tempApp({ demo: { simulate: false } });
    cleanups.push(demo.cleanup);
    const r = (await demo.call('sms.sendTest', { provider: 'smsapi', to: '+48601234567', text: 'Test' })) as { ok: boolean; providerId: string };
    expect(r.ok).toBe(true);
    expect(r.providerId).toMatch(/^sim-sms-/);
    expect(await status(demo)).toMatchObject({ steps: { sms: 'done' }, facts: { smsTest: { provider: 'smsapi', simulated: true } } });
  });
});
