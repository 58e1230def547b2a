// What `npm run dist` hands to electron-builder: its CLI arguments, the environment (signing, notarisation,
// publishing) and the lines it prints about what runs and what is skipped. Pure, so a unit test can feed the
// result to electron-builder's own argument parser and configuration loader (test/main/packaging/distPlan.test.ts).
//
// Read against electron-builder 26's source:
// - a CSC_LINK / WIN_CSC_LINK that is SET BUT EMPTY (what GitHub Actions gives for a secret the repository does not
//   have) is not "absent" to electron-builder: on macOS it makes a keychain from it and fails with
//   "<project dir> not a file". Empty signing variables are therefore removed, never passed on.
// - notarisation (APPLE_ID + APPLE_APP_SPECIFIC_PASSWORD + APPLE_TEAM_ID) runs only after a Developer ID signature;
//   one or two of the three set makes electron-builder stop ("APPLE_TEAM_ID env var needs to be set").
// - with no certificate the Mac app is signed ad hoc (`mac.identity: "-"`), so Apple Silicon runs it with a
//   consistent signature; the default entitlements include disable-library-validation, which the hardened
//   runtime needs to load better_sqlite3.node under an ad-hoc signature.
const SIGNING_VARS = ['CSC_LINK', 'CSC_KEY_PASSWORD', 'CSC_NAME', 'WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'GH_TOKEN'];
const NOTARY_VARS = ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'];

/**
 * @param {{ argv: string[], env: Record<string, string | undefined>, hostPlatform: string }} input
 * @returns {{ ok: true, platform: string, args: string[], env: Record<string, string | undefined>, lines: string[] } | { ok: false, lines: string[] }}
 */
function distPlan({ argv, env: inputEnv, hostPlatform }) {
  const env = { ...inputEnv };
  const lines = [];
  for (const name of SIGNING_VARS) if (env[name] !== undefined && env[name].trim() === '') delete env[name];
  const platform = argv.includes('--win') ? 'win32' : argv.includes('--mac') ? 'darwin' : argv.includes('--linux') ? 'linux' : hostPlatform;
  const config = [];

  if (platform === 'win32') {
    if (env.WIN_CSC_LINK || env.CSC_LINK) lines.push('Windows code signing: on (certificate from WIN_CSC_LINK/CSC_LINK).');
    else lines.push('Windows code signing: SKIPPED (set WIN_CSC_LINK and WIN_CSC_KEY_PASSWORD to sign the MSI and the app).');
  }
  if (platform === 'darwin') {
    const signed = Boolean(env.CSC_LINK || env.CSC_NAME);
    if (signed) lines.push('macOS signing: on (Developer ID from CSC_LINK/CSC_NAME).');
    else {
      lines.push('macOS signing: SKIPPED (set CSC_LINK and CSC_KEY_PASSWORD with a Developer ID Application certificate); the app is signed ad hoc.');
      env.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
      config.push('-c.mac.identity=-');
    }
    const present = NOTARY_VARS.filter((v) => env[v]);
    if (present.length > 0 && present.length < NOTARY_VARS.length) {
      const missing = NOTARY_VARS.filter((v) => !env[v]);
      return { ok: false, lines: [...lines, `macOS notarisation: ${present.join(', ')} set but ${missing.join(', ')} missing; set all three or none.`] };
    }
    if (present.length === NOTARY_VARS.length && signed) lines.push('macOS notarisation: on (APPLE_ID, APPLE_TEAM_ID).');
    else {
      if (present.length === NOTARY_VARS.length) lines.push('macOS notarisation: SKIPPED (Apple notarises only a Developer ID signature: set CSC_LINK too).');
      else lines.push('macOS notarisation: SKIPPED (set APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID); Gatekeeper will warn on other Macs.');
      for (const v of NOTARY_VARS) delete env[v];
    }
  }

  // Updates: the GitHub repository the app checks (packed into app-update.yml); publishing only when asked.
  const updatesRepo = env.CLINIC_DESK_UPDATES_REPO || env.GITHUB_REPOSITORY || '';
  if (/^[\w.-]+\/[\w.-]+$/.test(updatesRepo)) {
    const [owner, repo] = updatesRepo.split('/');
    config.push(`-c.publish.owner=${owner}`, `-c.publish.repo=${repo}`);
    lines.push(`updates: GitHub Releases of ${updatesRepo}.`);
  } else {
    lines.push('updates: repository from the git remote (set CLINIC_DESK_UPDATES_REPO=owner/name to choose); without one the app is built without an update feed.');
  }
  const publish = argv.includes('--publish');
  if (publish && !env.GH_TOKEN) lines.push('publishing: SKIPPED (set GH_TOKEN to upload the installers to a draft GitHub release).');
  else if (publish) lines.push('publishing: on (a draft GitHub release for this version).');

  const target = platform === 'win32' ? '--win' : platform === 'darwin' ? '--mac' : '--linux';
  const extra = argv.includes('--dir') ? ['--dir'] : [];
  const args = ['--config', 'electron-builder.yml', target, ...extra, ...config, '--publish', publish && env.GH_TOKEN ? 'always' : 'never'];
  return { ok: true, platform, args, env, lines };
}

module.exports = { distPlan, SIGNING_VARS };
