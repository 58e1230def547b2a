import type { Db } from '../database';

/** Campaigns and their materialised recipients (migration 101). */
export interface CampaignRow {
  id: number;
  name: string;
  kind: 'campaign' | 'birthday' | 'recall';
  segment: string;
  template_id: number | null;
  variants: string;
  channels: string;
  per_minute: number;
  status: 'draft' | 'scheduled' | 'running' | 'paused' | 'cancelled' | 'done';
  scheduled_at: number | null;
  started_at: number | null;
  finished_at: number | null;
  next_dispatch_at: number | null;
  created_by: string;
  created_at: number;
}

export interface NewCampaign {
  name: string;
  kind: CampaignRow['kind'];
  segment: string;
  templateId: number | null;
  variants: string;
  channels: string;
  perMinute: number;
  status: 'draft' | 'scheduled';
  scheduledAt: number | null;
  createdBy: string;
}

export function insertCampaign(db: Db, c: NewCampaign, at: number): number {
  return Number(
    db
      .prepare(
        `INSERT INTO campaigns (name, kind, segment, template_id, variants, channels, per_minute, status, scheduled_at, next_dispatch_at, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(c.name, c.kind, c.segment, c.templateId, c.variants, c.channels, c.perMinute, c.status, c.scheduledAt, c.scheduledAt, c.createdBy, at).lastInsertRowid,
  );
}

export function getCampaign(db: Db, id: number): CampaignRow | undefined {
  return db.prepare('SELECT * FROM campaigns WHERE id = ?').get(id) as CampaignRow | undefined;
}

export function listCampaigns(db: Db, limit = 200): CampaignRow[] {
  return db.prepare('SELECT * FROM campaigns ORDER BY created_at DESC, id DESC LIMIT ?').all(limit) as CampaignRow[];
}

export function setCampaignStatus(db: Db, id: number, status: CampaignRow['status'], fields: { startedAt?: number; finishedAt?: number; nextDispatchAt?: number | null } = {}): void {
  db.prepare(
    `UPDATE campaigns SET status = ?, started_at = COALESCE(?, started_at), finished_at = COALESCE(?, finished_at),
       next_dispatch_at = CASE WHEN ? THEN ? ELSE next_dispatch_at END WHERE id = ?`,
  ).run(status, fields.startedAt ?? null, fields.finishedAt ?? null, fields.nextDispatchAt !== undefined ? 1 : 0, fields.nextDispatchAt ?? null, id);
}

export function setNextDispatch(db: Db, id: number, at: number): void {
  db.prepare('UPDATE campaigns SET next_dispatch_at = ? WHERE id = ?').run(at, id);
}

/** Running campaigns due now, and scheduled ones whose time came. */
export function dueCampaigns(db: Db, now: number): CampaignRow[] {
  return db
    .prepare(`SELECT * FROM campaigns WHERE status IN ('scheduled','running') AND next_dispatch_at <= ? ORDER BY next_dispatch_at, id`)
    .all(now) as CampaignRow[];
}

export function nextDispatchTime(db: Db): number | null {
  const r = db.prepare(`SELECT min(next_dispatch_at) AS t FROM campaigns WHERE status IN ('scheduled','running')`).get() as { t: number | null };
  return r.t;
}

export interface RecipientRow {
  campaign_id: number;
  patient_id: number;
  seq: number;
  state: 'pending' | 'queued' | 'refused' | 'cancelled';
}

export function nextPendingRecipient(db: Db, campaignId: number): RecipientRow | undefined {
  return db
    .prepare(`SELECT campaign_id, patient_id, seq, state FROM campaign_recipients WHERE campaign_id = ? AND state = 'pending' ORDER BY seq LIMIT 1`)
    .get(campaignId) as RecipientRow | undefined;
}

export function markRecipientQueued(db: Db, campaignId: number, patientId: number, channel: string, language: string, messageId: number, at: number): void {
  db.prepare(
    `UPDATE campaign_recipients SET state = 'queued', channel = ?, language = ?, message_id = ?, decided_at = ? WHERE campaign_id = ? AND patient_id = ? AND state = 'pending'`,
  ).run(channel, language, messageId, at, campaignId, patientId);
}

export function markRecipientRefused(db: Db, campaignId: number, patientId: number, reason: string, channel: string | null, at: number): void {
  db.prepare(
    `UPDATE campaign_recipients SET state = 'refused', refusal = ?, channel = ?, decided_at = ? WHERE campaign_id = ? AND patient_id = ? AND state = 'pending'`,
  ).run(reason, channel, at, campaignId, patientId);
}

export function cancelPendingRecipients(db: Db, campaignId: number, at: number): number {
  return db.prepare(`UPDATE campaign_recipients SET state = 'cancelled', decided_at = ? WHERE campaign_id = ? AND state = 'pending'`).run(at, campaignId).changes;
}

/** Outbox rows of the campaign not yet handed to a provider: their key is `campaign:<id>:<patient>` (a range on the UNIQUE index). */
export function cancelCampaignOutbox(db: Db, campaignId: number, at: number): number {
  const lo = `campaign:${campaignId}:`;
  const hi = `campaign:${campaignId};`;
  const rows = db.prepare(`SELECT id, message_id FROM outbox WHERE idempotency_key >= ? AND idempotency_key < ? AND status = 'pending'`).all(lo, hi) as {
    id: number;
    message_id: number | null;
  }[];
  for (const r of rows) {
    db.prepare(`UPDATE outbox SET status = 'cancelled' WHERE id = ? AND status = 'pending'`).run(r.id);
    if (r.message_id) db.prepare(`UPDATE messages SET status = 'failed', failure_reason = 'campaign cancelled', status_at = ? WHERE id = ?`).run(at, r.message_id);
  }
  return rows.length;
}

/** The campaign's outbox rows not yet handed over to a provider (a range on the UNIQUE key index). */
export function campaignBacklog(db: Db, campaignId: number): number {
  return (
    db
      .prepare(`SELECT count(*) AS n FROM outbox WHERE idempotency_key >= ? AND idempotency_key < ? AND status IN ('pending','sending')`)
      .get(`campaign:${campaignId}:`, `campaign:${campaignId};`) as { n: number }
  ).n;
}

export interface ReportCounts {
  recipients: number;
  pending: number;
  refused: number;
  cancelled: number;
  queued: number;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  replied: number;
  optedOut: number;
}

export function reportCounts(db: Db, campaignId: number): ReportCounts {
  const states = db
    .prepare(
      `SELECT count(*) AS recipients,
         sum(state = 'pending') AS pending, sum(state = 'refused') AS refused, sum(state = 'cancelled') AS cancelled
       FROM campaign_recipients WHERE campaign_id = ?`,
    )
    .get(campaignId) as { recipients: number; pending: number | null; refused: number | null; cancelled: number | null };
  const msgs = db
    .prepare(
      `SELECT sum(m.status = 'queued') AS queued, sum(m.status IN ('sent','delivered','read')) AS sent,
         sum(m.status IN ('delivered','read')) AS delivered, sum(m.status = 'read') AS read, sum(m.status = 'failed') AS failed,
         sum(EXISTS (SELECT 1 FROM messages i WHERE i.conversation_id = m.conversation_id AND i.direction = 'in' AND i.created_at > m.created_at)) AS replied,
         sum(EXISTS (SELECT 1 FROM patient_consents c WHERE c.patient_id = r.patient_id AND c.granted = 0 AND c.at >= m.created_at)) AS opted_out
       FROM campaign_recipients r JOIN messages m ON m.id = r.message_id
       WHERE r.campaign_id = ? AND r.state = 'queued'`,
    )
    .get(campaignId) as Record<string, number | null>;
  const n = (v: number | null | undefined) => v ?? 0;
  return {
    recipients: states.recipients,
    pending: n(states.pending),
    refused: n(states.refused),
    cancelled: n(states.cancelled),
    queued: n(msgs.queued),
    sent: n(msgs.sent),
    delivered: n(msgs.delivered),
    read: n(msgs.read),
    failed: n(msgs.failed),
    replied: n(msgs.replied),
    optedOut: n(msgs.opted_out),
  };
}

export function refusalCounts(db: Db, campaignId: number): { reason: string; count: number }[] {
  return db
    .prepare(`SELECT refusal AS reason, count(*) AS count FROM campaign_recipients WHERE campaign_id = ? AND state = 'refused' GROUP BY refusal ORDER BY count DESC`)
    .all(campaignId) as { reason: string; count: number }[];
}

export function failureCounts(db: Db, campaignId: number): { reason: string; count: number }[] {
  return db
    .prepare(
      `SELECT COALESCE(m.failure_reason, 'unknown') AS reason, count(*) AS count FROM campaign_recipients r JOIN messages m ON m.id = r.message_id
       WHERE r.campaign_id = ? AND r.state = 'queued' AND m.status = 'failed' GROUP BY 1 ORDER BY count DESC`,
    )
    .all(campaignId) as { reason: string; count: number }[];
}

export interface RecipientFactsRow {
  id: number;
  first_name: string;
  last_name: string;
  language: string | null;
  preferred_channel: 'whatsapp' | 'sms' | null;
  erased_at: number | null;
}

export function recipientPatient(db: Db, patientId: number): RecipientFactsRow | undefined {
  return db.prepare('SELECT id, first_name, last_name, language, preferred_channel, erased_at FROM patients WHERE id = ?').get(patientId) as RecipientFactsRow | undefined;
}

export function identityKinds(db: Db, patientId: number): { phone: boolean; whatsapp: boolean } {
  const rows = db.prepare('SELECT DISTINCT kind FROM patient_identities WHERE patient_id = ?').all(patientId) as { kind: string }[];
  return { phone: rows.some((r) => r.kind === 'phone'), whatsapp: rows.some((r) => r.kind === 'whatsapp') };
}

export function hasInbound(db: Db, conversationId: number): boolean {
  return db.prepare(`SELECT 1 FROM messages WHERE conversation_id = ? AND direction = 'in' LIMIT 1`).get(conversationId) !== undefined;
}

/** An automation's audience, decided by the automation rather than a segment: recipients in the order given. */
export function insertRecipients(db: Db, campaignId: number, patientIds: readonly number[]): number {
  const st = db.prepare('INSERT OR IGNORE INTO campaign_recipients (campaign_id, patient_id, seq) VALUES (?, ?, ?)');
  let n = 0;
  patientIds.forEach((pid, i) => (n += st.run(campaignId, pid, i + 1).changes));
  return n;
}

/** Records "sent for this period": the UNIQUE key is the once-a-year / once-every-M-months rule. */
export function recordAutomationSend(db: Db, kind: 'birthday' | 'recall', patientId: number, period: string, campaignId: number, at: number): boolean {
  return (
    db.prepare('INSERT OR IGNORE INTO automation_sends (kind, patient_id, period, campaign_id, at) VALUES (?, ?, ?, ?, ?)').run(kind, patientId, period, campaignId, at).changes > 0
  );
}

/** Live patients born on one of these MM-DD days who were not greeted in `year`. */
export function birthdayPatients(db: Db, monthDays: readonly string[], year: string): { id: number; first_name: string; last_name: string; birth_date: string }[] {
  if (monthDays.length === 0) return [];
  return db
    .prepare(
      `SELECT p.id, p.first_name, p.last_name, p.birth_date FROM patients p
       WHERE p.merged_into IS NULL AND p.erased_at IS NULL AND p.birth_date IS NOT NULL AND substr(p.birth_date, 6, 5) IN (${monthDays.map(() => '?').join(',')})
         AND NOT EXISTS (SELECT 1 FROM automation_sends s WHERE s.kind = 'birthday' AND s.patient_id = p.id AND s.period = ?)
       ORDER BY p.id`,
    )
    .all(...monthDays, year) as { id: number; first_name: string; last_name: string; birth_date: string }[];
}

/** Whether the patient was recalled since `since`. */
export function recalledSince(db: Db, patientId: number, since: number): boolean {
  return db.prepare(`SELECT 1 FROM automation_sends WHERE patient_id = ? AND kind = 'recall' AND at >= ? LIMIT 1`).get(patientId, since) !== undefined;
}

export interface QueuedMarketingRow {
  campaign_id: number;
  patient_id: number;
  channel: 'whatsapp' | 'sms' | null;
  message_id: number | null;
  outbox_id: number;
}

/**
 * The patient's campaign and automation messages decided but not yet handed to a provider: recipients `queued`
 * (campaign_recipients_patient index) whose outbox row, found by its UNIQUE key `campaign:<id>:<patient>`, is still
 * `pending`. A row being sent or sent is not listed: it is past recall.
 */
export function queuedMarketingOf(db: Db, patientId: number): QueuedMarketingRow[] {
  return db
    .prepare(
      `SELECT r.campaign_id, r.patient_id, r.channel, r.message_id, o.id AS outbox_id
       FROM campaign_recipients r JOIN outbox o ON o.idempotency_key = 'campaign:' || r.campaign_id || ':' || r.patient_id
       WHERE r.patient_id = ? AND r.state = 'queued' AND o.status = 'pending'`,
    )
    .all(patientId) as QueuedMarketingRow[];
}

/**
 * Takes back one queued campaign message: the outbox row is cancelled only while still `pending` (compare-and-set,
 * so a row the worker claimed meanwhile goes out and is reported as sent), the recipient becomes `refused` with the
 * consent reason (the report keeps adding up) and the message fails with that reason. Returns whether it was taken back.
 */
export function withdrawQueuedRecipient(db: Db, row: Pick<QueuedMarketingRow, 'campaign_id' | 'patient_id' | 'message_id' | 'outbox_id'>, reason: string, at: number): boolean {
  if (db.prepare(`UPDATE outbox SET status = 'cancelled', last_error = ?, last_error_code = ? WHERE id = ? AND status = 'pending'`).run(reason, reason, row.outbox_id).changes === 0) return false;
  db.prepare(`UPDATE campaign_recipients SET state = 'refused', refusal = ?, decided_at = ? WHERE campaign_id = ? AND patient_id = ? AND state = 'queued'`).run(
    reason,
    at,
    row.campaign_id,
    row.patient_id,
  );
  if (row.message_id) db.prepare(`UPDATE messages SET status = 'failed', failure_reason = ?, status_at = ? WHERE id = ?`).run(reason, at, row.message_id);
  return true;
}

