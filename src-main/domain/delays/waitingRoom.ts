/**
 * The waiting-room screen's data: each practitioner's current delay, no patient names. Pushed to every
 * screen after each change and once a minute (a derived delay grows with the clock).
 */
import type { WaitingRoomBoard } from '../../contract/appointments';
import type { Db } from '../../db/database';
import { activePractitioners } from '../../db/repositories/schedule';
import type { EventBus } from '../shared/eventBus';
import type { Clock } from '../shared/clock';
import { getClinicSettings } from '../settings/clinicSettings';
import { spokenDelayMinutes } from './delayPlanner';
import { loadPractitionerDay } from './practitionerDay';

const SCREEN_LANGUAGES = ['it', 'pl', 'en'] as const;

export function waitingRoomBoard(deps: { db: Db; clock: Clock }): WaitingRoomBoard {
  const now = deps.clock.now();
  const settings = getClinicSettings(deps.db);
  const patientLanguages = new Set<string>();
  const practitioners = activePractitioners(deps.db).flatMap((p) => {
    const pd = loadPractitionerDay(deps.db, p.id, now);
    if (pd.rows.length === 0) return [];
    for (const r of pd.rows) if (r.language) patientLanguages.add(r.language);
    const remaining = pd.plan.visits.filter((v) => v.phase === 'waiting' || v.phase === 'in_visit');
    const waiting = pd.plan.visits.filter((v) => v.phase === 'waiting');
    const delayMinutes = spokenDelayMinutes(pd.plan.currentDelayMs);
    const state = remaining.length === 0 ? 'finished' : delayMinutes >= 5 ? 'delayed' : 'on_time';
    return [{ id: p.id, name: p.name, room: p.room, colour: p.colour, delayMinutes, state, nextEta: waiting[0]?.eta ?? null, waitingCount: waiting.length } as const];
  });
  const languages = [settings.defaultLanguage, ...SCREEN_LANGUAGES.filter((l) => patientLanguages.has(l))].filter(
    (l, i, all) => all.indexOf(l) === i && (SCREEN_LANGUAGES as readonly string[]).includes(l),
  );
  return { clinicName: settings.clinicName, timeZone: settings.timeZone, languages: languages.length ? languages : ['en'], at: now, practitioners };
}

export function publishDelays(deps: { db: Db; clock: Clock; events: EventBus }): void {
  deps.events.emit('waitingRoom.updated', waitingRoomBoard(deps));
  deps.events.emit('delays.changed', { at: deps.clock.now() });
}
