import { create } from 'zustand';
import type { Response } from '../../../src-main/contract';
import type { AgendaWeek } from '../../../src-main/contract/agenda';
import type { DayBoard, DelayPreview, VisitAction } from '../../../src-main/contract/appointments';
import { ApiError, desk } from '../../api/client';
import { errorText } from '../../i18n/errors';

interface ScheduleState {
  board: DayBoard | null;
  error: string | null;
  /** The preview waiting for the receptionist's confirmation. */
  preview: DelayPreview | null;
  busy: boolean;
  /** The preview shown was replaced by a fresh one because the day changed before "send". */
  stale: boolean;
  /** Last thing done, for the status line ("12 notices queued"). */
  flash: { kind: 'sent' | 'nothing' | 'auto'; count: number } | null;
  /** The agenda's day (clinic-local YYYY-MM-DD); null: today. */
  day: string | null;
  load(): Promise<void>;
  setDay(day: string | null): Promise<void>;
  /** Day and view at once (the Schedule's address), one load. */
  open(day: string | null, view: 'day' | 'week'): Promise<void>;
  /** Moves a visit, to another practitioner too (the patient gets one reschedule notice). */
  move(appointmentId: number, startsAt: number, endsAt: number, practitionerId?: number): Promise<void>;
  /** Day board or one practitioner's week. */
  view: 'day' | 'week';
  setView(view: 'day' | 'week', practitionerId?: number): Promise<void>;
  week: AgendaWeek | null;
  weekPractitionerId: number | null;
  agendaFlash: 'moved' | 'cancelled' | 'created' | 'saved' | null;
  setAgendaFlash(f: 'moved' | 'cancelled' | 'created' | 'saved' | null): void;
  act(appointmentId: number, action: VisitAction): Promise<void>;
  announce(practitionerId: number, minutes: number): Promise<void>;
  openPreview(practitionerId: number): Promise<void>;
  confirm(): Promise<void>;
  closePreview(): void;
  setAutomatic(practitionerId: number, automatic: boolean): Promise<void>;
}

const message = (e: unknown): string => errorText(e);

export const useSchedule = create<ScheduleState>((set, get) => {
  const guarded = async (fn: () => Promise<void>): Promise<void> => {
    set({ busy: true, error: null });
    try {
      await fn();
    } catch (e) {
      set({ error: message(e) });
    } finally {
      set({ busy: false });
    }
    await get().load();
  };
  const afterChange = (p: Response<'delays.announce'>): void => {
    // Automatic mode has already sent; otherwise the receptionist sees who gets what before anything leaves.
    if (p.automatic) set({ flash: { kind: 'auto', count: 0 }, preview: null });
    else set({ preview: p, stale: false });
  };
  return {
    board: null,
    error: null,
    preview: null,
    busy: false,
    stale: false,
    flash: null,
    day: null,
    agendaFlash: null,
    setAgendaFlash: (f) => set({ agendaFlash: f }),
    setDay: async (day) => {
      set({ day });
      await get().load();
    },
    open: async (day, view) => {
      set({ day, view });
      await get().load();
    },
    view: 'day',
    week: null,
    weekPractitionerId: null,
    setView: async (view, practitionerId) => {
      set({ view, ...(practitionerId !== undefined ? { weekPractitionerId: practitionerId } : {}) });
      await get().load();
    },
    move: (appointmentId, startsAt, endsAt, practitionerId) =>
      guarded(async () => {
        await desk.call('appointments.move', { appointmentId, startsAt, endsAt, ...(practitionerId !== undefined ? { practitionerId } : {}) });
        set({ agendaFlash: 'moved' });
      }),
    load: async () => {
      try {
        const day = get().day;
        const board = await desk.call('appointments.day', day ? { day } : {});
        set({ board });
        if (get().view !== 'week') return;
        const practitionerId = get().weekPractitionerId ?? board.practitioners[0]?.id;
        if (practitionerId === undefined) return set({ week: null });
        set({ weekPractitionerId: practitionerId, week: await desk.call('appointments.week', { practitionerId, day: board.day }) });
      } catch (e) {
        set({ error: message(e) });
      }
    },
    act: (appointmentId, action) => guarded(async () => void (await desk.call('appointments.setStatus', { appointmentId, action }))),
    announce: (practitionerId, minutes) => guarded(async () => afterChange(await desk.call('delays.announce', { practitionerId, minutes }))),
    openPreview: (practitionerId) => guarded(async () => set({ preview: await desk.call('delays.preview', { practitionerId }), stale: false })),
    setAutomatic: (practitionerId, automatic) =>
      guarded(async () => {
        await desk.call('delays.setAutomatic', { practitionerId, automatic });
      }),
    confirm: () =>
      guarded(async () => {
        const p = get().preview;
        if (!p) return;
        try {
          const appointmentIds = p.notices.map((n) => n.appointmentId);
          const { queued } = await desk.call('delays.send', { practitionerId: p.practitionerId, revision: p.revision, appointmentIds });
          set({ preview: null, flash: { kind: queued > 0 ? 'sent' : 'nothing', count: queued } });
        } catch (e) {
          // Someone moved the day meanwhile: show the fresh preview, never send what was not seen.
          if (!(e instanceof ApiError && e.code === 'conflict')) throw e;
          set({ preview: await desk.call('delays.preview', { practitionerId: p.practitionerId }), stale: true });
        }
      }),
    closePreview: () => set({ preview: null, stale: false }),
  };
});

// Only once the board has been opened: other screens need not pay for it.
desk.on('delays.changed', () => {
  if (useSchedule.getState().board) void useSchedule.getState().load();
});
desk.onConnectionRestored(() => void useSchedule.getState().load());
