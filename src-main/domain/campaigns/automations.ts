import type { Db } from '../../db/database';
import { writeAudit } from '../../db/repositories/audit';
import { birthdayPatients, insertCampaign, insertRecipients, recalledSince, recordAutomationSend, setCampaignStatus } from '../../db/repositories/campaigns';
import { segmentPatients } from '../../db/repositories/segments';
import { getTemplate } from '../../db/repositories/templates';
import { addDays, localParts } from '../hours/zonedTime';
import { clinicDate, getClinicSettings } from '../settings/clinicSettings';
import { decideConsent, type RefusalReason } from './consentRules';
import { getAutomationSettings, type AutomationSettings } from './automationSettings';
import { recipientFacts } from './recipientFacts';
import { compileForClinic } from './segmentService';

/**
 * Birthday greetings and recall: each run (the dispatcher calls it every minute) turns the patients due now into a
 * campaign of its kind, sent through the same paced, consent-checked, crash-safe dispatcher. The campaign, its
 * recipients and the "sent for this period" rows are one transaction, and the period rows are UNIQUE: a patient
 * is greeted once a year and recalled at most once every M months, however often this runs or crashes.
 */
const MONTH_MS = 30.44 * 24 * 3600 * 1000;
/** Automations trickle: a few a minute is plenty for a day's birthdays or recalls and looks personal. */
const AUTOMATION_PER_MINUTE = 6;

/** The MM-DD keys greeted on a date: 29 February birthdays are greeted on 28 February in other years. */
export function birthdayKeys(isoDate: string): string[] {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const key = isoDate.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return m === 2 && d === 28 && !leap ? [key, '02-29'] : [key];
}

/** The same day N calendar months earlier (31 March − 1 month = 28/29 February). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

function recallCandidates(db: Db, s: AutomationSettings['recall'], date: string, now: number): number[] {
  const def = {
    lastVisitBefore: monthsBefore(date, s.notSeenMonths),
    nextVisit: 'none' as const,
    ...(s.practitionerIds.length ? { practitionerIds: s.practitionerIds } : {}),
    ...(s.visitTypes.length ? { visitTypes: s.visitTypes } : {}),
  };
  const compiled = compileForClinic(db, def, now);
  const since = now - s.repeatMonths * MONTH_MS;
  const out: number[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = segmentPatients(db, compiled, 1000, offset);
    for (const p of page) if (!recalledSince(db, p.id, since)) out.push(p.id);
    if (page.length < 1000) return out;
  }
}

function startAutomationCampaign(db: Db, kind: 'birthday' | 'recall', templateId: number, channels: string[], patientIds: number[], period: (pid: number) => string, now: number): number | null {
  const template = getTemplate(db, templateId);
  if (!template || patientIds.length === 0) return null;
  const day = clinicDate(db, now);
  return db.transaction(() => {
    const id = insertCampaign(
      db,
      { name: `${kind} ${day}`, kind, segment: JSON.stringify({ automation: kind }), templateId, variants: JSON.stringify(template.variants), channels: JSON.stringify(channels), perMinute: AUTOMATION_PER_MINUTE, status: 'draft', scheduledAt: null, createdBy: 'automation' },
      now,
    );
    const fresh = patientIds.filter((pid) => recordAutomationSend(db, kind, pid, period(pid), id, now));
    if (fresh.length === 0) {
      db.prepare('DELETE FROM campaigns WHERE id = ?').run(id);
      return null;
    }
    insertRecipients(db, id, fresh);
    setCampaignStatus(db, id, 'running', { startedAt: now, nextDispatchAt: now });
    writeAudit(db, now, { actor: 'automation', action: 'campaign.start', entity: 'campaign', entityId: id, details: { kind, recipients: fresh.length } });
    return id;
  })();
}

/** Starts today's birthday and recall campaigns once the chosen hour has come; returns the campaigns started. */
export function runAutomations(db: Db, now: number): number[] {
  const s = getAutomationSettings(db);
  const tz = getClinicSettings(db).timeZone;
  const local = localParts(now, tz);
  const started: number[] = [];
  if (s.birthday.enabled && s.birthday.templateId && local.minute >= s.birthday.hour * 60) {
    const year = local.date.slice(0, 4);
    const ids = birthdayPatients(db, birthdayKeys(local.date), year).map((p) => p.id);
    const id = startAutomationCampaign(db, 'birthday', s.birthday.templateId, s.birthday.channels, ids, () => year, now);
    if (id) started.push(id);
  }
  if (s.recall.enabled && s.recall.templateId && local.minute >= s.recall.hour * 60) {
    const ids = recallCandidates(db, s.recall, local.date, now);
    const id = startAutomationCampaign(db, 'recall', s.recall.templateId, s.recall.channels, ids, () => local.date.slice(0, 7), now);
    if (id) started.push(id);
  }
  return started;
}

export interface PreviewDay {
  date: string;
  patients: { id: number; name: string; channel: 'whatsapp' | 'sms' | null; refusal: RefusalReason | null }[];
}

/** Who would receive each automation in the next 7 days (today first), with the channel or the consent reason. */
export function automationWeek(db: Db, now: number): { birthday: PreviewDay[]; recall: PreviewDay[] } {
  const s = getAutomationSettings(db);
  const today = clinicDate(db, now);
  const describe = (pid: number, channels: ('whatsapp' | 'sms')[]) => {
    const { patient, facts } = recipientFacts(db, pid);
    const d = decideConsent('marketing', facts, channels);
    return { id: pid, name: `${patient?.first_name ?? ''} ${patient?.last_name ?? ''}`.trim() || `#${pid}`, channel: d.ok ? d.channel : null, refusal: d.ok ? null : d.reason };
  };
  const birthday: PreviewDay[] = [];
  const recall: PreviewDay[] = [];
  const recalled = new Set<number>();
  for (let i = 0; i < 7; i++) {
    const date = addDays(today, i);
    birthday.push({ date, patients: birthdayPatients(db, birthdayKeys(date), date.slice(0, 4)).map((p) => describe(p.id, s.birthday.channels)) });
    const due = recallCandidates(db, s.recall, date, now).filter((pid) => !recalled.has(pid));
    due.forEach((pid) => recalled.add(pid));
    recall.push({ date, patients: due.map((pid) => describe(pid, s.recall.channels)) });
  }
  return { birthday, recall };
}
