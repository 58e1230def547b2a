/**
 * The broadcaster: announce a delay, preview who would be told what, send. Sending writes, in ONE
 * transaction, each notice row and its message + outbox row keyed `delay-notice:<appointment>:<revision>`,
 * so a crash at any point either loses the whole decision (made again on restart, same keys) or keeps
 * it whole (the outbox worker sends each row once, the provider de-duplicates a resend of the same key).
 */
import type { DelayPreview } from '../../contract/appointments';
import { ensureConversation } from '../../db/repositories/conversations';
import { delayTemplateVariants, insertNotice, noticeExists, recordRevision } from '../../db/repositories/delays';
import { activePractitioners } from '../../db/repositories/schedule';
import { queueOutgoing, recordSystemEvent, type MessagingDeps } from '../messaging/messagingService';
import { getBusinessHours } from '../hours/hoursService';
import { getClinicSettings } from '../settings/clinicSettings';
import { clinicInfo } from '../templates/clinicProfile';
import { DeskError, invalidInput } from '../shared/errors';
import { spokenDelayMinutes } from './delayPlanner';
import type { PlannedNotice } from './noticeDecision';
import { noticeText } from './noticeText';
import { decideForDay, loadPractitionerDay, type PractitionerDay } from './practitionerDay';
import { publishDelays } from './waitingRoom';
import { dateTimeFormat } from '../shared/intlCache';

type Deps = MessagingDeps;

const SYSTEM_LINE: Record<string, (n: { practitioner: string; minutes: number; eta: string; channel: string }) => string> = {
  it: (n) => `Avviso di ritardo inviato (${n.channel}): ${n.practitioner} +${n.minutes} min, arrivo previsto ${n.eta}`,
  pl: (n) => `Wysłano informację o opóźnieniu (${n.channel}): ${n.practitioner} +${n.minutes} min, przewidywana godzina ${n.eta}`,
  en: (n) => `Delay notice sent (${n.channel}): ${n.practitioner} +${n.minutes} min, expected ${n.eta}`,
};

function revisionOf(deps: Deps, pd: PractitionerDay, actor: string): number {
  return pd.state?.revision ?? recordRevision(deps.db, { practitionerId: pd.practitioner.id, day: pd.day.day, reason: 'opened', actor, at: deps.clock.now() }).revision;
}

interface Rendered {
  notice: PlannedNotice;
  text: string;
  language: string;
  patientName: string;
  startsAt: number;
}

function render(deps: Deps, pd: PractitionerDay, notices: PlannedNotice[]): { ok: Rendered[]; failed: PlannedNotice[] } {
  const settings = getClinicSettings(deps.db);
  const delayVariants = delayTemplateVariants(deps.db);
  const context = { now: deps.clock.now(), clinic: clinicInfo(deps.db), hours: getBusinessHours(deps.db) };
  const byId = new Map(pd.rows.map((r) => [r.id, r]));
  const ok: Rendered[] = [];
  const failed: PlannedNotice[] = [];
  for (const n of notices) {
    const row = byId.get(n.appointmentId)!;
    const text = noticeText({
      kind: n.kind,
      language: n.language,
      clinicLanguage: settings.defaultLanguage,
      delayVariants,
      context,
      patientFirstName: row.first_name ?? '',
      practitioner: pd.practitioner.name,
      startsAt: row.starts_at,
      eta: n.eta,
      delayMinutes: spokenDelayMinutes(n.delayMs),
    });
    if (!text.ok) failed.push(n);
    else ok.push({ notice: n, text: text.text, language: text.language, patientName: `${row.first_name ?? ''} ${row.last_name ?? ''}`.trim(), startsAt: row.starts_at });
  }
  return { ok, failed };
}

export function previewDelay(deps: Deps, practitionerId: number, actor = 'desk'): DelayPreview {
  const now = deps.clock.now();
  const pd = loadPractitionerDay(deps.db, practitionerId, now);
  let revision = revisionOf(deps, pd, actor);
  let decision = decideForDay(deps.db, pd, now, revision);
  // Time moved the ETA again within one revision: a fresh revision gives the new notices their own keys.
  if (decision.notices.some((n) => noticeExists(deps.db, n.idempotencyKey))) {
    revision = recordRevision(deps.db, { practitionerId, day: pd.day.day, reason: 'clock', actor, at: now }).revision;
    decision = decideForDay(deps.db, pd, now, revision);
  }
  const { ok, failed } = render(deps, pd, decision.notices);
  const names = new Map(pd.rows.map((r) => [r.id, `${r.first_name ?? ''} ${r.last_name ?? ''}`.trim()]));
  return {
    practitionerId,
    practitioner: pd.practitioner.name,
    revision,
    currentDelayMinutes: spokenDelayMinutes(pd.plan.currentDelayMs),
    announcedMinutes: pd.state?.announced_minutes ?? null,
    automatic: pd.state?.automatic === 1,
    notices: ok.map((r) => ({
      appointmentId: r.notice.appointmentId,
      patientId: r.notice.patientId,
      patientName: r.patientName,
      kind: r.notice.kind,
      channel: r.notice.channel,
      language: r.language,
      startsAt: r.startsAt,
      eta: r.notice.eta,
      previousEta: r.notice.previousEta,
      delayMinutes: spokenDelayMinutes(r.notice.delayMs),
      text: r.text,
    })),
    skipped: [
      ...decision.skipped.map((s) => ({ appointmentId: s.appointmentId, patientName: names.get(s.appointmentId) ?? '', reason: s.reason })),
      ...failed.map((n) => ({ appointmentId: n.appointmentId, patientName: names.get(n.appointmentId) ?? '', reason: 'template_incomplete' as const })),
    ],
  };
}

