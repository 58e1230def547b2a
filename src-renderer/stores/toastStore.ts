import { create } from 'zustand';

export interface Toast {
  id: number;
  text: string;
  /** Puts back what was just done; absent for a plain notice. */
  undo?: () => Promise<unknown>;
}

interface ToastState {
  toast: Toast | null;
  show(text: string, undo?: () => Promise<unknown>): void;
  dismiss(id?: number): void;
}

/** How long Undo stays on screen: long enough to notice a wrong key, short enough not to linger. */
export const UNDO_MS = 6000;
let nextId = 1;
let timer: ReturnType<typeof setTimeout> | undefined;

/**
 * One toast at a time (the newest wins), like Gmail's "Undo": reversible actions (done, dismiss a
 * callback, remove a number, snooze) happen at once and offer Undo for a few seconds instead of asking first.
 */
export const useToast = create<ToastState>((set, get) => ({
  toast: null,
  show: (text, undo) => {
    const id = nextId++;
    clearTimeout(timer);
    set({ toast: { id, text, ...(undo ? { undo } : {}) } });
    timer = setTimeout(() => get().dismiss(id), UNDO_MS);
  },
  dismiss: (id) => {
    if (id === undefined || get().toast?.id === id) set({ toast: null });
  },
}));

/** Shows `text` with Undo once `action` succeeded; `undo` puts things back. */
export async function withUndo(action: () => Promise<unknown>, text: string, undo: () => Promise<unknown>): Promise<void> {
  await action();
  useToast.getState().show(text, undo);
}
