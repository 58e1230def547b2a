// @vitest-environment happy-dom
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { i18n as I18n } from 'i18next';
import type { ShellUpdates } from '../../../../src-renderer/views/setup/updateStatus';

/**
 * Settings → This desk, rendered in a DOM with the real i18next strings, behind a preload bridge that behaves as
 * Electron's does: the shell's `state` answers once, then the main process pushes `updates.state` on `desk:event`.
 * The sentence and the progress bar must follow each push while Settings stays open.
 */
const LOCALES = path.join(__dirname, '../../../../src-renderer/i18n/locales');
const strings = (lang: string) =>
  Object.fromEntries(fs.readdirSync(path.join(LOCALES, lang)).map((f) => [f.replace(/\.json$/, ''), JSON.parse(fs.readFileSync(path.join(LOCALES, lang, f), 'utf8')) as object]));

const idle: ShellUpdates = { mode: { on: true, channel: 'stable' }, lastCheckAt: null, nextCheckAt: 1, checking: false, available: null, percent: null, downloaded: null, lastError: null, error: null };
let push: (event: string, payload: unknown) => void = () => undefined;
let shellCalls = 0;

type Act = (fn: () => unknown) => Promise<void>;
let act: Act;
let root: { render(el: unknown): void; unmount(): void };
let container: HTMLElement;
let i18n: I18n;

beforeAll(async () => {
  (globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
  // What src-preload/index.ts exposes; the renderer's client is built from it when its module loads.
  window.desk = {
    call: async () => ({ result: null }),
    on: (listener) => {
      push = listener;
      return () => undefined;
    },
    platform: 'win32',
    session: async () => ({ signedIn: true, openDesk: false, user: null }),
    signIn: async () => ({}),
    signOut: async () => undefined,
    shell: async (req) => {
      shellCalls++;
      if (req.action !== 'state') return { ok: true };
      return { profile: 'real', startAtLogin: true, sharing: null, sharePort: 4780, mainDesk: null, configFile: 'C:\\ProgramData\\Clinic Desk\\Config\\clinic-desk.config.json', updates: idle };
    },
  };
  i18n = (await import('i18next')).default;
  const { initReactI18next } = await import('react-i18next');
  await i18n.use(initReactI18next).init({
    resources: { it: strings('it'), pl: strings('pl'), en: strings('en') },
    lng: 'it',
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
  });
  const React = await import('react');
  const { createRoot } = await import('react-dom/client');
  act = React.act as unknown as Act;
  const { DeskSection } = await import('../../../../src-renderer/views/setup/DeskSection');
  container = document.createElement('div');
  document.body.appendChild(container);
  root = createRoot(container);
  await act(async () => root.render(React.createElement(DeskSection)));
});

afterAll(async () => {
  await act(async () => root.unmount());
});

const sentence = (): string => container.querySelector('[data-testid="desk-updates-status"]')?.textContent ?? '';
const progress = (): HTMLProgressElement | null => container.querySelector('[data-testid="desk-updates-progress"]');
const pushState = async (u: ShellUpdates): Promise<void> => act(async () => push('updates.state', u));

describe('Settings → This desk follows the updater live', () => {
  it('opens with the state the shell reported', () => {
    expect(shellCalls).toBe(1);
    expect(sentence()).toBe(i18n.t('setup:updates.waiting', { channel: 'stable' }));
    expect(sentence()).toContain('un minuto dopo');
  });

  it('checking → downloading with its percentage → ready on quit, without reopening Settings', async () => {
    await pushState({ ...idle, checking: true, lastCheckAt: 10 });
    expect(sentence()).toBe("Controllo se c'è una nuova versione (canale stable)…");
    expect(progress()).toBeNull();

    await pushState({ ...idle, lastCheckAt: 10, available: '0.2.0', percent: 42 });
    expect(sentence()).toBe('La versione 0.2.0 si sta scaricando in background: 42%.');
    expect(progress()?.getAttribute('value')).toBe('42');
    expect(progress()?.getAttribute('aria-label')).toBe('Download della versione 0.2.0');

    await pushState({ ...idle, lastCheckAt: 10, available: '0.2.0', percent: 97 });
    expect(progress()?.getAttribute('value')).toBe('97');

    await pushState({ ...idle, lastCheckAt: 10, available: '0.2.0', downloaded: '0.2.0' });
    expect(sentence()).toBe('La versione 0.2.0 è scaricata: si installa quando Clinic Desk viene chiuso (mai mentre lavori).');
    expect(progress()).toBeNull();
    // Only the first render asked the shell; everything after came as events.
    expect(shellCalls).toBe(1);
  });

  it('a failure shows its reason in the desk language (it, pl, en) and says it tries again', async () => {
    const offline: ShellUpdates = { ...idle, lastCheckAt: 20, lastError: 'net::ERR_INTERNET_DISCONNECTED', error: { code: 'update_failed', reason: 'errors-updates:offline', params: {}, message: 'net::ERR_INTERNET_DISCONNECTED' } };
    await pushState(offline);
    expect(sentence()).toBe("L'aggiornamento non ha raggiunto internet (nessuna connessione, oppure un proxy o un firewall blocca GitHub).");
    expect(container.textContent).toContain("Clinic Desk riprova da solo (tra un'ora, o al prossimo controllo giornaliero).");
    expect(sentence()).not.toContain('ERR_INTERNET');

    await act(async () => void (await i18n.changeLanguage('pl')));
    await pushState({ ...offline, error: { code: 'update_failed', reason: 'errors-updates:refused', params: { status: 403 }, message: 'HttpError: 403' } });
    expect(sentence()).toBe('Serwer aktualizacji odrzucił żądanie (HTTP 403).');

    await act(async () => void (await i18n.changeLanguage('en')));
    await pushState({ ...offline, error: { code: 'update_failed', reason: 'errors-updates:signature', params: {}, message: 'Code signature at URL … did not pass validation' } });
    expect(sentence()).toBe('The new version is not signed like this one, so it was not installed. Tell IT.');
  });
});
