import type { Db } from '../../db/database';
import { writeAudit } from '../../db/repositories/audit';
import { moveDraft } from '../../db/repositories/drafts';
import { getConversation, type ConversationRow } from '../../db/repositories/conversations';
import { conversationOfPatient } from '../../db/repositories/inbox';
import {
  markMerged,
  moveConversationToPatient,
  moveReferences,
  replaceConsents,
  saveMergedConversation,
  writeMergedPatient,
} from '../../db/repositories/patientMerge';
import { consentsOf, getPatient, identitiesOf, type PatientRow } from '../../db/repositories/patients';
import { getClinicSettings } from '../settings/clinicSettings';
import { DeskError, notFound } from '../shared/errors';
import { planMerge, type MergeablePatient, type MergeChoice, type MergeField, type MergePlan } from './mergePlan';

/**
 * Merges two records of one person in one transaction: the survivor gets the merged record, every
 * identity, appointment, call and message; the other record stays (merged_into set) so that
 * nothing is deleted and the audit log can show what it was.
 */
export function loadMergeable(db: Db, patientId: number): { row: PatientRow; record: MergeablePatient } {
  const row = getPatient(db, patientId);
  if (!row) throw notFound('Patient', patientId);
  if (row.merged_into !== null) {
    throw new DeskError('conflict', `patient #${patientId} was already merged into #${row.merged_into}`, {
      field: 'patientId',
      reason: 'patient.merged',
      params: { patientId: row.merged_into, conversationId: conversationOfPatient(db, row.merged_into) },
    });
  }
  const record: MergeablePatient = {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    language: row.language,
    preferredChannel: row.preferred_channel,
    birthDate: row.birth_date,
    notes: row.notes,
    tags: JSON.parse(row.tags) as string[],
    consents: consentsOf(db, patientId).map((c) => ({ kind: c.kind, granted: c.granted === 1, at: c.at, source: c.source })),
    identities: identitiesOf(db, patientId).map((i) => ({ kind: i.kind, value: i.value })),
    createdAt: row.created_at,
  };
  return { row, record };
}

export function previewMerge(db: Db, keepId: number, otherId: number, choices: Partial<Record<MergeField, MergeChoice>> = {}): MergePlan {
  return planMerge(loadMergeable(db, keepId).record, loadMergeable(db, otherId).record, choices);
}

export interface MergeOutcome {
  plan: MergePlan;
  conversationId: number | null;
  removedConversationId: number | null;
  moved: Record<string, number>;
}

const ACTIVITY = { open: 0, waiting: 1, snoozed: 2, done: 3 } as const;

/** The two conversations become one: the most active status, all unread, the oldest wait. */
export function mergedConversationState(a: ConversationRow, b: ConversationRow): Omit<ConversationRow, 'id' | 'patient_id'> {
  const active = ACTIVITY[a.status] <= ACTIVITY[b.status] ? a : b;
  const latest = (a.last_message_at ?? 0) >= (b.last_message_at ?? 0) ? a : b;
  const waits = [a.waiting_since, b.waiting_since].filter((w): w is number => w !== null);
  return {
    status: active.status,
    snoozed_until: active.status === 'snoozed' ? active.snoozed_until : null,
    assigned_to: a.assigned_to ?? b.assigned_to,
    unread_count: a.unread_count + b.unread_count,
    waiting_since: waits.length ? Math.min(...waits) : null,
    last_message_at: latest.last_message_at,
    last_channel: latest.last_channel,
    last_preview: latest.last_preview,
    last_direction: latest.last_direction,
    created_at: Math.min(a.created_at, b.created_at),
  };
}

export function mergePatients(
  db: Db,
  req: { keepId: number; otherId: number; choices?: Partial<Record<MergeField, MergeChoice>>; actor: string; at: number },
): MergeOutcome {
  return db.transaction((): MergeOutcome => {
    const keep = loadMergeable(db, req.keepId);
    const other = loadMergeable(db, req.otherId);
    const plan = planMerge(keep.record, other.record, req.choices ?? {}, getClinicSettings(db).uiLanguage);
    const keepConv = conversationOfPatient(db, req.keepId);
    const otherConv = conversationOfPatient(db, req.otherId);
    let conversationId = keepConv;
    let removedConversationId: number | null = null;
    const moved: Record<string, number> = {};
    if (otherConv !== null && keepConv !== null) {
      const a = getConversation(db, keepConv)!;
      const b = getConversation(db, otherConv)!;
      Object.assign(moved, moveReferences(db, 'conversations', otherConv, keepConv, []));
      saveMergedConversation(db, keepConv, mergedConversationState(a, b));
      // The emptied conversation stays with the merged-away record (one conversation per patient) and leaves the list.
      saveMergedConversation(db, otherConv, { ...b, unread_count: 0, waiting_since: null, last_message_at: null, last_preview: '', status: 'done', snoozed_until: null });
      removedConversationId = otherConv;
      moveDraft(db, otherConv, keepConv);
    } else if (otherConv !== null) {
      moveConversationToPatient(db, otherConv, req.keepId);
      conversationId = otherConv;
    }
    Object.assign(moved, moveReferences(db, 'patients', req.otherId, req.keepId, ['conversations.patient_id', 'patient_consents.patient_id', 'patients.merged_into']));
    replaceConsents(db, req.keepId, plan.merged.consents);
    writeMergedPatient(db, req.keepId, plan.merged, req.at);
    markMerged(db, req.otherId, req.keepId, req.at);
    writeAudit(db, req.at, {
      actor: req.actor,
      action: 'patient.merge',
      entity: 'patient',
      entityId: req.keepId,
      details: { mergedId: req.otherId, before: { keep: keep.record, other: other.record }, conflicts: plan.conflicts, moved },
    });
    return { plan, conversationId, removedConversationId, moved };
  })();
}
