import type { SegmentDefinition } from '../../contract/campaigns';
import type { Db } from '../../db/database';
import { compileSegment, type CompiledSegment } from '../../db/repositories/segments';
import { localParts, zonedToUtc } from '../hours/zonedTime';
import { getClinicSettings } from '../settings/clinicSettings';

/** A segment compiled for the clinic's calendar: ages by the clinic's today, dates as the clinic's midnights. */
export function compileForClinic(db: Db, def: SegmentDefinition, now: number): CompiledSegment {
  const tz = getClinicSettings(db).timeZone;
  return compileSegment(def, localParts(now, tz).date, now, (date) => zonedToUtc(date, 0, tz));
}