/** "+25 min" (or 0 to clear). A new revision; in automatic mode the notices go out at once. */
export function announceDelay(deps: Deps, practitionerId: number, minutes: number, actor: string): DelayPreview {
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 240) throw invalidInput('minutes', 'must be a whole number of minutes between 0 and 240', { reason: 'errors-detail:delayMinutes', params: { max: 240 } });
  const now = deps.clock.now();
  const pd = loadPractitionerDay(deps.db, practitionerId, now);
  const state = recordRevision(deps.db, { practitionerId, day: pd.day.day, reason: minutes === 0 ? 'cleared' : 'announced', announcedMinutes: minutes === 0 ? null : minutes, actor, at: now });
  return afterChange(deps, practitionerId, state.automatic === 1, actor);
}

export function setAutomatic(deps: Deps, practitionerId: number, automatic: boolean, actor: string): DelayPreview {
  const now = deps.clock.now();
  const pd = loadPractitionerDay(deps.db, practitionerId, now);
  recordRevision(deps.db, { practitionerId, day: pd.day.day, reason: 'mode', automatic, actor, at: now });
  return afterChange(deps, practitionerId, automatic, actor);
}

/** A visit started, finished, was checked in…: the derived delay may have moved. */
export function scheduleChanged(deps: Deps, practitionerId: number, actor: string): void {
  const now = deps.clock.now();
  const pd = loadPractitionerDay(deps.db, practitionerId, now);
  const state = recordRevision(deps.db, { practitionerId, day: pd.day.day, reason: 'visit', actor, at: now });
  afterChange(deps, practitionerId, state.automatic === 1, actor);
}

function afterChange(deps: Deps, practitionerId: number, automatic: boolean, actor: string): DelayPreview {
  const preview = previewDelay(deps, practitionerId, actor);
  if (automatic && preview.notices.length > 0) sendNotices(deps, practitionerId, preview.revision, actor);
  publishDelays(deps);
  return automatic ? previewDelay(deps, practitionerId, actor) : preview;
}

/**
 * Sends what the preview of `revision` shows. Refused when the delay changed since the preview was
 * shown (the receptionist must see what they confirm); with `onlyAppointments`, notices that time added
 * since the preview are left for the next one. Sending the same revision again sends nothing new.
 */
export function sendNotices(deps: Deps, practitionerId: number, revision: number, actor: string, onlyAppointments?: readonly number[]): { queued: number } {
  const { db, clock } = deps;
  const now = clock.now();
  const quiet: MessagingDeps = { ...deps, kickOutbox: () => undefined };
  const queued = db.transaction(() => {
    const pd = loadPractitionerDay(db, practitionerId, now);
    const current = revisionOf(deps, pd, actor);
    if (current !== revision) throw new DeskError('conflict', `revision: the delay changed since this preview (now revision ${current}); preview again`, { field: 'revision', reason: 'delays.previewStale' });
    const seen = onlyAppointments ? new Set(onlyAppointments) : null;
    const { ok } = render(deps, pd, decideForDay(db, pd, now, revision).notices.filter((n) => !seen || seen.has(n.appointmentId)));
    const lang = getClinicSettings(db).uiLanguage;
    let count = 0;
    for (const r of ok) {
      const n = r.notice;
      if (noticeExists(db, n.idempotencyKey)) continue;
      const conv = ensureConversation(db, n.patientId, now);
      const meta = { delayNotice: { appointmentId: n.appointmentId, revision, kind: n.kind, eta: n.eta, practitioner: pd.practitioner.name } };
      const { message } = queueOutgoing(quiet, { conversationId: conv.id, channel: n.channel, body: r.text, author: null, automatic: true, idempotencyKey: n.idempotencyKey, kind: 'delay_notice', meta });
      insertNotice(db, { ...n, revisionId: revision, day: pd.day.day, messageId: message.id, at: now });
      const eta = dateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: pd.day.timeZone }).format(n.eta);
      const line = SYSTEM_LINE[lang] ?? SYSTEM_LINE.en!;
      recordSystemEvent(quiet, conv.id, line({ practitioner: pd.practitioner.name, minutes: spokenDelayMinutes(n.delayMs), eta, channel: n.channel === 'sms' ? 'SMS' : 'WhatsApp' }), meta);
      count++;
    }
    return count;
  })();
  if (queued > 0) deps.kickOutbox();
  publishDelays(deps);
  return { queued };
}

/** Automatic mode as time passes: a practitioner who has not started yet keeps sliding. */
export function automaticTick(deps: Deps): number {
  const now = deps.clock.now();
  let queued = 0;
  for (const p of activePractitioners(deps.db)) {
    const pd = loadPractitionerDay(deps.db, p.id, now);
    if (pd.state?.automatic !== 1) continue;
    const preview = previewDelay(deps, p.id, 'automatic');
    if (preview.notices.length === 0) continue;
    queued += sendNotices(deps, p.id, preview.revision, 'automatic').queued;
  }
  return queued;
}
