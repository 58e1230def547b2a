import { z } from 'zod';
import { epochMs, id, ok } from './common';
import { IMPORT_FILE_MAX } from './limits';
import { method, type EventMap, type MethodMap } from './define';

export const callDirection = z.enum(['in', 'out']);
export const callResult = z.enum(['answered', 'missed', 'abandoned', 'voicemail', 'busy']);
export const callSource = z.enum(['manual', '3cx', 'asterisk', 'generic', 'ami', 'whatsapp', 'demo']);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time as HH:MM');

/** When the desk texts a caller it missed: at most once per caller per day, within these rules. */
export const textBackRules = z.object({
  enabled: z.boolean(),
  /** `preferred`: WhatsApp for a missed WhatsApp call, else the patient's preferred channel, else SMS. */
  channel: z.enum(['sms', 'whatsapp', 'preferred']),
  /** Template (by shortcode) whose variant in the patient's language is sent. */
  templateShortcode: z.string().trim().min(1).max(40),
  onlyKnownPatients: z.boolean(),
  /** Clinic hours the text-back applies in: e.g. only when closed (nobody will call back soon). */
  when: z.enum(['always', 'open_hours', 'closed_hours']),
  /** No texts at night: from quietFrom to quietUntil, local time (may wrap past midnight). */
  quietFrom: hhmm,
  quietUntil: hhmm,
  /** Calls that rang for less than this are pocket dials and get nothing. */
  minRingSeconds: z.number().int().min(0).max(600),
  results: z.array(z.enum(['missed', 'abandoned', 'voicemail', 'busy'])).min(1),
  /** A call recorded later than this after it happened (a PBX import) is not texted about. */
  maxDelayMinutes: z.number().int().min(1).max(24 * 60),
});
export type TextBackRules = z.infer<typeof textBackRules>;

/** Which header holds what in a generic call CSV; saved per source. */
export const columnMapping = z.object({
  startedAt: z.string().trim().min(1, 'name the column holding the call time'),
  from: z.string().optional(),
  to: z.string().optional(),
  number: z.string().optional(),
  direction: z.string().optional(),
  defaultDirection: z.enum(['in', 'out']).optional(),
  status: z.string().optional(),
  ringSeconds: z.string().optional(),
  talkSeconds: z.string().optional(),
  extension: z.string().optional(),
  note: z.string().optional(),
  id: z.string().optional(),
  dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
});
export type ColumnMappingDto = z.infer<typeof columnMapping>;

export const pbxLinkState = z.object({
  status: z.enum(['disabled', 'connecting', 'connected', 'reconnecting', 'auth_failed']),
  detail: z.string().nullable(),
  nextAttemptAt: epochMs.nullable(),
});

export const callDto = z.object({
  id,
  direction: callDirection,
  fromNumber: z.string().nullable(),
  toNumber: z.string().nullable(),
  /** The outside party (caller of an incoming call, callee of an outgoing one). */
  number: z.string().nullable(),
  startedAt: epochMs,
  ringSeconds: z.number().int().nonnegative(),
  talkSeconds: z.number().int().nonnegative(),
  result: callResult,
  extension: z.string().nullable(),
  source: z.string(),
  note: z.string(),
  patientId: id.nullable(),
  patientName: z.string().nullable(),
  conversationId: id.nullable(),
});
export type CallDto = z.infer<typeof callDto>;

export const callbackTask = z.object({
  id,
  phone: z.string(),
  patientId: id.nullable(),
  patientName: z.string().nullable(),
  language: z.string().nullable(),
  conversationId: id.nullable(),
  firstMissedAt: epochMs,
  lastMissedAt: epochMs,
  missedCount: z.number().int().positive(),
  attempts: z.number().int().nonnegative(),
  lastAttemptAt: epochMs.nullable(),
  closedAt: epochMs.nullable(),
  closeReason: z.enum(['called_back', 'caller_got_through', 'dismissed']).nullable(),
});
export type CallbackTaskDto = z.infer<typeof callbackTask>;

export const textBackOutcome = z.object({
  sent: z.boolean(),
  /** Why nothing was sent (disabled, already_today, quiet_hours…), null when sent. */
  reason: z.string().nullable(),
  messageId: id.nullable(),
});

export const recordOutcome = z.object({
  call: callDto,
  created: z.boolean(),
  callbackTask: callbackTask.nullable(),
  textBack: textBackOutcome,
});
export type RecordOutcome = z.infer<typeof recordOutcome>;

const issue = z.object({ line: z.number().int().nonnegative(), message: z.string() });
export const callImportSummary = z.object({
  format: z.enum(['3cx', 'asterisk', 'generic']).nullable(),
  dryRun: z.boolean(),
  /** Calls read from the file (legs of one call merged). */
  read: z.number().int().nonnegative(),
  imported: z.number().int().nonnegative(),
  /** Already in the log (a re-import, or the live AMI link saw them). */
  alreadyStored: z.number().int().nonnegative(),
  /** Rows repeated verbatim inside the file. */
  duplicateRows: z.array(z.object({ line: z.number().int(), sameAsLine: z.number().int() })),
  callbackTasksOpened: z.number().int().nonnegative(),
  skipped: z.array(issue),
  errors: z.array(issue),
  fileError: z.string().nullable(),
});
export type CallImportSummary = z.infer<typeof callImportSummary>;

