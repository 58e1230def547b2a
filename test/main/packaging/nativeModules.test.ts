import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

/**
 * Every `.node` file the installer ships from node_modules is outside the asar (a native module cannot be loaded
 * from inside one). Which modules ship is asked of electron-builder's own dependency collector (the one its packer
 * uses), and which files are excluded or unpacked of its own FileMatcher, with electron-builder.yml's patterns.
 */
const ROOT = path.resolve(__dirname, '../../..');
const req = createRequire(__filename);
const config = load(fs.readFileSync(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as { files: string[]; asarUnpack: string[]; extraResources: { from: string; to: string }[] };

type Filter = (file: string, stat: fs.Stats) => boolean;
const { FileMatcher } = req('app-builder-lib/out/fileMatcher') as { FileMatcher: new (from: string, to: string, expand: (s: string) => string, patterns: string[]) => { createFilter(): Filter } };
const matcher = (patterns: string[]): Filter => new FileMatcher(ROOT, ROOT, (s) => s, patterns).createFilter();

/** The modules electron-builder packs (production dependencies, as its npm collector resolves them). */
async function packedModules(): Promise<{ name: string; dir: string }[]> {
  const { getCollectorByPackageManager } = req('app-builder-lib/out/node-module-collector') as {
    getCollectorByPackageManager(pm: string, dir: string, tmp: unknown): { getNodeModules(o: { packageName: string }): Promise<{ nodeModules: { name: string; dir: string; dependencies?: unknown[] }[] }> };
  };
  const { TmpDir } = req('builder-util') as { TmpDir: new (name: string) => { cleanup(): Promise<void> } };
  const tmp = new TmpDir('native-modules-test');
  try {
    const { nodeModules } = await getCollectorByPackageManager('npm', ROOT, tmp).getNodeModules({ packageName: 'clinic-desk' });
    const flat: { name: string; dir: string }[] = [];
    const walk = (ms: { name: string; dir: string; dependencies?: unknown[] }[]): void => {
      for (const m of ms) {
        flat.push({ name: m.name, dir: m.dir });
        if (m.dependencies) walk(m.dependencies as typeof ms);
      }
    };
    walk(nodeModules);
    return flat;
  } finally {
    await tmp.cleanup();
  }
}

/** `.node` files of one module, not descending into its own node_modules (those are modules of their own). */
function nativeFiles(dir: string): string[] {
  const out: string[] = [];
  const visit = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory() && e.name !== 'node_modules') visit(p);
      else if (e.isFile() && e.name.endsWith('.node')) out.push(p);
    }
  };
  visit(dir);
  return out;
}

/** Each native file: left out by `files`, or shipped and then unpacked by `asarUnpack` — or a problem. */
function classify(files: string[], patterns: { files: string[]; asarUnpack: string[] }) {
  // node_modules are filtered by the exclusions in `files` (the positive ones name the app's own files).
  const shipped = matcher(['**/*', ...patterns.files.filter((p) => p.startsWith('!'))]);
  const unpacked = matcher(patterns.asarUnpack);
  return files.map((f) => {
    const stat = fs.statSync(f);
    const rel = path.relative(ROOT, f).split(path.sep).join('/');
    return { file: rel, verdict: !shipped(f, stat) ? 'not shipped' : unpacked(f, stat) ? 'unpacked' : 'INSIDE THE ASAR' };
  });
}

describe('native modules in the installers', () => {
  it('every .node file of a packed module is either left out or unpacked from the asar', async () => {
    const modules = await packedModules();
    expect(modules.map((m) => m.name)).toEqual(expect.arrayContaining(['better-sqlite3', '@whiskeysockets/baileys', 'electron-updater']));
    const verdicts = classify(modules.flatMap((m) => nativeFiles(m.dir)), config);
    expect(verdicts.filter((v) => v.verdict === 'INSIDE THE ASAR')).toEqual([]);
    // better-sqlite3's Node build (node_modules/better-sqlite3/build) is left out: the app loads the Electron build
    // that the beforePack hook compiles per architecture and extraResources puts at resources/native.
    const sqlite = verdicts.filter((v) => v.file.startsWith('node_modules/better-sqlite3/'));
    expect(sqlite.length).toBeGreaterThan(0);
    expect(sqlite.every((v) => v.verdict === 'not shipped')).toBe(true);
    expect(config.extraResources).toContainEqual({ from: '.native/electron-${arch}/better_sqlite3.node', to: 'native/better_sqlite3.node' });
    const binding = fs.readFileSync(path.join(ROOT, 'src-main/electron/nativeBinding.ts'), 'utf8');
    expect(binding).toContain("path.join(resourcesPath, 'native', 'better_sqlite3.node')");
  }, 60_000);

  it('the check itself: a native file that ships without an asarUnpack pattern is reported', () => {
    const sqlite = nativeFiles(path.join(ROOT, 'node_modules/better-sqlite3/build'));
    expect(sqlite.length).toBeGreaterThan(0);
    // Without the exclusion the Node build would ship; without `**/*.node` it would sit inside the asar.
    expect(classify(sqlite, { files: ['out/**'], asarUnpack: [] }).every((v) => v.verdict === 'INSIDE THE ASAR')).toBe(true);
    expect(classify(sqlite, { files: ['out/**'], asarUnpack: ['**/*.node'] }).every((v) => v.verdict === 'unpacked')).toBe(true);
    expect(classify(sqlite, config).every((v) => v.verdict === 'not shipped')).toBe(true);
  });
});
