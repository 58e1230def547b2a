// Fetches Electron's binary on machines that can reach its download host.
// Electron's own install script is disabled in package.json (allowScripts) so that `npm ci`
// succeeds on offline build machines; here we run it ourselves and only warn when it fails.
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

let installer;
try {
  installer = require.resolve('electron/install.js');
} catch {
  process.exit(0); // production install without devDependencies: nothing to fetch
}
if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log('clinic-desk: ELECTRON_SKIP_BINARY_DOWNLOAD set, not fetching the Electron binary.');
  process.exit(0);
}
const pathFile = path.join(path.dirname(installer), 'path.txt');
if (fs.existsSync(pathFile)) process.exit(0);

const result = spawnSync(process.execPath, [installer], { stdio: 'inherit', timeout: 10 * 60_000 });
if (result.status !== 0) {
  console.warn(
    'clinic-desk: the Electron binary could not be downloaded (offline?). ' +
      'Everything except the desktop window still works: `npm run demo` serves the app to a browser. ' +
      'Run `node node_modules/electron/install.js` once the network is back.',
  );
}
