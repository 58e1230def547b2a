import { create } from 'zustand';
import type { Request } from '../../../../src-main/contract';
import type { WhatsAppStatus } from '../../../../src-main/contract/whatsapp';
import { ApiError, desk } from '../../../api/client';
import { errorText } from '../../../i18n/errors';

interface WhatsAppState {
  status: WhatsAppStatus | null;
  error: string | null;
  /** Field the last error was about (e.g. `phone`, `minGapMs`), to mark the input. */
  errorField: string | null;
  busy: boolean;
  pairingCode: string | null;
  load(): Promise<void>;
  /** Listens to pushed status updates (QR refreshes, connection changes); returns the unsubscribe. */
  listen(): () => void;
  pair(): Promise<void>;
  requestCode(phone: string): Promise<void>;
  logout(): Promise<void>;
  updateSettings(change: Request<'whatsapp.updateSettings'>): Promise<boolean>;
}

export const useWhatsApp = create<WhatsAppState>((set) => {
  const fail = (err: unknown): void =>
    set({ error: errorText(err), errorField: err instanceof ApiError ? (err.field ?? null) : null, busy: false });
  const run = async (fn: () => Promise<WhatsAppStatus>): Promise<void> => {
    set({ busy: true, error: null, errorField: null });
    try {
      set({ status: await fn(), busy: false });
    } catch (err) {
      fail(err);
    }
  };
  return {
    status: null,
    error: null,
    errorField: null,
    busy: false,
    pairingCode: null,
    load: () => run(() => desk.call('whatsapp.status', {})),
    listen: () => desk.on('whatsapp.status', (status) => set({ status })),
    pair: () => run(() => desk.call('whatsapp.pair', {})),
    async requestCode(phone) {
      set({ busy: true, error: null, errorField: null, pairingCode: null });
      try {
        const { code } = await desk.call('whatsapp.pairingCode', { phone });
        set({ pairingCode: code, busy: false });
      } catch (err) {
        fail(err);
      }
    },
    logout: () => run(() => desk.call('whatsapp.logout', {})),
    async updateSettings(change) {
      set({ error: null, errorField: null });
      try {
        const settings = await desk.call('whatsapp.updateSettings', change);
        set((s) => ({ status: s.status ? { ...s.status, settings } : s.status }));
        return true;
      } catch (err) {
        fail(err);
        return false;
      }
    },
  };
});
