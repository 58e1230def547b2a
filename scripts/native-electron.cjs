#!/usr/bin/env node
// Builds better-sqlite3 for Electron's ABI into .native/electron/, leaving node_modules' Node build
// (used by the CLI and the tests) untouched. Needs Electron's headers (downloaded by node-gyp).
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const root = path.join(__dirname, '..');
const electronVersion = require('electron/package.json').version;
const src = path.dirname(require.resolve('better-sqlite3/package.json'));
// --arch x64|arm64 builds for that architecture into .native/electron-<arch>/ (the installers);
// without it, for this machine into .native/electron/ (npm start, npm run dev).
const archAt = process.argv.indexOf('--arch');
const arch = archAt >= 0 ? process.argv[archAt + 1] : process.env.npm_config_arch || process.arch;
const outDir = path.join(root, '.native', archAt >= 0 ? `electron-${arch}` : 'electron');

if (process.argv.includes('--if-missing') && fs.existsSync(path.join(outDir, 'better_sqlite3.node'))) process.exit(0);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'bsq-electron-'));
fs.cpSync(src, work, { recursive: true, filter: (p) => !p.includes(`${path.sep}build${path.sep}`) });
const gyp = require.resolve('node-gyp/bin/node-gyp.js');
const r = spawnSync(process.execPath, [gyp, 'rebuild', '--release', `--target=${electronVersion}`, '--dist-url=https://electronjs.org/headers', `--arch=${arch}`], {
  cwd: work,
  stdio: 'inherit',
});
if (r.status !== 0) {
  console.error('native:electron: could not build better-sqlite3 for Electron (are Electron headers reachable?).');
  process.exit(r.status ?? 1);
}
fs.mkdirSync(outDir, { recursive: true });
fs.copyFileSync(path.join(work, 'build', 'Release', 'better_sqlite3.node'), path.join(outDir, 'better_sqlite3.node'));
fs.rmSync(work, { recursive: true, force: true });
console.log(`native:electron: better-sqlite3 for Electron ${electronVersion} (${arch}) -> ${path.relative(root, outDir)}/better_sqlite3.node`);
