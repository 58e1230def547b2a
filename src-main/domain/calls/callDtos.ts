import type { CallbackTaskDto, CallDto } from '../../contract/calls';
import type { Db } from '../../db/database';
import type { CallbackTaskListRow } from '../../db/repositories/callbackTasks';
import type { CallListRow, CallRow } from '../../db/repositories/calls';
import { getPatient } from '../../db/repositories/patients';
import { formatPhone } from '../patients/phone';

/** Rows → the contract's shapes. */
const nameOf = (first: string | null, last: string | null): string | null => `${first ?? ''} ${last ?? ''}`.trim() || null;

export function toCallDto(r: CallListRow): CallDto {
  return {
    id: r.id,
    direction: r.direction,
    fromNumber: r.from_number,
    toNumber: r.to_number,
    // "anonymous", "<unknown>": a withheld number is no number.
    number: /\d/.test((r.direction === 'in' ? r.from_number : r.to_number) ?? '') ? (r.direction === 'in' ? r.from_number : r.to_number) : null,
    startedAt: r.started_at,
    ringSeconds: r.ring_seconds,
    talkSeconds: r.talk_seconds,
    result: r.result,
    extension: r.extension,
    source: r.source,
    note: r.note,
    patientId: r.patient_id,
    patientName: nameOf(r.first_name, r.last_name),
    conversationId: r.conversation_id,
  };
}

/** A stored call with its patient's name. */
export function callDtoOf(db: Db, row: CallRow): CallDto {
  const p = row.patient_id ? getPatient(db, row.patient_id) : undefined;
  return toCallDto({ ...row, first_name: p?.first_name ?? null, last_name: p?.last_name ?? null });
}

export function toTaskDto(r: CallbackTaskListRow): CallbackTaskDto {
  return {
    id: r.id,
    phone: r.phone,
    patientId: r.patient_id,
    patientName: nameOf(r.first_name, r.last_name) ?? (r.phone.startsWith('+') ? formatPhone(r.phone) : null),
    language: r.language,
    conversationId: r.conversation_id,
    firstMissedAt: r.first_missed_at,
    lastMissedAt: r.last_missed_at,
    missedCount: r.missed_count,
    attempts: r.attempts,
    lastAttemptAt: r.last_attempt_at,
    closedAt: r.closed_at,
    closeReason: r.close_reason,
  };
}
