import { patientsWithPhone, patientsWithUpcomingVisit } from '../../db/repositories/calls';
import type { MessagingDeps } from '../messaging/messagingService';
import type { Random } from '../shared/random';
import { handleLiveCall } from './liveCallService';

const RING_MS = 7_000;

/**
 * The demo clinic has no switchboard: this rings a desk the way the live AMI link would (same events, same
 * popup, the call written at hang-up), so the popup can be seen in `serve --demo`. Demo mode only.
 */
export function ringDemoPhone(deps: MessagingDeps, random: Random, schedule: (fn: () => void, ms: number) => void): { callId: string; number: string } {
  const upcoming = patientsWithUpcomingVisit(deps.db, deps.clock.now(), 8);
  const candidates = upcoming.length > 0 ? upcoming : patientsWithPhone(deps.db, 'it', 6);
  const known = candidates[Math.floor(random() * candidates.length)];
  const number = known && random() < 0.85 ? known.phone : `+39066${String(Math.floor(random() * 1e6)).padStart(6, '0')}`;
  const startedAt = deps.clock.now();
  const callId = `demo-ring-${startedAt}`;
  const extension = random() < 0.5 ? '201' : '202';
  handleLiveCall(deps, { kind: 'ringing', callId, direction: 'in', number, extension, at: startedAt });
  const answered = random() < 0.5;
  if (answered) schedule(() => handleLiveCall(deps, { kind: 'answered', callId, extension, at: deps.clock.now() }), RING_MS);
  schedule(
    () => {
      const end = deps.clock.now();
      const ringSeconds = Math.round(RING_MS / 1000);
      handleLiveCall(deps, {
        kind: 'ended',
        callId,
        call: {
          direction: 'in',
          fromNumber: number,
          toNumber: '+390612345678',
          startedAt,
          ringSeconds: answered ? ringSeconds : Math.round((end - startedAt) / 1000),
          talkSeconds: answered ? Math.max(0, Math.round((end - startedAt - RING_MS) / 1000)) : 0,
          result: answered ? 'answered' : 'missed',
          extension,
          source: 'demo',
          sourceId: callId,
          note: '',
        },
      });
    },
    answered ? RING_MS + 12_000 : RING_MS + 14_000,
  );
  return { callId, number };
}
