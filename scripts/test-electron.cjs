#!/usr/bin/env node
// `npm run test:electron`: the desktop smoke test (test/electron) with Playwright's Electron support.
// Runs against CLINIC_DESK_APP (a packaged app) or the built out/ in node_modules' Electron. Where no
// Electron binary exists (offline build machines, containers) it is skipped with a message and exit 0.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..');
let binary = process.env.CLINIC_DESK_APP;
if (!binary) {
  try {
    binary = require('electron'); // the path of the Electron executable, when its binary was downloaded
  } catch {
    binary = undefined;
  }
}
if (process.env.CLINIC_DESK_APP && !fs.existsSync(process.env.CLINIC_DESK_APP)) {
  // Asked for a packaged app that is not there (a failed install, a wrong path): a failure, never a skip.
  process.stderr.write(`test:electron: FAILED — CLINIC_DESK_APP=${process.env.CLINIC_DESK_APP} does not exist.\n`);
  process.exit(1);
}
if (!binary || !fs.existsSync(binary)) {
  process.stdout.write(
    'test:electron: SKIPPED — no Electron binary here (node_modules/electron has none and CLINIC_DESK_APP is not set).\n' +
      'Fetch it with `node node_modules/electron/install.js`, or point CLINIC_DESK_APP at a packaged app.\n',
  );
  process.exit(0);
}
if (!process.env.CLINIC_DESK_APP && !fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) {
  const b = spawnSync(process.execPath, [path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const bin = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'playwright.cmd' : 'playwright');
const r = spawnSync(bin, ['test', '--config', 'playwright.electron.config.ts'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(r.status ?? 1);
