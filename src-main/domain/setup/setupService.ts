import type { z } from 'zod';
import type { createClinicRequest, setupStatus } from '../../contract/setup';
import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import { writeAudit } from '../../db/repositories/audit';
import { countActiveUsers } from '../../db/repositories/users';
import { savePractitioner } from '../appointments/practitionerService';
import { parseBusinessHours, defaultBusinessHours } from '../hours/businessHours';
import { HOLIDAY_COUNTRIES, type HolidayCountry } from '../hours/holidays';
import { saveBusinessHours } from '../hours/hoursService';
import { isValidTimeZone } from '../hours/zonedTime';
import { updateClinicSettings } from '../settings/clinicSettings';
import type { Clock } from '../shared/clock';
import { DeskError, invalidInput } from '../shared/errors';
import { createUser } from '../users/userService';
import { readSetupFacts, stepState, type Step, type StepState } from './stepStates';

export type SetupStatus = z.infer<typeof setupStatus>;
export type CreateClinic = z.output<typeof createClinicRequest>;

interface SetupRecord {
  completedAt: number;
  languages: string[];
  steps: Partial<Record<Step, StepState>>;
}

const KEY = 'setup';
const PALETTE = ['#0f766e', '#7c3aed', '#c2410c', '#2563eb', '#be185d', '#4d7c0f', '#b45309', '#0369a1'];

/**
 * Is there a clinic in this database? Set by the wizard or `clinic-desk init`; a database from before the
 * wizard counts as a clinic once it holds a user or saved clinic settings, so an upgrade never shows the wizard.
 */
export function isConfigured(db: Db): boolean {
  return readSetting<SetupRecord>(db, KEY) !== undefined || countActiveUsers(db) > 0 || readSetting(db, 'clinic') !== undefined;
}

export function setupStatusOf(db: Db, demo: boolean): SetupStatus {
  const rec = readSetting<SetupRecord>(db, KEY);
  const configured = demo || isConfigured(db);
  const clinic = readSetting<{ clinicName?: string }>(db, 'clinic');
  const facts = readSetupFacts(db);
  const step = (s: Step): StepState => stepState(s, facts, rec?.steps[s]);
  return {
    configured,
    demo,
    clinicName: configured ? (clinic?.clinicName ?? null) : null,
    steps: { whatsapp: step('whatsapp'), sms: step('sms'), pbx: step('pbx'), agenda: step('agenda') },
    facts,
  };
}

/** The wizard's clinic as stored rows, validated in full before anything is written. */
function plan(input: CreateClinic): { holidays: HolidayCountry[]; weekly: NonNullable<CreateClinic['weekly']> } {
  if (!isValidTimeZone(input.timeZone)) throw invalidInput('timeZone', `"${input.timeZone}" is not a time zone (e.g. Europe/Rome)`, { reason: 'errors-detail:timeZone', params: { value: input.timeZone } });
  const holidays = (HOLIDAY_COUNTRIES as readonly string[]).includes(input.country) ? [input.country as HolidayCountry] : [];
  const weekly = input.weekly ?? defaultBusinessHours('IT', input.timeZone).weekly;
  parseBusinessHours({ timeZone: input.timeZone, weekly, publicHolidays: holidays, closures: [] });
  return { holidays, weekly };
}

/**
 * Creates a real clinic in an empty database: clinic settings, the first admin, opening hours with the
 * country's public holidays, practitioners, and the set-up record. Refused once a clinic exists.
 */
export async function createClinic(db: Db, clock: Clock, input: CreateClinic, actor = 'setup'): Promise<void> {
  if (isConfigured(db)) throw new DeskError('conflict', 'this desk already has a clinic; change it in Settings', { reason: 'errors-detail:clinicExists' });
  const { holidays, weekly } = plan(input);
  // The admin first: the password rules are the trust area's; a weak password stops here with nothing written.
  const admin = await createUser(db, clock, { name: input.admin.name, role: 'admin', password: input.admin.password, displayName: input.admin.displayName ?? null }, actor);
  if (admin.error) throw new DeskError(admin.error.code, admin.error.message, { field: `admin.${admin.error.field ?? 'name'}`, ...(admin.error.reason ? { reason: admin.error.reason } : {}), ...(admin.error.params ? { params: admin.error.params } : {}) });
  const now = clock.now();
  db.transaction(() => {
    updateClinicSettings(db, {
      clinicName: input.clinicName,
      defaultRegion: input.country,
      defaultLanguage: input.languages[0]!,
      timeZone: input.timeZone,
      uiLanguage: input.uiLanguage,
    });
    saveBusinessHours(db, { weekly, publicHolidays: holidays, closures: [] });
    input.practitioners.forEach((p, i) =>
      savePractitioner(db, { name: p.name, room: p.room?.trim() || null, colour: PALETTE[i % PALETTE.length]!, visitMinutes: p.visitMinutes, active: true }),
    );
    writeSetting(db, KEY, { completedAt: now, languages: input.languages, steps: {} });
    writeAudit(db, now, { actor, action: 'setup.createClinic', entity: 'settings', entityId: 'clinic', details: { clinicName: input.clinicName, country: input.country, admin: input.admin.name } });
  })();
}

/** Skips an optional step (the wizard) or takes it up again (Settings); "done" follows from the facts alone. */
export function setStep(db: Db, step: Step, state: 'pending' | 'skipped'): void {
  const rec = readSetting<SetupRecord>(db, KEY);
  if (!rec) throw new DeskError('conflict', 'create the clinic first', { reason: 'errors-detail:clinicFirst' });
  writeSetting(db, KEY, { ...rec, steps: { ...rec.steps, [step]: state } });
}
