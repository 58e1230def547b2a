/**
 * Puts an imported file into the schedule: practitioners by name (created when new), patients by phone
 * (created when new), appointments upserted by UID so a re-import updates and never duplicates. The whole
 * file is one transaction; a dry run does the same work and rolls it back, so its counts are exact.
 */
import type { ImportSummary } from '../../contract/appointments';
import { insertPractitioner } from '../../db/repositories/appointments';
import { insertPatient } from '../../db/repositories/patients';
import { allPractitioners, findPractitionerByName, upsertImported } from '../../db/repositories/schedule';
import { matchPractitioner, practitionerKey, similarPractitioner } from './practitionerMatch';
import { addDays, localParts, zonedToUtc } from '../hours/zonedTime';
import { resolvePatient, type MessagingDeps } from '../messaging/messagingService';
import { splitPersonName, type NameOrder } from '../patients/personName';
import { toE164 } from '../patients/phone';
import { getClinicSettings } from '../settings/clinicSettings';
import { importAppointmentCsv, type AppointmentColumnMapping } from './import/csvImport';
import { importIcs } from './import/icsImport';
import { roomForLocation } from './import/roomMatch';
import { allRooms } from '../../db/repositories/agendaCatalog';
import type { ImportedAppointment, ImportIssue } from './import/importedAppointment';

export interface ImportRequest {
  format: 'ics' | 'csv';
  content: string;
  practitioner?: string | undefined;
  /** Clinic-local dates, inclusive; default today and the next 30 days. */
  from?: string | undefined;
  to?: string | undefined;
  mapping?: AppointmentColumnMapping | undefined;
  /** How the file writes a patient's name: "Mario Rossi" (default) or "Rossi Mario". */
  nameOrder?: NameOrder | undefined;
  dryRun: boolean;
  /**
   * New practitioner names the desk confirmed ("will be created" in the preview): only these are created.
   * Rows naming any other unknown practitioner are reported with `appointments.practitionerUnconfirmed`.
   */
  createPractitioners?: readonly string[] | undefined;
  /** IT's `--create-all`: every new name is confirmed. */
  createAllPractitioners?: boolean | undefined;
}

class DryRunRollback extends Error {}

/** What a (real) import changed, for the visit loop's notices: sent after the import's transaction commits. */
export interface ImportChange {
  id: number;
  change: 'created' | 'moved' | 'cancelled';
}

