import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importCallsCommand } from '../../../../src-main/cli/commands/importCalls';

const FIXTURES = 'test/fixtures/calls';
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-calls-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function run(file: string, values: Record<string, string | boolean | string[]> = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await importCallsCommand.run({ values: { data: dir, format: 'auto', ...values }, positionals: [path.join(FIXTURES, file)] }, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('clinic-desk import calls', () => {
  it('imports a FreePBX Master.csv, and the same file again adds nothing', async () => {
    const first = await run('freepbx-Master.csv');
    expect(first.code).toBe(0);
    expect(first.out.at(-1)).toMatch(/^Imported [1-9]\d* call\(s\) from freepbx-Master\.csv \(asterisk\); 0 already in the log/);
    const again = await run('freepbx-Master.csv', { json: true });
    const summary = JSON.parse(again.out.join('\n')) as { imported: number; alreadyStored: number };
    expect(summary.imported).toBe(0);
    expect(summary.alreadyStored).toBeGreaterThan(0);
  });

  it('prints bad rows with file:line and exits 1, importing the good rows', async () => {
    const r = await run('asterisk-bad-dates.csv');
    expect(r.code).toBe(1);
    expect(r.err.length).toBeGreaterThan(0);
    for (const line of r.err) expect(line).toMatch(/^asterisk-bad-dates\.csv:\d+ {2}error: /);
    expect(r.out.at(-1)).toMatch(/^Imported [1-9]/);
  });

  it('a dry run saves nothing', async () => {
    const dry = await run('3cx-call-log.csv', { 'dry-run': true });
    expect(dry.out.at(-1)).toMatch(/^Dry run \(nothing saved\): would import [1-9]/);
    const real = await run('3cx-call-log.csv', { json: true });
    expect((JSON.parse(real.out.join('\n')) as { imported: number }).imported).toBeGreaterThan(0);
  });

  it('an empty file and a generic file without a mapping are clear errors', async () => {
    const empty = await run('empty.csv');
    expect(empty.code).toBe(1);
    expect(empty.err).toEqual(['empty.csv: the file is empty']);
    await expect(run('generic-calls.csv', { format: 'generic' })).rejects.toMatchObject({ code: 'invalid_input', field: 'mapping' });
    await expect(run('generic-calls.csv', { format: 'pdf' })).rejects.toMatchObject({ field: '--format' });
  });

  it('reads a generic CSV with --map and saves the mapping under --mapping-source', async () => {
    const map = ['startedAt=Data e ora', 'direction=Tipo', 'number=Numero', 'status=Esito', 'ringSeconds=Attesa (s)', 'talkSeconds=Durata', 'extension=Interno', 'note=Note', 'dateOrder=dmy'];
    const first = await run('generic-calls.csv', { format: 'generic', map, 'mapping-source': 'Foglio reception' });
    expect(first.out.at(-1)).toMatch(/^Imported [1-9]/);
    const again = await run('generic-calls.csv', { format: 'generic', 'mapping-source': 'Foglio reception', json: true });
    expect((JSON.parse(again.out.join('\n')) as { imported: number }).imported).toBe(0);
  });
});
