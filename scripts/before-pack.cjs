// electron-builder beforePack hook: better-sqlite3 for Electron's ABI and for the architecture being packed
// (x64, arm64), into .native/electron-<arch>/ where electron-builder.yml's extraResources picks it up.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { Arch } = require('builder-util');

module.exports = async function beforePack(context) {
  const arch = Arch[context.arch];
  const r = spawnSync(process.execPath, [path.join(__dirname, 'native-electron.cjs'), '--arch', arch], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`before-pack: better-sqlite3 for Electron ${arch} failed to build`);
};
