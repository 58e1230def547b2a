import { afterEach, describe, expect, it } from 'vitest';
import { readSetting } from '../../../../src-main/db/repositories/settings';
import { tempApp, tempDir } from '../../../helpers/tempApp';

/** Electron safeStorage's shape, with a reversible stand-in for the OS cipher. */
const desktopKeystore = { encryptString: (s: string) => Buffer.from(s).reverse(), decryptString: (b: Buffer) => Buffer.from(b).reverse().toString() };
const pbx = { enabled: false, host: '192.168.1.10', port: 5038, username: 'clinicdesk' };

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

describe('the AMI secret at rest (ctx.secrets)', () => {
  it('is sealed, never returned, and must be typed again where it cannot be opened', async () => {
    const dataDir = tempDir();
    const desktop = await tempApp({ dataDir, osKeystore: desktopKeystore });
    const saved = (await desktop.call('calls.saveSettings', { pbx: { ...pbx, secret: 'ami-pass-123' } })) as { pbx: { secretSet: boolean } };
    expect(saved.pbx.secretSet).toBe(true);
    expect(JSON.stringify(readSetting(desktop.ctx.db, 'calls.pbx'))).not.toContain('ami-pass-123');
    await desktop.stop();

    // The same data folder served by `clinic-desk serve` (no OS key store): not readable, so not "set".
    const host = await tempApp({ dataDir });
    cleanups.push(() => host.cleanup());
    const settings = (await host.call('calls.settings', {})) as { pbx: { secretSet: boolean } };
    expect(settings.pbx.secretSet).toBe(false);
    await expect(host.call('calls.saveSettings', { pbx: { ...pbx, enabled: true } })).rejects.toMatchObject({ code: 'invalid_input', message: /pbx\.secret/ });
    const retyped = (await host.call('calls.saveSettings', { pbx: { ...pbx, secret: 'ami-pass-123' } })) as { pbx: { secretSet: boolean } };
    expect(retyped.pbx.secretSet).toBe(true);
  });
});
