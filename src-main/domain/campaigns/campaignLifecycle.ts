import type { CampaignReport, SegmentDefinition } from '../../contract/campaigns';
import type { Db } from '../../db/database';
import { writeAudit } from '../../db/repositories/audit';
import {
  cancelCampaignOutbox,
  cancelPendingRecipients,
  failureCounts,
  getCampaign,
  insertCampaign,
  refusalCounts,
  reportCounts,
  setCampaignStatus,
  type CampaignRow,
} from '../../db/repositories/campaigns';
import { materialiseRecipients } from '../../db/repositories/segments';
import { getTemplate } from '../../db/repositories/templates';
import type { Channel } from '../messaging/channelPort';
import { DeskError, notFound } from '../shared/errors';
import type { RefusalReason } from './consentRules';
import { compileForClinic } from './segmentService';

/** A campaign's life: draft or scheduled → running ⇄ paused → done, or cancelled at any point before done. */
export interface CampaignDraft {
  name: string;
  kind?: CampaignRow['kind'];
  segment: SegmentDefinition;
  templateId: number;
  channels: Channel[];
  perMinute: number;
  scheduledAt: number | null;
}

export function createCampaign(db: Db, d: CampaignDraft, actor: string, now: number): number {
  const template = getTemplate(db, d.templateId);
  if (!template) throw notFound('Template', d.templateId);
  const variants = template.variants;
  if (!Object.values(variants).some((b) => b.trim() !== '')) throw new DeskError('invalid_input', 'templateId: the template has no text in any language', { field: 'templateId', reason: 'errors-detail:templateEmpty' });
  return db.transaction(() => {
    const id = insertCampaign(
      db,
      {
        name: d.name,
        kind: d.kind ?? 'campaign',
        segment: JSON.stringify(d.segment),
        templateId: d.templateId,
        variants: JSON.stringify(variants),
        channels: JSON.stringify(d.channels),
        perMinute: d.perMinute,
        status: d.scheduledAt !== null ? 'scheduled' : 'draft',
        scheduledAt: d.scheduledAt,
        createdBy: actor,
      },
      now,
    );
    writeAudit(db, now, { actor, action: 'campaign.create', entity: 'campaign', entityId: id, details: { name: d.name, kind: d.kind ?? 'campaign', scheduledAt: d.scheduledAt } });
    return id;
  })();
}

function requireCampaign(db: Db, id: number): CampaignRow {
  const c = getCampaign(db, id);
  if (!c) throw notFound('Campaign', id);
  return c;
}

/** What the desk says when a campaign is not in a state that allows the action (its status changed meanwhile). */
const CANNOT = {
  start: 'errors-detail:campaignCannot.start',
  pause: 'errors-detail:campaignCannot.pause',
  resume: 'errors-detail:campaignCannot.resume',
  'be cancelled': 'errors-detail:campaignCannot.cancel',
} as const;

function refuseTransition(c: CampaignRow, verb: keyof typeof CANNOT): never {
  throw new DeskError('conflict', `campaign #${c.id} is ${c.status}: it cannot ${verb}`, { field: 'id', details: { status: c.status }, reason: CANNOT[verb], params: { name: c.name } });
}

/** Fixes the audience (one recipient row per patient, in dispatch order) and starts sending. */
export function materialise(db: Db, c: CampaignRow, actor: string, now: number): number {
  return db.transaction(() => {
    const n = materialiseRecipients(db, c.id, compileForClinic(db, JSON.parse(c.segment) as SegmentDefinition, now));
    setCampaignStatus(db, c.id, 'running', { startedAt: now, nextDispatchAt: now });
    writeAudit(db, now, { actor, action: 'campaign.start', entity: 'campaign', entityId: c.id, details: { name: c.name, kind: c.kind, recipients: n } });
    return n;
  })();
}

export function startCampaign(db: Db, id: number, actor: string, now: number): void {
  const c = requireCampaign(db, id);
  if (c.status !== 'draft' && c.status !== 'scheduled') refuseTransition(c, 'start');
  materialise(db, c, actor, now);
}

export function pauseCampaign(db: Db, id: number, actor: string, now: number): void {
  const c = requireCampaign(db, id);
  if (c.status !== 'running') refuseTransition(c, 'pause');
  db.transaction(() => {
    setCampaignStatus(db, id, 'paused');
    writeAudit(db, now, { actor, action: 'campaign.pause', entity: 'campaign', entityId: id });
  })();
}

export function resumeCampaign(db: Db, id: number, actor: string, now: number): void {
  const c = requireCampaign(db, id);
  if (c.status !== 'paused') refuseTransition(c, 'resume');
  db.transaction(() => {
    setCampaignStatus(db, id, 'running', { nextDispatchAt: now });
    writeAudit(db, now, { actor, action: 'campaign.resume', entity: 'campaign', entityId: id });
  })();
}

/** Stops for good: recipients not yet decided are cancelled, and so is what waits in the outbox. */
export function cancelCampaign(db: Db, id: number, actor: string, now: number): void {
  const c = requireCampaign(db, id);
  if (c.status === 'done' || c.status === 'cancelled') refuseTransition(c, 'be cancelled');
  db.transaction(() => {
    const recipients = cancelPendingRecipients(db, id, now);
    const outbox = cancelCampaignOutbox(db, id, now);
    setCampaignStatus(db, id, 'cancelled', { finishedAt: now, nextDispatchAt: null });
    writeAudit(db, now, { actor, action: 'campaign.cancel', entity: 'campaign', entityId: id, details: { recipients, outbox } });
  })();
}

export function campaignReport(db: Db, id: number): CampaignReport {
  const c = requireCampaign(db, id);
  const n = reportCounts(db, id);
  return {
    id: c.id,
    name: c.name,
    kind: c.kind,
    status: c.status,
    ...n,
    failures: failureCounts(db, id),
    refusals: refusalCounts(db, id) as { reason: RefusalReason; count: number }[],
    perMinute: c.per_minute,
    scheduledAt: c.scheduled_at,
    startedAt: c.started_at,
    finishedAt: c.finished_at,
    createdBy: c.created_by,
    createdAt: c.created_at,
  };
}
