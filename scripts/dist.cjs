#!/usr/bin/env node
// `npm run dist [-- --win|--mac|--linux] [--publish] [--dir]`: build, then the installers for this OS (or only the
// unpacked app with --dir). Signing and notarisation are driven by environment variables; each is skipped with a
// clear message when its variables are absent (scripts/dist-plan.cjs decides, and says why).
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { distPlan } = require('./dist-plan.cjs');

const root = path.join(__dirname, '..');
const say = (line) => process.stdout.write(`dist: ${line}\n`);
const plan = distPlan({ argv: process.argv.slice(2), env: process.env, hostPlatform: process.platform });
plan.lines.forEach(say);
if (!plan.ok) process.exit(1);

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: plan.env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(bin('electron-vite'), ['build']);
run(bin('electron-builder'), plan.args);
