/**
 * The Schedule's address: `#/schedule` (today, day view), `#/schedule/2026-11-27`, `#/schedule/2026-11-27/week`,
 * `#/schedule/week` (this week). The address and the store follow each other, so a link (a stats figure) opens a
 * given day, and the browser's back and forward buttons walk the days and views the receptionist went through.
 */
export interface ScheduleRoute {
  day: string | null;
  view: 'day' | 'week';
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseScheduleRoute(rest: readonly string[]): ScheduleRoute {
  const day = rest.find((s) => DATE.test(s) && !Number.isNaN(Date.parse(`${s}T12:00:00Z`))) ?? null;
  return { day, view: rest.includes('week') ? 'week' : 'day' };
}

export function schedulePath(r: ScheduleRoute): string {
  return ['/schedule', r.day, r.view === 'week' ? 'week' : null].filter(Boolean).join('/');
}