export function importAppointments(deps: MessagingDeps, req: ImportRequest): ImportSummary & { changes?: ImportChange[] } {
  const { db } = deps;
  const settings = getClinicSettings(db);
  const tz = settings.timeZone;
  const today = localParts(deps.clock.now(), tz).date;
  const fromDay = req.from ?? today;
  const toDay = req.to ?? addDays(fromDay, 30);
  const range = { from: zonedToUtc(fromDay, 0, tz), to: zonedToUtc(addDays(toDay, 1), 0, tz) };
  const opts = { range, timeZone: tz, practitioner: req.practitioner ?? null };
  const visitMinutesOf = (name: string | null): number | undefined => (name ? findPractitionerByName(db, name)?.visit_minutes : undefined);
  const parsed = req.format === 'ics' ? importIcs(req.content, opts) : importAppointmentCsv(req.content, { ...opts, mapping: req.mapping ?? {}, visitMinutesOf });

  const summary: ImportSummary & { changes?: ImportChange[] } = {
    dryRun: req.dryRun,
    created: 0,
    updated: 0,
    unchanged: 0,
    patientsCreated: 0,
    practitionersCreated: [],
    newPractitioners: [],
    rows: [],
    errors: [...parsed.errors],
    skipped: parsed.skipped,
  };
  const changes: ImportChange[] = [];
  const confirmed = new Set((req.createPractitioners ?? []).map(practitionerKey).filter((k) => k !== ''));
  const confirm: Confirm = (name) => req.createAllPractitioners === true || confirmed.has(practitionerKey(name));
  // The rooms a source's location may name (Settings → Visit loop); a visit whose location names one gets it.
  const rooms = allRooms(db)
    .filter((r) => r.active === 1)
    .map((r) => r.name);
  const apply = db.transaction(() => {
    for (const a of parsed.appointments) {
      const error = applyOne(deps, a, summary, settings.defaultRegion, req.nameOrder ?? 'first_last', changes, confirm, rooms);
      if (error) summary.errors.push(error);
    }
    if (req.dryRun) throw new DryRunRollback();
  });
  try {
    apply();
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  summary.errors.sort((a, b) => a.line - b.line);
  if (!req.dryRun) summary.changes = changes;
  return summary;
}

/** Whether the desk confirmed creating this (new) practitioner name. */
type Confirm = (name: string) => boolean;

/** Lists a new name once (by its key), with every line it covers, so the desk confirms it knowing what it brings. */
function noteNewPractitioner(summary: ImportSummary, name: string, line: number, confirmed: boolean, similarTo: string | null): void {
  const key = practitionerKey(name);
  const entry = summary.newPractitioners.find((n) => practitionerKey(n.name) === key);
  if (entry) entry.lines.push(line);
  else summary.newPractitioners.push({ name, lines: [line], confirmed, similarTo });
}

function applyOne(
  deps: MessagingDeps,
  a: ImportedAppointment,
  summary: ImportSummary,
  region: string,
  nameOrder: NameOrder,
  changes: ImportChange[],
  confirm: Confirm,
  rooms: readonly string[],
): ImportIssue | null {
  const { db, clock } = deps;
  if (!a.practitioner) return { line: a.line, message: 'no practitioner: name one with --practitioner or a practitioner column', reason: 'appointments.noPractitioner' };
  const existing = allPractitioners(db);
  let practitioner = findPractitionerByName(db, a.practitioner) ?? matchPractitioner(a.practitioner, existing) ?? undefined;
  if (!practitioner) {
    // A name nobody has is never created silently: a typo ("Dr Rosi") must not become a second doctor.
    const similar = similarPractitioner(a.practitioner, existing)?.name ?? null;
    if (!confirm(a.practitioner)) {
      noteNewPractitioner(summary, a.practitioner, a.line, false, similar);
      return {
        line: a.line,
        message: `practitioner "${a.practitioner}" is new${similar ? ` (similar to "${similar}")` : ''}: confirm it with --create-practitioners or fix the name`,
        reason: similar ? 'errors-practitioners:unconfirmedSimilar' : 'errors-practitioners:unconfirmed',
        params: { name: a.practitioner, similar },
      };
    }
    noteNewPractitioner(summary, a.practitioner, a.line, true, similar);
    insertPractitioner(db, { name: a.practitioner });
    summary.practitionersCreated.push(a.practitioner);
    practitioner = findPractitionerByName(db, a.practitioner)!;
  } else {
    // Later rows of a confirmed new name match the record just created: still count their lines.
    const created = summary.newPractitioners.find((n) => n.confirmed && practitionerKey(n.name) === practitionerKey(practitioner!.name));
    if (created) created.lines.push(a.line);
  }
  const prior = db.prepare('SELECT id, starts_at, practitioner_id, status, patient_id FROM appointments WHERE external_uid = ?').get(a.uid) as
    | { id: number; starts_at: number; practitioner_id: number; status: string; patient_id: number | null }
    | undefined;
  let patientId: number | null = null;
  if (a.phone) {
    const e164 = toE164(a.phone, region as Parameters<typeof toE164>[1]);
    if (!e164) return { line: a.line, message: `phone "${a.phone}" is not a valid phone number`, reason: 'phone.invalid', params: { number: a.phone } };
    const r = resolvePatient(deps, { phone: e164, pushName: a.patientName, nameOrder });
    patientId = r.patientId;
    if (r.created) summary.patientsCreated++;
  } else if (prior?.patient_id != null) {
    // No number to match by: a visit imported before keeps its patient (a re-import must not make a twin).
    patientId = prior.patient_id;
  } else if (a.patientName) {
    patientId = insertPatient(db, splitPersonName(a.patientName, nameOrder), clock.now());
    summary.patientsCreated++;
  }
  const outcome = upsertImported(db, {
    externalUid: a.uid,
    patientId,
    practitionerId: practitioner.id,
    startsAt: a.startsAt,
    endsAt: a.endsAt,
    type: a.type,
    notes: a.notes,
    cancelled: a.cancelled,
    source: 'import',
  });
  summary[outcome]++;
  const id = prior?.id ?? (db.prepare('SELECT id FROM appointments WHERE external_uid = ?').get(a.uid) as { id: number }).id;
  // A location that names no room (an address, two rooms) leaves the room as the desk set it.
  const room = roomForLocation(a.location, rooms);
  if (room !== null) db.prepare('UPDATE appointments SET room = ? WHERE id = ? AND room IS NOT ?').run(room, id, room);
  if (!prior) {
    db.prepare('UPDATE appointments SET booked_at = ? WHERE id = ?').run(clock.now(), id);
    if (!a.cancelled) changes.push({ id, change: 'created' });
  } else if (outcome === 'updated') {
    if (a.cancelled && prior.status !== 'cancelled') changes.push({ id, change: 'cancelled' });
    else if (prior.starts_at !== a.startsAt || prior.practitioner_id !== practitioner.id) {
      // A new time or practitioner is a new revision: the key of its one reschedule notice.
      db.prepare('UPDATE appointments SET revision = revision + 1 WHERE id = ?').run(id);
      changes.push({ id, change: 'moved' });
    }
  }
  summary.rows.push({ line: a.line, uid: a.uid, startsAt: a.startsAt, endsAt: a.endsAt, patientName: a.patientName, ...(a.patientName ? { name: splitPersonName(a.patientName, nameOrder) } : {}), phone: a.phone, practitioner: practitioner.name, cancelled: a.cancelled, outcome });
  return null;
}