export const pbxSettings = z.object({
  enabled: z.boolean(),
  host: z.string().trim().max(253),
  port: z.number().int().min(1).max(65535),
  username: z.string().trim().max(80),
  /** Never sent back: the UI only learns whether one is stored. */
  secretSet: z.boolean(),
});

export const callSettings = z.object({
  textBack: textBackRules,
  /** N: an unanswered call shorter than this was abandoned by the caller, longer ones rang out. */
  abandonWithinSeconds: z.number().int().min(1).max(300),
  pbx: pbxSettings,
  pbxState: pbxLinkState,
  mappings: z.array(z.object({ sourceName: z.string(), mapping: columnMapping, updatedAt: epochMs })),
  /** Shortcodes of templates the text-back may use. */
  templates: z.array(z.object({ shortcode: z.string(), name: z.string() })),
});
export type CallSettingsDto = z.infer<typeof callSettings>;

export const popupPatient = z.object({
  id,
  name: z.string(),
  language: z.string().nullable(),
  conversationId: id.nullable(),
  nextAppointment: z.object({ startsAt: epochMs, practitioner: z.string() }).nullable(),
  conversation: z
    .object({ status: z.string(), unreadCount: z.number().int(), lastPreview: z.string(), waitingSince: epochMs.nullable() })
    .nullable(),
  openCallback: z.object({ taskId: id, missedCount: z.number().int() }).nullable(),
});

export const callsApi = {
  'calls.list': method(
    z.object({
      from: epochMs.optional(),
      to: epochMs.optional(),
      results: z.array(callResult).default([]),
      direction: callDirection.optional(),
      /** Part of a phone number. */
      number: z.string().trim().max(40).optional(),
      patientId: id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      offset: z.number().int().min(0).default(0),
    }),
    z.object({
      calls: z.array(callDto),
      total: z.number().int().nonnegative(),
      counts: z.object({ answered: z.number().int(), missed: z.number().int(), abandoned: z.number().int(), voicemail: z.number().int(), busy: z.number().int(), outgoing: z.number().int() }),
    }),
  ),
  'calls.add': method(
    z.object({
      /** The outside number as typed; or a patient picked from the search. One of the two. */
      number: z.string().trim().max(40).optional(),
      patientId: id.optional(),
      direction: callDirection,
      result: callResult,
      note: z.string().max(2000).default(''),
      /** Default now. */
      startedAt: epochMs.optional(),
      talkMinutes: z.number().min(0).max(600).default(0),
      extension: z.string().trim().max(20).optional(),
    }),
    recordOutcome,
  ),
  'calls.import': method(
    z.object({
      fileName: z.string().trim().min(1).max(260),
      content: z.string().max(IMPORT_FILE_MAX, 'the file is larger than 16 MiB: split it (one month at a time)'),
      format: z.enum(['auto', '3cx', 'asterisk', 'generic']).default('auto'),
      /** A saved mapping to use (generic CSV), by source name. */
      mappingSource: z.string().trim().max(80).optional(),
      /** A mapping given now; saved under mappingSource when both are given. */
      mapping: columnMapping.optional(),
      dryRun: z.boolean().default(false),
    }),
    callImportSummary,
  ),
  'calls.callbacks': method(z.object({}), z.object({ tasks: z.array(callbackTask) })),
  'calls.closeCallback': method(
    z.object({ taskId: id, reason: z.enum(['called_back', 'dismissed']) }),
    z.object({ task: callbackTask }),
  ),
  'calls.settings': method(z.object({}), callSettings),
  'calls.saveSettings': method(
    z.object({
      textBack: textBackRules.optional(),
      abandonWithinSeconds: z.number().int().min(1).max(300).optional(),
      pbx: z
        .object({
          enabled: z.boolean(),
          host: z.string().trim().max(253),
          port: z.number().int().min(1).max(65535),
          username: z.string().trim().max(80),
          /** Omit to keep the stored secret. */
          secret: z.string().max(200).optional(),
        })
        .optional(),
    }),
    callSettings,
  ),
  'calls.saveMapping': method(z.object({ sourceName: z.string().trim().min(1).max(80), mapping: columnMapping }), ok),
  'calls.deleteMapping': method(z.object({ sourceName: z.string().trim().min(1).max(80) }), ok),
  /** Demo mode only: rings a desk as the live PBX would, to show the popup without a switchboard. */
  'calls.demoRing': method(z.object({}), z.object({ callId: z.string(), number: z.string() })),
} satisfies MethodMap;

export const callsEvents = {
  /** Somebody is calling a desk: the popup. */
  'calls.ringing': z.object({
    callId: z.string(),
    number: z.string(),
    extension: z.string().nullable(),
    at: epochMs,
    patient: popupPatient.nullable(),
  }),
  'calls.answered': z.object({ callId: z.string(), extension: z.string().nullable(), at: epochMs }),
  /** A live call ended (the popup closes) and was written to the log. */
  'calls.ended': z.object({ callId: z.string(), call: callDto.nullable() }),
  /** Any new call in the log (manual, import, live, WhatsApp). */
  'calls.recorded': z.object({ call: callDto }),
  'calls.callbacksChanged': z.object({ openCount: z.number().int().nonnegative() }),
  'calls.pbxState': pbxLinkState,
} satisfies EventMap;
