import { attachCallToPatient, unlinkedCallsEndingWith } from '../../db/repositories/calls';
import { ensureConversation } from '../../db/repositories/conversations';
import { identitiesOf } from '../../db/repositories/patients';
import type { MessagingDeps } from '../messaging/messagingService';
import { publishConversation } from '../messaging/timeline';
import { linkKnownCallers, publishCallbacks } from './callbackService';
import { callerKey } from './callService';
import { externalNumber } from './callTypes';

/**
 * A patient was created, given a number or merged: every call of their numbers still without a
 * patient (missed and answered, in and out) moves onto their timeline, their open callback task gets
 * their name, and the desks hear of it at once (no reload).
 */
export function linkPatientCalls(deps: MessagingDeps, patientId: number): number {
  const { db, clock } = deps;
  const region = deps.region();
  const phones = identitiesOf(db, patientId).filter((i) => i.kind === 'phone').map((i) => i.value);
  let linked = 0;
  let conversationId: number | null = null;
  db.transaction(() => {
    for (const e164 of phones) {
      // The national part is enough to find candidates; each is then compared in full.
      for (const c of unlinkedCallsEndingWith(db, e164.replace(/\D/g, '').slice(-8))) {
        if (callerKey(externalNumber({ direction: c.direction, fromNumber: c.from_number ?? '', toNumber: c.to_number ?? '' }), region) !== e164) continue;
        conversationId ??= ensureConversation(db, patientId, clock.now()).id;
        attachCallToPatient(db, c.id, patientId, conversationId);
        linked++;
      }
    }
  })();
  const tasks = linkKnownCallers(deps);
  if (tasks > 0 || linked > 0) publishCallbacks(deps);
  if (linked > 0 && conversationId !== null) publishConversation(deps, conversationId);
  return linked;
}
