import type { AppContext, Area } from '../../app/area';
import { linkPatientCalls } from '../calls/linkPatientCalls';
import { recordSystemEvent } from '../messaging/messagingService';
import { publishConversation } from '../messaging/timeline';
import { getClinicSettings } from '../settings/clinicSettings';
import { mergePatients, previewMerge } from './mergePatients';
import { mergedEventText } from './patientEventTexts';
import { patientCard } from './patientCard';
import { addPatientPhone, createPatient, removePatientIdentity, setPatientConsent, type PatientDeps } from './patientService';

/** API handlers of patient records: create, identities, consents, merge. */
export const patientsArea: Area = {
  name: 'patients',
  handlers: (ctx) => {
    const deps: PatientDeps = { db: ctx.db, region: ctx.messaging.region };
    const who = (user: string) => ({ actor: user, at: ctx.clock.now() });
    const changed = (patientId: number) => {
      ctx.events.emit('patient.updated', { patientId });
      return patientCard(ctx.db, patientId);
    };
    return {
      'patient.create': (req, call) => {
        const { phone, ...rest } = req;
        const out = createPatient(deps, { ...rest, phone }, who(call.user));
        // The caller's earlier calls (missed and answered) join the new record at once.
        linkPatientCalls(ctx.messaging, out.patientId);
        return out;
      },
      'patient.addPhone': ({ patientId, phone, kind }, call) => {
        addPatientPhone(deps, patientId, phone, kind, who(call.user));
        linkPatientCalls(ctx.messaging, patientId);
        return changed(patientId);
      },
      'patient.removeIdentity': ({ patientId, kind, value }, call) => {
        removePatientIdentity(deps, patientId, kind, value, who(call.user));
        return changed(patientId);
      },
      'patient.setConsent': ({ patientId, kind, granted, source }, call) => {
        setPatientConsent(deps, patientId, kind, granted, source, who(call.user));
        return changed(patientId);
      },
      'patient.mergePreview': ({ keepId, otherId, choices }) => {
        const plan = previewMerge(ctx.db, keepId, otherId, choices);
        return { keep: patientCard(ctx.db, keepId), other: patientCard(ctx.db, otherId), conflicts: plan.conflicts, addedPhones: plan.addedIdentities.length };
      },
      'patient.merge': ({ keepId, otherId, choices }, call) => merge(ctx, keepId, otherId, choices, call.user),
    };
  },
};

function merge(ctx: AppContext, keepId: number, otherId: number, choices: Parameters<typeof mergePatients>[1]['choices'], user: string) {
  const otherCard = patientCard(ctx.db, otherId);
  const out = mergePatients(ctx.db, { keepId, otherId, choices: choices ?? {}, actor: user, at: ctx.clock.now() });
  linkPatientCalls(ctx.messaging, keepId);
  const otherName = `${otherCard.firstName} ${otherCard.lastName}`.trim() || otherCard.phones[0]?.display || `#${otherId}`;
  if (out.conversationId !== null) {
    const text = mergedEventText(getClinicSettings(ctx.db).uiLanguage, otherId, otherName, user);
    recordSystemEvent(ctx.messaging, out.conversationId, text, { event: 'patient.merge', mergedId: otherId });
    publishConversation(ctx, out.conversationId);
  }
  if (out.removedConversationId !== null) ctx.events.emit('conversation.removed', { conversationId: out.removedConversationId, mergedInto: out.conversationId });
  ctx.events.emit('patient.updated', { patientId: otherId });
  ctx.events.emit('patient.updated', { patientId: keepId });
  return { patient: patientCard(ctx.db, keepId), conversationId: out.conversationId };
}
