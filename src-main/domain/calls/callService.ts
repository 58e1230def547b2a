import type { RecordOutcome } from '../../contract/calls';
import { ensureConversation } from '../../db/repositories/conversations';
import { findCallByDedupeKey, getCall, insertCall } from '../../db/repositories/calls';
import { findPatientByIdentity, getPatient, identitiesOf } from '../../db/repositories/patients';
import { resolvePatient, type MessagingDeps } from '../messaging/messagingService';
import { toTimelineCall } from '../messaging/timeline';
import { toE164 } from '../patients/phone';
import { DeskError, notFound } from '../shared/errors';
import { callDtoOf } from './callDtos';
import { applyCallbackRules, publishCallbacks, taskDto, type CallbackChange } from './callbackService';
import { externalNumber, type CallResult, type NormalizedCall } from './callTypes';
import { maybeTextBack, type TextBackOutcome } from './textBackService';

/**
 * The one way a call enters the log, whatever saw it (manual entry, PBX import, the live AMI link, a
 * missed WhatsApp call): matched to the patient by number, stored once per dedupe key, put on the
 * patient's timeline, then the callback list and the text-back rules run — in one transaction.
 */
export interface RecordOptions {
  /** Create a patient for an unknown number (manual entry, WhatsApp); imports and the PBX only link known ones. */
  createPatient: boolean;
  viaWhatsApp?: boolean;
  whatsappJid?: string | null;
  pushName?: string | null;
  /** Bulk imports: no per-call events (one summary event at the end). */
  quiet?: boolean;
  /** Bulk imports: the caller key worked out beforehand (in yielding chunks), so the write transaction parses no numbers. */
  callerKey?: string | null;
}

export interface RecordResult {
  callId: number;
  created: boolean;
  patientId: number | null;
  conversationId: number | null;
  callback: { change: CallbackChange; taskId: number | null };
  textBack: TextBackOutcome;
}

/** Asterisk's Linkedid is the same call in the live AMI feed and in Master.csv: one key for both. */
export function dedupeKeyOf(call: Pick<NormalizedCall, 'source' | 'sourceId'>): string {
  return `${call.source === 'ami' ? 'asterisk' : call.source}:${call.sourceId}`;
}

/** The outside party as a callback key: E.164 where the number reads as one, else its digits, null when withheld. */
export function callerKey(raw: string, region: Parameters<typeof toE164>[1]): string | null {
  const memo = `${region}|${raw}`;
  const cached = keyCache.get(memo);
  if (cached !== undefined) return cached;
  const digits = raw.replace(/[^\d+]/g, '');
  const key = digits.replace(/\D/g, '').length < 6 ? null : (toE164(raw, region) ?? digits);
  // A PBX export repeats the same few hundred numbers thousands of times: parse each once.
  if (keyCache.size >= 10_000) keyCache.clear();
  keyCache.set(memo, key);
  return key;
}
const keyCache = new Map<string, string | null>();

export function recordCall(deps: MessagingDeps, call: NormalizedCall, opts: RecordOptions): RecordResult {
  const { db, clock } = deps;
  const region = deps.region();
  const result = db.transaction((): RecordResult => {
    // Re-imports are mostly calls already stored: answer those before any number parsing.
    const known = findCallByDedupeKey(db, dedupeKeyOf(call));
    if (known) {
      return { callId: known.id, created: false, patientId: known.patient_id, conversationId: known.conversation_id, callback: { change: 'none', taskId: null }, textBack: { sent: false, reason: 'already_stored', messageId: null } };
    }
    const phone = opts.callerKey !== undefined ? opts.callerKey : callerKey(externalNumber(call), region);
    const e164 = phone?.startsWith('+') ? phone : null;
    let patientId = (e164 ? findPatientByIdentity(db, 'phone', e164) : undefined) ?? (opts.whatsappJid ? findPatientByIdentity(db, 'whatsapp', opts.whatsappJid) : undefined) ?? null;
    if (patientId === null && opts.createPatient && (e164 || opts.whatsappJid)) {
      patientId = resolvePatient(deps, { phone: e164, whatsappJid: opts.whatsappJid ?? null, pushName: opts.pushName ?? null }).patientId;
    }
    const conversationId = patientId !== null ? ensureConversation(db, patientId, call.startedAt).id : null;
    const stored = insertCall(
      db,
      {
        patient_id: patientId,
        conversation_id: conversationId,
        direction: call.direction,
        from_number: call.fromNumber || null,
        to_number: call.toNumber || null,
        started_at: call.startedAt,
        ring_seconds: call.ringSeconds,
        talk_seconds: call.talkSeconds,
        result: call.result,
        extension: call.extension,
        source: call.source,
        source_id: call.sourceId,
        note: call.note,
        dedupe_key: dedupeKeyOf(call),
      },
      clock.now(),
    );
    if (!stored.created) {
      return { callId: stored.id, created: false, patientId, conversationId, callback: { change: 'none', taskId: null }, textBack: { sent: false, reason: 'already_stored', messageId: null } };
    }
    const callback = applyCallbackRules(deps, { callId: stored.id, call, phone, patientId, conversationId });
    const textBack = maybeTextBack(deps, { callId: stored.id, call, phone, patientId, viaWhatsApp: opts.viaWhatsApp ?? false, whatsappJid: opts.whatsappJid ?? null });
    return { callId: stored.id, created: true, patientId, conversationId, callback, textBack };
  })();
  if (result.created && !opts.quiet) announce(deps, result);
  return result;
}

