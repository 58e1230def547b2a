/** Delays per practitioner (start of the visit minus its booked time), no-shows and notices. Pure. */
import type { StatsReport } from '../../contract/stats';
import type { StatsVisitRow } from '../../db/repositories/statsActivity';

/** A visit that began more than this many minutes after its booked time counts as late. */
export const LATE_MINUTES = 15;

const round1 = (x: number): number => Math.round(x * 10) / 10;

export function visitFigures(visits: readonly StatsVisitRow[], noticesSent: number): StatsReport['visits'] {
  const per = new Map<number, { name: string; visits: number; delays: number[] }>();
  let noShows = 0;
  for (const v of visits) {
    if (v.status === 'no_show') noShows++;
    let p = per.get(v.practitionerId);
    if (!p) per.set(v.practitionerId, (p = { name: v.name, visits: 0, delays: [] }));
    p.visits++;
    // Early starts count as on time: a visit begun 5 minutes early has no delay, not a negative one.
    if (v.startedAt !== null) p.delays.push(Math.max(0, (v.startedAt - v.startsAt) / 60_000));
  }
  const practitioners = [...per]
    .map(([practitionerId, p]) => ({
      practitionerId,
      name: p.name,
      visits: p.visits,
      started: p.delays.length,
      avgDelayMinutes: p.delays.length ? round1(p.delays.reduce((a, b) => a + b, 0) / p.delays.length) : null,
      worstDelayMinutes: p.delays.length ? round1(Math.max(...p.delays)) : null,
      lateShare: p.delays.length ? p.delays.filter((d) => d > LATE_MINUTES).length / p.delays.length : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  return { appointments: visits.length, noShows, noticesSent, practitioners };
}
