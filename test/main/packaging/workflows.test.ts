import fs from 'node:fs';
import path from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { actionlint, runScripts, shellcheck, shellcheckAvailable } from '../../support/workflowLint';

/**
 * Every workflow in .github/workflows passes actionlint (rhysd/actionlint as WebAssembly) and shellcheck on its
 * bash scripts with no finding at all, info and style included. Without shellcheck on PATH the shell pass is
 * skipped with a message that says so (`.ci/run` installs Debian's shellcheck); actionlint always runs.
 */
const ROOT = path.resolve(__dirname, '../../..');
const DIR = path.join(ROOT, '.github/workflows');
const workflows = fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const hasShellcheck = shellcheckAvailable();
if (!hasShellcheck) console.warn('workflows.test: shellcheck is not on PATH, so the run: scripts are NOT shell-checked (apt-get install -y shellcheck). actionlint still runs.');

describe('GitHub workflows', () => {
  it('there is at least the release workflow', () => {
    expect(workflows).toContain('release.yml');
  });

  it.each(workflows)('%s has no actionlint finding', async (file) => {
    const findings = await actionlint(fs.readFileSync(path.join(DIR, file), 'utf8'));
    expect(findings.map((f) => `${file}:${f.line}:${f.column} [${f.kind}] ${f.message}`)).toEqual([]);
  });

  it.skipIf(!hasShellcheck).each(workflows)('%s has no shellcheck finding in its bash scripts', (file) => {
    const findings = shellcheck(fs.readFileSync(path.join(DIR, file), 'utf8'));
    expect(findings.map((f) => `${file} ${f.job} "${f.step}" line ${f.line}:${f.column} ${f.code} (${f.level}): ${f.message}`)).toEqual([]);
  });

  it('release.yml: three installer jobs after one draft release, each smoke-testing its packaged app; Windows asserts the ACLs', () => {
    type Job = { needs?: string | string[]; 'runs-on': string; steps: { run?: string; shell?: string; with?: Record<string, unknown> }[] };
    const wf = load(fs.readFileSync(path.join(DIR, 'release.yml'), 'utf8')) as { jobs: Record<string, Job> };
    const runsOf = (job: string) => wf.jobs[job]!.steps.map((s) => s.run ?? '').join('\n');
    for (const [job, runner] of [['windows', 'windows-latest'], ['macos', 'macos-latest'], ['linux', 'ubuntu-latest']] as const) {
      expect(wf.jobs[job]!['runs-on']).toBe(runner);
      expect(wf.jobs[job]!.needs).toBe('draft');
      expect(runsOf(job)).toMatch(/npm run test:electron/);
      // A missing installer fails the upload instead of a green job with nothing attached.
      for (const s of wf.jobs[job]!.steps.filter((s) => s.with && 'path' in s.with)) expect(s.with!['if-no-files-found']).toBe('error');
    }
    expect(wf.jobs.publish!.needs).toEqual(['windows', 'macos', 'linux']);
    const acl = wf.jobs.windows!.steps.find((s) => s.run === './scripts/ci/assert-windows-acl.ps1');
    expect(acl?.shell).toBe('pwsh');
    const script = fs.readFileSync(path.join(ROOT, 'scripts/ci/assert-windows-acl.ps1'), 'utf8');
    // By SID, never by the (localised) group name; Modify on the folder, its subfolders and its files.
    expect(script).toContain("$UsersSid = 'S-1-5-32-545'");
    expect(script).toContain('GetAccessRules($true, $true, [System.Security.Principal.SecurityIdentifier])');
    expect(script).toMatch(/foreach \(\$scope in @\('itself', 'subfolders', 'files'\)\)/);
    expect(script).toContain('if ($rule.IdentityReference.Value -ne $Sid) { continue }');
  });

  it('actionlint really checks: a misspelt input, an unknown context property and a missing job are reported', async () => {
    const bad = [
      'on: push',
      'jobs:',
      '  a:',
      '    needs: [b]',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - uses: actions/checkout@v4',
      '        with: { fetch-dept: 1 }',
      '      - run: echo "${{ github.nope }}"',
    ].join('\n');
    const kinds = (await actionlint(bad)).map((f) => f.kind).sort();
    expect(kinds).toEqual(['action', 'expression', 'job-needs']);
  });

  it.skipIf(!hasShellcheck)('shellcheck really checks the bash scripts and leaves PowerShell ones alone', () => {
    const bad = [
      'on: push',
      'jobs:',
      '  l:',
      '    runs-on: ubuntu-latest',
      '    steps:',
      '      - run: |',
      '          f=$(ls dist/*.deb | head -n 1)',
      '          cp $f "${{ runner.temp }}"',
      '  w:',
      '    runs-on: windows-latest',
      '    steps:',
      '      - run: $x = Get-ChildItem dist; cp $x $y',
    ].join('\n');
    expect(runScripts(bad).map((s) => s.shell)).toEqual(['bash', 'pwsh']);
    const codes = shellcheck(bad).map((f) => `${f.job}:${f.code}:${f.line}`);
    // ls in a command substitution (SC2012), an unquoted variable (SC2086) on the script's own line 2.
    expect(codes).toEqual(expect.arrayContaining(['l:SC2012:1', 'l:SC2086:2']));
    expect(codes.every((c) => c.startsWith('l:'))).toBe(true);
  });
});
