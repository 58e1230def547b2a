/**
 * Figures of capabilities that may not exist in this clinic's database yet: reminders (sent / confirmed / cancelled /
 * unanswered) and feedback (received, average score) come with the visit-loop work. A provider names the tables it
 * needs; when any is missing its figures are left out of the report, so the screen hides them instead of showing a
 * misleading zero. Adding reminders is one entry in OPTIONAL_FIGURES (and its labels under `stats:optional.<key>`).
 */
import type { StatsReport } from '../../contract/stats';
import type { Db } from '../../db/database';
import { tableExists } from '../../db/repositories/statsActivity';

export type OptionalFigure = StatsReport['optional'][number];

export interface OptionalFigureProvider {
  group: OptionalFigure['group'];
  /** Every table the figures read; all must exist. */
  tables: readonly string[];
  figures(db: Db, range: { startMs: number; endMs: number; from: string; to: string }): OptionalFigure[];
}

/** The providers known to this build. Empty until the reminders and feedback tables land. */
export const OPTIONAL_FIGURES: OptionalFigureProvider[] = [];

export function optionalFigures(db: Db, providers: readonly OptionalFigureProvider[], range: { startMs: number; endMs: number; from: string; to: string }): OptionalFigure[] {
  return providers.filter((p) => p.tables.every((t) => tableExists(db, t))).flatMap((p) => p.figures(db, range));
}
