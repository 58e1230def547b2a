import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * `npm run dist` on each release runner, as GitHub Actions calls it (a secret the repository does not have arrives
 * as an EMPTY variable). The arguments go through electron-builder's own CLI parser and configuration loader, so a
 * flag it does not know, or a `-c.` override that does not land where we think, fails here and not on a tag.
 */
const ROOT = path.resolve(__dirname, '../../..');
const req = createRequire(__filename);
type Plan =
  | { ok: true; platform: string; args: string[]; env: Record<string, string | undefined>; lines: string[] }
  | { ok: false; lines: string[] };
const { distPlan } = req(path.join(ROOT, 'scripts/dist-plan.cjs')) as {
  distPlan(input: { argv: string[]; env: Record<string, string | undefined>; hostPlatform: string }): Plan;
};

const emptySecrets = {
  GH_TOKEN: '',
  CSC_LINK: '',
  CSC_KEY_PASSWORD: '',
  WIN_CSC_LINK: '',
  WIN_CSC_KEY_PASSWORD: '',
  APPLE_ID: '',
  APPLE_APP_SPECIFIC_PASSWORD: '',
  APPLE_TEAM_ID: '',
  GITHUB_REPOSITORY: 'clinic/desk',
};

function plan(argv: string[], env: Record<string, string | undefined>, hostPlatform = 'linux') {
  const p = distPlan({ argv, env, hostPlatform });
  if (!p.ok) throw new Error(p.lines.join('\n'));
  return p;
}

/** electron-builder's CLI (yargs) + its configuration loading and schema validation, as `electron-builder <args>` does. */
async function effectiveConfig(args: string[]) {
  const { createYargs, configureBuildCommand, normalizeOptions } = req('electron-builder/out/builder') as {
    createYargs(): unknown;
    configureBuildCommand(y: unknown): { parse(a: string[]): Record<string, unknown> };
    normalizeOptions(a: Record<string, unknown>): { publish?: string; targets: Map<{ name: string }, Map<number, string[]>> } & Record<string, unknown>;
  };
  const { Packager } = req('app-builder-lib') as {
    Packager: new (o: unknown) => { validateConfig(): Promise<void>; config: Record<string, Record<string, unknown>> };
  };
  const options = normalizeOptions(configureBuildCommand(createYargs()).parse(args));
  const packager = new Packager({ ...options, projectDir: ROOT });
  await packager.validateConfig();
  return { options, config: packager.config, platforms: [...options.targets.keys()].map((p) => p.name) };
}

describe('npm run dist (scripts/dist-plan.cjs) against electron-builder', () => {
  it('macOS without secrets: empty variables removed, ad-hoc signature, notarisation skipped, no upload', async () => {
    const p = plan(['--mac'], { ...emptySecrets, PATH: '/usr/bin' }, 'darwin');
    for (const v of ['CSC_LINK', 'CSC_KEY_PASSWORD', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID', 'GH_TOKEN']) expect(p.env).not.toHaveProperty(v);
    expect(p.env.PATH).toBe('/usr/bin');
    expect(p.lines.join('\n')).toMatch(/macOS signing: SKIPPED.*signed ad hoc/);
    expect(p.lines.join('\n')).toMatch(/macOS notarisation: SKIPPED/);
    const { options, config, platforms } = await effectiveConfig(p.args);
    expect(platforms).toEqual(['mac']);
    expect(options.publish).toBe('never');
    expect(config.mac!.identity).toBe('-');
    // The overrides are merged into electron-builder.yml, not instead of it.
    expect(config.mac!.hardenedRuntime).toBe(true);
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'draft', owner: 'clinic', repo: 'desk' });
  });

  it('macOS with a certificate and the three notary variables: Developer ID signing, notarisation on, upload on a tag', async () => {
    const p = plan(['--mac', '--publish'], { ...emptySecrets, GH_TOKEN: 't', CSC_LINK: 'MIIK…=', CSC_KEY_PASSWORD: 'pw', APPLE_ID: 'it@clinic.example', APPLE_APP_SPECIFIC_PASSWORD: 'abcd-efgh', APPLE_TEAM_ID: 'TEAM123' }, 'darwin');
    expect(p.env.APPLE_TEAM_ID).toBe('TEAM123');
    expect(p.env.CSC_IDENTITY_AUTO_DISCOVERY).toBeUndefined();
    expect(p.lines).toContain('macOS notarisation: on (APPLE_ID, APPLE_TEAM_ID).');
    const { options, config } = await effectiveConfig(p.args);
    expect(options.publish).toBe('always');
    expect(config.mac!.identity).toBeUndefined();
  });

  it('notary variables without a certificate are dropped (Apple notarises Developer ID signatures only); one of three is refused', () => {
    const p = plan(['--mac'], { ...emptySecrets, APPLE_ID: 'a', APPLE_APP_SPECIFIC_PASSWORD: 'b', APPLE_TEAM_ID: 'c' }, 'darwin');
    expect(p.env.APPLE_ID).toBeUndefined();
    expect(p.lines.join('\n')).toMatch(/notarisation: SKIPPED \(Apple notarises only a Developer ID signature/);
    const partial = distPlan({ argv: ['--mac'], env: { ...emptySecrets, CSC_LINK: 'x', APPLE_ID: 'a' }, hostPlatform: 'darwin' });
    expect(partial.ok).toBe(false);
    expect(partial.lines.at(-1)).toBe('macOS notarisation: APPLE_ID set but APPLE_APP_SPECIFIC_PASSWORD, APPLE_TEAM_ID missing; set all three or none.');
  });

  it('Windows: an empty WIN_CSC_LINK means unsigned (said so), the MSI target from the yml, publish only with a token', async () => {
    const p = plan(['--win', '--publish'], emptySecrets, 'win32');
    expect(p.env).not.toHaveProperty('WIN_CSC_LINK');
    expect(p.lines[0]).toMatch(/Windows code signing: SKIPPED/);
    expect(p.lines).toContain('publishing: SKIPPED (set GH_TOKEN to upload the installers to a draft GitHub release).');
    const { options, config, platforms } = await effectiveConfig(p.args);
    expect(platforms).toEqual(['windows']);
    expect(options.publish).toBe('never');
    expect(config.win!.target).toEqual([{ target: 'msi', arch: ['x64'] }]);
    const signed = plan(['--win'], { ...emptySecrets, WIN_CSC_LINK: 'cert.p12' }, 'win32');
    expect(signed.lines[0]).toBe('Windows code signing: on (certificate from WIN_CSC_LINK/CSC_LINK).');
  });

  it('Linux on a tag: AppImage + deb uploaded to the draft release of the repository the workflow runs in', async () => {
    const p = plan(['--linux', '--publish'], { ...emptySecrets, GH_TOKEN: 'ghs_x' });
    const { options, config, platforms } = await effectiveConfig(p.args);
    expect(platforms).toEqual(['linux']);
    expect(options.publish).toBe('always');
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'draft', owner: 'clinic', repo: 'desk' });
  });

  it('--dir packs the unpacked app only (no installer), for this platform when none is named', async () => {
    const p = plan(['--dir'], {}, 'linux');
    expect(p.args).toContain('--dir');
    const { options, platforms } = await effectiveConfig(p.args);
    expect(platforms).toEqual(['linux']);
    const linuxTargets = [...options.targets.values()][0]!;
    expect([...linuxTargets.values()]).toEqual([['dir']]);
  });
});
