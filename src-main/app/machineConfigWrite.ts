import fs from 'node:fs';
import path from 'node:path';
import { machineConfigSchema, parseMachineConfig, readTextFile, type MachineConfig } from './machineConfig';

/**
 * What IT sets from the command line or as MSI properties (`msiexec /i … DATADIR=D:\Clinica SHARE=1`).
 * Every value is text, as msiexec hands it over; an empty value means "leave this key as it is".
 */
export interface MachineConfigChanges {
  dataDir?: string | undefined;
  share?: string | undefined;
  shareHost?: string | undefined;
  sharePort?: string | undefined;
  language?: string | undefined;
  updateChannel?: string | undefined;
  mainDesk?: string | undefined;
}

export type MergeResult = { ok: true; config: MachineConfig; changed: string[] } | { ok: false; field: string; error: string };

const YES = new Set(['1', 'yes', 'true', 'on']);
const NO = new Set(['0', 'no', 'false', 'off']);
const given = (v: string | undefined): v is string => typeof v === 'string' && v.trim() !== '';

/**
 * A Windows command line quirk: msiexec formats `--data-dir "[DATADIR]"`, and a folder typed with a
 * trailing backslash (`D:\Clinica\`) makes `\"` an escaped quote, so the value arrives as `D:\Clinica"`.
 * A Windows path never contains `"`; the stray quote is dropped.
 */
export function cleanMsiPath(v: string): string {
  return v.replace(/"+$/, '').trim();
}

/** Applies IT's changes to the current file's keys; keys not named stay as they are. Validated as the app reads it. */
export function mergeMachineConfig(current: MachineConfig, c: MachineConfigChanges): MergeResult {
  const next: Record<string, unknown> = { ...current };
  const changed: string[] = [];
  if (given(c.dataDir)) {
    next.dataDir = cleanMsiPath(c.dataDir);
    changed.push('dataDir');
  }
  if (given(c.share) || given(c.shareHost) || given(c.sharePort)) {
    const flag = c.share?.trim().toLowerCase();
    if (given(flag) && !YES.has(flag) && !NO.has(flag)) return { ok: false, field: 'share', error: `share: "${c.share}" is not 1 or 0` };
    const port = given(c.sharePort) ? Number(c.sharePort.trim()) : undefined;
    if (port !== undefined && !(Number.isInteger(port) && port >= 1 && port <= 65535)) return { ok: false, field: 'sharePort', error: `sharePort: "${c.sharePort}" is not a port (1–65535)` };
    const before = (current.share ?? { enabled: false }) as { enabled: boolean; host?: string; port?: number };
    next.share = {
      ...before,
      enabled: given(flag) ? YES.has(flag) : before.enabled,
      ...(given(c.shareHost) ? { host: c.shareHost.trim() } : {}),
      ...(port !== undefined ? { port } : {}),
    };
    changed.push('share');
  }
  if (given(c.language)) {
    next.language = c.language.trim().toLowerCase();
    changed.push('language');
  }
  if (given(c.updateChannel)) {
    next.updateChannel = c.updateChannel.trim().toLowerCase();
    changed.push('updateChannel');
  }
  if (given(c.mainDesk)) {
    next.mainDesk = c.mainDesk.trim();
    changed.push('mainDesk');
  }
  const parsed = machineConfigSchema.safeParse(next);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || '(file)';
    return { ok: false, field, error: `${field}: ${issue.message}` };
  }
  return { ok: true, config: parsed.data, changed };
}

export type WriteResult =
  | { ok: true; config: MachineConfig; changed: string[]; file: string; keptBroken: string | null; movedFrom: string | null }
  | { ok: false; field: string; error: string; file: string };

/**
 * Reads the machine-wide file, merges the changes, and writes it whole (a temporary file renamed over it,
 * so the app never reads half a file). A broken file is kept beside it (`.broken`) and replaced, so an
 * install never fails on a file someone mangled by hand; nothing is written when a change is invalid.
 * `legacyFile`: where an older install kept the file; while `file` does not exist, its valid keys are the
 * starting point (the move to the admin-only folder). The legacy file is left where it is, no longer read.
 */
export function updateMachineConfigFile(file: string, changes: MachineConfigChanges, legacyFile: string | null = null): WriteResult {
  let text: string | null;
  let movedFrom: string | null = null;
  try {
    text = readTextFile(file);
    if (text === null && legacyFile !== null) {
      const old = readTextFile(legacyFile);
      if (old !== null && parseMachineConfig(old).ok) {
        text = old;
        movedFrom = legacyFile;
      }
    }
  } catch (err) {
    return { ok: false, field: '(file)', error: `cannot read ${file}: ${(err as Error).message}`, file };
  }
  const current = parseMachineConfig(text);
  const merged = mergeMachineConfig(current.ok ? current.config : {}, changes);
  if (!merged.ok) return { ...merged, file };
  const tmp = `${file}.${process.pid}.tmp`;
  let keptBroken: string | null = null;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    if (!current.ok) {
      keptBroken = `${file}.broken`;
      fs.copyFileSync(file, keptBroken);
    }
    fs.writeFileSync(tmp, `${JSON.stringify(merged.config, null, 2)}\n`);
    fs.renameSync(tmp, file);
  } catch (err) {
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      // nothing was written
    }
    const denied = ['EACCES', 'EPERM'].includes((err as NodeJS.ErrnoException).code ?? '');
    return { ok: false, field: '(file)', error: `cannot write ${file}: ${(err as Error).message}${denied ? ' (only administrators may change it: run as administrator)' : ''}`, file };
  }
  return { ok: true, config: merged.config, changed: merged.changed, file, keptBroken, movedFrom };
}
