#!/usr/bin/env node
// `npm test`: typecheck, lint, build, unit tests (vitest) and end-to-end tests (Playwright + Chromium),
// then one closing line "N passed, N failed" counted from both runners' JSON reports.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
// Not test-results/: Playwright empties its outputDir when it starts.
const results = path.join(root, 'test-reports');
fs.mkdirSync(results, { recursive: true });
const unitJson = path.join(results, 'unit.json');
const e2eJson = path.join(results, 'e2e.json');
for (const f of [unitJson, e2eJson]) fs.rmSync(f, { force: true });

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (label, cmd, args, env = {}) => {
  const started = Date.now();
  process.stdout.write(`\n== ${label}\n`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, shell: process.platform === 'win32' });
  process.stdout.write(`== ${label}: exit ${r.status} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return r.status ?? 1;
};

const only = process.argv[2]; // "unit" or "e2e" to run one half
let setupFailed = 0;
if (!only) {
  // Strict types and the layer rules (domain never imports channels, host or Electron) are part of the suite.
  setupFailed += run('typecheck (tsc)', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']) ? 1 : 0;
  setupFailed += run('lint (eslint)', bin('eslint'), ['.']) ? 1 : 0;
}
if (only !== 'unit') {
  setupFailed += run('build', bin('electron-vite'), ['build']) ? 1 : 0;
}
const unitExit = only === 'e2e' ? 0 : run('unit tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${unitJson}`]);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
let e2eExit = 0;
if (only !== 'unit') {
  if (!fs.existsSync(chromium)) {
    process.stdout.write(`Chromium not found at ${chromium}: install it (apt-get install -y chromium) or set CHROMIUM_PATH.\n`);
    e2eExit = 1;
  } else {
    e2eExit = run('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test'], { PW_JSON_OUTPUT: e2eJson });
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
if (fs.existsSync(unitJson)) {
  const u = JSON.parse(fs.readFileSync(unitJson, 'utf8'));
  passed += u.numPassedTests ?? 0;
  failed += u.numFailedTests ?? 0;
  skipped += (u.numPendingTests ?? 0) + (u.numTodoTests ?? 0);
  // A file that fails to load has no tests but is a failure all the same.
  failed += (u.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
} else if (only !== 'e2e') {
  failed += 1;
}
if (fs.existsSync(e2eJson)) {
  const s = JSON.parse(fs.readFileSync(e2eJson, 'utf8')).stats ?? {};
  passed += (s.expected ?? 0) + (s.flaky ?? 0);
  failed += s.unexpected ?? 0;
  skipped += s.skipped ?? 0;
  failed += (JSON.parse(fs.readFileSync(e2eJson, 'utf8')).errors ?? []).length;
} else if (only !== 'unit') {
  failed += 1;
}
// A failed typecheck, lint or build counts as a failure of its own; so does a runner that crashed without reporting one.
failed += setupFailed;
if (failed === 0 && (unitExit || e2eExit)) failed = 1;

process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed > 0 ? 1 : 0;
