import { createHash } from 'node:crypto';
import { columnMapping, type CallImportSummary, type ColumnMappingDto } from '../../contract/calls';
import { logCallImport, readImportMapping, writeImportMapping } from '../../db/repositories/callImports';
import type { MessagingDeps } from '../messaging/messagingService';
import { getClinicSettings } from '../settings/clinicSettings';
import { DeskError } from '../shared/errors';
import { publishCallbacks, type CallbackChange } from './callbackService';
import { callerKey, recordCall } from './callService';
import { externalNumber } from './callTypes';
import { mapInChunks } from './import/yieldingMap';
import { getAbandonWithinSeconds } from './callSettings';
import { getCdrSettings } from './cdrSettings';
import type { ColumnMapping } from './import/importTypes';
import { mappingProblem } from './import/genericCallCsv';
import { parseCallFileYielding, type FormatChoice } from './import/parseCallFile';

export interface CallImportRequest {
  fileName: string;
  content: string;
  format: FormatChoice;
  mappingSource?: string | undefined;
  mapping?: ColumnMappingDto | undefined;
  dryRun: boolean;
}

class DryRunRollback extends Error {}

/** A mapping given now wins; else the one saved under `mappingSource`. */
function mappingFor(deps: MessagingDeps, req: CallImportRequest): ColumnMapping | undefined {
  if (req.mapping) return req.mapping as ColumnMapping;
  if (!req.mappingSource) return undefined;
  const saved = columnMapping.safeParse(readImportMapping(deps.db, req.mappingSource));
  if (!saved.success) throw new DeskError('invalid_input', `mappingSource: no saved column mapping named "${req.mappingSource}"`, { field: 'mappingSource', reason: 'calls.mappingUnknown', params: { source: req.mappingSource } });
  return saved.data as ColumnMapping;
}

export function saveColumnMapping(deps: MessagingDeps, sourceName: string, mapping: ColumnMappingDto): void {
  const problem = mappingProblem(mapping as ColumnMapping);
  if (problem) throw new DeskError('invalid_input', problem, { field: 'mapping', reason: 'calls.mappingIncomplete' });
  writeImportMapping(deps.db, sourceName, mapping, deps.clock.now());
}

/**
 * Puts a PBX call-record file into the log. The parse is pure; bad rows are listed with their line and
 * skipped. Per-row number parsing runs in chunks that yield to other requests. All good rows go in ONE transaction (a crash leaves the file either imported or not at all),
 * each call stored once by its dedupe key, so importing the same file again adds nothing. A dry run does
 * the same work and rolls it back, so its counts are exact.
 */
export async function importCallFile(deps: MessagingDeps, req: CallImportRequest, user: string): Promise<CallImportSummary> {
  const mapping = mappingFor(deps, req);
  if (req.format === 'generic' && !mapping) {
    throw new DeskError('invalid_input', 'mapping: a generic CSV needs a column mapping (give one or name a saved mappingSource)', { field: 'mapping', reason: 'calls.mappingRequired' });
  }
  const cdr = getCdrSettings(deps.db);
  const parsed = await parseCallFileYielding(req.content, {
    timeZone: getClinicSettings(deps.db).timeZone,
    abandonWithinSeconds: getAbandonWithinSeconds(deps.db),
    cdrTimeBase: cdr.timeBase,
    topology: cdr,
    format: req.format,
    ...(mapping ? { mapping } : {}),
  });
  const summary: CallImportSummary = {
    format: parsed.format,
    dryRun: req.dryRun,
    read: parsed.calls.length,
    imported: 0,
    alreadyStored: 0,
    duplicateRows: parsed.duplicates,
    callbackTasksOpened: 0,
    skipped: parsed.skipped,
    errors: parsed.errors,
    fileError: parsed.fileError,
    ...(parsed.fileErrorReason ? { fileErrorReason: parsed.fileErrorReason } : {}),
  };
  if (parsed.fileError) return summary;
  // Number parsing is the slow pure part of storing a call: done here in yielding chunks, the write
  // transaction below stays one transaction (the file is all-or-nothing) but only does SQL.
  const region = deps.region();
  const keys = await mapInChunks(parsed.calls, ({ call }) => callerKey(externalNumber(call), region));
  const changes = new Set<CallbackChange>();
  const apply = deps.db.transaction(() => {
    for (const [i, { call }] of parsed.calls.entries()) {
      const r = recordCall(deps, call, { createPatient: false, quiet: true, callerKey: keys[i] ?? null });
      if (r.created) summary.imported++;
      else summary.alreadyStored++;
      if (r.callback.change === 'opened') summary.callbackTasksOpened++;
      changes.add(r.callback.change);
    }
    if (req.dryRun) throw new DryRunRollback();
    if (req.mappingSource && req.mapping) saveColumnMapping(deps, req.mappingSource, req.mapping);
    logCallImport(
      deps.db,
      {
        fileName: req.fileName,
        format: parsed.format ?? 'unknown',
        sha256: createHash('sha256').update(req.content).digest('hex'),
        imported: summary.imported,
        duplicates: summary.alreadyStored + summary.duplicateRows.length,
        errors: summary.errors.length,
        by: user,
      },
      deps.clock.now(),
    );
  });
  try {
    apply();
  } catch (e) {
    if (!(e instanceof DryRunRollback)) throw e;
  }
  if (!req.dryRun && [...changes].some((c) => c !== 'none')) publishCallbacks(deps);
  return summary;
}
