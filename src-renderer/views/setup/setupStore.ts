import { create } from 'zustand';
import type { Response } from '../../../src-main/contract';
import { desk } from '../../api/client';

type Status = Response<'setup.status'>;

interface SetupState {
  status: Status | null;
  /** The wizard stays on screen after the clinic exists, for its optional steps, until "Open the desk". */
  wizardOpen: boolean;
  load(): Promise<Status>;
  set(status: Status): void;
  closeWizard(): void;
}

/** Whether this desk has a clinic yet (else the wizard shows) and the optional steps' states. */
export const useSetup = create<SetupState>((set) => ({
  status: null,
  wizardOpen: false,
  load: async () => {
    const status = await desk.call('setup.status', {});
    set((s) => ({ status, wizardOpen: s.wizardOpen || !status.configured }));
    return status;
  },
  set: (status) => set({ status }),
  closeWizard: () => set({ wizardOpen: false }),
}));
