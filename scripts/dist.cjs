#!/usr/bin/env node
// `npm run dist [-- --win|--mac|--linux]`: build, then the installers for this OS. Signing and notarisation
// are driven by environment variables; each is skipped with a clear message when its variables are absent.
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const root = path.join(__dirname, '..');
const env = { ...process.env };
const say = (line) => process.stdout.write(`dist: ${line}\n`);
const platform = process.argv.includes('--win') ? 'win32' : process.argv.includes('--mac') ? 'darwin' : process.argv.includes('--linux') ? 'linux' : process.platform;

if (platform === 'win32') {
  if (env.WIN_CSC_LINK || env.CSC_LINK) say('Windows code signing: on (certificate from WIN_CSC_LINK/CSC_LINK).');
  else say('Windows code signing: SKIPPED (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign the MSI and the app).');
}
if (platform === 'darwin') {
  if (env.CSC_LINK || env.CSC_NAME) say('macOS signing: on (Developer ID from CSC_LINK/CSC_NAME).');
  else {
    say('macOS signing: SKIPPED (set CSC_LINK and CSC_KEY_PASSWORD with a Developer ID Application certificate); the app is ad-hoc signed.');
    env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
  }
  if (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) say('macOS notarisation: on (APPLE_ID, APPLE_TEAM_ID).');
  else say('macOS notarisation: SKIPPED (set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID); Gatekeeper will warn on other Macs.');
}

// Updates: the GitHub repository the app checks (packed into app-update.yml); publishing only when asked.
const publish = process.argv.includes('--publish');
const updatesRepo = env.CLINIC_DESK_UPDATES_REPO || env.GITHUB_REPOSITORY || '';
const publishArgs = [];
if (/^[\w.-]+\/[\w.-]+$/.test(updatesRepo)) {
  const [owner, repo] = updatesRepo.split('/');
  publishArgs.push(`-c.publish.owner=${owner}`, `-c.publish.repo=${repo}`);
  say(`updates: GitHub Releases of ${updatesRepo}.`);
} else {
  say('updates: repository from the git remote (set CLINIC_DESK_UPDATES_REPO=owner/name to choose); without one the app is built without an update feed.');
}
if (publish && !env.GH_TOKEN) {
  say('publishing: SKIPPED (set GH_TOKEN to upload the installers to a draft GitHub release).');
} else if (publish) say('publishing: on (a draft GitHub release for this version).');

const bin = (name) => path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? `${name}.cmd` : name);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
run(bin('electron-vite'), ['build']);
const target = platform === 'win32' ? '--win' : platform === 'darwin' ? '--mac' : '--linux';
run(bin('electron-builder'), ['--config', 'electron-builder.yml', target, ...publishArgs, '--publish', publish && env.GH_TOKEN ? 'always' : 'never']);
