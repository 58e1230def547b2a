import { countOpenTasks } from '../../db/repositories/callbackTasks';
import { patientsWithPhone, unansweredSince } from '../../db/repositories/calls';
import type { MessagingDeps } from '../messaging/messagingService';
import { applyCallbackRules } from './callbackService';
import { recordCall } from './callService';
import type { CallResult, NormalizedCall } from './callTypes';

const MIN = 60_000;
const CLINIC_LINE = '+390612345678';

/**
 * The demo clinic's phone morning: a patient who called three times, a caller who gave up in the queue,
 * a voicemail, a busy line, answered calls and a callback already made. Fixed source ids: starting the
 * demo again adds nothing. Also opens the callback tasks for the seed's own missed calls.
 */
export function seedDemoCalls(deps: MessagingDeps): void {
  const { db, clock } = deps;
  const now = clock.now();
  if (countOpenTasks(db) === 0) {
    for (const c of unansweredSince(db, now - 24 * 60 * MIN)) {
      const phone = c.from_number;
      if (phone) applyCallbackRules(deps, { callId: c.id, call: { direction: 'in', result: c.result, startedAt: c.started_at }, phone, patientId: c.patient_id, conversationId: c.conversation_id });
    }
  }
  const [pl1, pl2] = patientsWithPhone(db, 'pl', 2);
  const [it1, it2, it3] = patientsWithPhone(db, 'it', 3);
  const [en1] = patientsWithPhone(db, 'en', 1);
  const call = (id: string, number: string, minutesAgo: number, result: CallResult, o: Partial<NormalizedCall> = {}): NormalizedCall => ({
    direction: 'in',
    fromNumber: number,
    toNumber: CLINIC_LINE,
    startedAt: now - minutesAgo * MIN,
    ringSeconds: result === 'abandoned' ? 9 : 25,
    talkSeconds: result === 'answered' ? 140 : 0,
    result,
    extension: '201',
    source: 'demo',
    sourceId: `calls-demo-${id}`,
    note: '',
    ...o,
  });
  const calls: NormalizedCall[] = [];
  if (pl1) calls.push(call('pl1-a', pl1.phone, 74, 'missed'), call('pl1-b', pl1.phone, 52, 'missed'), call('pl1-c', pl1.phone, 18, 'abandoned'));
  if (it1) calls.push(call('it1-vm', it1.phone, 41, 'voicemail', { ringSeconds: 20, extension: '202' }));
  if (it2) {
    calls.push(call('it2-miss', it2.phone, 180, 'missed'));
    calls.push(call('it2-back', it2.phone, 150, 'answered', { direction: 'out', fromNumber: '201', toNumber: it2.phone, ringSeconds: 6, talkSeconds: 95, note: 'Richiamata: spostata la visita a giovedì' }));
  }
  if (it3) calls.push(call('it3-ans', it3.phone, 35, 'answered', { note: 'Chiede il preventivo per l’impianto', extension: '202' }));
  if (pl2) calls.push(call('pl2-busy', pl2.phone, 27, 'busy', { ringSeconds: 1 }));
  if (en1) calls.push(call('en1-out', en1.phone, 95, 'answered', { direction: 'out', fromNumber: '202', toNumber: en1.phone, ringSeconds: 8, talkSeconds: 210 }));
  calls.push(call('unknown-abandoned', '+390655512345', 12, 'abandoned', { ringSeconds: 7 }));
  calls.push(call('withheld', 'anonymous', 8, 'missed'));
  calls.sort((a, b) => a.startedAt - b.startedAt);
  for (const c of calls) recordCall(deps, c, { createPatient: false, quiet: true });
}
