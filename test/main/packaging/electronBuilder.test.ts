import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');
interface Target {
  target: string;
  arch: string[];
}
const config = load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as {
  appId: string;
  npmRebuild: boolean;
  beforePack: string;
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  files: string[];
  win: { target: Target[] };
  msi: { upgradeCode: string; perMachine: boolean };
  mac: { target: Target[]; hardenedRuntime: boolean; notarize: boolean; artifactName: string };
  publish: { provider: string; releaseType: string };
  dmg: { artifactName: string };
  linux: { target: Target[] };
};

describe('installer configuration (electron-builder.yml)', () => {
  it('builds an MSI for x64, a DMG per Mac architecture, and AppImage + deb', () => {
    expect(config.win.target).toEqual([{ target: 'msi', arch: ['x64'] }]);
    // The zips are what the Mac updater (Squirrel.Mac) installs; the DMGs are what IT installs first.
    expect(config.mac.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(config.mac.artifactName).toContain('${arch}');
    // One DMG per architecture needs the architecture in the file name, or the second overwrites the first.
    expect(config.dmg.artifactName).toContain('${arch}');
    expect(config.linux.target.map((t) => t.target).sort()).toEqual(['AppImage', 'deb']);
  });

  it('ships better-sqlite3 built for Electron per target architecture, and unpacks every .node from the asar', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toContain('**/*.node');
    expect(config.npmRebuild).toBe(false);
    expect(config.beforePack).toBe('scripts/before-pack.cjs');
    expect(fs.existsSync(path.join(ROOT, config.beforePack))).toBe(true);
    const native = config.extraResources.find((r) => r.to === 'native/better_sqlite3.node');
    expect(native?.from).toBe('.native/electron-${arch}/better_sqlite3.node');
    // The hook builds exactly that file for the architecture being packed.
    const hook = fs.readFileSync(path.join(ROOT, 'scripts/native-electron.cjs'), 'utf8');
    expect(hook).toContain('`electron-${arch}`');
    expect(config.files).toContain('out/**');
  });

  it('keeps one fixed MSI upgrade code (upgrades replace, data stays) and installs per machine', () => {
    expect(config.msi.upgradeCode).toMatch(/^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/);
    expect(config.msi.upgradeCode).toBe('73A8B440-95ED-4AB4-89A8-C49506E20763');
    expect(config.msi.perMachine).toBe(true);
  });

  it('hardens and notarises the Mac app when the credentials are there', () => {
    expect(config.mac.hardenedRuntime).toBe(true);
    expect(config.mac.notarize).toBe(true);
    const dist = fs.readFileSync(path.join(ROOT, 'scripts/dist-plan.cjs'), 'utf8');
    for (const v of ['WIN_CSC_LINK', 'CSC_LINK', 'APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID']) expect(dist).toContain(v);
    expect(dist).toContain('SKIPPED');
  });

  it('is valid for electron-builder itself (its own schema, as `electron-builder` checks it before building)', async () => {
    const { validateConfiguration } = (await import('app-builder-lib/out/util/config/config')) as unknown as { validateConfiguration(c: unknown, l: unknown): Promise<void> };
    const { DebugLogger } = (await import('builder-util')) as unknown as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    await expect(validateConfiguration({ ...config, msi: { ...config.msi, upgradeKode: 'x' } }, new DebugLogger(false))).rejects.toThrow(/configuration\.msi/);
  });

  it('publishes updates to GitHub Releases as a draft, the repository from the environment, only when asked', () => {
    expect(config.publish).toEqual({ provider: 'github', releaseType: 'draft' });
    // What dist-plan.cjs passes for --publish with and without GH_TOKEN: test/main/packaging/distPlan.test.ts.
    const dist = fs.readFileSync(path.join(ROOT, 'scripts/dist-plan.cjs'), 'utf8');
    expect(dist).toContain('CLINIC_DESK_UPDATES_REPO');
    const workflow = fs.readFileSync(path.join(ROOT, '.github/workflows/release.yml'), 'utf8');
    // Only a version tag publishes; a manual run builds and smoke-tests without uploading anything.
    expect(workflow.match(/npm run dist -- --(win|mac|linux) \$\{\{ startsWith\(github\.ref, 'refs\/tags\/v'\) && '--publish' \|\| '' \}\}/g)).toHaveLength(3);
    expect(workflow).toContain('gh release edit');
  });

  it('the backend entry the utility process runs is built beside main', () => {
    const vite = fs.readFileSync(path.join(ROOT, 'electron.vite.config.ts'), 'utf8');
    expect(vite).toContain("backend: resolve(__dirname, 'src-main/backend/index.ts')");
  });
});