function announce(deps: MessagingDeps, r: RecordResult): void {
  const row = getCall(deps.db, r.callId)!;
  deps.events.emit('calls.recorded', { call: callDtoOf(deps.db, row) });
  deps.events.emit('call.created', { conversationId: r.conversationId, call: toTimelineCall(row) });
  if (r.callback.change !== 'none') publishCallbacks(deps);
}

/** The API's view of a recorded call. */
export function outcomeOf(deps: MessagingDeps, r: RecordResult): RecordOutcome {
  return {
    call: callDtoOf(deps.db, getCall(deps.db, r.callId)!),
    created: r.created,
    callbackTask: r.callback.taskId !== null ? taskDto(deps, r.callback.taskId) : null,
    textBack: r.textBack,
  };
}

export interface ManualCall {
  number?: string | undefined;
  patientId?: number | undefined;
  direction: 'in' | 'out';
  result: CallResult;
  note: string;
  startedAt?: number | undefined;
  talkMinutes: number;
  extension?: string | undefined;
}

/** The receptionist's quick form: a number or a patient, in/out, result, note. */
export function recordManualCall(deps: MessagingDeps, m: ManualCall, user: string): RecordOutcome {
  const typed = m.number?.trim() ?? '';
  let e164: string | null = null;
  if (typed) {
    e164 = toE164(typed, deps.region());
    if (!e164) throw new DeskError('invalid_input', `number: "${typed}" is not a phone number`, { field: 'number', reason: 'phone.invalid', params: { number: typed } });
  }
  if (m.patientId !== undefined) {
    if (!getPatient(deps.db, m.patientId)) throw notFound('Patient', m.patientId);
    const phones = identitiesOf(deps.db, m.patientId).filter((i) => i.kind === 'phone').map((i) => i.value);
    if (e164 && !phones.includes(e164)) throw new DeskError('invalid_input', `number: ${e164} is not a number of the patient picked`, { field: 'number', reason: 'calls.numberNotPatients', params: { number: e164 } });
    e164 ??= phones[0] ?? null;
    if (!e164) throw new DeskError('invalid_input', 'number: this patient has no phone number; type the number called', { field: 'number', reason: 'calls.patientHasNoNumber' });
  }
  if (!e164) throw new DeskError('invalid_input', 'number: type the phone number or pick a patient', { field: 'number', reason: 'calls.numberRequired' });
  if (m.direction === 'out' && m.result === 'abandoned') {
    throw new DeskError('invalid_input', 'result: an outgoing call cannot be abandoned by the caller', { field: 'result', reason: 'calls.outgoingAbandoned' });
  }
  const now = deps.clock.now();
  const startedAt = m.startedAt ?? now;
  if (startedAt > now + 60_000) throw new DeskError('invalid_input', 'startedAt: a call cannot be logged in the future', { field: 'startedAt', reason: 'calls.inFuture' });
  const talkSeconds = m.result === 'answered' ? Math.round(m.talkMinutes * 60) : 0;
  const extension = m.extension?.trim() || null;
  const call: NormalizedCall = {
    direction: m.direction,
    fromNumber: m.direction === 'in' ? e164 : (extension ?? ''),
    toNumber: m.direction === 'in' ? (extension ?? '') : e164,
    startedAt,
    ringSeconds: 0,
    talkSeconds,
    result: m.result,
    extension,
    source: 'manual',
    sourceId: `${user}:${startedAt}:${e164}`,
    note: m.note.trim(),
  };
  return outcomeOf(deps, recordCall(deps, call, { createPatient: true }));
}

/**
 * For the WhatsApp area: a call to the clinic's WhatsApp number nobody picked up (Baileys `call` event with
 * status timeout / terminate without accept, or reject). Stored once per `providerCallId`; opens or updates
 * the caller's callback task; may text back (on WhatsApp, by default rules).
 */
export function recordMissedWhatsAppCall(
  deps: MessagingDeps,
  c: {
    fromPhone: string | null;
    whatsappJid: string | null;
    providerCallId: string;
    /** When the call offer arrived (ms). */
    at: number;
    /** When it stopped ringing, if known: gives the ring time. */
    endedAt?: number | null;
    video?: boolean;
    /** `abandoned` when the caller hung up early, `busy` when the phone rejected it. Default `missed`. */
    result?: 'missed' | 'abandoned' | 'busy';
    pushName?: string | null;
  },
): RecordResult {
  if (!c.fromPhone && !c.whatsappJid) throw new DeskError('invalid_input', 'fromPhone: a missed WhatsApp call needs the caller', { field: 'fromPhone' });
  if (!c.providerCallId) throw new DeskError('invalid_input', 'providerCallId: required to store the call once', { field: 'providerCallId' });
  // WhatsApp rings about 30 s before it reports a missed call when the end is not known.
  const ringSeconds = c.endedAt != null && c.endedAt >= c.at ? Math.round((c.endedAt - c.at) / 1000) : 30;
  return recordCall(
    deps,
    {
      direction: 'in',
      fromNumber: c.fromPhone ?? '',
      toNumber: '',
      startedAt: c.at,
      ringSeconds,
      talkSeconds: 0,
      result: c.result ?? 'missed',
      extension: null,
      source: 'whatsapp',
      sourceId: c.providerCallId,
      note: c.video ? 'WhatsApp video' : 'WhatsApp',
    },
    { createPatient: true, viaWhatsApp: true, whatsappJid: c.whatsappJid, pushName: c.pushName ?? null },
  );
}
