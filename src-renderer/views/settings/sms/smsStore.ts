import { create } from 'zustand';
import type { Request, Response } from '../../../../src-main/contract';
import { desk } from '../../../api/client';
import { errorText } from '../../../i18n/errors';

type View = Response<'sms.settings'>;
export type ComposerPrefs = { transliterate: boolean; maxSegments: number; activeProvider: View['general']['activeProvider'] };

interface SmsState {
  view: View | null;
  /** What the composer's counter needs; loaded once, then pushed by sms.settingsChanged. */
  prefs: ComposerPrefs | null;
  error: string | null;
  load(): Promise<void>;
  loadPrefs(): Promise<void>;
  updateGeneral(changes: Request<'sms.updateSettings'>): Promise<void>;
  saveProvider(input: Request<'sms.saveProvider'>): Promise<void>;
  removeProvider(provider: Request<'sms.removeProvider'>['provider']): Promise<void>;
}

const message = (err: unknown): string => errorText(err);
const prefsOf = (v: View): ComposerPrefs => ({ transliterate: v.general.transliterate, maxSegments: v.general.maxSegments, activeProvider: v.general.activeProvider });

export const useSms = create<SmsState>((set, get) => {
  const apply = (view: View): void => set({ view, prefs: prefsOf(view), error: null });
  const attempt = async (fn: () => Promise<View>): Promise<void> => {
    try {
      apply(await fn());
    } catch (err) {
      set({ error: message(err) });
      throw err;
    }
  };
  return {
    view: null,
    prefs: null,
    error: null,
    load: () => attempt(() => desk.call('sms.settings', {})),
    async loadPrefs() {
      if (get().prefs) return;
      try {
        apply(await desk.call('sms.settings', {}));
      } catch {
        // The counter still works with the defaults; settings may be unavailable to a read-only login.
      }
    },
    updateGeneral: (changes) => attempt(() => desk.call('sms.updateSettings', changes)),
    saveProvider: (input) => attempt(() => desk.call('sms.saveProvider', input)),
    removeProvider: (provider) => attempt(() => desk.call('sms.removeProvider', { provider })),
  };
});

desk.on('sms.settingsChanged', (prefs) => useSms.setState({ prefs }));
