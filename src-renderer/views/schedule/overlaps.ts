import type { BoardVisit } from '../../../src-main/contract/appointments';

const LIVE = new Set(['booked', 'confirmed', 'checked_in', 'in_visit']);

/** Ids of one practitioner's visits that overlap another live visit of theirs (a double booking). */
export function overlappingVisits(visits: readonly Pick<BoardVisit, 'id' | 'startsAt' | 'endsAt' | 'status'>[]): Set<number> {
  const live = visits.filter((v) => LIVE.has(v.status)).sort((a, b) => a.startsAt - b.startsAt);
  const out = new Set<number>();
  for (let i = 0; i < live.length; i++) {
    for (let j = i + 1; j < live.length && live[j]!.startsAt < live[i]!.endsAt; j++) {
      out.add(live[i]!.id);
      out.add(live[j]!.id);
    }
  }
  return out;
}
