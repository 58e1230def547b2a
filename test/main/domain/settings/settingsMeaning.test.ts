import { afterEach, describe, expect, it } from 'vitest';
import { isLanguageCode, isPhoneRegion, isTimeZone } from '../../../../src-main/domain/settings/settingsMeaning';
import { tempApp } from '../../../helpers/tempApp';

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe('settings checked by meaning', () => {
  it.each([
    ['Europe/Rome', true],
    ['Europe/Warsaw', true],
    ['America/Argentina/Buenos_Aires', true],
    ['UTC', true],
    ['Mars/Olympus', false],
    ['+01:00', false],
    ['', false],
  ])('time zone %j → %s', (zone, ok) => expect(isTimeZone(zone)).toBe(ok));

  it('knows phone regions and language codes', () => {
    expect(['IT', 'PL', 'GB'].every(isPhoneRegion)).toBe(true);
    expect(['XX', 'EU', 'it'].some(isPhoneRegion)).toBe(false);
    expect(['it', 'pl', 'en', 'uk'].every(isLanguageCode)).toBe(true);
    expect(['xx', 'qq', 'ITA'].some(isLanguageCode)).toBe(false);
  });

  it('settings.update refuses "Mars/Olympus" and every later read keeps working', async () => {
    const app = await tempApp();
    cleanup = app.cleanup;
    await expect(app.call('settings.update', { timeZone: 'Mars/Olympus' })).rejects.toMatchObject({ code: 'invalid_input', field: 'timeZone' });
    await expect(app.call('settings.update', { defaultRegion: 'XX' })).rejects.toMatchObject({ field: 'defaultRegion' });
    await expect(app.call('settings.update', { defaultLanguage: 'qq' })).rejects.toMatchObject({ field: 'defaultLanguage' });
    expect(((await app.call('app.info', {})) as { settings: { timeZone: string } }).settings.timeZone).toBe('Europe/Rome');
    await app.call('inbox.list', {});
    expect(((await app.call('settings.update', { timeZone: 'Europe/Warsaw' })) as { timeZone: string }).timeZone).toBe('Europe/Warsaw');
  });
});
