#!/usr/bin/env node
// `clinic-desk` / `npx clinic-desk`: runs the built CLI, building it first on a fresh checkout.
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.join(__dirname, '..');
const cli = path.join(root, 'out', 'main', 'cli.js');
// Newest source file, so a checkout updated since the last build is rebuilt too (`npm run demo` after `git pull`).
function newest(dir) {
  let t = 0;
  if (!fs.existsSync(dir)) return t;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}
const stale = () => ['src-main', 'src-renderer', 'src-preload'].some((d) => newest(path.join(root, d)) > fs.statSync(cli).mtimeMs);
const inCheckout = fs.existsSync(path.join(root, 'src-main'));
if (!fs.existsSync(cli) || (inCheckout && stale())) {
  process.stderr.write(`clinic-desk: ${fs.existsSync(cli) ? 'sources changed since the last build' : 'first run'}, building the app (npm run build)…\n`);
  const r = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
require(cli);
