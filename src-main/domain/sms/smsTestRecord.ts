import type { Db } from '../../db/database';
import { readSetting, writeSetting } from '../../db/repositories/settings';
import type { SmsProviderName } from './smsPorts';

/** The last test SMS a provider accepted: the proof the set-up wizard's SMS step asks for. */
export interface SmsTestAccepted {
  provider: SmsProviderName;
  providerId: string;
  at: number;
  /** The demo clinic tests through its simulated provider: nothing left the machine. */
  simulated: boolean;
}

const KEY = 'sms.testAccepted';

export function recordTestAccepted(db: Db, rec: SmsTestAccepted): void {
  writeSetting(db, KEY, rec);
}

export function lastTestAccepted(db: Db): SmsTestAccepted | null {
  return readSetting<SmsTestAccepted>(db, KEY) ?? null;
}
