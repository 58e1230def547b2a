import type { z } from 'zod';
import type { popupPatient } from '../../contract/calls';
import { openTaskFor } from '../../db/repositories/callbackTasks';
import { conversationIdOfPatient, getCall } from '../../db/repositories/calls';
import { getConversationListRow } from '../../db/repositories/conversations';
import { findPatientByIdentity, getPatient } from '../../db/repositories/patients';
import { nextAppointmentOf } from '../../db/repositories/templates';
import type { MessagingDeps } from '../messaging/messagingService';
import { callDtoOf } from './callDtos';
import { callerKey, recordCall } from './callService';
import type { LiveCallEvent } from './liveCalls';

type PopupPatient = z.infer<typeof popupPatient>;

/** Who is calling, for the popup: the patient, their next appointment, their conversation and open callback. */
export function popupFor(deps: MessagingDeps, number: string): PopupPatient | null {
  const { db, clock } = deps;
  const key = callerKey(number, deps.region());
  if (!key) return null;
  const patientId = key.startsWith('+') ? findPatientByIdentity(db, 'phone', key) : undefined;
  const task = openTaskFor(db, key);
  if (patientId === undefined) return null;
  const patient = getPatient(db, patientId)!;
  const conversationId = conversationIdOfPatient(db, patientId);
  const conv = conversationId !== null ? (getConversationListRow(db, conversationId) ?? null) : null;
  const next = nextAppointmentOf(db, patientId, clock.now());
  return {
    id: patientId,
    name: `${patient.first_name} ${patient.last_name}`.trim() || key,
    language: patient.language,
    conversationId: conv?.id ?? null,
    nextAppointment: next ?? null,
    conversation: conv ? { status: conv.status, unreadCount: conv.unread_count, lastPreview: conv.last_preview, waitingSince: conv.waiting_since } : null,
    openCallback: task ? { taskId: task.id, missedCount: task.missed_count } : null,
  };
}

/** The sink the PBX adapter feeds: popups while it rings, the call record at hangup. */
export function handleLiveCall(deps: MessagingDeps, e: LiveCallEvent): void {
  switch (e.kind) {
    case 'ringing':
      if (e.direction !== 'in') return;
      deps.events.emit('calls.ringing', { callId: e.callId, number: e.number, extension: e.extension, at: e.at, patient: popupFor(deps, e.number) });
      return;
    case 'answered':
      deps.events.emit('calls.answered', { callId: e.callId, extension: e.extension, at: e.at });
      return;
    case 'ended': {
      const r = recordCall(deps, e.call, { createPatient: false });
      deps.events.emit('calls.ended', { callId: e.callId, call: callDtoOf(deps.db, getCall(deps.db, r.callId)!) });
      return;
    }
  }
}
