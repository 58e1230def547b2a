import type { z } from 'zod';
import type { SETUP_STEPS, setupFacts, setupStepState } from '../../contract/setup';
import type { Db } from '../../db/database';
import { readSetting } from '../../db/repositories/settings';
import { getSmsProviderRow } from '../../db/repositories/sms';
import { hasCallImports, hasImportedAppointments } from '../../db/repositories/setupFacts';
import { hasAuthCreds } from '../../db/repositories/whatsappAuth';
import { getPbxConfig } from '../calls/callSettings';
import { lastTestAccepted } from '../sms/smsTestRecord';
import { WHATSAPP_HEALTH_KEY } from '../whatsapp/whatsappService';

export type Step = (typeof SETUP_STEPS)[number];
export type StepState = z.infer<typeof setupStepState>;
export type SetupFacts = z.infer<typeof setupFacts>;

/** What the clinic has really done for each optional step, read from the channels' own tables and settings. */
export function readSetupFacts(db: Db): SetupFacts {
  const health = readSetting<{ linkedPhone?: string | null; pairedAt?: number | null }>(db, WHATSAPP_HEALTH_KEY);
  const linked = hasAuthCreds(db) && health?.pairedAt != null;
  const test = lastTestAccepted(db);
  const pbx = getPbxConfig(db);
  return {
    whatsappPhone: linked ? (health?.linkedPhone ?? '') : null,
    // A test accepted by a provider since removed no longer counts (the demo's simulated one has no saved row).
    smsTest: test && (test.simulated || getSmsProviderRow(db, test.provider)) ? { provider: test.provider, at: test.at, simulated: test.simulated } : null,
    pbx: pbx.enabled && pbx.host ? 'ami' : hasCallImports(db) ? 'import' : null,
    agendaImported: hasImportedAppointments(db),
  };
}

const DONE: Record<Step, (f: SetupFacts) => boolean> = {
  whatsapp: (f) => f.whatsappPhone !== null,
  sms: (f) => f.smsTest !== null,
  pbx: (f) => f.pbx !== null,
  agenda: (f) => f.agendaImported,
};

/**
 * A step is done only when its facts say so; otherwise it is what the admin chose (skipped) or pending.
 * Opening a step's screen changes nothing: a half-configured channel stays pending.
 */
export function stepState(step: Step, facts: SetupFacts, chosen: StepState | undefined): StepState {
  if (DONE[step](facts)) return 'done';
  return chosen === 'skipped' ? 'skipped' : 'pending';
}
