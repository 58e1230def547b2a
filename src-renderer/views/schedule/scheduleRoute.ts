import { useEffect } from 'react';
import { useRouter } from '../../app/router';
import { schedulePath, type ScheduleRoute } from './schedulePath';
import { useSchedule } from './scheduleStore';

/** Keeps the Schedule store and the address in step, both ways (the address wins when it changes). */
export function useScheduleRoute(route: ScheduleRoute): void {
  const { day, view } = route;
  // Address → store: a link, the back/forward buttons, or the first opening (which loads the board).
  useEffect(() => {
    const s = useSchedule.getState();
    if (s.board === null || s.day !== day || s.view !== view) void s.open(day, view);
  }, [day, view]);
  // Store → address: the agenda's arrows, "today", the date field and the view buttons change the store.
  const storeDay = useSchedule((s) => s.day);
  const storeView = useSchedule((s) => s.view);
  useEffect(() => {
    // Read the store afresh: the effect above may just have changed it in this same commit.
    const s = useSchedule.getState();
    const path = schedulePath({ day: s.day, view: s.view });
    if (useRouter.getState().path !== path) useRouter.getState().navigate(path);
  }, [storeDay, storeView]);
}
